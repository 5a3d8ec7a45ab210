// The thresholds the reading uses, worded for people: what each one decides, its usual value and
// the range it may be moved within. Setting names never show; changing one is best done with a
// clinician, and the reading says when any is changed.
import { errorText, get, request } from '../api.js';
import { feedback, h, nextId } from '../dom.js';

// The first few are the ones a person is most likely to ask about.
const FIRST = ['significant_change', 'noticeably_higher', 'sitting_hours', 'upper_body_tension', 'building_rise'];

function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function renderSettings(root) {
  const r = await get('/api/v1/settings');
  const heading = h('h2', { id: 'settings-title' }, 'How the reading decides');
  if (!r.ok) {
    root.replaceChildren(
      heading,
      h('p', { class: 'banner error', role: 'alert' }, `Could not load the thresholds: ${errorText(r)}`),
    );
    return;
  }
  const list = [...r.data.settings].sort((a, b) => {
    const ia = FIRST.indexOf(a.name);
    const ib = FIRST.indexOf(b.name);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const values = {};
  const fb = feedback();
  const row = (s) => {
    const id = nextId('set');
    values[s.name] = String(s.value);
    const changed = s.value !== s.default;
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
          `Usually ${s.default}; from ${s.min} to ${s.max}.${changed ? ' Changed.' : ''}${s.fixed_by_server ? ' Fixed by the service.' : ''}`,
        ),
        h('input', {
          id,
          type: 'number',
          min: String(s.min),
          max: String(s.max),
          step: String(s.step),
          value: String(s.value),
          inputmode: 'decimal',
          disabled: s.fixed_by_server,
          oninput: (ev) => {
            values[s.name] = ev.target.value;
          },
        }),
      ),
    );
  };
  const save = async (body) => {
    const res = await request('PUT', '/api/v1/settings', body);
    if (!res.ok) {
      fb.say(errorText(res), 'error');
      return;
    }
    await renderSettings(root);
    root.querySelector('.feedback').textContent =
      'Saved. The reading says when any threshold differs from its usual value.';
  };
  const form = h(
    'form',
    { novalidate: true, class: 'card', id: 'thresholds' },
    list.slice(0, FIRST.length).map(row),
    h('details', {}, h('summary', {}, 'More thresholds'), list.slice(FIRST.length).map(row)),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, 'Save'),
      h('button', { type: 'button', onclick: () => save({}) }, 'Back to the usual values'),
    ),
    fb.el,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {};
    for (const s of list) {
      if (s.fixed_by_server || values[s.name] === '') continue;
      const v = Number(values[s.name]);
      if (Number.isNaN(v)) {
        fb.say(`${sentence(s.meaning)}: write a number.`, 'error');
        return;
      }
      if (v !== s.default) body[s.name] = v;
    }
    save(body);
  });
  root.replaceChildren(
    heading,
    h(
      'p',
      { class: 'lede' },
      'These come from the research behind the reading. Change them only with good reason, ideally with your clinician: the reading and the report say when any is changed.',
    ),
    form,
  );
}
