// A note for the day, in the person's own words; pinned, every report shows it whatever its dates
// ("GP says osteopenia").
import { prettyDate } from '../dates.js';
import { field, h, toggle } from '../dom.js';
import { enqueue } from '../outbox.js';
import { tr } from '../i18n.js';
import { drafts } from '../store.js';
import { fieldOf } from '../words.js';
import { doneCard, draftKey, formCard, swap } from './common.js';

function noteLines(note, pinned) {
  return pinned ? [note, tr('Pinned: every report shows it.')] : [note];
}

// A note for the day. `folded`: a button that opens the form (Today), not the form itself.
export function noteCard(ctx, date, day, marks, { folded = false } = {}) {
  const mark = marks.note;
  const show = () => {
    if (!day.note && folded) {
      const b = h(
        'button',
        { type: 'button', class: 'wide-button', onclick: () => swap(b, form()) },
        tr('Add a note for the day'),
      );
      return b;
    }
    if (!day.note) return form();
    return doneCard({
      title: tr('Note'),
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
    const pin = toggle(tr('Pin it: every report shows it'), st.pinned === true, (on) => {
      st.pinned = on;
      drafts.set(key, st);
    });
    const el = formCard(
      tr('A note for the day'),
      [note.el, h('div', { class: 'toggles' }, pin)],
      tr('Save note'),
      async () => {
        if (!st.note.trim()) return tr('Write something first.');
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/days/${date}/note`,
          body: { note: st.note, pinned: st.pinned === true },
          date,
          kind: 'note',
          // TRANSLATORS: what a check-in waiting to be sent is; {date} is "Sat 5 Dec".
          label: tr('the note of {date}', { date: prettyDate(date) }),
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({
            title: tr('Note: saved'),
            doneTitle: tr('Note'),
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
