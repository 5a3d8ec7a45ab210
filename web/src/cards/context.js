// The rest of the day: last night's sleep, stress, upper-body tension, sitting, long spells in
// one position, painkillers and the person's own factors; all optional, one tap each for most.
import { prettyDate } from '../dates.js';
import { field, h, scale, toggle } from '../dom.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { doneCard, draftKey, formCard, swap } from './common.js';
import { contextLines, dayWords } from './said.js';

export function contextCard(ctx, date, day, marks) {
  const c = day.context;
  const mark = marks.context;
  const show = () => {
    if (!c) return form();
    return doneCard({
      title: 'The rest of the day: done',
      lines: dayWords(day, marks, 'context') || contextLines(c),
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
            lines: contextLines(body),
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
