// Today: a checklist of what is due now (the morning on waking; each session's hour after, from
// an hour after it ended; a session; the day's context), the check-ins still on this phone,
// and what is still missing from the last week, each to fill in for its own date.
import { addDays, hourAfterDue, prettyDate, today } from '../dates.js';
import { contextCard, hourAfterCard, morningCard, noteCard, sessionCard, sessionForm } from '../cards.js';
import { daysWithQueue } from '../days.js';
import { focusOn, h } from '../dom.js';
import { dismiss, flush } from '../outbox.js';
import { notifyOffer, remindAt } from '../notify.js';
import { safetyScreen, safetyState, stopScreen } from '../safety.js';
import { outbox as outboxStore } from '../store.js';

const LOOK_BACK = 7;

function ago(ms) {
  const minutes = Math.round((Date.now() - ms) / 60000);
  if (minutes < 2) return 'just now';
  if (minutes < 90) return `${minutes} minutes ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} hours ago`;
  return `${Math.round(hours / 24)} days ago`;
}

// The check-ins the server refused, with why, to fix or dismiss.
function failures(queue, redraw) {
  const failed = queue.filter((e) => e.state === 'failed');
  if (!failed.length) return null;
  return h(
    'section',
    { class: 'card failed', id: 'not-saved', 'aria-labelledby': 'not-saved-h' },
    h('h3', { id: 'not-saved-h' }, 'Not saved'),
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
            h(
              'button',
              {
                type: 'button',
                onclick: async () => {
                  e.state = 'pending';
                  e.error = null;
                  await outboxStore.put(e);
                  await flush();
                  redraw();
                },
              },
              'Try again',
            ),
            h(
              'button',
              {
                type: 'button',
                onclick: async () => {
                  await dismiss(e);
                  redraw();
                },
              },
              'Dismiss',
            ),
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
    if (first && d > first && !x.morning) out.push({ date: d, what: 'morning', label: 'the morning' });
    sessions.forEach((s, i) => {
      const name = `session ${i + 1}${s.activity ? ` (${s.activity})` : ''}`;
      const during = s.during || {};
      if (during.start === undefined && during.end === undefined && !during.pattern && !during.sharp) {
        out.push({ date: d, what: 'during', n: i + 1, label: `how ${name} went` });
      }
      if (!s.hour_after) out.push({ date: d, what: 'after', n: i + 1, label: `the hour after ${name}` });
    });
  }
  return out;
}

export async function renderToday(root, app) {
  const date = today();
  const ctx = {
    today: date,
    changed: () => {
      app.refreshQueue();
    },
    notifyOffer: (due) => notifyOffer(due, `after-${date}`),
  };

  // The safety screen first: at first use, after a stop, and when it is due again.
  const state = await safetyState();
  if (state && state.stopped) {
    stopScreen(root, state, () => renderToday(root, app));
    return;
  }
  if (state && state.due) {
    safetyScreen(root, state.due === 'first_use' ? null : state.due_text, () => renderToday(root, app));
    return;
  }

  const from = addDays(date, -LOOK_BACK);
  const loaded = await daysWithQueue(from, date);
  ctx.tags = loaded.tags;
  const redraw = () => renderToday(root, app);
  const entry = loaded.days[date] || { day: { date, sessions: [] }, marks: {} };
  const { day, marks } = entry;
  const parts = [
    h('h2', { id: 'today-title' }, 'Today'),
    h(
      'p',
      { class: 'lede' },
      `${prettyDate(date, { weekday: 'long', day: 'numeric', month: 'long' })}: check in on waking, during and an hour after each session, and at the end of the day.`,
    ),
  ];

  if (loaded.source === 'cache') {
    parts.push(
      h(
        'p',
        { class: 'banner', role: 'status', id: 'load-state' },
        `The server cannot be reached: showing what this phone last saw (${ago(loaded.at)}). Check-ins are kept here and sent when the connection returns.`,
      ),
    );
  } else if (loaded.source === 'none') {
    const why = loaded.status ? `the server answered ${loaded.status}` : 'the server cannot be reached';
    parts.push(
      h(
        'p',
        { class: 'banner error', role: 'alert', id: 'load-state' },
        `Could not load today's check-ins (${why}), so this page cannot show what is already saved. What you enter is kept on this phone and sent when the connection returns; it replaces what was saved for the same check-in.`,
      ),
      h('p', {}, h('button', { type: 'button', onclick: redraw }, 'Try again')),
    );
  }
  parts.push(failures(loaded.queue, redraw));

  // On waking.
  if (loaded.source !== 'none' || day.morning) parts.push(morningCard(ctx, date, day, marks));
  else parts.push(unknownCard('The morning', () => morningCard(ctx, date, day, marks)));

  // Each session of today, and its hour after from an hour after it ended.
  const sessions = day.sessions || [];
  sessions.forEach((s, i) => {
    if (s.deleted) return;
    const n = i + 1;
    const mark = marks[`session ${n}`];
    parts.push(sessionCard(ctx, date, s, n, mark));
    const sessionKey =
      mark && mark.method === 'POST' && !loaded.days[date]?.day?.sessions?.[i]?.hour_after ? mark.key : null;
    parts.push(hourAfterCard(ctx, date, s, n, marks, { sessionKey }));
    const due = hourAfterDue(date, s);
    if (!s.hour_after && due)
      remindAt(
        due,
        'Time for the hour-after check-in',
        `How is your mid back an hour after ${s.activity || 'the session'}?`,
        `after-${date}-${n}`,
      );
  });
  parts.push(sessionForm(ctx, date, null, 0, { onDone: () => window.setTimeout(redraw, 1500) }));
  parts.push(contextCard(ctx, date, day, marks));
  parts.push(noteCard(ctx, date, day, marks));

  // Still missing from the last week.
  if (loaded.source !== 'none') {
    const open = missing(loaded.days, from, addDays(date, -1));
    const slot = h('div', { id: 'missing-slot' });
    if (open.length) {
      parts.push(
        h(
          'section',
          { class: 'card', id: 'still-missing', 'aria-labelledby': 'missing-h' },
          h('h3', { id: 'missing-h' }, 'Still missing from the last week'),
          h('p', { class: 'hint' }, 'Filling these in keeps the reading honest; leave what you do not remember.'),
          h(
            'ul',
            { class: 'plain missing' },
            open.slice(0, 12).map((m) =>
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
                      else if (m.what === 'after')
                        c = hourAfterCard(ctx, m.date, x.day.sessions[m.n - 1], m.n, x.marks);
                      else c = sessionForm(ctx, m.date, x.day.sessions[m.n - 1], m.n);
                      slot.replaceChildren(c);
                      focusOn(c.querySelector('h3'));
                    },
                  },
                  `${prettyDate(m.date)}: ${m.label}`,
                ),
              ),
            ),
          ),
          slot,
        ),
      );
    }
  }
  root.replaceChildren(...parts.filter(Boolean));
}

// A card for a check-in whose saved state is not known (the load failed): it says so, and
// opens the form only when asked.
function unknownCard(title, make) {
  const el = h(
    'section',
    { class: 'card unknown' },
    h('h3', {}, `${title}: not known`),
    h('p', {}, 'It could not be checked whether this is already saved.'),
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
      'Enter it anyway',
    ),
  );
  return el;
}
