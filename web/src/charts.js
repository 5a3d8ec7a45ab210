// Charts (uPlot) of the reading's own figures. Every point sits on the person's own calendar
// date: dates are placed at noon UTC and drawn in UTC, so no zone moves a morning to the day
// before (Los Angeles) or after (Auckland). Date axes suit a few points: one tick a day up to
// two weeks, else a tick a week; never hours, never years.
import { prettyDate } from './dates.js';
import { h, nextId } from './dom.js';

const DAY = 86400;

export function dateTs(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 12) / 1000;
}

function isoOf(ts) {
  const t = new Date(ts * 1000);
  return t.toISOString().slice(0, 10);
}

// The x scale and axis for dates from `first` to `last` (unix seconds at noon UTC).
function dateAxis(first, last) {
  const span = Math.max(1, Math.round((last - first) / DAY));
  const step = span <= 14 ? 1 : span <= 70 ? 7 : 14;
  const lo = first - DAY / 2;
  const hi = last + DAY / 2 + (span < 3 ? DAY : 0);
  const splits = [];
  for (let t = first; t <= last; t += step * DAY) splits.push(t);
  return {
    scale: { time: false, range: () => [lo - (span < 3 ? DAY : 0), hi] },
    axis: {
      splits: () => splits,
      values: (u, vals) => vals.map((v) => prettyDate(isoOf(v), { day: 'numeric', month: 'short' })),
      space: 30,
      gap: 4,
      size: 36,
    },
  };
}

// A figure: caption, the chart drawn when there is room, and the same figures as a table.
function figure(title, description, draw, headers, rows) {
  const capId = nextId('cap');
  const holder = h('div', { class: 'chart', role: 'img', 'aria-labelledby': capId });
  const fig = h(
    'figure',
    { class: 'card' },
    h('figcaption', { id: capId }, h('strong', {}, title), ' ', h('span', { class: 'legend' }, description)),
    holder,
    h(
      'details',
      {},
      h('summary', {}, 'The same as a table'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            headers.map((x) => h('th', { scope: 'col' }, x)),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              {},
              r.map((c) => h('td', {}, c === null || c === undefined ? '–' : String(c))),
            ),
          ),
        ),
      ),
    ),
  );
  const render = () => {
    if (!window.uPlot || !holder.isConnected) return;
    const width = Math.max(260, Math.min(900, holder.clientWidth || 300));
    holder.replaceChildren();
    // Kept on the element for the browser tests, which check each point's date label.
    holder.uplot = draw(holder, width);
  };
  requestAnimationFrame(render);
  return fig;
}

const legendOff = { show: false };

// Mornings against the usual morning: pain on waking, the usual (dashed), the band from
// marginally better to significantly worse, mornings after exercise and flared mornings marked.
export function morningChart(reading, settings) {
  const ms = reading.mornings;
  const xs = ms.map((m) => dateTs(m.date));
  const sig = settings.significant_change;
  const better = settings.marginal_better;
  const axis = dateAxis(xs[0], xs[xs.length - 1]);
  const data = [
    xs,
    ms.map((m) => m.pain),
    ms.map((m) => m.usual_pain),
    ms.map((m) => (m.usual_pain === null ? null : Math.min(10, m.usual_pain + sig))),
    ms.map((m) => (m.usual_pain === null ? null : Math.max(0, m.usual_pain - better))),
    ms.map((m) => (m.after_session && m.response !== 'flared' ? m.pain : null)),
    ms.map((m) => (m.response === 'flared' ? m.pain : null)),
  ];
  return figure(
    'Mornings against your usual morning',
    `Pain on waking (line). The shaded band runs from ${better} below to ${sig} above your usual morning (dashed). Blue dots: mornings after exercise; red dots: ${sig} or more points worse.`,
    (el, width) =>
      new window.uPlot(
        {
          width,
          height: 220,
          legend: legendOff,
          cursor: { drag: { x: false, y: false } },
          scales: { x: axis.scale, y: { range: [0, 10] } },
          series: [
            {},
            { label: 'Pain', stroke: '#1b1d21', width: 2, spanGaps: true },
            { label: 'Usual', stroke: '#4a5060', dash: [6, 4], spanGaps: true },
            { label: 'Worse from', stroke: 'rgba(155,44,0,.45)', width: 1, spanGaps: true },
            { label: 'Better below', stroke: 'rgba(29,107,58,.45)', width: 1, spanGaps: true },
            {
              label: 'After exercise',
              stroke: '#1f5fa8',
              paths: () => null,
              points: { show: true, size: 9, fill: '#1f5fa8' },
            },
            { label: 'Worse', stroke: '#9b2c00', paths: () => null, points: { show: true, size: 12, fill: '#9b2c00' } },
          ],
          bands: [{ series: [3, 4], fill: 'rgba(31,95,168,.10)' }],
          axes: [axis.axis, { label: 'pain 0–10', size: 44 }],
        },
        data,
        el,
      ),
    ['Date', 'Pain', 'Usual', 'After exercise', 'Next morning'],
    ms.map((m) => [
      prettyDate(m.date),
      m.pain,
      m.usual_pain,
      m.after_session ? 'yes' : 'no',
      m.signal && m.signal !== 'unknown' ? m.signal : '',
    ]),
  );
}

// Comfort during and after sessions, one point a session (sessions of one date side by side).
export function comfortChart(reading) {
  const ss = reading.sessions.filter((s) => s.comfort !== null && s.comfort !== undefined);
  const xs = ss.map((s) => dateTs(s.date) + (s.number - 1) * 3 * 3600);
  const axis = dateAxis(dateTs(ss[0].date), dateTs(ss[ss.length - 1].date));
  return figure(
    'Comfort during and after sessions',
    'The highest of the discomfort early, at the end and an hour after, for each session over four weeks. Lower over the weeks is more comfortable.',
    (el, width) =>
      new window.uPlot(
        {
          width,
          height: 190,
          legend: legendOff,
          cursor: { drag: { x: false, y: false } },
          scales: { x: axis.scale, y: { range: [0, 10] } },
          series: [{}, { label: 'Discomfort', stroke: '#1f5fa8', width: 2, points: { show: true, size: 7 } }],
          axes: [axis.axis, { label: 'discomfort 0–10', size: 44 }],
        },
        [xs, ss.map((s) => s.comfort)],
        el,
      ),
    ['Date', 'Session', 'Discomfort'],
    ss.map((s) => [prettyDate(s.date), s.number, s.comfort]),
  );
}
