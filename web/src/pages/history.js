// History: every check-in, newest first, each to change or delete; any past date opened to add
// what was missed (a morning, last night's session, its hour after, the context); and workouts
// imported from a file. #history=YYYY-MM-DD opens that date.
import { addDays, prettyDate, today } from '../dates.js';
import { contextCard } from '../cards/context.js';
import { hourAfterCard } from '../cards/hour_after.js';
import { morningCard } from '../cards/morning.js';
import { noteCard } from '../cards/note.js';
import { flareButton, flareDone, loadMeasures, weeklyCard } from '../cards/weekly.js';
import { addSessionButton, sessionCard, sessionForm } from '../cards/session.js';
import { contextLines, dayWords, hourAfterLines, morningLines, sessionLines } from '../cards/said.js';
import { workoutsCard } from '../workouts.js';
import { daysWithQueue, pendingWords } from '../days.js';
import { confirm, feedback, field, fill, focusOn, h } from '../dom.js';
import { tr } from '../i18n.js';
import { enqueue } from '../outbox.js';

const STEP = 60;

// All the cards of one date, to add or change anything on it.
function dayEditor(ctx, date, entry, measures) {
  const x = entry || { day: { date, sessions: [] }, marks: {} };
  const { day, marks } = x;
  const parts = [
    h(
      'h3',
      { id: `editor-${date}`, class: 'editor-title' },
      prettyDate(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    ),
  ];
  parts.push(morningCard(ctx, date, day, marks));
  const sessions = day.sessions || [];
  sessions.forEach((s, i) => {
    if (s.deleted) return;
    const mark = marks[`session ${i + 1}`];
    parts.push(sessionCard(ctx, date, day, s, i + 1, marks));
    parts.push(
      hourAfterCard(ctx, date, day, s, i + 1, marks, {
        sessionKey: mark && mark.method === 'POST' ? mark.key : null,
      }),
    );
  });
  // A past date is opened to add what was missed: the new session's form is open at once.
  const afterSave = (saved, doneEl, body, n) => {
    const after = hourAfterCard(ctx, date, { date, sessions: [] }, body, n, {}, { sessionKey: saved.key });
    doneEl.after(after);
    return after;
  };
  const form = sessionForm(ctx, date, null, 0, {
    nextNumber: sessions.length + 1,
    onDone: (saved, doneEl, body) => {
      const after = afterSave(saved, doneEl, body, sessions.length + 1);
      after.after(addSessionButton(ctx, date, sessions.length + 1, { afterSave, label: tr('Add another session') }));
    },
  });
  parts.push(form);
  parts.push(contextCard(ctx, date, day, marks));
  parts.push(noteCard(ctx, date, day, marks));
  // Flares of the date, another to add, and the weekly questions filled in late for it.
  if (measures) for (const f of measures.flares.filter((x) => x.date === date)) parts.push(flareDone(f));
  parts.push(flareButton(ctx, date));
  if (measures) parts.push(weeklyCard(ctx, date, measures));
  return h('div', { class: 'day-editor', id: 'day-editor' }, parts);
}

// One date's entries as the list shows them, each in the server's words.
function dayRows(date, day, marks, { open, del }) {
  const nice = prettyDate(date);
  const base = `/api/v1/days/${date}`;
  const rows = [];
  const entry = (title, lines, what, path, mark) =>
    rows.push(
      h(
        'li',
        { class: 'entry' },
        h(
          'span',
          {},
          // TRANSLATORS: a check-in's name as a label before what it recorded ("Morning:").
          h('strong', {}, `${tr('{title}:', { title })} `),
          lines.join(' '),
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
          h(
            'button',
            // TRANSLATORS: {what} is "the morning of Sat 5 Dec", "session 2 of Sat 5 Dec".
            { type: 'button', 'aria-label': tr('Change {what}', { what }), onclick: () => open(date) },
            tr('Change'),
          ),
          path
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'danger',
                  // TRANSLATORS: {what} is "the morning of Sat 5 Dec", "session 2 of Sat 5 Dec".
                  'aria-label': tr('Delete {what}', { what }),
                  onclick: () => del(what, path, date),
                },
                tr('Delete'),
              )
            : null,
        ),
      ),
    );
  if (day.morning)
    entry(
      tr('Morning'),
      dayWords(day, marks, 'morning') || morningLines(day.morning),
      // TRANSLATORS: {date} is a day ("Sat 5 Dec").
      tr('the morning of {date}', { date: nice }),
      `${base}/morning`,
      marks.morning,
    );
  (day.sessions || []).forEach((s, i) => {
    if (s.deleted) return;
    const n = i + 1;
    const mark = marks[`session ${n}`];
    const saved = !(mark && mark.method === 'POST');
    entry(
      // TRANSLATORS: {n} is the session's number in its day.
      tr('Session {n}', { n }),
      dayWords(day, marks, 'session', n) || sessionLines(s),
      // TRANSLATORS: {n} is the session's number in its day, {date} the day ("Sat 5 Dec").
      tr('session {n} of {date}', { n, date: nice }),
      saved ? `${base}/sessions/${n}` : null,
      mark,
    );
    if (s.hour_after)
      entry(
        tr('An hour after session {n}', { n }),
        dayWords(day, marks, 'hour_after', n) || hourAfterLines(s.hour_after),
        tr('the hour after session {n} of {date}', { n, date: nice }),
        saved ? `${base}/sessions/${n}/hour_after` : null,
        marks[`hour_after ${n}`],
      );
  });
  if (day.context)
    entry(
      tr('The day'),
      dayWords(day, marks, 'context') || contextLines(day.context),
      tr('the context of {date}', { date: nice }),
      `${base}/context`,
      marks.context,
    );
  if (day.note) entry(tr('Note'), [day.note], tr('the note of {date}', { date: nice }), `${base}/note`, marks.note);
  if (!rows.length) return null;
  return h('section', { class: 'day', 'aria-label': nice }, h('h3', {}, nice), h('ul', { class: 'plain' }, rows));
}

export async function renderHistory(root, app, span = STEP, { openDate = null } = {}) {
  const end = today();
  let loaded = await daysWithQueue(addDays(end, -span), end);
  const ctx = { today: end, tags: loaded.tags, changed: () => app.refreshQueue() };
  const fb = feedback();
  const slot = h('div', {});
  const open = async (date) => {
    const measures = await loadMeasures();
    fill(slot, dayEditor(ctx, date, loaded.days[date], measures));
    focusOn(slot.querySelector('h3'));
  };
  const pick = field(tr('A date'), { type: 'date', max: end, value: openDate || addDays(end, -1) });
  const picker = h(
    'form',
    { class: 'card', id: 'add-entry', novalidate: true },
    h('h2', {}, tr('Add or change a day')),
    h(
      'p',
      { class: 'hint' },
      tr('Missed a morning, last night’s session or its hour after? Open its date and fill it in.'),
    ),
    pick.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, tr('Open the day'))),
  );
  picker.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = pick.input.value;
    if (!d || d > end) {
      pick.error(tr('Choose a date up to today.'));
      return;
    }
    pick.error('');
    open(d);
  });

  const listSlot = h('div', { id: 'history-list' });
  const notice = h('div', {});
  const drawList = () => {
    fill(
      notice,
      loaded.source === 'cache'
        ? h(
            'p',
            { class: 'banner', role: 'status', 'data-stale': 'true' },
            tr('The server cannot be reached: this is what this phone last saw, with what is waiting to be sent.'),
          )
        : loaded.source === 'none'
          ? h(
              'p',
              { class: 'banner error', role: 'alert' },
              tr('Could not load the history. Try again when the connection is back.'),
            )
          : null,
    );
    const list = Object.keys(loaded.days)
      .sort()
      .reverse()
      .map((date) => dayRows(date, loaded.days[date].day, loaded.days[date].marks, { open, del }))
      .filter(Boolean);
    fill(
      listSlot,
      h('h2', {}, tr('Every check-in')),
      list.length
        ? list
        : h('p', {}, loaded.source === 'none' ? tr('Nothing to show.') : tr('Nothing recorded in these weeks.')),
      loaded.source === 'server'
        ? h(
            'button',
            {
              type: 'button',
              id: 'history-more',
              onclick: () => renderHistory(root, app, span + STEP),
            },
            tr('Show earlier days'),
          )
        : null,
    );
  };
  // The list again from the server (after a deletion or an import), leaving the rest as it is.
  const refresh = async () => {
    loaded = await daysWithQueue(addDays(end, -span), end);
    ctx.tags = loaded.tags;
    drawList();
  };
  const del = async (what, path, date) => {
    // TRANSLATORS: {what} is "the morning of Sat 5 Dec", "session 2 of Sat 5 Dec".
    if (!(await confirm(tr('Delete {what}? This cannot be undone.', { what })))) return;
    await enqueue({ method: 'DELETE', path, date, kind: 'delete', label: what });
    fb.say(tr('Deleting {what}…', { what }), 'pending');
    window.setTimeout(refresh, 600);
  };
  drawList();
  // A link to a day (#history=DATE) while this page is shown opens it here.
  app.openDay = (date) => {
    pick.input.value = date;
    open(date);
    slot.scrollIntoView({ block: 'start' });
  };
  fill(
    root,
    h('h1', { id: 'history-title' }, tr('History')),
    notice,
    fb.el,
    picker,
    slot,
    workoutsCard(refresh),
    listSlot,
  );
  if (openDate && openDate <= end) {
    open(openDate);
    slot.scrollIntoView({ block: 'start' });
  }
}
