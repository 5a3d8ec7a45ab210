// A session: during it (or logged at its end), a correction of one, its card once saved, and
// the button that opens a new one. Sharp or catching pain shows the modify-or-stop advice at
// once, and it stays on the session's card, in view, until the person dismisses it.
import { hourAfterDue, minutesOf, nowTime, prettyDate, timeOf } from '../dates.js';
import { choice, field, focusOn, h, scale, toggle } from '../dom.js';
import { parseDecimal, tr } from '../i18n.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { fieldOf, safetyWords } from '../words.js';
import { adviceBox, adviceDismissed, doneCard, draftKey, formCard, swap } from './common.js';
import { fieldControl } from './fields.js';
import { dayWords, sessionLines } from './said.js';

// A session's field as the server describes it (its bounds, choices and words).
const spec = (name) => fieldOf('session', name) || { label: '', choices: [] };

// The advice on a saved session with sharp pain, unless dismissed.
function savedAdvice(date, n, sharp, fresh) {
  if (!sharp || adviceDismissed(date, n)) return null;
  return adviceBox(safetyWords().modify_or_stop, { date, n, fresh });
}

// The heading of a saved session's card, as it reads once the server has it.
function sessionTitle(n, activity) {
  return activity
    ? // TRANSLATORS: a card's heading: {n} is the session's number in its day, {activity} the person's own name for it.
      tr('Session {n}: {activity}', { n, activity })
    : tr('Session {n}', { n });
}

// The heading of a session's form: a new one, or a correction of session `number`.
function sessionFormTitle(ctx, date, number) {
  const today = date === ctx.today;
  const day = prettyDate(date);
  // TRANSLATORS: a card's heading; {n} is the session's number in its day.
  if (number && today) return tr('Session {n}: correct it', { n: number });
  // TRANSLATORS: a card's heading; {n} is the session's number in its day, {date} "Sat 5 Dec".
  if (number) return tr('Session {n} of {date}: correct it', { n: number, date: day });
  if (today) return tr('A session: during it');
  // TRANSLATORS: a card's heading; {date} is "Sat 5 Dec".
  return tr('A session on {date}: during it', { date: day });
}

// A new session (number 0; `nextNumber` is the number it will have) or a correction of session
// `number` (1-based; `after` is the queue key when that session is itself still queued).
// onDone(entry, doneCard, body) once saved; onCancel() puts back what was there before.
export function sessionForm(ctx, date, existing, number, { after = null, onDone, onCancel, nextNumber } = {}) {
  const e = existing || {};
  const du = e.during || {};
  const key = draftKey('session', date, number || 'new');
  const initialEnd = e.time ? timeOf(minutesOf(e.time) + (e.minutes || 0)) : nowTime();
  const st = drafts.get(key) || {
    activity: e.activity || '',
    ended: initialEnd,
    minutes: e.minutes ? String(e.minutes) : '',
    load: e.load ? [...e.load] : [],
    start: du.start ?? null,
    end: du.end ?? null,
    pattern: du.pattern || null,
    sharp: du.sharp === true,
    effort: e.effort ?? null,
  };
  const keep = () => drafts.set(key, st);
  const words = safetyWords();
  const advice = h('div', { class: 'advice-slot' });
  const showAdvice = (fresh) => {
    advice.replaceChildren(...(st.sharp ? [adviceBox(words.modify_or_stop, { fresh })] : []));
    if (st.sharp && fresh) advice.scrollIntoView({ block: 'nearest' });
  };
  const act = spec('activity');
  const activity = field(act.label, {
    type: 'text',
    maxlength: String(act.max_chars),
    value: st.activity,
    autocomplete: 'off',
  });
  activity.input.addEventListener('input', () => {
    st.activity = activity.input.value;
    keep();
  });
  const ended = field(
    tr('Ended at'),
    { type: 'time', value: st.ended },
    tr('When you finished (now, if you are logging it at the end).'),
  );
  ended.input.addEventListener('input', () => {
    st.ended = ended.input.value;
    keep();
  });
  const mins = spec('minutes');
  // Typed as text, so that a decimal comma or a stray space is read rather than refused unseen.
  const minutes = field(mins.label, {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    value: st.minutes,
  });
  minutes.input.addEventListener('input', () => {
    st.minutes = minutes.input.value;
    minutes.error('');
    keep();
  });
  const loads = h(
    'fieldset',
    {},
    h('legend', {}, spec('load').label),
    h(
      'div',
      { class: 'toggles' },
      spec('load').choices.map(({ name: k, label: text }) =>
        toggle(text, st.load.includes(k), (on) => {
          st.load = on ? [...st.load, k] : st.load.filter((x) => x !== k);
          keep();
        }),
      ),
    ),
  );
  const start = scale({
    label: spec('during_start').label,
    value: st.start,
    optional: true,
    onChange: (v) => {
      st.start = v;
      keep();
    },
  });
  const end = scale({
    label: spec('during_end').label,
    value: st.end,
    optional: true,
    onChange: (v) => {
      st.end = v;
      keep();
    },
  });
  const pattern = choice(
    spec('during_pattern').label,
    spec('during_pattern').choices.map((c) => [c.name, c.label]),
    st.pattern,
    (v) => {
      st.pattern = v;
      keep();
    },
  );
  const sharp = toggle(spec('during_sharp').label, st.sharp, (on) => {
    st.sharp = on;
    keep();
    showAdvice(true);
  });
  showAdvice(false);
  const effort = fieldControl(spec('effort'), st, keep);
  const title = sessionFormTitle(ctx, date, number);
  const cancel = onCancel
    ? h('button', { type: 'button', onclick: () => onCancel(el) }, number ? tr('Keep it as it was') : tr('Not now'))
    : null;
  const el = formCard(
    title,
    [
      activity.el,
      h('div', { class: 'row fields' }, ended.el, minutes.el),
      loads,
      start.el,
      end.el,
      pattern,
      h(
        'fieldset',
        {},
        h('legend', {}, tr('During a twisting or reaching movement')),
        h('div', { class: 'toggles' }, sharp),
        advice,
      ),
      effort,
    ],
    tr('Save session'),
    async () => {
      const range = { min: mins.min, max: mins.max };
      const body = {};
      if (st.minutes.trim() !== '') {
        const m = parseDecimal(st.minutes);
        if (!Number.isInteger(m) || m < mins.min || m > mins.max) {
          const value = st.minutes.trim();
          // TRANSLATORS: {value} is what the person typed; {min} and {max} are the bounds ("1", "600").
          minutes.error(tr('{value} is not a whole number from {min} to {max}.', { value, ...range }));
          // TRANSLATORS: {value} is what the person typed; {min} and {max} are the bounds ("1", "600").
          return tr('Minutes: {value} is not a whole number from {min} to {max}.', { value, ...range });
        }
        body.minutes = m;
      }
      if (st.ended) body.time = body.minutes ? timeOf(minutesOf(st.ended) - body.minutes) : st.ended;
      if (st.activity.trim()) body.activity = st.activity.trim();
      if (st.load.length) body.load = st.load;
      const during = {};
      if (st.start !== null) during.start = st.start;
      if (st.end !== null) during.end = st.end;
      if (st.pattern) during.pattern = st.pattern;
      if (st.sharp) during.sharp = true;
      if (Object.keys(during).length) body.during = during;
      if (st.effort !== null) body.effort = st.effort;
      if (!body.activity && !body.minutes && !body.load && !body.during && body.effort === undefined) {
        return tr(
          'Tell at least one thing about the session: the activity, its minutes, what it asked of your back, the discomfort during it, or how hard it was.',
        );
      }
      if (number && !st.sharp && du.sharp) body.during = { ...(body.during || {}), sharp: false };
      let entry;
      if (number) {
        const path = after ? `/api/v1/days/${date}/sessions/{session}` : `/api/v1/days/${date}/sessions/${number}`;
        entry = await enqueue({
          method: 'PATCH',
          path,
          body,
          date,
          kind: 'session',
          // TRANSLATORS: what a check-in waiting to be sent is; {n} is its number in the day, {date} "Sat 5 Dec".
          label: tr('session {n} of {date}', { n: number, date: prettyDate(date) }),
          after,
        });
      } else {
        entry = await enqueue({
          method: 'POST',
          path: `/api/v1/days/${date}/sessions`,
          body,
          date,
          kind: 'session',
          // TRANSLATORS: what a check-in waiting to be sent is; {date} is "Sat 5 Dec".
          label: tr('a session on {date}', { date: prettyDate(date) }),
        });
      }
      drafts.remove(key);
      const n = number || nextNumber;
      const shown = number ? { ...e, ...body, during: { ...du, ...(body.during || {}) } } : body;
      const due = hourAfterDue(date, shown);
      const done = doneCard({
        // TRANSLATORS: {n} is the session's number in its day.
        title: number ? tr('Session {n}: saved', { n: number }) : tr('Session: saved'),
        doneTitle: sessionTitle(n, shown.activity),
        lines: sessionLines(shown),
        next: due
          ? // TRANSLATORS: {time} is "14:30".
            tr('Next: the hour-after check-in, from about {time}.', {
              time: timeOf(due.getHours() * 60 + due.getMinutes()),
            })
          : tr('Next: about an hour after you finished, the hour-after check-in.'),
        mark: entry,
        id: `session-${date}-${n || 'new'}`,
        extra: st.sharp ? adviceBox(words.modify_or_stop, { date, n, fresh: true }) : null,
      });
      swap(el, done);
      // The advice, if any, must be on screen after the save, and it stays there.
      const box = done.querySelector('.advice');
      if (box) box.scrollIntoView({ block: 'center' });
      if (onDone) onDone(entry, done, shown);
      ctx.changed({ session: entry, due });
      return null;
    },
    { draftKey: key, extraButtons: cancel },
  );
  return el;
}

// A saved session: what it was, and the advice while it is not dismissed.
export function sessionCard(ctx, date, day, s, number, marks) {
  const mark = marks[`session ${number}`];
  const entryKey = mark && mark.method === 'POST' ? mark.key : null;
  const el = doneCard({
    title: sessionTitle(number, s.activity),
    lines: dayWords(day, marks, 'session', number) || sessionLines(s),
    mark,
    id: `session-${date}-${number}`,
    extra: savedAdvice(date, number, s.during && s.during.sharp, false),
    onChange: () =>
      swap(
        el,
        sessionForm(ctx, date, s, number, {
          after: entryKey,
          onCancel: (form) => swap(form, sessionCard(ctx, date, day, s, number, marks)),
        }),
      ),
  });
  return el;
}

// Whether a saved session's card needs the person's eyes: its advice is not yet dismissed.
export function sessionNeedsAttention(date, s, number) {
  return Boolean(s.during && s.during.sharp) && !adviceDismissed(date, number);
}

// The button that opens a new session's form in its place. afterSave(entry, doneCard, body, n)
// lets the page put the session's hour-after card beside it; the button comes back after.
export function addSessionButton(ctx, date, count, { afterSave, label = tr('I exercised: add a session') } = {}) {
  let n = count;
  const make = (text) => {
    const b = h('button', { type: 'button', class: 'add-session wide-button' }, text);
    b.addEventListener('click', () => {
      const form = sessionForm(ctx, date, null, 0, {
        nextNumber: n + 1,
        onCancel: (f) => {
          const again = make(text);
          f.replaceWith(again);
          again.focus();
        },
        onDone: (entry, done, body) => {
          n += 1;
          const extra = afterSave ? afterSave(entry, done, body, n) : null;
          (extra || done).after(make(tr('Add another session')));
        },
      });
      b.replaceWith(form);
      focusOn(form.querySelector('h3'));
    });
    return b;
  };
  return make(label);
}
