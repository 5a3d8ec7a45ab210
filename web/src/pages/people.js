// A clinician's home: the people who share their reading, most in need first, each named as
// they chose; a page of rows at a time, with a filter over everyone; and adding a person by
// their invite code.
import { errorText, get, request } from '../api.js';
import { prettyDate } from '../dates.js';
import { feedback, field, h } from '../dom.js';
import { ntr, number, tr, trc } from '../i18n.js';

// A reason a person is in need, in a clinician's words (drawn in the page's language).
const needs = () => ({
  modify_or_stop: tr('sharp or catching pain'),
  repeated_worse_mornings: tr('repeated worse mornings'),
  keeps_rising: tr('pain keeps rising'),
  morning_shift: tr('mornings drifting up'),
  stirring_up: tr('stirring up'),
  function_worse: tr('function getting worse'),
  masked_by_painkillers: tr('masked by painkillers'),
  flares: tr('flares after exercise'),
  creeping: tr('mornings creeping up'),
  strain: tr('sessions building or still rising'),
  no_recent_check_ins: tr('no recent check-ins'),
});

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
const sorts = () => ({
  need: [tr('Most in need'), tr('Most in need first')],
  function: [tr('Function getting worse'), tr('Function getting worse first')],
  silent: [tr('Longest without check-ins'), tr('Longest without check-ins first')],
  name: [trc('order', 'Name'), tr('By name')],
});

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
  // TRANSLATORS: the person's average on the function scale, {score} of 10 ("function 4/10").
  const avg = tr('function {score}/10', { score: number(Math.round(f.average * 10) / 10) });
  const c = functionChange(p);
  if (c === null || !f.since) return avg;
  const a = { avg, points: number(Math.round(Math.abs(c) * 10) / 10), date: prettyDate(f.since) };
  // TRANSLATORS: {avg} is "function 4/10", {points} a number of points, {date} a day ("Sat 5 Dec").
  if (c < 0) return tr('{avg}, down {points} since {date}', a);
  if (c > 0) return tr('{avg}, up {points} since {date}', a);
  return tr('{avg}, unchanged since {date}', a);
}

// A reason in a clinician's words; an activity setting the back off is named by its name.
function needLabel(p, n) {
  if (n === 'activity_setting_off') {
    const names = p.setting_off || [];
    // TRANSLATORS: {activities} is one or more of the person's activities ("deadlifts and running").
    return names.length
      ? tr('{activities} setting it off', { activities: list(names) })
      : tr('an activity setting it off');
  }
  return needs()[n] || n.replace(/_/g, ' ');
}
// "a, b and c" in the page's language (the catalogue's list words, as the server's).
function list(names) {
  if (names.length < 2) return names.join('');
  let items = names[0];
  for (const item of names.slice(1, -1)) items = trc('list', '{items}, {item}', { items, item });
  return trc('list', '{items} and {last}', { items, last: names[names.length - 1] });
}

const verdicts = () => ({
  helpful: tr('within a helpful range'),
  stirring_up: tr('may be stirring things up'),
  mixed: trc('verdict', 'mixed'),
  not_enough_data: tr('not enough data yet'),
});

export function personName(p) {
  return p.display_name || p.username;
}

export async function renderPeople(root, app) {
  const heading = h('h1', { id: 'people-title' }, tr('People'));
  const r = await get('/api/v1/clinician/people');
  if (!r.ok) {
    root.replaceChildren(
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' }, // TRANSLATORS: {error} is why, from the connection or the server.
        tr('Could not load the people who share with you: {error}', { error: errorText(r) }),
      ),
    );
    return;
  }
  app.rememberPeople(r.data.people);
  const fb = feedback();
  const code = field(tr('Their invite code'), {
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    placeholder: 'XXXX-XXXX-XXXX-XXXX',
  });
  const add = h(
    'form',
    { class: 'card', id: 'redeem', novalidate: true },
    h('h2', {}, tr('Add a person')),
    code.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, trc('button', 'Add'))),
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
      // TRANSLATORS: {name} is the person's name.
      tr('{name} now shares their reading with you.', {
        name: added ? personName(added) : d.data.display_name || d.data.username,
      });
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
        p.needs.map((n) => needLabel(p, n)).join(', ') || tr('nothing flagged'),
      ),
      h('span', { class: 'verdict' }, verdicts()[p.verdict] || ''),
      p.function ? h('span', { class: p.function.worse ? 'function worse' : 'function' }, functionText(p)) : null,
      h(
        'span',
        { class: 'last' },
        p.last_date
          ? p.days_since > 0
            ? // TRANSLATORS: {date} is a day ("Sat 5 Dec"), {n} how many days ago.
              ntr('last check-in {date} ({n} day ago)', 'last check-in {date} ({n} days ago)', p.days_since, {
                date: prettyDate(p.last_date),
              })
            : // TRANSLATORS: {date} is a day ("Sat 5 Dec").
              tr('last check-in {date}', { date: prettyDate(p.last_date) })
          : tr('no check-ins yet'),
      ),
    );
  const listEl = h('ul', {
    class: 'people plain',
    id: 'people-list',
    'aria-label': tr('People who share their reading with you, most in need first'),
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
    tr('Show more'),
  );
  const count = h('p', { class: 'hint', id: 'people-count', role: 'status' });
  const draw = () => {
    const ordered = sortPeople(people, sort);
    const matching = filter
      ? ordered.filter((p) => personName(p).toLowerCase().includes(filter) || p.username.includes(filter))
      : ordered;
    listEl.replaceChildren(...matching.slice(0, shown).map(item));
    const c = { k: Math.min(shown, matching.length) };
    count.textContent = filter
      ? // TRANSLATORS: {k} is how many are shown, {n} how many match the filter.
        ntr('Showing {k} of {n} matching.', 'Showing {k} of {n} matching.', matching.length, c)
      : // TRANSLATORS: {k} is how many are shown, {n} how many people there are.
        ntr('Showing {k} of {n}.', 'Showing {k} of {n}.', matching.length, c);
    more.hidden = matching.length <= shown;
  };
  const find = field(tr('Find a person'), { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  find.input.addEventListener('input', () => {
    filter = find.input.value.trim().toLowerCase();
    shown = PAGE;
    draw();
  });
  const order = h(
    'select',
    { id: 'people-sort' },
    ...Object.entries(sorts()).map(([value, [label]]) => h('option', { value }, label)),
  );
  const title = h('h2', {}, sorts().need[1]);
  order.addEventListener('change', () => {
    sort = order.value;
    title.textContent = sorts()[sort][1];
    // TRANSLATORS: {order} is the list's order ("Most in need first", "By name").
    listEl.setAttribute(
      'aria-label',
      tr('People who share their reading with you: {order}', { order: title.textContent }),
    );
    shown = PAGE;
    draw();
  });
  const orderField = h('label', { class: 'field', for: 'people-sort' }, h('span', {}, tr('Order')), order);
  const body =
    people.length === 0
      ? h(
          'p',
          { id: 'people-none' },
          tr('Nobody shares with you yet: a person creates an invite code on their Account page and gives it to you.'),
        )
      : h('div', {}, people.length > 1 ? orderField : null, people.length > 10 ? find.el : null, listEl, count, more);
  if (people.length) draw();
  root.replaceChildren(heading, h('section', { class: 'card' }, title, body), add);
}
