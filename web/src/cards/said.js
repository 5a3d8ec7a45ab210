// What a card says back about a check-in. The words are the server's (src/words/checkin.cc:
// every check-in's answer and every listed day carry them), the same as the command line's.
// Only a check-in still on this phone, not yet answered by the server, is said back here from
// what was entered, in the same form; the server's words replace these as soon as it answers.
import { minutesOf, timeOf } from '../dates.js';
import { number, tr, trc } from '../i18n.js';
import { fieldsOf } from '../words.js';

// The loads and the patterns, made when said (the catalogue is loaded by then).
const loads = () => ({
  rotation: tr('sustained rotation'),
  breathing_under_load: tr('heavy breathing under load'),
  arms_away: tr('the arms working away from the body'),
});
const patterns = () => ({
  stable: trc('pain during a session', 'stable'),
  building: trc('pain during a session', 'building'),
  eased: trc('pain during a session', 'easing off'),
});

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// A field's label inside a sentence ("stress today"): its first letter small where the language
// writes it so; German keeps the capital of its nouns (the catalogue says which).
export function inSentence(label) {
  // TRANSLATORS: "lower-case" where a label inside a sentence starts with a small letter
  // ("a fall"), anything else ("as written") to keep its capital (German nouns).
  if (trc('a label inside a sentence', 'lower-case') !== 'lower-case') return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function morningLines(m) {
  const pain = number(m.pain);
  if (m.stiffness !== undefined && m.stiffness !== null)
    // TRANSLATORS: a morning recorded: {pain} and {stiffness} are 0-10 ("4.5").
    return [tr('Pain {pain}, stiffness {stiffness}.', { pain, stiffness: number(m.stiffness) })];
  // TRANSLATORS: a morning recorded: {pain} is 0-10 ("4.5").
  return [tr('Pain {pain}.', { pain })];
}

export function sessionPhrase(s) {
  const activity = s.activity || tr('a session');
  if (s.time && s.minutes)
    // TRANSLATORS: {activity} is the person's own name for it ("rowing") or "a session"; {start}
    // and {end} are times ("14:30"), {minutes} a whole number.
    return tr('{activity}, started {start}, ended {end} ({minutes} min)', {
      activity,
      start: s.time,
      end: timeOf(minutesOf(s.time) + s.minutes),
      minutes: s.minutes,
    });
  // TRANSLATORS: {activity} is the person's own name for it ("rowing") or "a session"; {time} is "14:30".
  if (s.time) return tr('{activity} at {time}', { activity, time: s.time });
  // TRANSLATORS: {activity} is the person's own name for it ("rowing") or "a session"; {minutes} a whole number.
  if (s.minutes) return tr('{activity} ({minutes} min)', { activity, minutes: s.minutes });
  return activity;
}

export function sessionLines(s) {
  const lines = [`${cap(sessionPhrase(s))}.`];
  const d = s.during || {};
  const has = (v) => v !== undefined && v !== null;
  const start = has(d.start) ? number(d.start) : null;
  const end = has(d.end) ? number(d.end) : null;
  let during = '';
  // TRANSLATORS: the pain during a session, 0-10: at its start and at its end.
  if (has(d.start) && has(d.end)) during = tr('{start} to {end}', { start, end });
  // TRANSLATORS: the pain early in a session, 0-10.
  else if (has(d.start)) during = tr('{start} early on', { start });
  // TRANSLATORS: the pain at the end of a session, 0-10.
  else if (has(d.end)) during = tr('{end} at the end', { end });
  if (d.pattern) during += `${during ? ', ' : ''}${patterns()[d.pattern] || d.pattern}`;
  // TRANSLATORS: {during} is "2 to 5, building".
  if (during) lines.push(tr('During: {during}.', { during }));
  if (d.sharp) lines.push(tr('Sharp or catching pain.'));
  if (s.load && s.load.length) {
    const named = loads();
    // TRANSLATORS: {loads} is "sustained rotation, heavy breathing under load".
    lines.push(tr('Asked of the mid back: {loads}.', { loads: s.load.map((l) => named[l] || l).join(', ') }));
  }
  // TRANSLATORS: {effort} is 0-10.
  if (has(s.effort)) lines.push(tr('Effort {effort} of 10.', { effort: number(s.effort) }));
  return lines;
}

export function hourAfterLines(a) {
  const parts = [];
  // TRANSLATORS: the pain an hour after a session; {pain} is 0-10.
  if (a.pain !== undefined && a.pain !== null) parts.push(tr('pain {pain}', { pain: number(a.pain) }));
  if (a.tighter) parts.push(tr('tighter than before'));
  return [`${cap(parts.join(', ') || tr('not recorded'))}.`];
}

export function contextLines(x) {
  const parts = [];
  // TRANSLATORS: {hours} is a number of hours ("7.5").
  if (x.sleep_hours !== undefined) parts.push(tr('slept {hours} h', { hours: number(x.sleep_hours) }));
  // TRANSLATORS: how well the person slept; {score} is 0-10.
  if (x.sleep_quality !== undefined) parts.push(tr('sleep {score}/10', { score: number(x.sleep_quality) }));
  // TRANSLATORS: {score} is 0-10.
  if (x.stress !== undefined) parts.push(tr('stress {score}', { score: number(x.stress) }));
  if (x.upper_body_tension !== undefined)
    // TRANSLATORS: {score} is 0-10.
    parts.push(tr('upper-body tension {score}', { score: number(x.upper_body_tension) }));
  // TRANSLATORS: hours of sitting; {hours} is a number of hours ("7.5").
  if (x.sitting_hours !== undefined) parts.push(tr('sitting {hours} h', { hours: number(x.sitting_hours) }));
  if (x.prolonged_position) parts.push(tr('long spells in one position'));
  // TRANSLATORS: {name} is the painkiller the person named ("ibuprofen").
  if (x.painkillers && x.painkiller_name) parts.push(tr('painkillers ({name})', { name: x.painkiller_name }));
  else if (x.painkillers) parts.push(tr('painkillers'));
  // TRANSLATORS: a factor of the person's own ("late night"), in the language's quotation marks.
  for (const t of x.tags || []) parts.push(tr('“{factor}”', { factor: t }));
  // A choice (a fall or an injury), by its label as the server describes the field.
  for (const f of fieldsOf('context')) {
    if (f.control !== 'choice' || x[f.key] === undefined || x[f.key] === null) continue;
    const c = (f.choices || []).find((k) => k.name === x[f.key]);
    parts.push(c ? inSentence(c.label) : x[f.key]);
  }
  return [`${cap(parts.join('; ') || tr('nothing of note'))}.`];
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
