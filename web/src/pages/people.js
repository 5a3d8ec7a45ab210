// A clinician's home: the people who share their reading, most in need first, each named as
// they chose; a page of rows at a time, with a filter over everyone; and adding a person by
// their invite code.
import { errorText, get, request } from '../api.js';
import { prettyDate } from '../dates.js';
import { feedback, field, h } from '../dom.js';

const NEEDS = {
  modify_or_stop: 'sharp or catching pain',
  repeated_worse_mornings: 'repeated worse mornings',
  keeps_rising: 'pain keeps rising',
  morning_shift: 'mornings drifting up',
  stirring_up: 'stirring up',
  function_worse: 'function getting worse',
  masked_by_painkillers: 'masked by painkillers',
  flares: 'flares after exercise',
  creeping: 'mornings creeping up',
  strain: 'sessions building or still rising',
  no_recent_check_ins: 'no recent check-ins',
};

// Reasons shown as urgent: alerts, stirring up, an activity setting the back off.
const URGENT = new Set([
  'modify_or_stop',
  'keeps_rising',
  'repeated_worse_mornings',
  'morning_shift',
  'stirring_up',
  'function_worse',
  'activity_setting_off',
]);

// The orders to choose: [option, heading]; the server's is the order of need.
const SORTS = {
  need: ['Most in need', 'Most in need first'],
  function: ['Function getting worse', 'Function getting worse first'],
  silent: ['Longest without check-ins', 'Longest without check-ins first'],
  name: ['Name', 'By name'],
};

function functionChange(p) {
  return p.function && typeof p.function.change === 'number' ? p.function.change : null;
}

// People in the chosen order; the order of need breaks ties.
export function sortPeople(people, sort) {
  const need = new Map(people.map((p, i) => [p, i]));
  const byNeed = (a, b) => need.get(a) - need.get(b);
  const list = [...people];
  if (sort === 'function') {
    // Worse first, then any change (largest fall first), then none.
    const key = (p) => (p.function?.worse ? 0 : functionChange(p) !== null ? 1 : 2);
    list.sort((a, b) => key(a) - key(b) || (functionChange(a) ?? 0) - (functionChange(b) ?? 0) || byNeed(a, b));
  } else if (sort === 'silent') {
    const days = (p) => (p.days_since === null || p.days_since === undefined ? Infinity : p.days_since);
    list.sort((a, b) => days(b) - days(a) || byNeed(a, b));
  } else if (sort === 'name') {
    list.sort((a, b) => personName(a).localeCompare(personName(b)) || byNeed(a, b));
  }
  return list;
}

function functionText(p) {
  const f = p.function;
  if (!f) return '';
  const avg = `function ${Math.round(f.average * 10) / 10}/10`;
  const c = functionChange(p);
  if (c === null || !f.since) return avg;
  const pts = Math.round(Math.abs(c) * 10) / 10;
  const way = c < 0 ? `down ${pts}` : c > 0 ? `up ${pts}` : 'unchanged';
  return `${avg}, ${way} since ${prettyDate(f.since)}`;
}

// A reason in a clinician's words; an activity setting the back off is named by its name.
function needLabel(p, n) {
  if (n === 'activity_setting_off') {
    const names = p.setting_off || [];
    return names.length ? `${names.join(' and ')} setting it off` : 'an activity setting it off';
  }
  return NEEDS[n] || n.replace(/_/g, ' ');
}
const VERDICTS = {
  helpful: 'within a helpful range',
  stirring_up: 'may be stirring things up',
  mixed: 'mixed',
  not_enough_data: 'not enough data yet',
};

export function personName(p) {
  return p.display_name || p.username;
}

export async function renderPeople(root, app) {
  const heading = h('h1', { id: 'people-title' }, 'People');
  const r = await get('/api/v1/clinician/people');
  if (!r.ok) {
    root.replaceChildren(
      heading,
      h('p', { class: 'banner error', role: 'alert' }, `Could not load the people who share with you: ${errorText(r)}`),
    );
    return;
  }
  app.rememberPeople(r.data.people);
  const fb = feedback();
  const code = field('Their invite code', {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    placeholder: 'XXXX-XXXX-XXXX-XXXX',
  });
  const add = h(
    'form',
    { class: 'card', id: 'redeem', novalidate: true },
    h('h2', {}, 'Add a person'),
    code.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Add')),
    fb.el,
  );
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = await request('POST', '/api/v1/clinician/redeem', { code: code.input.value });
    if (!d.ok) {
      fb.say(errorText(d), 'error');
      return;
    }
    await renderPeople(root, app);
    // Named as the list names them: the name they chose, else their username.
    const added = (await get('/api/v1/clinician/people')).data?.people?.find((p) => p.person === d.data.person);
    root.querySelector('#redeem .feedback').textContent =
      `${added ? personName(added) : d.data.display_name || d.data.username} now shares their reading with you.`;
  });
  const people = r.data.people;
  const PAGE = 100;
  let shown = PAGE;
  let filter = '';
  let sort = 'need';
  const item = (p) =>
    h(
      'li',
      { class: 'person', 'data-person': String(p.person) },
      h('a', { href: `#person=${p.person}`, class: 'name' }, personName(p)),
      h(
        'span',
        { class: p.needs.some((n) => URGENT.has(n)) ? 'needs urgent' : 'needs' },
        p.needs.map((n) => needLabel(p, n)).join(', ') || 'nothing flagged',
      ),
      h('span', { class: 'verdict' }, VERDICTS[p.verdict] || ''),
      p.function ? h('span', { class: p.function.worse ? 'function worse' : 'function' }, functionText(p)) : null,
      h(
        'span',
        { class: 'last' },
        p.last_date
          ? `last check-in ${prettyDate(p.last_date)}${p.days_since > 0 ? ` (${p.days_since} day${p.days_since === 1 ? '' : 's'} ago)` : ''}`
          : 'no check-ins yet',
      ),
    );
  const listEl = h('ul', {
    class: 'people plain',
    id: 'people-list',
    'aria-label': 'People who share their reading with you, most in need first',
  });
  const more = h(
    'button',
    {
      type: 'button',
      id: 'people-more',
      onclick: () => {
        shown += PAGE;
        draw();
      },
    },
    'Show more',
  );
  const count = h('p', { class: 'hint', id: 'people-count', role: 'status' });
  const draw = () => {
    const ordered = sortPeople(people, sort);
    const matching = filter
      ? ordered.filter((p) => personName(p).toLowerCase().includes(filter) || p.username.includes(filter))
      : ordered;
    listEl.replaceChildren(...matching.slice(0, shown).map(item));
    count.textContent = `Showing ${Math.min(shown, matching.length)} of ${matching.length}${filter ? ' matching' : ''}.`;
    more.hidden = matching.length <= shown;
  };
  const find = field('Find a person', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  find.input.addEventListener('input', () => {
    filter = find.input.value.trim().toLowerCase();
    shown = PAGE;
    draw();
  });
  const order = h(
    'select',
    { id: 'people-sort' },
    ...Object.entries(SORTS).map(([value, [label]]) => h('option', { value }, label)),
  );
  const title = h('h2', {}, SORTS.need[1]);
  order.addEventListener('change', () => {
    sort = order.value;
    title.textContent = SORTS[sort][1];
    listEl.setAttribute('aria-label', `People who share their reading with you: ${SORTS[sort][1].toLowerCase()}`);
    shown = PAGE;
    draw();
  });
  const orderField = h('label', { class: 'field', for: 'people-sort' }, h('span', {}, 'Order'), order);
  const body =
    people.length === 0
      ? h(
          'p',
          { id: 'people-none' },
          'Nobody shares with you yet: a person creates an invite code on their Account page and gives it to you.',
        )
      : h('div', {}, people.length > 1 ? orderField : null, people.length > 10 ? find.el : null, listEl, count, more);
  if (people.length) draw();
  root.replaceChildren(heading, h('section', { class: 'card' }, title, body), add);
}
