// What every check-in card shares: a card with its heading and feedback line, the form that
// saves it, the done state that says back what is recorded (and takes the server's words when
// it answers), the modify-or-stop advice that stays until dismissed, and drafts.
import { owner } from '../api.js';
import { pendingWords } from '../days.js';
import { feedback, fill, focusOn, h, nextId } from '../dom.js';
import { tr } from '../i18n.js';
import { subscribe } from '../outbox.js';
import { drafts } from '../store.js';

export function num(v) {
  return v === null || v === undefined ? '–' : String(v);
}

// A card: a section with its heading, the body, and its feedback line.
export function card(title, { id, cls = '' } = {}) {
  const headingId = nextId('h');
  const heading = h('h3', { id: headingId }, title);
  const fb = feedback();
  const el = h('section', { class: `card ${cls}`.trim(), 'aria-labelledby': headingId, id });
  return { el, heading, fb };
}

// Cards waiting for the server's words about their queued check-in, by queue key.
const waiting = new Map();
subscribe((ev) => {
  if (ev.type !== 'sent') return;
  const update = waiting.get(ev.entry.key);
  waiting.delete(ev.entry.key);
  if (update && ev.data && ev.data.words) update(ev.data.words);
});

// The finished state of a card: what is recorded (`lines`: the server's words, or what was
// entered while it is on its way), what it means and what comes next, whether it is still
// on its way, and a button to change it. `doneTitle`: the heading once the server has it.
export function doneCard({ title, doneTitle, lines, meaning = '', next = '', mark, onChange, id, extra }) {
  const c = card(title, { id, cls: mark && mark.state === 'failed' ? 'done failed' : 'done' });
  if (doneTitle) c.heading.dataset.done = doneTitle;
  const said = h('div', { class: 'said' });
  const say = (w) => {
    fill(
      said,
      (w.lines || []).map((l) => h('p', {}, l)),
      w.meaning ? h('p', { class: 'meaning' }, w.meaning) : null,
      w.next ? h('p', { class: 'next' }, w.next) : null,
    );
  };
  say({ lines, meaning, next });
  const status = mark
    ? h(
        'p',
        { class: `queued ${mark.state === 'failed' ? 'error' : 'pending'}`, 'data-queued': mark.key },
        pendingWords(mark),
      )
    : null;
  if (mark && mark.state !== 'failed') waiting.set(mark.key, say);
  fill(
    c.el,
    c.heading,
    said,
    status,
    extra,
    onChange ? h('div', { class: 'row' }, h('button', { type: 'button', onclick: onChange }, tr('Change'))) : null,
  );
  return c.el;
}

// Wraps a form: the save button shows progress, and `save` answers null once saved, the words
// of a refusal for the feedback line, or false when nothing was done (the person said wait). `extraButtons` sit beside Save (a Cancel).
export function formCard(title, body, saveText, save, { id, draftKey, cls = 'due', badge, extraButtons } = {}) {
  const c = card(title, { id, cls });
  const button = h('button', { type: 'submit', class: 'primary' }, saveText);
  const form = h('form', { novalidate: true }, body, h('div', { class: 'row' }, button, extraButtons), c.fb.el);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const problem = await save(c.fb);
      if (typeof problem === 'string' && problem) {
        c.fb.say(problem, 'error');
      } else if (problem === null && draftKey) {
        drafts.remove(draftKey);
      }
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  fill(c.el, c.heading, badge, form);
  return c.el;
}

export function draftKey(kind, date, n) {
  return `${owner()}:${kind}:${date}${n ? `:${n}` : ''}`;
}

// Replaces `el` with the card made by `make`, and moves the focus to its heading.
export function swap(el, next) {
  el.replaceWith(next);
  focusOn(next.querySelector('h3'));
  return next;
}

// The modify-or-stop advice stays on a session's card until the person dismisses it; what was
// dismissed is kept on this phone, by account, date and session.
function adviceKey(date, n) {
  return `advice-dismissed:${owner()}:${date}:${n}`;
}
export function adviceDismissed(date, n) {
  try {
    return localStorage.getItem(adviceKey(date, n)) === '1';
  } catch {
    return false;
  }
}
export function adviceBox(text, { date, n, fresh = false } = {}) {
  const box = h(
    'div',
    { class: 'advice', role: fresh ? 'alert' : 'note' },
    h('p', {}, h('strong', {}, `${tr('Modify or stop.')} `), text),
  );
  if (date && n) {
    box.append(
      h(
        'button',
        {
          type: 'button',
          class: 'dismiss',
          onclick: () => {
            try {
              localStorage.setItem(adviceKey(date, n), '1');
            } catch {
              // not kept: it shows again next time
            }
            const cardEl = box.closest('section');
            box.remove();
            focusOn(cardEl && cardEl.querySelector('h3'));
          },
        },
        tr('I have read this: hide it'),
      ),
    );
  }
  return box;
}
