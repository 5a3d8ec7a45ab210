// The rest of the day: last night's sleep, stress, upper-body tension, sitting, long spells in
// one position, painkillers, the person's own factors and a fall or an injury; all optional, one
// tap each for most. Recording a fall or an injury opens the safety questions at once.
// Its controls are the context's fields as the server describes them (cards/fields.js).
import { prettyDate } from '../dates.js';
import { h } from '../dom.js';
import { enqueue } from '../outbox.js';
import { tr } from '../i18n.js';
import { drafts } from '../store.js';
import { fieldsOf } from '../words.js';
import { doneCard, draftKey, formCard, swap } from './common.js';
import { bodyValue, fieldControl, initialValue } from './fields.js';
import { contextLines, dayWords, inSentence } from './said.js';

export function contextCard(ctx, date, day, marks) {
  const c = day.context;
  const mark = marks.context;
  const show = () => {
    if (!c) return form();
    return doneCard({
      title: tr('The rest of the day: done'),
      lines: dayWords(day, marks, 'context') || contextLines(c),
      mark,
      id: `context-${date}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const form = () => {
    const key = draftKey('context', date);
    const specs = fieldsOf('context');
    const kept = drafts.get(key);
    // A draft kept by this page's version (one value a field, by name); an older one is dropped.
    const st = kept && kept.v === 2 ? kept.values : Object.fromEntries(specs.map((f) => [f.name, initialValue(f, c)]));
    const keep = () => drafts.set(key, { v: 2, values: st });
    const controls = [];
    const pending = [];
    const shown = new Map(); // a text shown only with a flag: its row, by the flag's name
    let toggles = null; // consecutive toggles sit together
    for (const spec of specs) {
      const made = fieldControl(spec, st, keep, {
        tags: ctx.tags,
        onToggle: (name, on) => {
          for (const el of shown.get(name) || []) el.hidden = !on;
        },
      });
      if (!made) continue;
      if (made.pending) pending.push(made.pending);
      if (spec.control === 'toggle') {
        if (!toggles) controls.push((toggles = h('div', { class: 'toggles' })));
        toggles.append(made);
        continue;
      }
      toggles = null;
      const nodes = Array.isArray(made) ? made : [made];
      if (spec.shown_with) shown.set(spec.shown_with, [...(shown.get(spec.shown_with) || []), ...nodes]);
      controls.push(...nodes);
    }
    const el = formCard(
      date === ctx.today
        ? tr('The rest of the day')
        : // TRANSLATORS: a card's heading; {date} is "Sat 5 Dec".
          tr('The rest of the day, {date}', { date: prettyDate(date) }),
      [
        h(
          'p',
          { class: 'hint' },
          tr(
            'Other things that shape a morning and can explain a bad one. Fill in what you know; all of it is optional.',
          ),
        ),
        controls,
      ],
      tr('Save the day'),
      async () => {
        for (const p of pending) p();
        const body = {};
        for (const spec of specs) {
          const v = bodyValue(spec, st);
          if (v && v.problem) return v.problem;
          if (v !== undefined) body[spec.key] = v;
        }
        if (!Object.keys(body).length)
          // TRANSLATORS: {fields} is the list of the card's fields ("hours of sleep last night, stress today").
          return tr('Give at least one: {fields}.', {
            fields: specs
              .filter((f) => !f.shown_with)
              .map((f) => inSentence(f.label))
              .join(', '),
          });
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/context`,
          body,
          date,
          kind: 'context',
          // TRANSLATORS: what a check-in waiting to be sent is; {date} is "Sat 5 Dec".
          label: tr('the context of {date}', { date: prettyDate(date) }),
        });
        drafts.remove(key);
        // A fall or an injury (a field that `rescreens`) newly recorded: the safety questions
        // again, at once (the server asks them too, on every surface, once the check-in lands).
        const rescreen = specs.some(
          (f) => f.rescreens && body[f.key] !== undefined && (!c || c[f.key] !== body[f.key]),
        );
        swap(
          el,
          doneCard({
            title: tr('The rest of the day: saved'),
            doneTitle: tr('The rest of the day: done'),
            lines: contextLines(body),
            mark: entry,
            id: `context-${date}`,
          }),
        );
        ctx.changed();
        if (rescreen && ctx.rescreen) ctx.rescreen();
        return null;
      },
      { id: `context-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}
