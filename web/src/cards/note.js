// A note for the day, in the person's own words; pinned, every report shows it whatever its dates
// ("GP says osteopenia").
import { prettyDate } from '../dates.js';
import { field, h, toggle } from '../dom.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { fieldOf } from '../words.js';
import { doneCard, draftKey, formCard, swap } from './common.js';

const PIN_LABEL = 'Pin it: every report shows it';

function noteLines(note, pinned) {
  return pinned ? [note, 'Pinned: every report shows it.'] : [note];
}

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
      lines: noteLines(day.note, day.note_pinned),
      mark,
      id: `note-${date}`,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const form = () => {
    const key = draftKey('note', date);
    const st = drafts.get(key) || { note: day.note || '', pinned: day.note_pinned === true };
    const spec = fieldOf('day', 'note') || { label: '', max_chars: '' };
    const note = field(spec.label, { tag: 'textarea', maxlength: String(spec.max_chars) });
    note.input.value = st.note;
    note.input.addEventListener('input', () => {
      st.note = note.input.value;
      drafts.set(key, st);
    });
    const pin = toggle(PIN_LABEL, st.pinned === true, (on) => {
      st.pinned = on;
      drafts.set(key, st);
    });
    const el = formCard(
      'A note for the day',
      [note.el, h('div', { class: 'toggles' }, pin)],
      'Save note',
      async () => {
        if (!st.note.trim()) return 'Write something first.';
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/note`,
          body: { note: st.note, pinned: st.pinned === true },
          date,
          kind: 'note',
          label: `the note of ${prettyDate(date)}`,
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({
            title: 'Note: saved',
            lines: noteLines(st.note, st.pinned === true),
            mark: entry,
            id: `note-${date}`,
          }),
        );
        ctx.changed();
        return null;
      },
      { id: `note-${date}`, draftKey: key },
    );
    return el;
  };
  return show();
}
