// What a card says back about a check-in. The words are the server's (src/words/checkin.cc:
// every check-in's answer and every listed day carry them), the same as the command line's.
// Only a check-in still on this phone, not yet answered by the server, is said back here from
// what was entered, in the same form; the server's words replace these as soon as it answers.
import { minutesOf, timeOf } from '../dates.js';
import { fieldsOf } from '../words.js';

const LOADS = {
  rotation: 'sustained rotation',
  breathing_under_load: 'heavy breathing under load',
  arms_away: 'the arms working away from the body',
};
const PATTERNS = { stable: 'stable', building: 'building', eased: 'easing off' };

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export function morningLines(m) {
  return [`Pain ${m.pain}${m.stiffness !== undefined && m.stiffness !== null ? `, stiffness ${m.stiffness}` : ''}.`];
}

export function sessionPhrase(s) {
  let out = s.activity || 'a session';
  if (s.time && s.minutes) {
    out += `, started ${s.time}, ended ${timeOf(minutesOf(s.time) + s.minutes)} (${s.minutes} min)`;
  } else if (s.time) out += ` at ${s.time}`;
  else if (s.minutes) out += ` (${s.minutes} min)`;
  return out;
}

export function sessionLines(s) {
  const lines = [`${cap(sessionPhrase(s))}.`];
  const d = s.during || {};
  const has = (v) => v !== undefined && v !== null;
  let during = '';
  if (has(d.start) && has(d.end)) during = `${d.start} to ${d.end}`;
  else if (has(d.start)) during = `${d.start} early on`;
  else if (has(d.end)) during = `${d.end} at the end`;
  if (d.pattern) during += `${during ? ', ' : ''}${PATTERNS[d.pattern] || d.pattern}`;
  if (during) lines.push(`During: ${during}.`);
  if (d.sharp) lines.push('Sharp or catching pain.');
  if (s.load && s.load.length) lines.push(`Asked of the mid back: ${s.load.map((l) => LOADS[l] || l).join(', ')}.`);
  return lines;
}

export function hourAfterLines(a) {
  const parts = [];
  if (a.pain !== undefined && a.pain !== null) parts.push(`pain ${a.pain}`);
  if (a.tighter) parts.push('tighter than before');
  return [`${cap(parts.join(', ') || 'not recorded')}.`];
}

export function contextLines(x) {
  const parts = [];
  if (x.sleep_hours !== undefined) parts.push(`slept ${x.sleep_hours} h`);
  if (x.sleep_quality !== undefined) parts.push(`sleep ${x.sleep_quality}/10`);
  if (x.stress !== undefined) parts.push(`stress ${x.stress}`);
  if (x.upper_body_tension !== undefined) parts.push(`upper-body tension ${x.upper_body_tension}`);
  if (x.sitting_hours !== undefined) parts.push(`sitting ${x.sitting_hours} h`);
  if (x.prolonged_position) parts.push('long spells in one position');
  if (x.painkillers) parts.push(x.painkiller_name ? `painkillers (${x.painkiller_name})` : 'painkillers');
  for (const t of x.tags || []) parts.push(`“${t}”`);
  // A choice (a fall or an injury), by its label as the server describes the field.
  for (const f of fieldsOf('context')) {
    if (f.control !== 'choice' || x[f.key] === undefined || x[f.key] === null) continue;
    const c = (f.choices || []).find((k) => k.name === x[f.key]);
    parts.push(c ? c.label.toLowerCase() : x[f.key]);
  }
  return [`${cap(parts.join('; ') || 'nothing of note')}.`];
}

// The server's words for a part of a day, or null when a queued check-in changed it since.
export function dayWords(day, marks, part, n) {
  const w = day.words;
  if (!w) return null;
  if (part === 'morning') return marks.morning || !w.morning ? null : [w.morning];
  if (part === 'context') return marks.context || !w.context ? null : [w.context];
  const s = w.sessions && w.sessions[n - 1];
  if (!s) return null;
  if (part === 'session') return marks[`session ${n}`] ? null : s.lines;
  if (part === 'hour_after') return marks[`hour_after ${n}`] || !s.hour_after ? null : [s.hour_after];
  return null;
}
