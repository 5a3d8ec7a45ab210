// Report & data: the clinician's report, downloads in every format, and reminders (the time
// zone, which starts as this phone's and says so, the wake time, and the calendar link).
import { errorText, get, request } from '../api.js';
import { browserZone } from '../dates.js';
import { copy, feedback, field, h } from '../dom.js';
import { ntr, tr } from '../i18n.js';

// The downloads: [format, title, what it is], in the page's language when drawn.
const exportsList = () => [
  ['csv', tr('Spreadsheet (CSV)'), tr('One row per check-in day and session; opens in any spreadsheet.')],
  ['json', tr('Diary (JSON)'), tr('The diary format backsignal imports again: a backup.')],
  ['fhir', tr('Health record (FHIR R4)'), tr('A FHIR Bundle for a clinic’s health-record system.')],
  [
    'ics',
    tr('Calendar reminders (iCalendar)'),
    tr('A daily morning check-in, and an hour-after reminder for each session.'),
  ],
  [
    'all',
    tr('All my data'),
    tr('Everything you have entered, with your thresholds and reminder settings, in one file.'),
  ],
];

export async function renderShare(root) {
  const heading = h('h1', { id: 'share-title' }, tr('Report & data'));
  const [pr, feed] = await Promise.all([get('/api/v1/profile'), get('/api/v1/calendar-feed')]);
  if (!pr.ok || !feed.ok) {
    root.replaceChildren(
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' }, // TRANSLATORS: {error} is why, from the connection or the server.
        tr('Could not load this page: {error}', { error: errorText(pr.ok ? feed : pr) }),
      ),
    );
    return;
  }
  const profile = pr.data;

  const weeks = field(tr('Covering'), { tag: 'select' });
  for (const n of [2, 4, 12])
    weeks.input.append(h('option', { value: String(n) }, ntr('the last {n} week', 'the last {n} weeks', n)));
  const open = h(
    'a',
    { class: 'button primary', id: 'open-report', href: '/report?weeks=2', target: '_blank', rel: 'noopener' },
    tr('Open the report'),
  );
  weeks.input.addEventListener('change', () => {
    open.href = `/report?weeks=${weeks.input.value}`;
  });
  const report = h(
    'section',
    { class: 'card', id: 'report-card' },
    h('h2', {}, tr('A report for your clinician')),
    h(
      'p',
      {},
      tr(
        'One page your physiotherapist or doctor can read in a minute: the verdict with its evidence, your usual morning, the charts, each session’s three windows, the safety check and the thresholds in force.',
      ),
    ),
    weeks.el,
    h('div', { class: 'row' }, open),
    h('p', { class: 'hint' }, tr('It opens in a new tab: print it, or save it as PDF, from there.')),
  );

  const downloads = h(
    'section',
    { class: 'card', id: 'downloads' },
    h('h2', {}, tr('Download your data')),
    h(
      'ul',
      { class: 'downloads plain' },
      exportsList().map(([format, title, hint]) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: 'button', href: `/api/v1/export?format=${format}`, download: '', 'data-format': format },
            title,
          ),
          h('span', { class: 'hint' }, hint),
        ),
      ),
    ),
  );

  // Reminders.
  const fb = feedback();
  const phone = browserZone();
  const zone = field(
    tr('Your time zone'),
    { type: 'text', autocomplete: 'off', spellcheck: 'false', value: profile.time_zone || phone },
    profile.time_zone
      ? phone && phone !== profile.time_zone
        ? // TRANSLATORS: {zone} and {phone} are time zones ("Europe/Madrid").
          tr('Reminders use {zone}. This phone is in {phone}.', { zone: profile.time_zone, phone })
        : // TRANSLATORS: {zone} is a time zone ("Europe/Madrid").
          tr('Reminders use {zone}.', { zone: profile.time_zone })
      : phone
        ? // TRANSLATORS: {zone} is a time zone ("Europe/Madrid").
          tr('Set from this phone: {zone}.', { zone: phone })
        : tr('Set from this phone: unknown.'),
  );
  const wake = field(tr('Morning check-in reminder at'), { type: 'time', value: profile.wake_time_in_force });
  const prefs = h(
    'form',
    { novalidate: true },
    zone.el,
    wake.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, tr('Save reminder times'))),
    fb.el,
  );
  prefs.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await request('PUT', '/api/v1/profile', {
      time_zone: zone.input.value.trim() || null,
      wake_time: wake.input.value || null,
    });
    fb.say(
      r.ok
        ? // TRANSLATORS: {time} is a time of day ("06:40"), {zone} a time zone ("Europe/Madrid").
          tr('Saved: reminders at {time}, {zone} time.', {
            time: r.data.wake_time_in_force,
            zone: r.data.time_zone_in_force,
          })
        : errorText(r),
      r.ok ? 'ok' : 'error',
    );
  });

  const feedFb = feedback();
  const feedBox = h('div', { id: 'feed' });
  const showFeed = (published, path) => {
    const parts = [];
    if (path) {
      const url = `${location.origin}${path}`;
      parts.push(
        h('p', {}, tr('Your calendar link (shown once: copy it now; renew it to get a new one):')),
        h('input', {
          type: 'text',
          readonly: true,
          id: 'feed-url',
          value: url,
          'aria-label': tr('Calendar link'),
          class: 'wide',
          onfocus: (ev) => ev.target.select(),
        }),
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'button', onclick: () => copy(url, feedFb, tr('the calendar link')) }, tr('Copy')),
          h('a', { class: 'button', href: url.replace(/^https?:/, 'webcal:') }, tr('Subscribe in your calendar app')),
        ),
      );
    } else {
      parts.push(
        h(
          'p',
          { id: 'feed-status' },
          published
            ? tr(
                'A calendar link is published. Anyone with it can see your session times: renew it to replace it, or revoke it.',
              )
            : tr(
                'No calendar link is published. Publish one to subscribe from your calendar app; it keeps itself up to date, and reminds you even when this page is closed.',
              ),
        ),
      );
    }
    const publish = async () => {
      const r = await request('POST', '/api/v1/calendar-feed');
      if (!r.ok) {
        feedFb.say(errorText(r), 'error');
        return;
      }
      feedFb.say(published ? tr('Renewed: the old link no longer works.') : tr('Published a calendar link.'), 'ok');
      showFeed(true, r.data.path);
    };
    const revoke = async () => {
      const r = await request('DELETE', '/api/v1/calendar-feed');
      feedFb.say(r.ok ? tr('Revoked: the calendar link no longer works.') : errorText(r), r.ok ? 'ok' : 'error');
      if (r.ok) showFeed(false, null);
    };
    parts.push(
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: published ? null : 'primary', id: 'feed-publish', onclick: publish },
          published ? tr('Renew the link') : tr('Publish a calendar link'),
        ),
        published
          ? h('button', { type: 'button', class: 'danger', id: 'feed-revoke', onclick: revoke }, tr('Revoke the link'))
          : null,
      ),
    );
    feedBox.replaceChildren(...parts, feedFb.el);
  };
  showFeed(feed.data.published, null);
  const reminders = h(
    'section',
    { class: 'card', id: 'reminders' },
    h('h2', {}, tr('Reminders')),
    h('p', {}, tr('A daily morning check-in at your wake time, and for each session an hour-after reminder.')),
    prefs,
    h(
      'p',
      {},
      h('a', { href: '#reminders', id: 'push-link' }, tr('Reminders on your phone, even when backsignal is closed')),
    ),
    h('h3', {}, tr('Calendar link')),
    feedBox,
  );
  root.replaceChildren(heading, report, downloads, reminders);
}
