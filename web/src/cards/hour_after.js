// A session's hour after: due an hour after the session ended. A card that is due says so and
// is open; one not yet due is folded to a line that says when, and opens on a tap; saving it
// early asks first ("it has only been 20 minutes: save anyway?").
import { hourAfterDue, prettyDate, timeOf } from '../dates.js';
import { confirm, h, plural, scale, toggle } from '../dom.js';
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

export function hourAfterCard(ctx, date, day, s, number, marks, { sessionKey = null } = {}) {
  const mark = marks[`hour_after ${number}`];
  const ha = s.hour_after;
  const label = `session ${number}${s.activity ? ` (${s.activity})` : ''}`;
  const show = () => {
    if (!ha) return hourAfterIsDue(date, s) ? form() : folded();
    return doneCard({
      title: `An hour after ${label}: done`,
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
      h('h3', { id: `after-h-${date}-${number}` }, `An hour after ${label}`),
      h('p', { class: 'when' }, `Not yet due: from about ${clock(due)}.`),
      ctx.notifyOffer ? ctx.notifyOffer(due) : null,
      h('button', { type: 'button', onclick: () => swap(el, form()) }, 'Fill it in now'),
    );
    return el;
  };
  const form = () => {
    const key = draftKey('after', date, number);
    const st = drafts.get(key) || { pain: ha ? (ha.pain ?? null) : null, tighter: ha ? ha.tighter === true : false };
    const keep = () => drafts.set(key, st);
    const due = hourAfterDue(date, s);
    const isDue = hourAfterIsDue(date, s);
    const when = due
      ? `${isDue ? 'Due since' : 'Due from'} about ${clock(due)}.`
      : 'Due about an hour after the session ended.';
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
      `An hour after ${label}${date === ctx.today ? '' : `, ${prettyDate(date)}`}`,
      [
        h('p', { class: 'hint' }, `${when} Is it settling back towards your usual, or still rising?`),
        pain.el,
        h('div', { class: 'toggles' }, tighter),
        !isDue && ctx.notifyOffer ? ctx.notifyOffer(due) : null,
      ],
      'Save hour after',
      async () => {
        if (st.pain === null && !st.tighter) return 'Choose the pain now, or mark it tighter.';
        // Early: the window is an hour after the session ended; ask before saving sooner.
        if (due && Date.now() < due.getTime() && !ha) {
          const since = Math.floor((Date.now() - (due.getTime() - 3600000)) / 60000);
          const text = `It has only been ${since < 1 ? 'less than a minute' : plural(since, 'minute')} since the session ended, and this check-in is for about an hour after it: save anyway?`;
          if (!(await confirm(text, { yes: 'Save anyway', no: 'Wait', danger: false }))) return false;
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
          label: `the hour after ${label}`,
          after: sessionKey,
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({
            title: `An hour after ${label}: saved`,
            lines: hourAfterLines(body),
            next: 'Next: tomorrow on waking, the morning check-in.',
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
        badge: isDue && due && !ha ? h('p', { class: 'badge due-now' }, 'Due now') : null,
      },
    );
    return el;
  };
  return show();
}
