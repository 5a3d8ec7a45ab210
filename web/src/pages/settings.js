// The thresholds the reading uses, worded for people: what each one decides, its usual value and
// the range it may be moved within. Setting names never show; a value out of its range is
// refused at its own field, in words; going back to the usual values asks first. Changing one
// is best done with a clinician, and the reading says when any is changed.
import { errorText, get, request } from '../api.js';
import { confirm, feedback, fill, h, nextId } from '../dom.js';
import { ntr, number, tr } from '../i18n.js';

// The first few are the ones a person is most likely to ask about.
const FIRST = ['significant_change', 'noticeably_higher', 'sitting_hours', 'upper_body_tension', 'building_rise'];

function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fmt(v) {
  return number(Number(v.toFixed(4)));
}

// What is wrong with `text` for setting `s`, in words, or null.
function problemWith(s, text) {
  if (text.trim() === '') return tr('Write a number, or go back to the usual values.');
  const v = Number(text);
  // TRANSLATORS: {text} is what the person wrote.
  if (!Number.isFinite(v)) return tr('“{text}” is not a number.', { text });
  // TRANSLATORS: {value} is the number written, {min} the least a threshold can be.
  if (v < s.min) return tr('{value} is less than {min}, the least it can be.', { value: fmt(v), min: fmt(s.min) });
  // TRANSLATORS: {value} is the number written, {max} the most a threshold can be.
  if (v > s.max) return tr('{value} is more than {max}, the most it can be.', { value: fmt(v), max: fmt(s.max) });
  const steps = (v - s.min) / s.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9)
    // TRANSLATORS: {step} is a threshold's step (0.5), {example} a value that fits it.
    return tr('Use steps of {step}, like {example}.', { step: fmt(s.step), example: fmt(s.min + s.step) });
  return null;
}

export async function renderSettings(root, app, { saved = false } = {}) {
  const r = await get('/api/v1/settings');
  const heading = h('h1', { id: 'settings-title' }, tr('Settings'));
  if (!r.ok) {
    fill(
      root,
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' },
        tr('Could not load the thresholds: {error}', { error: errorText(r) }),
      ),
    );
    return;
  }
  const list = [...r.data.settings].sort((a, b) => {
    const ia = FIRST.indexOf(a.name);
    const ib = FIRST.indexOf(b.name);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const values = {};
  const errors = {};
  const fb = feedback();
  const row = (s) => {
    const id = nextId('set');
    const errorId = nextId('err');
    values[s.name] = String(s.value);
    const changed = s.value !== s.default;
    const input = h('input', {
      id,
      type: 'number',
      min: String(s.min),
      max: String(s.max),
      step: String(s.step),
      value: String(s.value),
      inputmode: 'decimal',
      disabled: s.fixed_by_server,
    });
    const problem = h('p', { class: 'field-error', id: errorId, hidden: true });
    errors[s.name] = (text) => {
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
    input.addEventListener('input', () => {
      values[s.name] = input.value;
      errors[s.name]('');
    });
    input.addEventListener('change', () => errors[s.name](problemWith(s, input.value)));
    return h(
      'div',
      { class: 'field-row', 'data-setting': s.name },
      h(
        'label',
        { class: 'field', for: id },
        sentence(s.meaning),
        h(
          'span',
          { class: 'hint' },
          [
            // TRANSLATORS: a threshold: {usual} its usual value, {min} and {max} its range.
            tr('Usually {usual}; from {min} to {max}.', { usual: fmt(s.default), min: fmt(s.min), max: fmt(s.max) }),
            changed ? tr('Changed.') : null,
            s.fixed_by_server ? tr('Fixed by the service.') : null,
          ]
            .filter(Boolean)
            .join(' '),
        ),
        input,
      ),
      problem,
    );
  };
  const save = async (body) => {
    const res = await request('PUT', '/api/v1/settings', body);
    if (!res.ok) {
      // The server names the setting it refused: the words go to that field.
      const text = errorText(res);
      const named = list.find((s) => text.startsWith(`${s.name}:`) || text.includes(` ${s.name}:`));
      if (named) {
        errors[named.name](problemWith(named, values[named.name]) || tr('This value is not allowed.'));
        fb.say(tr('One value is outside what it can be: see the field marked above.'), 'error');
      } else {
        fb.say(text, 'error');
      }
      return;
    }
    await renderSettings(root, app, { saved: true });
  };
  const form = h(
    'form',
    { novalidate: true, class: 'card', id: 'thresholds' },
    list.slice(0, FIRST.length).map(row),
    h('details', {}, h('summary', {}, tr('More thresholds')), list.slice(FIRST.length).map(row)),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, tr('Save')),
      h(
        'button',
        {
          type: 'button',
          id: 'settings-reset',
          onclick: async () => {
            const ok = await confirm(
              tr('Put every threshold back to its usual value? What you changed is forgotten.'),
              {
                yes: tr('Back to the usual values'),
                no: tr('Keep my values'),
                danger: false,
              },
            );
            if (ok) save({});
          },
        },
        tr('Back to the usual values'),
      ),
    ),
    fb.el,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {};
    let first = null;
    for (const s of list) {
      if (s.fixed_by_server) continue;
      const problem = problemWith(s, values[s.name]);
      errors[s.name](problem);
      if (problem) {
        if (!first) first = s;
        continue;
      }
      const v = Number(values[s.name]);
      if (v !== s.default) body[s.name] = v;
    }
    if (first) {
      const wrong = list.filter((s) => !s.fixed_by_server && problemWith(s, values[s.name])).length;
      fb.say(
        ntr(
          'One value is outside what it can be: see the field marked.',
          'Some values are outside what they can be: see the fields marked.',
          wrong,
        ),
        'error',
      );
      const el = form.querySelector(`[data-setting="${first.name}"]`);
      const details = el.closest('details');
      if (details) details.open = true;
      el.querySelector('input').focus();
      return;
    }
    save(body);
  });
  fill(
    root,
    heading,
    h('p', { class: 'lede' }, tr('How the reading decides.')),
    h(
      'p',
      {},
      tr(
        'These come from the research behind the reading. Change them only with good reason, ideally with your clinician: the reading and the report say when any is changed.',
      ),
    ),
    saved
      ? h(
          'p',
          { class: 'feedback ok', role: 'status', id: 'settings-saved' },
          tr('Saved. The reading says when any threshold differs from its usual value.'),
        )
      : null,
    form,
  );
}
