// Workouts imported from a file the person already has (Apple Health, Health Connect, Google
// Fit, GPX, TCX, Strava): first what would happen, then, on their word, the sessions added, with
// the loads each activity suggests recorded only when they tick it.
import { errorText, session } from './api.js';
import { addDays, prettyDate, today } from './dates.js';
import { feedback, fill, h, nextId, plural } from './dom.js';

const LIMIT = 32 * 1024 * 1024;
const LOAD_WORDS = {
  rotation: 'sustained rotation',
  breathing_under_load: 'heavy breathing under load',
  arms_away: 'arms working away from the body',
};

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
      return dryRun ? 'a new session' : 'added';
    case 'merged':
      return `${dryRun ? 'fills in' : 'filled in'} session ${w.session} of that day`;
    case 'unchanged':
      return 'already there';
    default:
      return 'after today: left out';
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
      ? 'Today lists each one’s missing windows: how it went, the hour after, and the next morning.'
      : older.length === changed.length
        ? 'These are more than a week old, so Today does not list them: open each day below to add how it went, the hour after and the next morning.'
        : 'Today lists the missing windows of those from the last week; the older ones are not on Today: open each day below to add how it went, the hour after and the next morning.';
  return h(
    'div',
    { class: 'workouts-added', id: 'workouts-added' },
    h(
      'p',
      { class: 'feedback ok' },
      x.merged
        ? `Added ${plural(x.added, 'session')} and filled in ${x.merged} already there.`
        : `Added ${plural(x.added, 'session')}.`,
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
                `${prettyDate(w.date)} ${w.time}, ${w.activity}: open the day`,
              ),
            ),
          ),
        )
      : null,
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
    h('h3', { id: headingId }, 'Import workouts'),
    h(
      'p',
      { class: 'hint' },
      'Sessions from what your watch or apps recorded, so you only add the three windows: an Apple Health export, a Health Connect or Google Fit (Takeout) export, a GPX or TCX file, or Strava’s activities.csv.',
    ),
    h('label', { class: 'field', for: inputId }, 'A workout file', input),
    result,
    fb.el,
  );
  input.addEventListener('change', async () => {
    result.replaceChildren();
    const file = input.files && input.files[0];
    if (!file) return;
    if (file.size > LIMIT) {
      fb.say(
        `${file.name} is ${Math.round(file.size / 1048576)} MB, more than the 32 MB the page takes. On the computer that keeps your diary, run: backsignal import-workouts ${file.name}`,
        'error',
      );
      return;
    }
    fb.say(`Reading ${file.name}…`, 'pending');
    const r = await send(file, { dryRun: true, acceptLoads: false });
    if (!r.ok) {
      fb.say(errorText(r), 'error');
      return;
    }
    const d = r.data;
    const fresh = d.workouts.filter((w) => w.outcome === 'added' || w.outcome === 'merged');
    const suggested = d.workouts.filter((w) => w.outcome !== 'future' && w.suggested_loads.length);
    fb.say(
      `${d.format}: ${plural(d.workouts.length, 'workout')}; ${d.added} new, ${d.merged} to fill in, ${d.unchanged} already there${d.skipped ? `, ${d.skipped} too short or without a time` : ''}.`,
      'info',
    );
    const loadsId = nextId('c');
    const loads = h('input', { type: 'checkbox', id: loadsId });
    const add = h(
      'button',
      { type: 'button', class: 'primary', disabled: !fresh.length },
      fresh.length ? `Add ${plural(fresh.length, 'session')}` : 'Nothing new to add',
    );
    fill(result, [
      h(
        'ul',
        { class: 'plain workouts' },
        d.workouts.map((w) =>
          h(
            'li',
            {},
            `${prettyDate(w.date)} ${w.time}: ${w.activity}, ${w.minutes} min (${outcomeWords(w, true)})`,
            w.suggested_loads.length && w.outcome !== 'future'
              ? h('span', { class: 'hint' }, ` may ask for ${w.suggested_loads.map((l) => LOAD_WORDS[l]).join(', ')}`)
              : null,
          ),
        ),
      ),
      suggested.length
        ? h(
            'label',
            { class: 'check', for: loadsId },
            loads,
            h('span', {}, 'Record the loads suggested above (only on sessions that have none)'),
          )
        : null,
      h('div', { class: 'row' }, add),
    ]);
    add.addEventListener('click', async () => {
      add.disabled = true;
      fb.say('Adding…', 'pending');
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
