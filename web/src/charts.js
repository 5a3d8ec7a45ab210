// Charts (uPlot) of the reading's own figures. Every point sits on the person's own calendar
// date: dates are placed at noon UTC and drawn in UTC, so no zone moves a morning to the day
// before (Los Angeles) or after (Auckland). Date axes suit a few points: one tick a day up to
// two weeks, else a tick a week; never hours, never years. A day with nothing recorded is a
// gap in the line, never bridged; several sessions on one day are one point on the line (the
// day's highest) with each session a dot on that day.
import { addDays, prettyDate } from './dates.js';
import { h, nextId } from './dom.js';
import { number, tr, trc } from './i18n.js';

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

// Every calendar date from `first` to `last` (YYYY-MM-DD), so that a day without a value is a gap.
function everyDay(first, last) {
  const out = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
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
      h('summary', {}, tr('The same as a table')),
      h(
        'div',
        { class: 'table-wrap' },
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

// A figure with the language's decimal separator; null stays null (a gap, "–" in the table).
const num = (v) => (v === null || v === undefined ? v : number(v));

// A morning against the usual, in the table's words.
function signalWord(signal) {
  if (signal === 'worse') return tr('significantly worse than usual');
  if (signal === 'higher') return tr('noticeably higher than usual');
  if (signal === 'better') return tr('better than usual');
  if (signal === 'usual') return tr('within the usual range');
  return signal;
}

// Mornings against the usual morning: pain on waking, the usual (dashed), the band from
// marginally better to significantly worse, mornings after exercise and flared mornings marked.
export function morningChart(reading, settings, view = null) {
  const ms = reading.mornings;
  const byDate = new Map(ms.map((m) => [m.date, m]));
  const days = everyDay(ms[0].date, ms[ms.length - 1].date);
  const xs = days.map(dateTs);
  const at = (f) => days.map((d) => (byDate.has(d) ? f(byDate.get(d)) : null));
  const sig = settings.significant_change;
  const better = settings.marginal_better;
  const axis = dateAxis(xs[0], xs[xs.length - 1]);
  const data = [
    xs,
    at((m) => m.pain),
    at((m) => m.usual_pain),
    at((m) => (m.usual_pain === null ? null : Math.min(10, m.usual_pain + sig))),
    at((m) => (m.usual_pain === null ? null : Math.max(0, m.usual_pain - better))),
    at((m) => (m.after_session && m.response !== 'flared' ? m.pain : null)),
    at((m) => (m.response === 'flared' ? m.pain : null)),
  ];
  const args = { name: view ? view.name : '', better: number(better), sig: number(sig) };
  return figure(
    view
      ? // TRANSLATORS: a chart's title; {name} is the person's name, as a clinician sees it.
        tr('Mornings against {name}’s usual morning', args)
      : tr('Mornings against your usual morning'),
    view
      ? // TRANSLATORS: {better} and {sig} are points on the 0-10 scale; {name} is the person's name.
        tr(
          'Pain on waking (line; a gap is a morning not recorded). The shaded band runs from {better} below to {sig} above {name}’s usual morning (dashed). Blue dots: mornings after exercise; red dots: {sig} or more points worse.',
          args,
        )
      : // TRANSLATORS: {better} and {sig} are points on the 0-10 scale.
        tr(
          'Pain on waking (line; a gap is a morning not recorded). The shaded band runs from {better} below to {sig} above your usual morning (dashed). Blue dots: mornings after exercise; red dots: {sig} or more points worse.',
          args,
        ),
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
            {
              label: trc('chart legend', 'Pain'),
              stroke: '#1b1d21',
              width: 2,
              spanGaps: false,
              points: { show: true, size: 5 },
            },
            { label: trc('chart legend', 'Usual'), stroke: '#4a5060', dash: [6, 4], spanGaps: false },
            { label: trc('chart legend', 'Worse from'), stroke: 'rgba(155,44,0,.45)', width: 1, spanGaps: false },
            { label: trc('chart legend', 'Better below'), stroke: 'rgba(29,107,58,.45)', width: 1, spanGaps: false },
            {
              label: trc('chart legend', 'After exercise'),
              stroke: '#1f5fa8',
              paths: () => null,
              points: { show: true, size: 9, fill: '#1f5fa8' },
            },
            {
              label: trc('chart legend', 'Worse'),
              stroke: '#9b2c00',
              paths: () => null,
              points: { show: true, size: 12, fill: '#9b2c00' },
            },
          ],
          bands: [{ series: [3, 4], fill: 'rgba(31,95,168,.10)' }],
          axes: [axis.axis, { label: trc('chart axis', 'pain 0–10'), size: 44 }],
        },
        data,
        el,
      ),
    [
      trc('table column', 'Date'),
      trc('table column', 'Pain'),
      trc('table column', 'Usual'),
      trc('table column', 'After exercise'),
      trc('table column', 'Next morning'),
    ],
    ms.map((m) => [
      prettyDate(m.date),
      num(m.pain),
      num(m.usual_pain),
      m.after_session ? trc('answer', 'yes') : trc('answer', 'no'),
      m.signal && m.signal !== 'unknown' ? signalWord(m.signal) : '',
    ]),
  );
}

// Comfort during and after sessions over the weeks: the line is each day's highest (one point
// a day, so several sessions on a day are no zigzag), each session a dot on its day, and a day
// without a rated session a gap.
export function comfortChart(reading) {
  const ss = reading.sessions.filter((s) => s.comfort !== null && s.comfort !== undefined);
  const days = everyDay(ss[0].date, ss[ss.length - 1].date);
  const xs = days.map(dateTs);
  const most = Math.max(...ss.map((s) => s.number));
  const highest = days.map((d) => {
    const v = ss.filter((s) => s.date === d).map((s) => s.comfort);
    return v.length ? Math.max(...v) : null;
  });
  // One dot series a session number (the first session of each day, the second, ...).
  const dots = [];
  for (let k = 1; k <= Math.min(most, 6); k += 1) {
    dots.push(
      days.map((d) => {
        const s = ss.find((x) => x.date === d && x.number === k);
        return s ? s.comfort : null;
      }),
    );
  }
  const axis = dateAxis(xs[0], xs[xs.length - 1]);
  return figure(
    tr('Comfort during and after sessions'),
    tr(
      'The highest of the discomfort early, at the end and an hour after: each session a dot, the line each day’s highest, over four weeks. Lower over the weeks is more comfortable.',
    ),
    (el, width) =>
      new window.uPlot(
        {
          width,
          height: 190,
          legend: legendOff,
          cursor: { drag: { x: false, y: false } },
          scales: { x: axis.scale, y: { range: [0, 10] } },
          series: [
            {},
            {
              label: trc('chart legend', 'Day’s highest'),
              stroke: '#1f5fa8',
              width: 2,
              spanGaps: false,
              points: { show: false },
            },
            ...dots.map((_, i) => ({
              label: tr('Session {n}', { n: i + 1 }),
              stroke: '#1f5fa8',
              paths: () => null,
              points: { show: true, size: 7, fill: '#ffffff', width: 2 },
            })),
          ],
          axes: [axis.axis, { label: trc('chart axis', 'discomfort 0–10'), size: 44 }],
        },
        [xs, highest, ...dots],
        el,
      ),
    [trc('table column', 'Date'), trc('table column', 'Session'), trc('table column', 'Discomfort')],
    ss.map((s) => [prettyDate(s.date), s.number, num(s.comfort)]),
  );
}
