// A note for the day, in the person's own words.
import { prettyDate } from '../dates.js';
import { field, h } from '../dom.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { doneCard, draftKey, formCard, swap } from './common.js';

// A note for the day. `folded`: a button that opens the form (Today), not the form itself.
export function noteCard(ctx, date, day, marks, { folded = false } = {}) {
  const mark = marks.note;
  const show = () => {
    if (!day.note && folded) {
      const b = h(
        'button',
        { type: 'button', class: 'wide-button', onclick: () => swap(b, form()) },
        'Add a note for the day',
      );
      return b;
    }
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
