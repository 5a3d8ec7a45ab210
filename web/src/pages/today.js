// Today: what is due now first (the morning on waking, each session's hour after once an hour
// has passed since it ended, a session's advice not yet read), then adding a session, what is
// still missing from the last week, what comes later (hour-afters not yet due, folded), the
// rest of the day, and what is done, folded. On the first visit it says in one line what
// backsignal is for and what to do first.
import { addDays, hourAfterDue, prettyDate, today } from '../dates.js';
import { contextCard } from '../cards/context.js';
import { hourAfterCard, hourAfterIsDue } from '../cards/hour_after.js';
import { morningCard } from '../cards/morning.js';
import { noteCard } from '../cards/note.js';
import { flareButton, flareDone, loadMeasures, weeklyCard } from '../cards/weekly.js';
import { addSessionButton, sessionCard, sessionForm, sessionNeedsAttention } from '../cards/session.js';
import { daysWithQueue } from '../days.js';
import { fill, focusOn, h } from '../dom.js';
import { ntr, tr } from '../i18n.js';
import { dismiss, flush } from '../outbox.js';
import { notifyOffer, remindAt } from '../notify.js';
import { safetyScreen, safetyState, stopScreen } from '../safety.js';
import { outbox as outboxStore } from '../store.js';
import { safetyWords } from '../words.js';

const LOOK_BACK = 7;
const MISSING_SHOWN = 4;

function ago(ms) {
  const minutes = Math.round((Date.now() - ms) / 60000);
  if (minutes < 2) return tr('just now');
  if (minutes < 90) return ntr('{n} minute ago', '{n} minutes ago', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 36) return ntr('{n} hour ago', '{n} hours ago', hours);
  return ntr('{n} day ago', '{n} days ago', Math.round(hours / 24));
}

// The check-ins the server refused, with why, to fix or dismiss.
function failures(queue, redraw) {
  const failed = queue.filter((e) => e.state === 'failed');
  if (!failed.length) return null;
  const act = (text, f) => h('button', { type: 'button', onclick: f }, text);
  return h(
    'section',
    { class: 'card failed', id: 'not-saved', 'aria-labelledby': 'not-saved-h' },
    h('h2', { id: 'not-saved-h' }, tr('Not saved')),
    h(
      'ul',
      { class: 'plain' },
      failed.map((e) =>
        h(
          'li',
          { class: 'entry' },
          h('span', {}, `${e.label[0].toUpperCase()}${e.label.slice(1)}: ${e.error}`),
          h(
            'span',
            { class: 'row' },
            act(tr('Try again'), async () => {
              e.state = 'pending';
              e.error = null;
              await outboxStore.put(e);
              await flush();
              redraw();
            }),
            act(tr('Dismiss'), async () => {
              await dismiss(e);
              redraw();
            }),
          ),
        ),
      ),
    ),
  );
}

// What is open from the last week: mornings not recorded while the diary was in use, sessions
// without their during or hour-after check-in.
function missing(days, from, to) {
  const out = [];
  const dates = Object.keys(days).sort();
  const first = dates.find((d) => {
    const x = days[d].day;
    return x.morning || (x.sessions && x.sessions.length) || x.context || x.note;
  });
  for (let d = to; d >= from; d = addDays(d, -1)) {
    const x = days[d] ? days[d].day : { date: d, sessions: [] };
    const sessions = (x.sessions || []).filter((s) => !s.deleted);
    if (first && d > first && !x.morning) out.push({ date: d, what: 'morning', label: tr('the morning') });
    sessions.forEach((s, i) => {
      // TRANSLATORS: {n} is the session's number in its day; {activity} what the person did.
      const name = s.activity
        ? tr('session {n} ({activity})', { n: i + 1, activity: s.activity })
        : tr('session {n}', { n: i + 1 });
      const during = s.during || {};
      if (during.start === undefined && during.end === undefined && !during.pattern && !during.sharp) {
        // TRANSLATORS: {session} is "session 2 (rowing)".
        out.push({ date: d, what: 'during', n: i + 1, label: tr('how {session} went', { session: name }) });
      }
      if (!s.hour_after)
        out.push({ date: d, what: 'after', n: i + 1, label: tr('the hour after {session}', { session: name }) });
    });
  }
  return out;
}

function missingCard(ctx, loaded, open) {
  if (!open.length) return null;
  const slot = h('div', { id: 'missing-slot' });
  const item = (m) =>
    h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            const x = loaded.days[m.date] || { day: { date: m.date, sessions: [] }, marks: {} };
            let c;
            if (m.what === 'morning') c = morningCard(ctx, m.date, x.day, x.marks);
            else if (m.what === 'after') c = hourAfterCard(ctx, m.date, x.day, x.day.sessions[m.n - 1], m.n, x.marks);
            else c = sessionForm(ctx, m.date, x.day.sessions[m.n - 1], m.n);
            fill(slot, c);
            focusOn(c.querySelector('h3'));
          },
        },
        // TRANSLATORS: {date} is a day ("Sat 5 Dec"); {what} is what is missing ("the morning").
        tr('{date}: {what}', { date: prettyDate(m.date), what: m.label }),
      ),
    );
  const list = h('ul', { class: 'plain missing' }, open.slice(0, MISSING_SHOWN).map(item));
  const more =
    open.length > MISSING_SHOWN
      ? h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: (e) => {
              list.append(...open.slice(MISSING_SHOWN, 14).map(item));
              e.target.remove();
            },
          },
          ntr('Show {n} more', 'Show {n} more', Math.min(open.length, 14) - MISSING_SHOWN),
        )
      : null;
  return h(
    'section',
    { class: 'card', id: 'still-missing', 'aria-labelledby': 'missing-h' },
    h('h2', { id: 'missing-h' }, tr('Still missing from the last week')),
    h('p', { class: 'hint' }, tr('Filling these in keeps the reading honest; leave what you do not remember.')),
    list,
    more,
    slot,
  );
}

// A section of Today with its heading; nothing when it holds nothing.
function section(id, title, items, { folded = false } = {}) {
  const kids = items.filter(Boolean);
  if (!kids.length) return null;
  if (folded) {
    return h('details', { class: 'group', id }, h('summary', {}, h('h2', { class: 'summary-title' }, title)), kids);
  }
  return h('section', { class: 'group', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), kids);
}

export async function renderToday(root, app) {
  const date = today();
  const ctx = {
    today: date,
    changed: () => {
      app.refreshQueue();
    },
    notifyOffer: (due) => notifyOffer(due, `after-${date}`),
    // A fall or an injury just recorded: the safety questions, at once.
    rescreen: () => safetyScreen(root, safetyWords().reasons?.fall_or_injury || null, fresh),
  };
  // After the safety screen, Today opens at its top, on what is due now.
  const fresh = () => renderToday(root, app).then(() => app.toTop());

  // The safety screen first: at first use, after a stop, and when it is due again.
  const state = await safetyState();
  if (state && state.stopped) {
    stopScreen(root, state, fresh);
    return;
  }
  if (state && state.due) {
    safetyScreen(root, state.due === 'first_use' ? null : state.due_text, fresh);
    return;
  }

  const from = addDays(date, -LOOK_BACK);
  const [loaded, measures] = await Promise.all([daysWithQueue(from, date), loadMeasures()]);
  ctx.tags = loaded.tags;
  const redraw = () => renderToday(root, app);
  const entry = loaded.days[date] || { day: { date, sessions: [] }, marks: {} };
  const { day, marks } = entry;
  // The first visit: nothing in the diary this week and the safety screen just answered.
  const justScreened = !state || !state.answered_at || Date.now() / 1000 - state.answered_at < 2 * 86400;
  const firstRun =
    justScreened && loaded.source === 'server' && loaded.queue.length === 0 && Object.keys(loaded.days).length === 0;
  const top = [
    h('h1', { id: 'today-title' }, tr('Today')),
    h('p', { class: 'lede' }, prettyDate(date, { weekday: 'long', day: 'numeric', month: 'long' })),
    firstRun
      ? h(
          'p',
          { class: 'welcome', id: 'welcome' },
          tr(
            'backsignal helps you tell whether exercise is helping your mid back or setting it off: a few taps on waking, during and an hour after each session, read over a week or two. First: how is your back this morning?',
          ),
        )
      : null,
  ];

  if (loaded.source === 'cache') {
    top.push(
      h(
        'p',
        { class: 'banner', role: 'status', id: 'load-state', 'data-stale': 'true' },
        // TRANSLATORS: {ago} is how long ago ("5 minutes ago").
        tr(
          'The server cannot be reached: showing what this phone last saw ({ago}). Check-ins are kept here and sent when the connection returns.',
          { ago: ago(loaded.at) },
        ),
      ),
    );
  } else if (loaded.source === 'none') {
    // TRANSLATORS: {status} is the HTTP status code (500).
    const why = loaded.status
      ? tr('the server answered {status}', { status: loaded.status })
      : tr('the server cannot be reached');
    top.push(
      h(
        'p',
        { class: 'banner error', role: 'alert', id: 'load-state', 'data-stale': 'true' },
        // TRANSLATORS: {why} is "the server answered 500" or "the server cannot be reached".
        tr(
          "Could not load today's check-ins ({why}), so this page cannot show what is already saved. What you enter is kept on this phone and sent when the connection returns; it replaces what was saved for the same check-in.",
          { why },
        ),
      ),
      h('p', {}, h('button', { type: 'button', onclick: redraw }, tr('Try again'))),
    );
  }
  top.push(failures(loaded.queue, redraw));

  const now = [];
  const later = [];
  const done = [];

  // On waking.
  if (loaded.source === 'none' && !day.morning)
    now.push(unknownCard(tr('The morning'), () => morningCard(ctx, date, day, marks)));
  else (day.morning ? done : now).push(morningCard(ctx, date, day, marks));

  // Each session of today, and its hour after from an hour after it ended.
  const sessions = day.sessions || [];
  const count = sessions.length;
  sessions.forEach((s, i) => {
    if (s.deleted) return;
    const n = i + 1;
    const mark = marks[`session ${n}`];
    (sessionNeedsAttention(date, s, n) ? now : done).push(sessionCard(ctx, date, day, s, n, marks));
    const sessionKey =
      mark && mark.method === 'POST' && !loaded.days[date]?.day?.sessions?.[i]?.hour_after ? mark.key : null;
    const after = hourAfterCard(ctx, date, day, s, n, marks, { sessionKey });
    if (s.hour_after) done.push(after);
    else (hourAfterIsDue(date, s) ? now : later).push(after);
    const due = hourAfterDue(date, s);
    if (!s.hour_after && due)
      remindAt(
        due,
        tr('Time for the hour-after check-in'),
        s.activity
          ? // TRANSLATORS: {activity} is what the person did ("rowing").
            tr('How is your mid back an hour after {activity}?', { activity: s.activity })
          : tr('How is your mid back an hour after the session?'),
        `after-${date}-${n}`,
      );
  });
  const addSession = h(
    'section',
    { class: 'add-session-slot', 'aria-labelledby': 'add-session-h' },
    h('h2', { class: 'sr-only', id: 'add-session-h' }, tr('A session')),
    addSessionButton(ctx, date, count, {
      // The new session's hour after, not yet due, goes beside it.
      afterSave: (saved, doneEl, body, n) => {
        const after = hourAfterCard(ctx, date, { date, sessions: [] }, body, n, {}, { sessionKey: saved.key });
        doneEl.after(after);
        return after;
      },
    }),
  );

  // The weekly questions when due (once a week, on the person's chosen day), and today's flares.
  // Answered this week: the answers among what is done, to change. Due, they come after what
  // is missing from the last week (the card is long: the check-ins of the day come first).
  const answered = measures && !measures.due_since && measures.weekly.findLast((w) => w.date <= date);
  const weekly =
    measures && measures.due_since
      ? section('weekly-due', measures.questions.title, [
          weeklyCard(ctx, measures.due_since, measures, { badge: measures.due_words }),
        ])
      : null;
  if (answered && answered.date > addDays(date, -7)) done.push(weeklyCard(ctx, answered.date, measures));
  if (measures) for (const f of measures.flares.filter((x) => x.date === date)) done.push(flareDone(f));
  const flareSlot = h(
    'section',
    { class: 'add-session-slot', 'aria-labelledby': 'flare-h' },
    h('h2', { class: 'sr-only', id: 'flare-h' }, tr('A flare')),
    flareButton(ctx, date),
  );

  const contextEl = contextCard(ctx, date, day, marks);
  (day.context ? done : later).push(contextEl);
  const noteEl = noteCard(ctx, date, day, marks, { folded: true });
  (day.note ? done : later).push(noteEl);

  const open = loaded.source !== 'none' ? missing(loaded.days, from, addDays(date, -1)) : [];
  const parts = [
    ...top,
    section('due-now', tr('Due now'), now),
    addSession,
    flareSlot,
    missingCard(ctx, loaded, open),
    weekly,
    section('later-today', tr('Later today'), later),
    // TRANSLATORS: {n} is how many check-ins are done today.
    section('done-today', tr('Done today ({n})', { n: done.length }), done, { folded: true }),
  ];
  fill(root, parts);
}

// A card for a check-in whose saved state is not known (the load failed): it says so, and
// opens the form only when asked.
function unknownCard(title, make) {
  const el = h(
    'section',
    { class: 'card unknown' },
    // TRANSLATORS: {title} is a check-in's name ("The morning").
    h('h3', {}, tr('{title}: not known', { title })),
    h('p', {}, tr('It could not be checked whether this is already saved.')),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          const c = make();
          el.replaceWith(c);
          focusOn(c.querySelector('h3'));
        },
      },
      tr('Enter it anyway'),
    ),
  );
  return el;
}
