// DOM helpers: element building, the 0-10 scale as one radio group, toggles, a card's own
// feedback line, a field's own error, and the confirm dialog. No state of the app lives here.
import { number, tr } from './i18n.js';

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

// h('p', { class: 'x', onclick: f }, 'text', child, [more]): attributes false, null or
// undefined are left out; true sets an empty attribute.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Replaces an element's children with those given, leaving out null, undefined and false
// (replaceChildren would write them as the text "null").
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

// A 0-10 scale: one tab stop (native radios), arrow keys move along it, and "+½" adds half a
// point. `value` is a number or null; onChange(value) on every change.
export function scale({
  label,
  hint,
  low = tr('0 none'),
  high = tr('10 worst'),
  value = null,
  optional = false,
  halfText = tr('+½ point'),
  onChange,
}) {
  const name = nextId('scale');
  const legendId = nextId('lg');
  let current = value;
  const radios = [];
  const row = h('div', { class: 'scale' });
  for (let i = 0; i <= 10; i += 1) {
    const id = `${name}-${i}`;
    const input = h('input', { type: 'radio', name, id, value: String(i) });
    input.addEventListener('change', () => set(i));
    radios.push(input);
    row.append(h('span', { class: 'pick' }, input, h('label', { for: id }, String(i))));
  }
  const half = h('button', { type: 'button', class: 'half', 'aria-pressed': 'false' }, halfText);
  half.addEventListener('click', () => {
    if (current === null) return;
    set(current % 1 === 0 ? Math.min(10, current + 0.5) : Math.floor(current));
  });
  const clear = optional ? h('button', { type: 'button', class: 'link', onclick: () => set(null) }, tr('Clear')) : null;
  const shown = h('span', { class: 'value', 'aria-hidden': 'true' });
  function draw() {
    radios.forEach((r, i) => {
      r.checked = current !== null && Math.floor(current) === i;
    });
    half.setAttribute('aria-pressed', current !== null && current % 1 !== 0 ? 'true' : 'false');
    half.disabled = current === null || current >= 10;
    shown.textContent = current === null ? '' : number(current);
    if (clear) clear.hidden = current === null;
  }
  function set(v) {
    current = v;
    draw();
    if (onChange) onChange(current);
  }
  draw();
  const el = h(
    'fieldset',
    { class: 'scale-set', 'aria-labelledby': legendId },
    h('legend', { id: legendId }, label, ' ', shown),
    hint ? h('p', { class: 'hint' }, hint) : null,
    row,
    h('div', { class: 'ends', 'aria-hidden': 'true' }, h('span', {}, low), h('span', {}, high)),
    h('div', { class: 'row' }, half, clear),
  );
  return { el, get: () => current, set };
}

// A yes/no toggle button.
export function toggle(label, on, onChange) {
  const b = h('button', { type: 'button', class: 'toggle', 'aria-pressed': on ? 'true' : 'false' }, label);
  b.addEventListener('click', () => {
    const next = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', next ? 'true' : 'false');
    if (onChange) onChange(next);
  });
  return b;
}

// One of a few choices (or none), as a radio group.
export function choice(label, options, value, onChange) {
  const name = nextId('choice');
  const legendId = nextId('lg');
  const inputs = options.map(([v, text]) => {
    const id = `${name}-${v}`;
    const input = h('input', { type: 'radio', name, id, value: v, checked: value === v });
    input.addEventListener('change', () => onChange(v));
    return h('span', { class: 'pick wide' }, input, h('label', { for: id }, text));
  });
  return h(
    'fieldset',
    { 'aria-labelledby': legendId },
    h('legend', { id: legendId }, label),
    h('div', { class: 'choices' }, inputs),
  );
}

// A labelled text or number field, with a line under it for its own error: error(text) shows
// it (and marks the field invalid for screen readers), error('') clears it.
export function field(label, attrs, hint) {
  const id = nextId('f');
  const errorId = nextId('err');
  const input = h(attrs.tag || 'input', { id, ...attrs, tag: null });
  const problem = h('p', { class: 'field-error', id: errorId, hidden: true });
  const el = h(
    'div',
    { class: 'field-row' },
    h('label', { class: 'field', for: id }, label, hint ? h('span', { class: 'hint' }, hint) : null, input),
    problem,
  );
  const error = (text) => {
    problem.textContent = text || '';
    problem.hidden = !text;
    if (text) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', errorId);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  };
  return { el, input, error };
}

// The line beside a card's button where its results and refusals appear, announced to screen
// readers. kind: 'ok', 'error', 'pending' or 'info'.
export function feedback() {
  const el = h('p', { class: 'feedback', role: 'status', 'aria-live': 'polite' });
  // Words waiting to be shown; a later say() or clear() drops them.
  let pending = null;
  return {
    el,
    say(text, kind = 'info') {
      window.clearTimeout(pending);
      el.className = `feedback ${kind}`;
      el.textContent = '';
      // A fresh text node, so that the same words twice are announced twice.
      pending = window.setTimeout(() => {
        pending = null;
        el.textContent = text;
      }, 20);
    },
    clear() {
      window.clearTimeout(pending);
      pending = null;
      el.textContent = '';
      el.className = 'feedback';
    },
  };
}

// Asks before something that cannot be undone. The safe answer has the focus.
export function confirm(text, { yes = tr('Delete'), no = tr('Keep it'), danger = true } = {}) {
  const dlg = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  const yesButton = dlg.querySelector('[data-answer="yes"]');
  const noButton = dlg.querySelector('[data-answer="no"]');
  yesButton.textContent = yes;
  yesButton.className = danger ? 'danger' : 'primary';
  noButton.textContent = no;
  return new Promise((resolve) => {
    const answer = (e) => {
      const a = e.target.closest('[data-answer]');
      if (!a) return;
      dlg.removeEventListener('click', answer);
      dlg.close();
      resolve(a.dataset.answer === 'yes');
    };
    dlg.addEventListener('click', answer);
    dlg.addEventListener('cancel', () => resolve(false), { once: true });
    dlg.showModal();
    noButton.focus();
  });
}

// Copies text, saying so in `fb`.
export async function copy(text, fb, what) {
  try {
    await navigator.clipboard.writeText(text);
    // TRANSLATORS: {what} names what was copied ("the link", "the token").
    fb.say(tr('Copied {what}.', { what }), 'ok');
  } catch {
    // TRANSLATORS: {what} names what to copy ("the link", "the token").
    fb.say(tr('Select {what} and copy it.', { what }), 'info');
  }
}

// Moves the focus to an element that is not itself focusable (a heading, a card).
export function focusOn(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
}
