// Report & data: the clinician's report, downloads in every format, and reminders (the time
// zone, which starts as this phone's and says so, the wake time, and the calendar link).
import { errorText, get, request } from '../api.js';
import { browserZone } from '../dates.js';
import { copy, feedback, field, h } from '../dom.js';

const EXPORTS = [
  ['csv', 'Spreadsheet (CSV)', 'One row per check-in day and session; opens in any spreadsheet.'],
  ['json', 'Diary (JSON)', 'The diary format backsignal imports again: a backup.'],
  ['fhir', 'Health record (FHIR R4)', 'A FHIR Bundle for a clinic’s health-record system.'],
  ['ics', 'Calendar reminders (iCalendar)', 'A daily morning check-in, and an hour-after reminder for each session.'],
  ['all', 'All my data', 'Everything you have entered, with your thresholds and reminder settings, in one file.'],
];

export async function renderShare(root) {
  const heading = h('h1', { id: 'share-title' }, 'Report & data');
  const [pr, feed] = await Promise.all([get('/api/v1/profile'), get('/api/v1/calendar-feed')]);
  if (!pr.ok || !feed.ok) {
    root.replaceChildren(
      heading,
      h('p', { class: 'banner error', role: 'alert' }, `Could not load this page: ${errorText(pr.ok ? feed : pr)}`),
    );
    return;
  }
  const profile = pr.data;

  const weeks = field('Covering', { tag: 'select' });
  for (const [v, t] of [
    ['2', 'the last 2 weeks'],
    ['4', 'the last 4 weeks'],
    ['12', 'the last 12 weeks'],
  ])
    weeks.input.append(h('option', { value: v }, t));
  const open = h(
    'a',
    { class: 'button primary', id: 'open-report', href: '/report?weeks=2', target: '_blank', rel: 'noopener' },
    'Open the report',
  );
  weeks.input.addEventListener('change', () => {
    open.href = `/report?weeks=${weeks.input.value}`;
  });
  const report = h(
    'section',
    { class: 'card', id: 'report-card' },
    h('h2', {}, 'A report for your clinician'),
    h(
      'p',
      {},
      'One page your physiotherapist or doctor can read in a minute: the verdict with its evidence, your usual morning, the charts, each session’s three windows, the safety check and the thresholds in force.',
    ),
    weeks.el,
    h('div', { class: 'row' }, open),
    h('p', { class: 'hint' }, 'It opens in a new tab: print it, or save it as PDF, from there.'),
  );

  const downloads = h(
    'section',
    { class: 'card', id: 'downloads' },
    h('h2', {}, 'Download your data'),
    h(
      'ul',
      { class: 'downloads plain' },
      EXPORTS.map(([format, title, hint]) =>
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
    'Your time zone',
    { type: 'text', autocomplete: 'off', spellcheck: 'false', value: profile.time_zone || phone },
    profile.time_zone
      ? `Reminders use ${profile.time_zone}.${phone && phone !== profile.time_zone ? ` This phone is in ${phone}.` : ''}`
      : `Set from this phone: ${phone || 'unknown'}.`,
  );
  const wake = field('Morning check-in reminder at', { type: 'time', value: profile.wake_time_in_force });
  const prefs = h(
    'form',
    { novalidate: true },
    zone.el,
    wake.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save reminder times')),
    fb.el,
  );
  prefs.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await request('PUT', '/api/v1/profile', {
      time_zone: zone.input.value.trim() || null,
      wake_time: wake.input.value || null,
    });
    fb.say(
      r.ok ? `Saved: reminders at ${r.data.wake_time_in_force}, ${r.data.time_zone_in_force} time.` : errorText(r),
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
        h('p', {}, 'Your calendar link (shown once: copy it now; renew it to get a new one):'),
        h('input', {
          type: 'text',
          readonly: true,
          id: 'feed-url',
          value: url,
          'aria-label': 'Calendar link',
          class: 'wide',
          onfocus: (ev) => ev.target.select(),
        }),
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'button', onclick: () => copy(url, feedFb, 'the calendar link') }, 'Copy'),
          h('a', { class: 'button', href: url.replace(/^https?:/, 'webcal:') }, 'Subscribe in your calendar app'),
        ),
      );
    } else {
      parts.push(
        h(
          'p',
          { id: 'feed-status' },
          published
            ? 'A calendar link is published. Anyone with it can see your session times: renew it to replace it, or revoke it.'
            : 'No calendar link is published. Publish one to subscribe from your calendar app; it keeps itself up to date, and reminds you even when this page is closed.',
        ),
      );
    }
    const publish = async () => {
      const r = await request('POST', '/api/v1/calendar-feed');
      if (!r.ok) {
        feedFb.say(errorText(r), 'error');
        return;
      }
      feedFb.say(published ? 'Renewed: the old link no longer works.' : 'Published a calendar link.', 'ok');
      showFeed(true, r.data.path);
    };
    const revoke = async () => {
      const r = await request('DELETE', '/api/v1/calendar-feed');
      feedFb.say(r.ok ? 'Revoked: the calendar link no longer works.' : errorText(r), r.ok ? 'ok' : 'error');
      if (r.ok) showFeed(false, null);
    };
    parts.push(
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: published ? null : 'primary', id: 'feed-publish', onclick: publish },
          published ? 'Renew the link' : 'Publish a calendar link',
        ),
        published
          ? h('button', { type: 'button', class: 'danger', id: 'feed-revoke', onclick: revoke }, 'Revoke the link')
          : null,
      ),
    );
    feedBox.replaceChildren(...parts, feedFb.el);
  };
  showFeed(feed.data.published, null);
  const reminders = h(
    'section',
    { class: 'card', id: 'reminders' },
    h('h2', {}, 'Reminders'),
    h('p', {}, 'A daily morning check-in at your wake time, and for each session an hour-after reminder.'),
    prefs,
    h(
      'p',
      {},
      h('a', { href: '#reminders', id: 'push-link' }, 'Reminders on your phone, even when backsignal is closed'),
    ),
    h('h3', {}, 'Calendar link'),
    feedBox,
  );
  root.replaceChildren(heading, report, downloads, reminders);
}
