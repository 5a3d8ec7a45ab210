// The morning on waking: pain, and stiffness if the person wants to give it.
import { prettyDate } from '../dates.js';
import { scale } from '../dom.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { doneCard, draftKey, formCard, swap } from './common.js';
import { dayWords, morningLines } from './said.js';

export function morningCard(ctx, date, day, marks) {
  const existing = day.morning;
  const mark = marks.morning;
  const show = () => {
    if (!existing) return morningForm();
    return doneCard({
      title: mark ? 'Morning: saved' : 'Morning: done',
      lines: dayWords(day, marks, 'morning') || morningLines(existing),
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
        swap(el, doneCard({ title: 'Morning: saved', lines: morningLines(body), mark: entry, id: `morning-${date}` }));
        ctx.changed();
        return null;
      },
      { id: `morning-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}
