// Workouts imported from a file the person already has (Apple Health, Health Connect, Google
// Fit, GPX, TCX, Strava): first what would happen, then, on their word, the sessions added, with
// the loads each activity suggests recorded only when they tick it.
import { errorText, session } from './api.js';
import { addDays, prettyDate, today } from './dates.js';
import { feedback, fill, h, nextId } from './dom.js';
import { ntr, tr, trc } from './i18n.js';

const LIMIT = 32 * 1024 * 1024;
const loadWords = () => ({
  rotation: tr('sustained rotation'),
  breathing_under_load: tr('heavy breathing under load'),
  arms_away: tr('arms working away from the body'),
});

async function send(file, { dryRun, acceptLoads }) {
  const q = new URLSearchParams({ name: file.name, dry_run: String(dryRun), accept_loads: String(acceptLoads) });
  const headers = { 'Content-Type': 'application/octet-stream' };
  if (session.me.csrf) headers['X-CSRF-Token'] = session.me.csrf;
  let res;
  try {
    res = await fetch(`/api/v1/workouts?${q}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, offline: true, data: null };
  }
  let data;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  return { ok: res.ok, status: res.status, data, offline: res.status >= 502 && res.status <= 504 };
}

function outcomeWords(w, dryRun) {
  switch (w.outcome) {
    case 'added':
      return dryRun ? tr('a new session') : trc('a workout imported', 'added');
    case 'merged':
      // TRANSLATORS: what importing a workout would do; {n} is a session's number in its day.
      if (dryRun) return tr('fills in session {n} of that day', { n: w.session });
      // TRANSLATORS: what importing a workout did; {n} is a session's number in its day.
      return tr('filled in session {n} of that day', { n: w.session });
    case 'unchanged':
      return tr('already there');
    default:
      return tr('after today: left out');
  }
}

// What was added, each day a link that opens it, and where the missing windows are listed:
// Today lists the last week's; older days are opened here (or from History).
function addedSummary(x) {
  const changed = x.workouts.filter((w) => w.outcome === 'added' || w.outcome === 'merged');
  const weekAgo = addDays(today(), -7);
  const older = changed.filter((w) => w.date < weekAgo);
  const where = !changed.length
    ? null
    : older.length === 0
      ? tr('Today lists each one’s missing windows: how it went, the hour after, and the next morning.')
      : older.length === changed.length
        ? tr(
            'These are more than a week old, so Today does not list them: open each day below to add how it went, the hour after and the next morning.',
          )
        : tr(
            'Today lists the missing windows of those from the last week; the older ones are not on Today: open each day below to add how it went, the hour after and the next morning.',
          );
  return h(
    'div',
    { class: 'workouts-added', id: 'workouts-added' },
    h(
      'p',
      { class: 'feedback ok' },
      x.merged
        ? ntr(
            // TRANSLATORS: {n} sessions added from a workout file; {merged} sessions already in the diary that it filled in.
            'Added {n} session and filled in {merged} already there.',
            'Added {n} sessions and filled in {merged} already there.',
            x.added,
            { merged: x.merged },
          )
        : // TRANSLATORS: {n} sessions added from a workout file.
          ntr('Added {n} session.', 'Added {n} sessions.', x.added),
    ),
    where ? h('p', {}, where) : null,
    changed.length
      ? h(
          'ul',
          { class: 'plain day-links' },
          changed.map((w) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: `#history=${w.date}`, class: 'day-link' },
                // TRANSLATORS: a link to a day: {date} is "Sat 5 Dec", {time} "14:30", {activity} "rowing".
                tr('{date} {time}, {activity}: open the day', {
                  date: prettyDate(w.date),
                  time: w.time,
                  activity: w.activity,
                }),
              ),
            ),
          ),
        )
      : null,
  );
}

// What a file holds and what importing it would do: "Strava: 3 workouts; 3 new, ...".
function previewWords(d) {
  const args = { format: d.format, added: d.added, merged: d.merged, unchanged: d.unchanged, skipped: d.skipped };
  if (d.skipped)
    return ntr(
      // TRANSLATORS: {format} is the file's kind ("Strava"); {n} workouts in it, of which {added}
      // are new, {merged} fill in sessions already there, {unchanged} are already there, {skipped} left out.
      '{format}: {n} workout; {added} new, {merged} to fill in, {unchanged} already there, {skipped} too short or without a time.',
      '{format}: {n} workouts; {added} new, {merged} to fill in, {unchanged} already there, {skipped} too short or without a time.',
      d.workouts.length,
      args,
    );
  return ntr(
    // TRANSLATORS: {format} is the file's kind ("Strava"); {n} workouts in it, of which {added}
    // are new, {merged} fill in sessions already there, {unchanged} are already there.
    '{format}: {n} workout; {added} new, {merged} to fill in, {unchanged} already there.',
    '{format}: {n} workouts; {added} new, {merged} to fill in, {unchanged} already there.',
    d.workouts.length,
    args,
  );
}

export function workoutsCard(onDone) {
  const headingId = nextId('h');
  const inputId = nextId('f');
  const fb = feedback();
  const input = h('input', {
    id: inputId,
    type: 'file',
    accept: '.zip,.xml,.gpx,.tcx,.csv,.json,.db',
  });
  const result = h('div', { class: 'workouts-result' });
  const el = h(
    'section',
    { class: 'card', id: 'import-workouts', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, tr('Import workouts')),
    h(
      'p',
      { class: 'hint' },
      tr(
        'Sessions from what your watch or apps recorded, so you only add the three windows: an Apple Health export, a Health Connect or Google Fit (Takeout) export, a GPX or TCX file, or Strava’s activities.csv.',
      ),
    ),
    h('label', { class: 'field', for: inputId }, tr('A workout file'), input),
    result,
    fb.el,
  );
  input.addEventListener('change', async () => {
    result.replaceChildren();
    const file = input.files && input.files[0];
    if (!file) return;
    if (file.size > LIMIT) {
      fb.say(
        tr(
          // TRANSLATORS: {file} is the file's name, {size} its size in megabytes.
          '{file} is {size} MB, more than the 32 MB the page takes. On the computer that keeps your diary, run: backsignal import-workouts {file}',
          { file: file.name, size: Math.round(file.size / 1048576) },
        ),
        'error',
      );
      return;
    }
    // TRANSLATORS: {file} is the file's name.
    fb.say(tr('Reading {file}…', { file: file.name }), 'pending');
    const r = await send(file, { dryRun: true, acceptLoads: false });
    if (!r.ok) {
      fb.say(errorText(r), 'error');
      return;
    }
    const d = r.data;
    const fresh = d.workouts.filter((w) => w.outcome === 'added' || w.outcome === 'merged');
    const suggested = d.workouts.filter((w) => w.outcome !== 'future' && w.suggested_loads.length);
    fb.say(previewWords(d), 'info');
    const loadsId = nextId('c');
    const loads = h('input', { type: 'checkbox', id: loadsId });
    const add = h(
      'button',
      { type: 'button', class: 'primary', disabled: !fresh.length },
      fresh.length
        ? // TRANSLATORS: a button; {n} is how many sessions it adds.
          ntr('Add {n} session', 'Add {n} sessions', fresh.length)
        : tr('Nothing new to add'),
    );
    fill(result, [
      h(
        'ul',
        { class: 'plain workouts' },
        d.workouts.map((w) =>
          h(
            'li',
            {},
            // TRANSLATORS: a workout in a file: {date} is "Sat 5 Dec", {time} "14:30", {activity}
            // "rowing", {minutes} a whole number, {outcome} what importing it would do ("a new session").
            tr('{date} {time}: {activity}, {minutes} min ({outcome})', {
              date: prettyDate(w.date),
              time: w.time,
              activity: w.activity,
              minutes: w.minutes,
              outcome: outcomeWords(w, true),
            }),
            w.suggested_loads.length && w.outcome !== 'future'
              ? h(
                  'span',
                  { class: 'hint' },
                  // TRANSLATORS: {loads} is "sustained rotation, heavy breathing under load".
                  ` ${tr('may ask for {loads}', { loads: w.suggested_loads.map((l) => loadWords()[l] || l).join(', ') })}`,
                )
              : null,
          ),
        ),
      ),
      suggested.length
        ? h(
            'label',
            { class: 'check', for: loadsId },
            loads,
            h('span', {}, tr('Record the loads suggested above (only on sessions that have none)')),
          )
        : null,
      h('div', { class: 'row' }, add),
    ]);
    add.addEventListener('click', async () => {
      add.disabled = true;
      fb.say(tr('Adding…'), 'pending');
      const done = await send(file, { dryRun: false, acceptLoads: loads.checked });
      if (!done.ok) {
        add.disabled = false;
        fb.say(errorText(done), 'error');
        return;
      }
      // The result stays on screen, with a link to each day added.
      fb.clear();
      input.value = '';
      fill(result, addedSummary(done.data));
      if (onDone) onDone();
    });
  });
  return el;
}
