// The check-in cards, shared by Today and History: the morning, a session (during it), its
// hour after, the day's context and a note. Each card keeps a draft while it is filled in,
// saves to the phone's queue (outbox.js) and says what happened beside its own button.
import { owner } from './api.js';
import { hourAfterDue, minutesOf, nowTime, prettyDate, timeOf } from './dates.js';
import { pendingWords } from './days.js';
import { choice, feedback, field, focusOn, h, nextId, scale, toggle } from './dom.js';
import { enqueue } from './outbox.js';
import { drafts } from './store.js';
import { safetyWords } from './words.js';

const LOADS = [
  ['rotation', 'Sustained rotation'],
  ['breathing_under_load', 'Heavy breathing under load'],
  ['arms_away', 'Arms working away from the body'],
];

function num(v) {
  return v === null || v === undefined ? '–' : String(v);
}

// A card: a section with its heading, the body, and its feedback line.
function card(title, { id, cls = '' } = {}) {
  const headingId = nextId('h');
  const heading = h('h3', { id: headingId }, title);
  const fb = feedback();
  const el = h('section', { class: `card ${cls}`, 'aria-labelledby': headingId, id });
  return { el, heading, fb };
}

// The finished state of a card: what is recorded, whether it is still on its way, and a
// button to change it.
function doneCard({ title, lines, mark, onChange, id, extra }) {
  const c = card(title, { id, cls: mark && mark.state === 'failed' ? 'done failed' : 'done' });
  const status = mark
    ? h(
        'p',
        { class: `queued ${mark.state === 'failed' ? 'error' : 'pending'}`, 'data-queued': mark.key },
        pendingWords(mark),
      )
    : null;
  // append() would write a null as the text "null": only what there is.
  c.el.append(
    ...[
      c.heading,
      ...lines.map((l) => h('p', {}, l)),
      status,
      extra,
      onChange ? h('div', { class: 'row' }, h('button', { type: 'button', onclick: onChange }, 'Change')) : null,
    ].filter(Boolean),
  );
  return c.el;
}

// Wraps a form: the save button shows progress, and `save` answers text for the feedback line
// or throws a refusal's words.
function formCard(title, body, saveText, save, { id, draftKey } = {}) {
  const c = card(title, { id, cls: 'due' });
  const button = h('button', { type: 'submit', class: 'primary' }, saveText);
  const form = h('form', { novalidate: true }, body, h('div', { class: 'row' }, button), c.fb.el);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const problem = await save(c.fb);
      if (problem) {
        c.fb.say(problem, 'error');
      } else if (draftKey) {
        drafts.remove(draftKey);
      }
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  c.el.append(c.heading, form);
  return c.el;
}

function draftKey(kind, date, n) {
  return `${owner()}:${kind}:${date}${n ? `:${n}` : ''}`;
}

// Replaces `el` with the card made by `make`, and moves the focus to its heading.
function swap(el, next) {
  el.replaceWith(next);
  focusOn(next.querySelector('h3'));
  return next;
}

// ---------- morning ----------

export function morningCard(ctx, date, day, marks) {
  const existing = day.morning;
  const mark = marks.morning;
  const show = () => {
    if (!existing) return morningForm();
    return doneCard({
      title: mark ? 'Morning: saved' : 'Morning: done',
      lines: [`Pain ${existing.pain}${existing.stiffness !== undefined ? `, stiffness ${existing.stiffness}` : ''}.`],
      mark,
      id: `morning-${date}`,
      onChange: (e) => swap(e.target.closest('section'), morningForm()),
    });
  };
  const morningForm = () => {
    const key = draftKey('morning', date);
    const st = drafts.get(key) || {
      pain: existing ? existing.pain : null,
      stiffness: existing && existing.stiffness !== undefined ? existing.stiffness : null,
    };
    const keep = () => drafts.set(key, st);
    const pain = scale({
      label: 'Pain',
      hint: 'How much does your mid back hurt right now?',
      value: st.pain,
      onChange: (v) => {
        st.pain = v;
        keep();
      },
    });
    const stiff = scale({
      label: 'Stiffness (optional)',
      hint: 'How stiff or restricted does it feel?',
      high: '10 rigid',
      value: st.stiffness,
      optional: true,
      onChange: (v) => {
        st.stiffness = v;
        keep();
      },
    });
    const el = formCard(
      `On waking${date === ctx.today ? '' : `, ${prettyDate(date)}`}: your mid back`,
      [pain.el, stiff.el],
      'Save morning',
      async () => {
        if (st.pain === null) return 'Choose the pain first (0 to 10).';
        const body = { pain: st.pain };
        if (st.stiffness !== null) body.stiffness = st.stiffness;
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/morning`,
          body,
          date,
          kind: 'morning',
          label: `the morning of ${prettyDate(date)}`,
        });
        drafts.remove(key);
        const done = doneCard({
          title: 'Morning: saved',
          lines: [`Pain ${st.pain}${st.stiffness !== null ? `, stiffness ${st.stiffness}` : ''}.`],
          mark: entry,
          id: `morning-${date}`,
        });
        swap(el, done);
        ctx.changed();
        return null;
      },
      { id: `morning-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}

// ---------- a session ----------

function sessionSummary(s) {
  const parts = [];
  if (s.time) parts.push(`at ${s.time}`);
  if (s.minutes) parts.push(`${s.minutes} min`);
  const during = s.during || {};
  const lines = [`${s.activity || 'Session'}${parts.length ? ` (${parts.join(', ')})` : ''}.`];
  if (during.start !== undefined || during.end !== undefined)
    lines.push(`During: ${num(during.start)} to ${num(during.end)}${during.pattern ? `, ${during.pattern}` : ''}.`);
  else if (during.pattern) lines.push(`During: ${during.pattern}.`);
  if (during.sharp) lines.push('Sharp or catching pain.');
  if (s.load && s.load.length)
    lines.push(`Loads: ${s.load.map((l) => LOADS.find((x) => x[0] === l)?.[1].toLowerCase() || l).join(', ')}.`);
  return lines;
}

function adviceBox(text) {
  return h('div', { class: 'advice', role: 'alert' }, h('strong', {}, 'Modify or stop. '), text);
}

// A new session (number 0) or a correction of session `number` (1-based; `after` is the queue
// key when that session is itself still queued).
export function sessionForm(ctx, date, existing, number, { after = null, onDone } = {}) {
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
  };
  const keep = () => drafts.set(key, st);
  const words = safetyWords();
  const advice = h('div', { class: 'advice-slot' });
  const showAdvice = () => {
    advice.replaceChildren(st.sharp ? adviceBox(words.modify_or_stop) : '');
    if (st.sharp) advice.scrollIntoView({ block: 'nearest' });
  };
  const activity = field('Activity', { type: 'text', maxlength: '200', value: st.activity, autocomplete: 'off' });
  activity.input.addEventListener('input', () => {
    st.activity = activity.input.value;
    keep();
  });
  const ended = field(
    'Ended at',
    { type: 'time', value: st.ended },
    'When you finished (now, if you are logging it at the end).',
  );
  ended.input.addEventListener('input', () => {
    st.ended = ended.input.value;
    keep();
  });
  const minutes = field('Minutes', {
    type: 'number',
    min: '1',
    max: '600',
    step: '1',
    inputmode: 'numeric',
    value: st.minutes,
  });
  minutes.input.addEventListener('input', () => {
    st.minutes = minutes.input.value;
    keep();
  });
  const loads = h(
    'fieldset',
    {},
    h('legend', {}, 'What it asked of your mid back'),
    h(
      'div',
      { class: 'toggles' },
      LOADS.map(([k, text]) =>
        toggle(text, st.load.includes(k), (on) => {
          st.load = on ? [...st.load, k] : st.load.filter((x) => x !== k);
          keep();
        }),
      ),
    ),
  );
  const start = scale({
    label: 'Discomfort early in the session',
    value: st.start,
    optional: true,
    onChange: (v) => {
      st.start = v;
      keep();
    },
  });
  const end = scale({
    label: 'Discomfort at the end',
    value: st.end,
    optional: true,
    onChange: (v) => {
      st.end = v;
      keep();
    },
  });
  const pattern = choice(
    'As it went on, the discomfort was',
    [
      ['stable', 'Stable'],
      ['building', 'Building'],
      ['eased', 'Easing'],
    ],
    st.pattern,
    (v) => {
      st.pattern = v;
      keep();
    },
  );
  const sharp = toggle('Sharp or catching pain', st.sharp, (on) => {
    st.sharp = on;
    keep();
    showAdvice();
  });
  showAdvice();
  const title = number
    ? `Session ${number}${date === ctx.today ? '' : ` of ${prettyDate(date)}`}: correct it`
    : `A session${date === ctx.today ? '' : ` on ${prettyDate(date)}`}: during it`;
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
        h('legend', {}, 'During a twisting or reaching movement'),
        h('div', { class: 'toggles' }, sharp),
        advice,
      ),
    ],
    'Save session',
    async () => {
      if (minutes.input.validity.badInput) return 'Minutes: write a whole number, 1 to 600.';
      const body = {};
      if (st.minutes !== '') {
        const m = Number(st.minutes);
        if (!Number.isInteger(m) || m < 1 || m > 600)
          return `Minutes: ${st.minutes} is not a whole number from 1 to 600.`;
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
      if (!body.activity && !body.minutes && !body.load && !body.during) {
        return 'Tell at least one thing about the session: the activity, its minutes, what it asked of your back, or the discomfort during it.';
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
          label: `session ${number} of ${prettyDate(date)}`,
          after,
        });
      } else {
        entry = await enqueue({
          method: 'POST',
          path: `/api/v1/days/${date}/sessions`,
          body,
          date,
          kind: 'session',
          label: `a session on ${prettyDate(date)}`,
        });
      }
      drafts.remove(key);
      const due = hourAfterDue(date, body);
      const next = h(
        'p',
        { class: 'next' },
        due
          ? `Next: the hour-after check-in, from about ${timeOf(due.getHours() * 60 + due.getMinutes())}.`
          : 'Next: about an hour after you finished, the hour-after check-in.',
      );
      const done = doneCard({
        title: number ? `Session ${number}: saved` : 'Session: saved',
        lines: sessionSummary(body),
        mark: entry,
        id: `session-${date}-${number || 'new'}`,
        extra: h('div', {}, st.sharp ? adviceBox(words.modify_or_stop) : null, next),
      });
      swap(el, done);
      // The advice, if any, must be on screen after the save.
      const box = done.querySelector('.advice');
      if (box) box.scrollIntoView({ block: 'center' });
      if (onDone) onDone(entry);
      ctx.changed({ session: entry, due });
      return null;
    },
    { draftKey: key },
  );
  return el;
}

export function sessionCard(ctx, date, s, number, mark) {
  const entryKey = mark && mark.method === 'POST' ? mark.key : null;
  return doneCard({
    title: `Session ${number}${s.activity ? `: ${s.activity}` : ''}`,
    lines: sessionSummary(s),
    mark,
    id: `session-${date}-${number}`,
    onChange: (e) => swap(e.target.closest('section'), sessionForm(ctx, date, s, number, { after: entryKey })),
  });
}

// ---------- the hour after ----------

export function hourAfterCard(ctx, date, s, number, marks, { sessionKey = null } = {}) {
  const mark = marks[`hour_after ${number}`];
  const ha = s.hour_after;
  const label = `session ${number}${s.activity ? ` (${s.activity})` : ''}`;
  const show = () => {
    if (!ha) return form();
    return doneCard({
      title: `An hour after ${label}: done`,
      lines: [`Pain ${num(ha.pain)}${ha.tighter ? ', tighter than before' : ''}.`],
      mark,
      id: `after-${date}-${number}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const form = () => {
    const key = draftKey('after', date, number);
    const st = drafts.get(key) || { pain: ha ? (ha.pain ?? null) : null, tighter: ha ? ha.tighter === true : false };
    const keep = () => drafts.set(key, st);
    const due = hourAfterDue(date, s);
    const when = due
      ? `Due from about ${timeOf(due.getHours() * 60 + due.getMinutes())}.`
      : 'Due about an hour after the session ended.';
    const pain = scale({
      label: 'Pain now',
      value: st.pain,
      onChange: (v) => {
        st.pain = v;
        keep();
      },
    });
    const tighter = toggle('Tighter or more restricted than before', st.tighter, (on) => {
      st.tighter = on;
      keep();
    });
    const el = formCard(
      `An hour after ${label}${date === ctx.today ? '' : `, ${prettyDate(date)}`}`,
      [
        h('p', { class: 'hint' }, `${when} Is it settling back towards your usual, or still rising?`),
        pain.el,
        h('div', { class: 'toggles' }, tighter),
        ctx.notifyOffer ? ctx.notifyOffer(due) : null,
      ],
      'Save hour after',
      async () => {
        if (st.pain === null && !st.tighter) return 'Choose the pain now, or mark it tighter.';
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
            lines: [
              `Pain ${num(body.pain)}${body.tighter ? ', tighter than before' : ''}.`,
              'Tomorrow morning tells more: one session is never a verdict.',
            ],
            mark: entry,
            id: `after-${date}-${number}`,
          }),
        );
        ctx.changed();
        return null;
      },
      { id: `after-${date}-${number}`, draftKey: key },
    );
    return el;
  };
  return show();
}

// ---------- the day's context and a note ----------

// The day's context in a line: "slept 5 h; stress 7; painkillers (ibuprofen); “long drive”."
export function describeContext(x) {
  const parts = [];
  if (x.sleep_hours !== undefined) parts.push(`slept ${x.sleep_hours} h`);
  if (x.sleep_quality !== undefined) parts.push(`sleep ${x.sleep_quality}/10`);
  if (x.stress !== undefined) parts.push(`stress ${x.stress}`);
  if (x.upper_body_tension !== undefined) parts.push(`upper-body tension ${x.upper_body_tension}`);
  if (x.sitting_hours !== undefined) parts.push(`sitting ${x.sitting_hours} h`);
  if (x.prolonged_position) parts.push('long spells in one position');
  if (x.painkillers) parts.push(x.painkiller_name ? `painkillers (${x.painkiller_name})` : 'painkillers');
  for (const t of x.tags || []) parts.push(`“${t}”`);
  return parts.length ? `${parts.join('; ')}.` : 'Nothing of note.';
}

export function contextCard(ctx, date, day, marks) {
  const c = day.context;
  const mark = marks.context;
  const describe = describeContext;
  const show = () => {
    if (!c) return form();
    return doneCard({
      title: 'The rest of the day: done',
      lines: [describe(c)],
      mark,
      id: `context-${date}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const form = () => {
    const key = draftKey('context', date);
    const x = c || {};
    const st = drafts.get(key) || {
      sleep: x.sleep_hours ?? null,
      sleepQuality: x.sleep_quality ?? null,
      stress: x.stress ?? null,
      tension: x.upper_body_tension ?? null,
      sitting: x.sitting_hours !== undefined ? String(x.sitting_hours) : '',
      prolonged: x.prolonged_position === true,
      painkillers: x.painkillers === true,
      painkillerName: x.painkiller_name || '',
      tags: [...(x.tags || [])],
    };
    const keep = () => drafts.set(key, st);
    const row = (label, low, high, prop, halfText) =>
      scale({
        label,
        halfText,
        low,
        high,
        value: st[prop],
        optional: true,
        onChange: (v) => {
          st[prop] = v;
          keep();
        },
      });
    // Sleep: one tap on the hours for most nights; a longer one is typed.
    const sleep = row('Hours of sleep last night', '0 h', '10 h', 'sleep', '+½ hour');
    const longer = field('More than 10 hours: how many?', {
      type: 'number',
      min: '10',
      max: '24',
      step: '0.5',
      inputmode: 'decimal',
      value: st.sleep !== null && st.sleep > 10 ? String(st.sleep) : '',
    });
    longer.el.hidden = !(st.sleep !== null && st.sleep > 10);
    longer.input.addEventListener('input', () => {
      st.sleep = longer.input.value === '' ? null : Number(longer.input.value);
      keep();
    });
    const more = h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          longer.el.hidden = false;
          longer.input.focus();
        },
      },
      'Slept more than 10 hours?',
    );
    const quality = row('How well you slept', '0 very poorly', '10 very well', 'sleepQuality');
    const stress = row('Stress today', '0 none', '10 worst', 'stress');
    const tension = row('Upper-body tension', '0 relaxed', '10 very tense', 'tension');
    const sitting = field('Hours of sitting', {
      type: 'number',
      min: '0',
      max: '24',
      step: '0.5',
      inputmode: 'decimal',
      value: st.sitting,
    });
    sitting.input.addEventListener('input', () => {
      st.sitting = sitting.input.value;
      keep();
    });
    const prolonged = toggle('Long spells in one position', st.prolonged, (on) => {
      st.prolonged = on;
      keep();
    });
    const name = field('What you took (optional)', {
      type: 'text',
      maxlength: '100',
      autocomplete: 'off',
      value: st.painkillerName,
    });
    name.el.hidden = !st.painkillers;
    name.input.addEventListener('input', () => {
      st.painkillerName = name.input.value;
      keep();
    });
    const painkillers = toggle('Took something for the pain', st.painkillers, (on) => {
      st.painkillers = on;
      name.el.hidden = !on;
      keep();
    });
    // The person's own factors: those used before as toggles, and a new one typed once.
    const known = [...(ctx.tags || [])];
    for (const t of st.tags) if (!known.some((k) => k.toLowerCase() === t.toLowerCase())) known.push(t);
    const tagBox = h('div', { class: 'toggles', role: 'group', 'aria-label': 'Your own factors' });
    const drawTags = () => {
      tagBox.replaceChildren(
        ...known.map((t) =>
          toggle(
            t,
            st.tags.some((x) => x.toLowerCase() === t.toLowerCase()),
            (on) => {
              st.tags = st.tags.filter((x) => x.toLowerCase() !== t.toLowerCase());
              if (on) st.tags.push(t);
              keep();
            },
          ),
        ),
      );
    };
    drawTags();
    const newTag = field('Add a factor of your own', {
      type: 'text',
      maxlength: '40',
      autocomplete: 'off',
      placeholder: 'like long drive, period, new mattress',
    });
    const addTag = () => {
      const t = newTag.input.value.trim();
      if (!t) return;
      if (t.includes(';')) {
        newTag.input.setCustomValidity('A factor cannot hold “;”.');
        newTag.input.reportValidity();
        return;
      }
      newTag.input.setCustomValidity('');
      if (!known.some((k) => k.toLowerCase() === t.toLowerCase())) known.push(t);
      if (!st.tags.some((x) => x.toLowerCase() === t.toLowerCase())) st.tags.push(t);
      newTag.input.value = '';
      keep();
      drawTags();
    };
    newTag.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addTag();
      }
    });
    const el = formCard(
      `The rest of the day${date === ctx.today ? '' : `, ${prettyDate(date)}`}`,
      [
        h(
          'p',
          { class: 'hint' },
          'Other things that shape a morning and can explain a bad one. Fill in what you know; all of it is optional.',
        ),
        sleep.el,
        h('p', { class: 'row' }, more),
        longer.el,
        h(
          'details',
          { class: 'more-context', open: st.sleepQuality !== null },
          h('summary', {}, 'How well you slept'),
          quality.el,
        ),
        stress.el,
        tension.el,
        sitting.el,
        h('div', { class: 'toggles' }, prolonged, painkillers),
        name.el,
        h('h4', { class: 'sub' }, 'Your own factors'),
        tagBox,
        h('div', { class: 'add-tag' }, newTag.el, h('button', { type: 'button', onclick: addTag }, 'Add')),
      ],
      'Save the day',
      async () => {
        if (sitting.input.validity.badInput) return 'Hours of sitting: write a number, 0 to 24.';
        if (newTag.input.value.trim()) addTag();
        const body = {};
        if (st.sleep !== null) {
          if (!(st.sleep >= 0 && st.sleep <= 24) || (st.sleep * 2) % 1 !== 0)
            return `Hours of sleep: ${st.sleep} is not 0 to 24 in half hours.`;
          body.sleep_hours = st.sleep;
        }
        if (st.sleepQuality !== null) body.sleep_quality = st.sleepQuality;
        if (st.stress !== null) body.stress = st.stress;
        if (st.tension !== null) body.upper_body_tension = st.tension;
        if (st.sitting !== '') {
          const v = Number(st.sitting);
          if (!(v >= 0 && v <= 24) || (v * 2) % 1 !== 0)
            return `Hours of sitting: ${st.sitting} is not 0 to 24 in half hours.`;
          body.sitting_hours = v;
        }
        if (st.prolonged) body.prolonged_position = true;
        if (st.painkillers) {
          body.painkillers = true;
          if (st.painkillerName.trim()) body.painkiller_name = st.painkillerName.trim();
        }
        if (st.tags.length) body.tags = st.tags;
        if (!Object.keys(body).length)
          return 'Give at least one: sleep, stress, painkillers, a factor of your own, tension or sitting.';
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/context`,
          body,
          date,
          kind: 'context',
          label: `the context of ${prettyDate(date)}`,
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({
            title: 'The rest of the day: saved',
            lines: [describe(body)],
            mark: entry,
            id: `context-${date}`,
          }),
        );
        ctx.changed();
        return null;
      },
      { id: `context-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}

export function noteCard(ctx, date, day, marks) {
  const mark = marks.note;
  const show = () => {
    if (!day.note) return form();
    return doneCard({
      title: 'Note',
      lines: [day.note],
      mark,
      id: `note-${date}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const form = () => {
    const key = draftKey('note', date);
    const st = drafts.get(key) || { note: day.note || '' };
    const note = field('Note', { tag: 'textarea', maxlength: '2000' });
    note.input.value = st.note;
    note.input.addEventListener('input', () => {
      st.note = note.input.value;
      drafts.set(key, st);
    });
    const el = formCard(
      'A note for the day',
      [note.el],
      'Save note',
      async () => {
        if (!st.note.trim()) return 'Write something first.';
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/note`,
          body: { note: st.note },
          date,
          kind: 'note',
          label: `the note of ${prettyDate(date)}`,
        });
        drafts.remove(key);
        swap(el, doneCard({ title: 'Note: saved', lines: [st.note], mark: entry, id: `note-${date}` }));
        ctx.changed();
        return null;
      },
      { id: `note-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}
