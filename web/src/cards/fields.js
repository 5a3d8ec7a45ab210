// A diary field's control on a card, built from the field as the server describes it (GET
// /api/v1/fields: its kind, bounds, control and words), so that a card copies no limit of the
// format. Each control reads and writes its value in `st[name]` and calls keep() on a change.
import { field, h, scale, toggle } from '../dom.js';
import { number, parseDecimal, tr } from '../i18n.js';

// The value a field starts with on a card, from what is stored (`x`, the JSON object).
export function initialValue(spec, x) {
  const v = x ? x[spec.key] : undefined;
  switch (spec.control) {
    case 'number':
      return v !== undefined ? number(v) : '';
    case 'toggle':
      return v === true;
    case 'text':
      return v || '';
    case 'tags':
      return [...(v || [])];
    default:
      return v ?? null;
  }
}

// "0 to 24 in halves": what a number field takes, in words.
function boundsText(spec) {
  const range = { min: number(spec.min), max: number(spec.max) };
  // TRANSLATORS: what a number field takes: {min} and {max} are its bounds ("0", "24").
  if (spec.step === 0.5) return tr('{min} to {max} in halves', range);
  // TRANSLATORS: what a number field takes: {min} and {max} are its bounds ("0", "24").
  if (spec.step === 1) return tr('{min} to {max} in whole numbers', range);
  // TRANSLATORS: what a number field takes: {min} and {max} are its bounds ("0", "24").
  return tr('{min} to {max}', range);
}

// The words of a value outside the field's bounds, or not a number at all.
function outOfBounds(spec, typed) {
  const args = { label: spec.label, value: typed, bounds: boundsText(spec) };
  // TRANSLATORS: {label} is the field's name ("Hours of sitting"), {value} what the person
  // typed, {bounds} what the field takes ("0 to 24 in halves").
  const problem = tr('{label}: {value} is not {bounds}.', args);
  return { problem };
}
function notANumber(spec) {
  return {
    // TRANSLATORS: {label} is the field's name ("Hours of sitting"); {min} and {max} its bounds.
    problem: tr('{label}: write a number, {min} to {max}.', {
      label: spec.label,
      min: number(spec.min),
      max: number(spec.max),
    }),
  };
}

// Whether `v` is within the field's bounds and steps.
function inBounds(spec, v) {
  if (!(v >= spec.min && v <= spec.max)) return false;
  return !spec.step || Math.abs(v / spec.step - Math.round(v / spec.step)) < 1e-9;
}

// The field's value for the body sent to the server, or undefined for none; a string is the
// words of a problem to show.
export function bodyValue(spec, st) {
  const v = st[spec.name];
  switch (spec.control) {
    case 'scale':
    case 'whole_scale':
    case 'choice':
      return v === null ? undefined : v;
    case 'hours_scale':
      if (v === null || v === undefined) return undefined;
      if (typeof v !== 'number' || Number.isNaN(v)) return notANumber(spec);
      return inBounds(spec, v) ? v : outOfBounds(spec, number(v));
    case 'number': {
      const typed = String(v).trim();
      if (typed === '') return undefined;
      const n = parseDecimal(typed);
      if (Number.isNaN(n)) return notANumber(spec);
      return inBounds(spec, n) ? n : outOfBounds(spec, typed);
    }
    case 'toggle':
      return v ? true : undefined;
    case 'text': {
      if (spec.shown_with && !st[spec.shown_with]) return undefined;
      const t = v.trim();
      return t ? t : undefined;
    }
    case 'tags':
      return v.length ? v : undefined;
    default:
      return undefined;
  }
}

// The control of one field. `ctx.tags` are the person's own factors used before (for 'tags');
// `onToggle(name, on)` tells the card a flag changed (a text shown with it appears).
export function fieldControl(spec, st, keep, ctx = {}) {
  const set = (v) => {
    st[spec.name] = v;
    keep();
  };
  switch (spec.control) {
    case 'scale': {
      const s = scale({
        label: spec.label,
        low: spec.low,
        high: spec.high,
        halfText: spec.half,
        value: st[spec.name],
        optional: true,
        onChange: set,
      });
      if (!spec.folded) return s.el;
      return h('details', { class: 'more-context', open: st[spec.name] !== null }, h('summary', {}, spec.label), s.el);
    }
    case 'whole_scale': {
      const s = scale({
        label: spec.label,
        low: spec.low,
        high: spec.high,
        value: st[spec.name],
        optional: true,
        onChange: set,
      });
      const half = s.el.querySelector('button.half');
      if (half) half.remove();
      s.el.dataset.field = spec.name;
      return s.el;
    }
    case 'hours_scale':
      return hoursScale(spec, st, set);
    case 'number': {
      // Typed as text, so that "7,5" is read as well as "7.5" (parseDecimal) on saving.
      const f = field(spec.label, {
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        value: st[spec.name],
      });
      f.input.addEventListener('input', () => set(f.input.value));
      f.el.dataset.field = spec.name;
      return f.el;
    }
    case 'toggle':
      return toggle(spec.label, st[spec.name], (on) => {
        set(on);
        if (ctx.onToggle) ctx.onToggle(spec.name, on);
      });
    case 'text': {
      const f = field(spec.label, {
        type: 'text',
        maxlength: String(spec.max_chars),
        autocomplete: 'off',
        value: st[spec.name],
      });
      f.input.addEventListener('input', () => set(f.input.value));
      if (spec.shown_with) {
        f.el.hidden = !st[spec.shown_with];
        f.el.dataset.shownWith = spec.shown_with;
      }
      return f.el;
    }
    case 'tags':
      return tagsControl(spec, st, keep, ctx.tags || []);
    case 'choice':
      return choiceControl(spec, st, set);
    default:
      return null;
  }
}

// Hours on a 0-10 scale for most days, one tap; more than the scale's top is typed.
function hoursScale(spec, st, set) {
  const top = 10;
  const s = scale({
    label: spec.label,
    low: spec.low,
    high: spec.high,
    halfText: spec.half,
    value: st[spec.name] !== null && st[spec.name] <= top ? st[spec.name] : null,
    optional: true,
    onChange: set,
  });
  const beyond = st[spec.name] !== null && st[spec.name] > top;
  // Typed as text, so that "11,5" is read as well as "11.5".
  const longer = field(spec.beyond_label, {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: beyond ? number(st[spec.name]) : '',
  });
  longer.el.hidden = !beyond;
  longer.input.addEventListener('input', () => {
    const typed = longer.input.value.trim();
    set(typed === '' ? null : parseDecimal(typed));
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
    spec.beyond,
  );
  return [s.el, h('p', { class: 'row' }, more), longer.el];
}

// One of a few choices, or none: toggles of which one at most is on.
function choiceControl(spec, st, set) {
  const buttons = spec.choices.map((c) => {
    const b = toggle(c.label, st[spec.name] === c.name, (on) => {
      set(on ? c.name : null);
      for (const other of buttons) if (other !== b) other.setAttribute('aria-pressed', 'false');
    });
    return b;
  });
  return h(
    'fieldset',
    { class: 'choice-toggles', 'data-field': spec.name },
    h('legend', {}, spec.label),
    spec.hint ? h('p', { class: 'hint' }, spec.hint) : null,
    h('div', { class: 'toggles' }, buttons),
  );
}

// The person's own factors: those used before as toggles, and a new one typed once.
function tagsControl(spec, st, keep, used) {
  const name = spec.name;
  const same = (a, b) => a.toLowerCase() === b.toLowerCase();
  const known = [...used];
  for (const t of st[name]) if (!known.some((k) => same(k, t))) known.push(t);
  const box = h('div', { class: 'toggles', role: 'group', 'aria-label': spec.label });
  const draw = () => {
    box.replaceChildren(
      ...known.map((t) =>
        toggle(
          t,
          st[name].some((x) => same(x, t)),
          (on) => {
            st[name] = st[name].filter((x) => !same(x, t));
            if (on) st[name].push(t);
            keep();
          },
        ),
      ),
    );
  };
  draw();
  const input = field(tr('Add a factor of your own'), {
    type: 'text',
    maxlength: String(spec.max_chars),
    autocomplete: 'off',
    placeholder: spec.hint,
  });
  const add = () => {
    const t = input.input.value.trim();
    if (!t) return;
    if (t.includes(';')) {
      input.input.setCustomValidity(tr('A factor cannot hold “;”.'));
      input.input.reportValidity();
      return;
    }
    input.input.setCustomValidity('');
    if (!known.some((k) => same(k, t))) known.push(t);
    if (!st[name].some((x) => same(x, t))) st[name].push(t);
    input.input.value = '';
    keep();
    draw();
  };
  input.input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });
  const el = [
    h('h4', { class: 'sub' }, spec.label),
    box,
    h('div', { class: 'add-tag' }, input.el, h('button', { type: 'button', onclick: add }, tr('Add'))),
  ];
  // Typed but not yet added: added when the card is saved.
  el.pending = () => {
    if (input.input.value.trim()) add();
  };
  return el;
}
