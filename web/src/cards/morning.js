// The morning on waking: pain, and stiffness if the person wants to give it.
import { get } from '../api.js';
import { prettyDate } from '../dates.js';
import { h, scale } from '../dom.js';
import { enqueue, subscribe } from '../outbox.js';
import { tr } from '../i18n.js';
import { drafts } from '../store.js';
import { doneCard, draftKey, formCard, swap } from './common.js';
import { dayWords, morningLines } from './said.js';

// Under a saved morning: what it says of the session the day before ("This is the morning after
// your session of Sat 5 Dec: within your usual range."), in the server's words, once the server
// has the morning; nothing when there was no session, or offline.
async function morningAfter(el, date) {
  const r = await get(`/api/v1/days/${date}/morning_after`);
  const after = r.ok && r.data ? r.data.morning_after : null;
  const said = el.querySelector('.said');
  if (!after || !said) return;
  const line = said.querySelector('.morning-after') || h('p', { class: 'meaning morning-after' });
  line.textContent = after.words;
  said.insertBefore(line, said.querySelector('.next'));
}

// ... at once for a morning on the server, or once its check-in is sent (none for one refused).
function withMorningAfter(el, date, mark) {
  if (mark && mark.state === 'failed') return el;
  if (!mark) {
    morningAfter(el, date);
    return el;
  }
  const off = subscribe((ev) => {
    if (ev.entry?.key !== mark.key || (ev.type !== 'sent' && ev.type !== 'failed')) return;
    off();
    if (ev.type === 'sent') morningAfter(el, date);
  });
  return el;
}

export function morningCard(ctx, date, day, marks) {
  const existing = day.morning;
  const mark = marks.morning;
  const show = () => {
    if (!existing) return morningForm();
    const el = doneCard({
      title: mark ? tr('Morning: saved') : tr('Morning: done'),
      doneTitle: tr('Morning: done'),
      lines: dayWords(day, marks, 'morning') || morningLines(existing),
      mark,
      id: `morning-${date}`,
      onChange: (e) => swap(e.target.closest('section'), morningForm()),
    });
    return withMorningAfter(el, date, mark);
  };
  const morningForm = () => {
    const key = draftKey('morning', date);
    const st = drafts.get(key) || {
      pain: existing ? existing.pain : null,
      stiffness: existing && existing.stiffness !== undefined ? existing.stiffness : null,
    };
    const keep = () => drafts.set(key, st);
    const pain = scale({
      label: tr('Pain'),
      hint: tr('How much does your mid back hurt right now?'),
      value: st.pain,
      onChange: (v) => {
        st.pain = v;
        keep();
      },
    });
    const stiff = scale({
      label: tr('Stiffness (optional)'),
      hint: tr('How stiff or restricted does it feel?'),
      high: tr('10 rigid'),
      value: st.stiffness,
      optional: true,
      onChange: (v) => {
        st.stiffness = v;
        keep();
      },
    });
    const el = formCard(
      date === ctx.today
        ? tr('On waking: your mid back')
        : // TRANSLATORS: a card's heading; {date} is "Sat 5 Dec".
          tr('On waking, {date}: your mid back', { date: prettyDate(date) }),
      [pain.el, stiff.el],
      tr('Save morning'),
      async () => {
        if (st.pain === null) return tr('Choose the pain first (0 to 10).');
        const body = { pain: st.pain };
        if (st.stiffness !== null) body.stiffness = st.stiffness;
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/morning`,
          body,
          date,
          kind: 'morning',
          // TRANSLATORS: what a check-in waiting to be sent is; {date} is "Sat 5 Dec".
          label: tr('the morning of {date}', { date: prettyDate(date) }),
        });
        drafts.remove(key);
        swap(
          el,
          withMorningAfter(
            doneCard({
              title: tr('Morning: saved'),
              doneTitle: tr('Morning: done'),
              lines: morningLines(body),
              mark: entry,
              id: `morning-${date}`,
            }),
            date,
            entry,
          ),
        );
        ctx.changed();
        return null;
      },
      { id: `morning-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}
