// The reading: every sentence is the server's (the words module, one voice for every surface);
// the page lays them out, draws the charts from the reading's figures, and says how old the
// reading is when it is more than three days old. It says when the safety questions are
// unanswered or due again, with a button to answer them. A clinician sees a person's reading
// read only.
import { errorText, get, owner } from '../api.js';
import { comfortChart, morningChart } from '../charts.js';
import { daysBetween, today } from '../dates.js';
import { h } from '../dom.js';
import { ntr, tr, trc } from '../i18n.js';
import { safetyScreen } from '../safety.js';
import { kv } from '../store.js';

// The safety questions, when unanswered or due again: the server's words, and for the person a
// button that opens them here. Nothing when they are answered, or cannot be fetched.
function safetyCard(root, app, view, state) {
  if (!state || !state.due || state.stopped) return null;
  return h(
    'section',
    { class: 'card banner', id: 'safety-due', 'aria-labelledby': 'safety-due-h' },
    h('h2', { id: 'safety-due-h' }, tr('Safety questions')),
    h('p', {}, view ? state.due_for_clinician : state.prompt),
    view
      ? null
      : h(
          'p',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              id: 'answer-safety',
              onclick: () =>
                safetyScreen(root, state.due === 'first_use' ? null : state.due_text, () =>
                  renderReading(root, app, view),
                ),
            },
            tr('Answer the safety questions'),
          ),
        ),
  );
}

function age(asOf) {
  const days = daysBetween(asOf, today());
  if (days <= 3) return null;
  // TRANSLATORS: the reading's age, in "(this reading is {age})"; {n} is a number.
  if (days < 14) return ntr('{n} day old', '{n} days old', days);
  if (days < 60) return ntr('{n} week old', '{n} weeks old', Math.round(days / 7));
  return ntr('{n} month old', '{n} months old', Math.round(days / 30));
}

export async function renderReading(root, app, view = null) {
  const base = view ? `/api/v1/people/${view.person}` : '/api/v1';
  const [r, st, safety] = await Promise.all([
    get(`${base}/reading?today=${today()}`),
    get(`${base}/settings`),
    get(`${base}/safety/state`),
  ]);
  const heading = h(
    'h1',
    { id: 'reading-title' },
    view
      ? // TRANSLATORS: {name} is the person's name, as a clinician sees it.
        tr('{name}’s reading (read only)', { name: view.name })
      : tr('Reading'),
  );
  let reading;
  let settingsList;
  let stale = null;
  if (r.ok && st.ok) {
    reading = r.data;
    settingsList = st.data.settings;
    if (!view) kv.set(`reading:${owner()}`, { reading, settings: settingsList, at: Date.now() }).catch(() => {});
  } else if (view && (r.status === 403 || r.status === 404)) {
    root.replaceChildren(
      heading,
      h(
        'p',
        { class: 'banner', id: 'no-longer-shared' }, // TRANSLATORS: {name} is the person's name.
        tr('{name} no longer shares their reading with you.', { name: view.name }),
      ),
      h('p', {}, h('a', { href: '#people', class: 'button' }, tr('← All people'))),
    );
    return;
  } else {
    const kept = view ? null : await kv.get(`reading:${owner()}`).catch(() => null);
    if (!kept) {
      root.replaceChildren(
        heading,
        h(
          'p',
          { class: 'banner error', role: 'alert' }, // TRANSLATORS: {error} is why, from the connection or the server.
          tr('Could not load the reading: {error}', { error: errorText(r.ok ? st : r) }),
        ),
        h('button', { type: 'button', onclick: () => renderReading(root, app, view) }, tr('Try again')),
      );
      return;
    }
    ({ reading, settings: settingsList } = kept);
    stale = tr(
      'The server cannot be reached: this is the reading this phone last saw. Check-ins made since are not in it.',
    );
  }
  const settings = Object.fromEntries(settingsList.map((s) => [s.name, s.value]));
  const w = reading.words;
  const parts = [heading];
  if (view) {
    parts.push(
      h(
        'p',
        { class: 'row' },
        h('a', { href: '#people', class: 'button' }, tr('← All people')),
        h(
          'a',
          {
            href: `/report?person=${view.person}`,
            target: '_blank',
            rel: 'noopener',
            id: 'person-report',
            class: 'button',
          },
          tr('Open their report'),
        ),
      ),
    );
  }
  if (stale) parts.push(h('p', { class: 'banner', role: 'status' }, stale));
  parts.push(safetyCard(root, app, view, safety.ok ? safety.data : null));

  if (w.alerts.length) {
    parts.push(
      h(
        'section',
        { class: 'card alerts', 'aria-labelledby': 'alerts-h' },
        h('h2', { id: 'alerts-h' }, trc('heading', 'Alerts')),
        w.alerts.map((a) =>
          h('p', { class: `alert${a.see_clinician ? ' clinician' : ''}`, 'data-kind': a.kind }, a.text),
        ),
      ),
    );
  }
  const old = age(reading.as_of);
  parts.push(
    h(
      'section',
      { class: `card verdict v-${reading.trend.verdict}`, 'aria-labelledby': 'verdict' },
      h(
        'h2',
        { class: 'verdict-title', id: 'verdict' },
        old
          ? // TRANSLATORS: {title} is the verdict ("Within a helpful range"), {age} "5 days old".
            tr('{title} (this reading is {age})', { title: w.title, age: old })
          : w.title,
      ),
      h('p', {}, w.explanation),
      (w.held_back || []).length
        ? h(
            'div',
            { id: 'held-back' },
            h('p', { class: 'caution' }, h('strong', {}, tr('Holding it back:'))),
            // Set apart from the evidence that follows, as the report sets them apart.
            h(
              'ul',
              { class: 'evidence held' },
              w.held_back.map((line) => h('li', { class: 'caution' }, h('strong', {}, line))),
            ),
          )
        : null,
      w.evidence.length
        ? h(
            'ul',
            { class: 'evidence' },
            w.evidence.map((e) => h('li', {}, e)),
          )
        : null,
      w.cautions.length
        ? h(
            'div',
            { class: 'cautions' },
            w.cautions.map((c) => h('p', { class: 'caution' }, c)),
          )
        : null,
      h(
        'p',
        { id: 'next-step' },
        h(
          'strong',
          {},
          `${
            view
              ? // TRANSLATORS: {name} is the person's name, as a clinician sees it.
                tr('Next step for {name}:', { name: view.name })
              : trc('label', 'Next step:')
          } `,
        ),
        w.next_step,
      ),
      h('p', { class: 'legend' }, w.as_of),
    ),
  );
  if ((w.activities || []).length) {
    parts.push(
      h(
        'section',
        { class: 'card', id: 'activities', 'aria-labelledby': 'activities-h' },
        h('h2', { id: 'activities-h' }, tr('Each activity on its own')),
        h('p', { class: 'hint' }, tr('The last four weeks: the days of each, and how the next morning was.')),
        h(
          'ul',
          { class: 'evidence' },
          w.activities.map((a) =>
            h(
              'li',
              { 'data-activity': a.name, class: a.setting_off ? 'caution' : null },
              a.setting_off ? h('strong', {}, a.text) : a.text,
            ),
          ),
        ),
      ),
    );
  }
  parts.push(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'usual-h' },
      h(
        'h2',
        { id: 'usual-h' },
        view
          ? // TRANSLATORS: {name} is the person's name, as a clinician sees it.
            tr('{name}’s usual morning', { name: view.name })
          : tr('Your usual morning'),
      ),
      h('p', {}, w.usual),
      w.progress ? h('p', {}, w.progress) : null,
    ),
  );
  parts.push(
    h(
      'section',
      { class: 'card', id: 'associations', 'aria-labelledby': 'assoc-h' },
      h('h2', { id: 'assoc-h' }, tr('What tends to go with a worse morning')),
      h(
        'p',
        { class: 'hint' },
        tr(
          'Associations, not causes: something that often comes with a worse morning may or may not be what sets it off.',
        ),
      ),
      w.associations.length
        ? h(
            'ul',
            { class: 'evidence' },
            w.associations.map((a) => h('li', { 'data-factor': a.factor }, a.text)),
          )
        : null,
      w.associations_note
        ? h('p', { id: w.associations.length ? 'associations-note' : 'associations-missing' }, w.associations_note)
        : null,
    ),
  );
  if (reading.mornings.length) parts.push(morningChart(reading, settings, view));
  if (reading.sessions.some((s) => s.comfort !== null && s.comfort !== undefined)) parts.push(comfortChart(reading));
  const sessions = [...w.sessions].reverse();
  parts.push(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'windows-h' },
      h('h2', { id: 'windows-h' }, tr('Each session’s three windows')),
      sessions.length === 0
        ? h('p', {}, tr('No sessions in the last four weeks.'))
        : h(
            'ul',
            { class: 'windows' },
            sessions.map((s) =>
              h(
                'li',
                {},
                h('strong', {}, s.heading),
                h(
                  'dl',
                  { class: 'sig' },
                  h('dt', {}, trc('table column', 'During')),
                  h('dd', {}, s.during),
                  h('dt', {}, tr('An hour after')),
                  h('dd', {}, s.hour_after),
                  h('dt', {}, trc('table column', 'Next morning')),
                  h('dd', {}, s.morning),
                ),
                s.also ? h('p', { class: 'hint' }, s.also) : null,
              ),
            ),
          ),
    ),
  );
  if (!view) {
    parts.push(
      h(
        'p',
        { class: 'hint' },
        reading.non_default_settings.length
          ? tr(
              'The reading uses thresholds from the research behind it (some are changed from their usual values): Settings has them.',
            )
          : tr('The reading uses thresholds from the research behind it: Settings has them.'),
        ' ',
        h('a', { href: '#settings', class: 'button' }, tr('See or adjust them')),
      ),
    );
  }
  root.replaceChildren(...parts.filter(Boolean));
}
