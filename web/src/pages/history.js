// History: every check-in, newest first, each to change or delete; and any past date opened to
// add what was missed (a morning, last night's session, its hour after, the context).
import { addDays, prettyDate, today } from '../dates.js';
import {
  contextCard,
  describeContext,
  hourAfterCard,
  morningCard,
  noteCard,
  sessionCard,
  sessionForm,
} from '../cards.js';
import { workoutsCard } from '../workouts.js';
import { daysWithQueue, pendingWords } from '../days.js';
import { confirm, feedback, field, focusOn, h } from '../dom.js';
import { enqueue } from '../outbox.js';

const STEP = 60;

// All the cards of one date, to add or change anything on it.
function dayEditor(ctx, date, entry) {
  const x = entry || { day: { date, sessions: [] }, marks: {} };
  const { day, marks } = x;
  const parts = [
    h(
      'h3',
      { id: `editor-${date}` },
      prettyDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    ),
  ];
  parts.push(morningCard(ctx, date, day, marks));
  (day.sessions || []).forEach((s, i) => {
    if (s.deleted) return;
    const mark = marks[`session ${i + 1}`];
    parts.push(sessionCard(ctx, date, s, i + 1, mark));
    parts.push(
      hourAfterCard(ctx, date, s, i + 1, marks, { sessionKey: mark && mark.method === 'POST' ? mark.key : null }),
    );
  });
  parts.push(sessionForm(ctx, date, null, 0));
  parts.push(contextCard(ctx, date, day, marks));
  parts.push(noteCard(ctx, date, day, marks));
  return h('div', { class: 'day-editor', id: 'day-editor' }, parts);
}

export async function renderHistory(root, app, span = STEP) {
  const end = today();
  const from = addDays(end, -span);
  const loaded = await daysWithQueue(from, end);
  const redraw = () => renderHistory(root, app, span);
  const ctx = { today: end, tags: loaded.tags, changed: () => app.refreshQueue() };
  const fb = feedback();
  const slot = h('div', {});
  const open = (date) => {
    slot.replaceChildren(dayEditor(ctx, date, loaded.days[date]));
    focusOn(slot.querySelector('h3'));
  };
  const pick = field('A date', { type: 'date', max: end, value: addDays(end, -1) });
  const picker = h(
    'form',
    { class: 'card', id: 'add-entry', novalidate: true },
    h('h3', {}, 'Add or change a day'),
    h(
      'p',
      { class: 'hint' },
      'Missed a morning, last night’s session or its hour after? Open its date and fill it in.',
    ),
    pick.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Open the day')),
    slot,
  );
  picker.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = pick.input.value;
    if (!d || d > end) {
      fb.say('Choose a date up to today.', 'error');
      return;
    }
    open(d);
  });

  const heading = h('h2', { id: 'history-title' }, 'History');
  const notice =
    loaded.source === 'cache'
      ? h(
          'p',
          { class: 'banner', role: 'status' },
          'The server cannot be reached: this is what this phone last saw, with what is waiting to be sent.',
        )
      : loaded.source === 'none'
        ? h(
            'p',
            { class: 'banner error', role: 'alert' },
            'Could not load the history. Try again when the connection is back.',
          )
        : null;
  const dates = Object.keys(loaded.days).sort().reverse();
  const del = async (what, path, date) => {
    if (!(await confirm(`Delete ${what}? This cannot be undone.`))) return;
    await enqueue({ method: 'DELETE', path, date, kind: 'delete', label: what });
    fb.say(`Deleting ${what}…`, 'pending');
    window.setTimeout(redraw, 600);
  };
  const list = dates
    .map((date) => {
      const { day, marks } = loaded.days[date];
      const nice = prettyDate(date);
      const base = `/api/v1/days/${date}`;
      const rows = [];
      const entry = (text, what, path, mark) =>
        rows.push(
          h(
            'li',
            { class: 'entry' },
            h(
              'span',
              {},
              text,
              mark
                ? h(
                    'span',
                    { class: `queued ${mark.state === 'failed' ? 'error' : 'pending'}` },
                    ` (${pendingWords(mark)})`,
                  )
                : null,
            ),
            h(
              'span',
              { class: 'row' },
              h('button', { type: 'button', 'aria-label': `Change ${what}`, onclick: () => open(date) }, 'Change'),
              path
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'danger',
                      'aria-label': `Delete ${what}`,
                      onclick: () => del(what, path, date),
                    },
                    'Delete',
                  )
                : null,
            ),
          ),
        );
      if (day.morning)
        entry(
          `Morning: pain ${day.morning.pain}${day.morning.stiffness !== undefined ? `, stiffness ${day.morning.stiffness}` : ''}`,
          `the morning of ${nice}`,
          `${base}/morning`,
          marks.morning,
        );
      (day.sessions || []).forEach((s, i) => {
        if (s.deleted) return;
        const n = i + 1;
        const d = s.during || {};
        const mark = marks[`session ${n}`];
        const saved = !(mark && mark.method === 'POST');
        entry(
          `Session ${n}${s.time ? ` at ${s.time}` : ''}${s.activity ? `: ${s.activity}` : ''}${d.start !== undefined || d.end !== undefined ? `; during ${d.start ?? '–'} to ${d.end ?? '–'}` : ''}${d.sharp ? ', sharp' : ''}`,
          `session ${n} of ${nice}`,
          saved ? `${base}/sessions/${n}` : null,
          mark,
        );
        if (s.hour_after)
          entry(
            `An hour after session ${n}: ${s.hour_after.pain ?? '–'}${s.hour_after.tighter ? ', tighter' : ''}`,
            `the hour after session ${n} of ${nice}`,
            saved ? `${base}/sessions/${n}/hour_after` : null,
            marks[`hour_after ${n}`],
          );
      });
      if (day.context) {
        const c = day.context;
        entry(`The day: ${describeContext(c)}`, `the context of ${nice}`, `${base}/context`, marks.context);
      }
      if (day.note) entry(`Note: ${day.note}`, `the note of ${nice}`, `${base}/note`, marks.note);
      if (!rows.length) return null;
      return h('section', { class: 'day', 'aria-label': nice }, h('h3', {}, nice), h('ul', { class: 'plain' }, rows));
    })
    .filter(Boolean);
  // Only what there is: replaceChildren would write a null as the text "null".
  root.replaceChildren(
    ...[
      heading,
      notice,
      fb.el,
      picker,
      workoutsCard(redraw),
      list.length
        ? h('div', { id: 'history-list' }, list)
        : h('p', {}, loaded.source === 'none' ? '' : 'Nothing recorded in these weeks.'),
      loaded.source === 'server'
        ? h(
            'button',
            { type: 'button', id: 'history-more', onclick: () => renderHistory(root, app, span + STEP) },
            'Show earlier days',
          )
        : null,
    ].filter(Boolean),
  );
}
