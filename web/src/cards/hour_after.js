// A session's hour after: due an hour after the session ended. A card that is due says so and
// is open; one not yet due is folded to a line that says when, and opens on a tap; saving it
// early asks first ("it has only been 20 minutes: save anyway?").
import { hourAfterDue, prettyDate, timeOf } from '../dates.js';
import { confirm, h, scale, toggle } from '../dom.js';
import { ntr, tr, trc } from '../i18n.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { fieldOf } from '../words.js';
import { doneCard, draftKey, formCard, swap } from './common.js';
import { dayWords, hourAfterLines } from './said.js';

function clock(d) {
  return timeOf(d.getHours() * 60 + d.getMinutes());
}

// Whether the hour after of session `s` on `date` is due now (a session without a time, or of
// an earlier day, is).
export function hourAfterIsDue(date, s, now = new Date()) {
  const due = hourAfterDue(date, s);
  return !due || now >= due;
}

// When the hour after is due, in words: "Due since about 14:30."
function hourAfterWhen(due, isDue) {
  if (!due) return tr('Due about an hour after the session ended.');
  // TRANSLATORS: {time} is "14:30".
  if (isDue) return tr('Due since about {time}.', { time: clock(due) });
  // TRANSLATORS: {time} is "14:30".
  return tr('Due from about {time}.', { time: clock(due) });
}

export function hourAfterCard(ctx, date, day, s, number, marks, { sessionKey = null } = {}) {
  const mark = marks[`hour_after ${number}`];
  const ha = s.hour_after;
  const label = s.activity
    ? // TRANSLATORS: a session in a heading ("An hour after session 2 (rowing)"): {n} its number in the day, {activity} the person's own name for it.
      tr('session {n} ({activity})', { n: number, activity: s.activity })
    : // TRANSLATORS: a session in a heading ("An hour after session 2"): {n} its number in the day.
      tr('session {n}', { n: number });
  const show = () => {
    if (!ha) return hourAfterIsDue(date, s) ? form() : folded();
    return doneCard({
      // TRANSLATORS: a card's heading; {session} is "session 2 (rowing)".
      title: tr('An hour after {session}: done', { session: label }),
      lines: dayWords(day, marks, 'hour_after', number) || hourAfterLines(ha),
      mark,
      id: `after-${date}-${number}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  // Not yet due: one line, and the form on a tap.
  const folded = () => {
    const due = hourAfterDue(date, s);
    const el = h(
      'section',
      { class: 'card later', id: `after-${date}-${number}`, 'aria-labelledby': `after-h-${date}-${number}` },
      // TRANSLATORS: a card's heading; {session} is "session 2 (rowing)".
      h('h3', { id: `after-h-${date}-${number}` }, tr('An hour after {session}', { session: label })),
      // TRANSLATORS: {time} is "14:30".
      h('p', { class: 'when' }, tr('Not yet due: from about {time}.', { time: clock(due) })),
      ctx.notifyOffer ? ctx.notifyOffer(due) : null,
      h('button', { type: 'button', onclick: () => swap(el, form()) }, tr('Fill it in now')),
    );
    return el;
  };
  const form = () => {
    const key = draftKey('after', date, number);
    const st = drafts.get(key) || { pain: ha ? (ha.pain ?? null) : null, tighter: ha ? ha.tighter === true : false };
    const keep = () => drafts.set(key, st);
    const due = hourAfterDue(date, s);
    const isDue = hourAfterIsDue(date, s);
    const when = hourAfterWhen(due, isDue);
    const pain = scale({
      label: (fieldOf('session', 'hour_after_pain') || { label: '' }).label,
      value: st.pain,
      onChange: (v) => {
        st.pain = v;
        keep();
      },
    });
    const tighterSpec = fieldOf('session', 'hour_after_tighter') || { label: '' };
    const tighter = toggle(tighterSpec.label, st.tighter, (on) => {
      st.tighter = on;
      keep();
    });
    const el = formCard(
      date === ctx.today
        ? tr('An hour after {session}', { session: label })
        : // TRANSLATORS: a card's heading; {session} is "session 2 (rowing)", {date} "Sat 5 Dec".
          tr('An hour after {session}, {date}', { session: label, date: prettyDate(date) }),
      [
        h('p', { class: 'hint' }, `${when} ${tr('Is it settling back towards your usual, or still rising?')}`),
        pain.el,
        h('div', { class: 'toggles' }, tighter),
        !isDue && ctx.notifyOffer ? ctx.notifyOffer(due) : null,
      ],
      tr('Save hour after'),
      async () => {
        if (st.pain === null && !st.tighter) return tr('Choose the pain now, or mark it tighter.');
        // Early: the window is an hour after the session ended; ask before saving sooner.
        if (due && Date.now() < due.getTime() && !ha) {
          const since = Math.floor((Date.now() - (due.getTime() - 3600000)) / 60000);
          const text =
            since < 1
              ? tr(
                  'It has only been less than a minute since the session ended, and this check-in is for about an hour after it: save anyway?',
                )
              : ntr(
                  // TRANSLATORS: {n} is a number of minutes (1 to 59).
                  'It has only been {n} minute since the session ended, and this check-in is for about an hour after it: save anyway?',
                  'It has only been {n} minutes since the session ended, and this check-in is for about an hour after it: save anyway?',
                  since,
                );
          const yes = tr('Save anyway');
          if (!(await confirm(text, { yes, no: trc('not now', 'Wait'), danger: false }))) return false;
        }
        const body = { tighter: st.tighter };
        if (st.pain !== null) body.pain = st.pain;
        const path = sessionKey
          ? `/api/v1/days/${date}/sessions/{session}/hour_after`
          : `/api/v1/days/${date}/sessions/${number}/hour_after`;
        const entry = await enqueue({
          method: 'PUT',
          path,
          body,
          date,
          kind: 'hour_after',
          // TRANSLATORS: what a check-in waiting to be sent is; {session} is "session 2 (rowing)".
          label: tr('the hour after {session}', { session: label }),
          after: sessionKey,
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({
            // TRANSLATORS: a card's heading; {session} is "session 2 (rowing)".
            title: tr('An hour after {session}: saved', { session: label }),
            // TRANSLATORS: a card's heading; {session} is "session 2 (rowing)".
            doneTitle: tr('An hour after {session}: done', { session: label }),
            lines: hourAfterLines(body),
            next: tr('Next: tomorrow on waking, the morning check-in.'),
            mark: entry,
            id: `after-${date}-${number}`,
          }),
        );
        ctx.changed();
        return null;
      },
      {
        id: `after-${date}-${number}`,
        draftKey: key,
        badge: isDue && due && !ha ? h('p', { class: 'badge due-now' }, tr('Due now')) : null,
      },
    );
    return el;
  };
  return show();
}
