// backsignal's page: check-ins for the three windows, the reading, and the history.
// Plain DOM, no framework; every figure shown comes from the server's reading.
'use strict';

// ---------- small helpers ----------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function pad(n) { return String(n).padStart(2, '0'); }
function isoDate(d) { return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; }
function today() { return isoDate(new Date()); }
function nowTime() { const d = new Date(); return `${pad(d.getHours())}:${pad(d.getMinutes())}`; }
function prettyDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}
function num(v) { return v === null || v === undefined ? '—' : String(v); }

let uid = 0;
function nextId(prefix) { uid += 1; return `${prefix}-${uid}`; }

// Who is signed in (accounts on the server), and the session's CSRF token.
let ME = { accounts: false };

async function api(method, path, body) {
  const opts = { method, headers: {} };
  if (ME.csrf && method !== 'GET' && method !== 'HEAD') opts.headers['X-CSRF-Token'] = ME.csrf;
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch (e) {
    return { ok: false, status: 0, data: { error: { message: 'The server cannot be reached.' } } };
  }
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.status === 401 && ME.accounts && ME.signed_in && path !== '/api/v1/me') {
    // The session ended (signed out elsewhere, expired, the password changed): sign in again.
    ME = { accounts: true, signed_in: false };
    window.setTimeout(() => { show(); say('Your session ended: sign in again.'); }, 0);
  }
  return { ok: res.ok, status: res.status, data };
}

function say(message) {
  const s = document.getElementById('status');
  s.textContent = '';
  window.setTimeout(() => { s.textContent = message; }, 30);
}

function errorText(r) {
  const e = r.data && r.data.error;
  if (!e) return `Something went wrong (${r.status}).`;
  return [e.message, ...(e.details || [])].join(' — ');
}

// The words every surface shares (modify-or-stop advice, the red-flag screen), from the server.
let WORDS = null;
async function words() {
  if (!WORDS) {
    const r = await api('GET', '/api/v1/safety');
    WORDS = r.ok ? r.data : { questions: [], advice: {}, intro: '', modify_or_stop: '' };
  }
  return WORDS;
}

function showAdvice(text) {
  const a = document.getElementById('advice');
  a.replaceChildren(h('p', {}, text));
  a.hidden = false;
  a.focus && a.setAttribute('tabindex', '-1');
}
function hideAdvice() { document.getElementById('advice').hidden = true; }

// ---------- controls ----------

// A 0-10 scale of buttons with a "+½" toggle. state[key] holds the value (null = not given).
function scale(state, key, label, hint, low, high) {
  const legendId = nextId('lg');
  const buttons = [];
  const half = h('button', { type: 'button', 'aria-pressed': 'false', class: 'half' }, '+½');
  const update = () => {
    const v = state[key];
    buttons.forEach((b, i) => b.setAttribute('aria-pressed', v !== null && Math.floor(v) === i ? 'true' : 'false'));
    half.setAttribute('aria-pressed', v !== null && v % 1 !== 0 ? 'true' : 'false');
    half.disabled = v === null || v >= 10;
  };
  for (let i = 0; i <= 10; i += 1) {
    buttons.push(h('button', {
      type: 'button', 'aria-label': `${i} of 10`,
      onclick: () => { state[key] = (state[key] !== null && Math.floor(state[key]) === i && state[key] % 1 === 0) ? null : i; update(); },
    }, String(i)));
  }
  half.addEventListener('click', () => {
    if (state[key] === null) return;
    state[key] = state[key] % 1 === 0 ? Math.min(10, state[key] + 0.5) : Math.floor(state[key]);
    update();
  });
  update();
  return h('fieldset', { 'aria-labelledby': legendId },
    h('legend', { id: legendId }, label),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('div', { class: 'scale', role: 'group', 'aria-label': `${label}, 0 to 10` }, buttons),
    h('div', { class: 'ends' }, h('span', {}, low || '0 none'), h('span', {}, high || '10 worst')),
    h('div', { class: 'row' }, half, h('span', { class: 'hint' }, 'adds half a point')));
}

function toggle(state, key, label, onChange) {
  const b = h('button', { type: 'button', 'aria-pressed': state[key] ? 'true' : 'false' }, label);
  b.addEventListener('click', () => {
    state[key] = !state[key];
    b.setAttribute('aria-pressed', state[key] ? 'true' : 'false');
    if (onChange) onChange(state[key]);
  });
  return b;
}

function choice(state, key, label, options) {
  const legendId = nextId('lg');
  const buttons = options.map(([value, text]) => {
    const b = h('button', { type: 'button', 'aria-pressed': state[key] === value ? 'true' : 'false' }, text);
    b.addEventListener('click', () => {
      state[key] = state[key] === value ? null : value;
      buttons.forEach((x, i) => x.setAttribute('aria-pressed', state[key] === options[i][0] ? 'true' : 'false'));
    });
    return b;
  });
  return h('fieldset', { 'aria-labelledby': legendId }, h('legend', { id: legendId }, label),
    h('div', { class: 'toggles' }, buttons));
}

function confirmDelete(text) {
  const dlg = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  return new Promise((resolve) => {
    const answer = (e) => {
      const a = e.target.closest('[data-answer]');
      if (!a) return;
      dlg.removeEventListener('click', answer);
      dlg.close();
      resolve(a.dataset.answer === 'yes');
    };
    dlg.addEventListener('click', answer);
    dlg.addEventListener('cancel', () => resolve(false), { once: true });
    dlg.showModal();
  });
}

// ---------- forms (used by Today and History) ----------

function saveButton(text, onSave) {
  const b = h('button', { type: 'submit', class: 'primary' }, text);
  return b;
}

function form(title, children, submitText, onSubmit) {
  const headingId = nextId('h');
  const f = h('form', { class: 'card due', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, title), children, h('div', { class: 'row' }, saveButton(submitText)));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = f.querySelector('button[type=submit]');
    button.disabled = true;
    try { await onSubmit(); } finally { button.disabled = false; }
  });
  return f;
}

function morningForm(date, existing, done) {
  const st = { pain: existing ? existing.pain : null, stiffness: existing && existing.stiffness !== undefined ? existing.stiffness : null };
  return form('On waking: your mid back', [
    scale(st, 'pain', 'Pain', 'How much does your mid back hurt right now?'),
    scale(st, 'stiffness', 'Stiffness (optional)', 'How stiff or restricted does it feel?', '0 none', '10 rigid'),
  ], 'Save morning', async () => {
    if (st.pain === null) { say('Choose the pain first (0 to 10).'); return; }
    const body = { pain: st.pain };
    if (st.stiffness !== null) body.stiffness = st.stiffness;
    const r = await api('PUT', `/api/v1/days/${date}/morning`, body);
    if (!r.ok) { say(errorText(r)); return; }
    say(`Saved the morning of ${prettyDate(date)}: pain ${st.pain}.`);
    done();
  });
}

function sessionForm(date, existing, number, done) {
  const e = existing || {};
  const du = e.during || {};
  const st = {
    time: e.time || (existing ? '' : nowTime()), minutes: e.minutes || '', activity: e.activity || '',
    rotation: (e.load || []).includes('rotation'), breathing_under_load: (e.load || []).includes('breathing_under_load'),
    arms_away: (e.load || []).includes('arms_away'),
    start: du.start ?? null, end: du.end ?? null, pattern: du.pattern || null, sharp: du.sharp === true,
  };
  const timeId = nextId('f'); const minId = nextId('f'); const actId = nextId('f');
  const sharpToggle = toggle(st, 'sharp', 'Sharp or catching pain', (on) => { if (on) showAdvice(WORDS.modify_or_stop); else hideAdvice(); });
  return form(existing ? `Session ${number}: correct it` : 'A session: during it', [
    h('div', { class: 'row' },
      h('label', { class: 'field', for: actId }, 'Activity', h('input', { id: actId, type: 'text', maxlength: '200', value: st.activity, oninput: (ev) => { st.activity = ev.target.value; } })),
      h('label', { class: 'field', for: timeId }, 'Start time', h('input', { id: timeId, type: 'time', value: st.time, oninput: (ev) => { st.time = ev.target.value; } })),
      h('label', { class: 'field', for: minId }, 'Minutes', h('input', { id: minId, type: 'number', min: '1', max: '600', inputmode: 'numeric', value: st.minutes, oninput: (ev) => { st.minutes = ev.target.value; } }))),
    h('fieldset', {}, h('legend', {}, 'What it asked of your mid back'),
      h('div', { class: 'toggles' },
        toggle(st, 'rotation', 'Sustained rotation'),
        toggle(st, 'breathing_under_load', 'Heavy breathing under load'),
        toggle(st, 'arms_away', 'Arms working away from the body'))),
    scale(st, 'start', 'Discomfort early in the session'),
    scale(st, 'end', 'Discomfort at the end'),
    choice(st, 'pattern', 'As it went on, the discomfort was', [['stable', 'Stable'], ['building', 'Building'], ['eased', 'Easing']]),
    h('fieldset', {}, h('legend', {}, 'During a twisting or reaching movement'),
      h('div', { class: 'toggles' }, sharpToggle)),
  ], existing ? 'Save session' : 'Save session', async () => {
    const body = {};
    if (st.time) body.time = st.time;
    if (st.minutes !== '') body.minutes = Number(st.minutes);
    if (st.activity.trim()) body.activity = st.activity.trim();
    body.load = ['rotation', 'breathing_under_load', 'arms_away'].filter((k) => st[k]);
    const during = {};
    if (st.start !== null) during.start = st.start;
    if (st.end !== null) during.end = st.end;
    if (st.pattern) during.pattern = st.pattern;
    during.sharp = st.sharp;
    body.during = during;
    const r = existing
      ? await api('PATCH', `/api/v1/days/${date}/sessions/${number}`, body)
      : await api('POST', `/api/v1/days/${date}/sessions`, body);
    if (!r.ok) { say(errorText(r)); return; }
    if (r.data.signals && r.data.signals.advice) showAdvice(r.data.signals.advice);
    say(`Saved session ${r.data.session} of ${prettyDate(date)}. Check in again about an hour after you finish.`);
    // Pain that builds with breathing under load: the server says when to ask again.
    if (r.data.safety_again) {
      const st = await api('GET', '/api/v1/safety/state');
      if (st.ok && st.data.due) { showSafetyScreen(st.data.due_text); return; }
    }
    done();
  });
}

function hourAfterForm(date, number, session, done) {
  const ha = session.hour_after || {};
  const st = { pain: ha.pain ?? null, tighter: ha.tighter === true };
  let when = 'about an hour after you finished';
  if (session.time && session.minutes) {
    const [hh, mm] = session.time.split(':').map(Number);
    const end = hh * 60 + mm + session.minutes + 60;
    when = `from about ${pad(Math.floor(end / 60) % 24)}:${pad(end % 60)}`;
  }
  return form(`An hour after session ${number}${session.activity ? ` (${session.activity})` : ''}`, [
    h('p', { class: 'hint' }, `Due ${when}. Is it settling back towards your usual, or still rising?`),
    scale(st, 'pain', 'Pain now'),
    h('div', { class: 'toggles' }, toggle(st, 'tighter', 'Tighter or more restricted than before')),
  ], 'Save hour after', async () => {
    if (st.pain === null && !st.tighter) { say('Choose the pain now, or mark it tighter.'); return; }
    const body = { tighter: st.tighter };
    if (st.pain !== null) body.pain = st.pain;
    const r = await api('PUT', `/api/v1/days/${date}/sessions/${number}/hour_after`, body);
    if (!r.ok) { say(errorText(r)); return; }
    say(r.data.signals.hour_after === 'rising'
      ? 'Saved. Still rising or tighter: tomorrow morning will tell more; one session is not a verdict.'
      : 'Saved. Settling: the mid back seems to have managed the load.');
    done();
  });
}

function contextForm(date, existing, done) {
  const c = existing || {};
  const st = { sitting: c.sitting_hours ?? '', prolonged: c.prolonged_position === true, tension: c.upper_body_tension ?? null };
  const sitId = nextId('f');
  return form('The rest of the day', [
    h('p', { class: 'hint' }, 'Other things that load the mid back and can explain a bad morning.'),
    h('label', { class: 'field', for: sitId }, 'Hours of sitting',
      h('input', { id: sitId, type: 'number', min: '0', max: '24', step: '0.5', inputmode: 'decimal', value: st.sitting, oninput: (ev) => { st.sitting = ev.target.value; } })),
    h('div', { class: 'toggles', style: null }, toggle(st, 'prolonged', 'Long spells in one position')),
    scale(st, 'tension', 'Upper-body tension', null, '0 relaxed', '10 very tense'),
  ], 'Save context', async () => {
    const body = { prolonged_position: st.prolonged };
    if (st.sitting !== '') body.sitting_hours = Number(st.sitting);
    if (st.tension !== null) body.upper_body_tension = st.tension;
    const r = await api('PUT', `/api/v1/days/${date}/context`, body);
    if (!r.ok) { say(errorText(r)); return; }
    say('Saved the day\u2019s context.');
    done();
  });
}

function noteForm(date, existing, done) {
  const st = { note: existing || '' };
  const id = nextId('f');
  return form('A note for the day', [
    h('label', { class: 'field', for: id }, 'Note', h('textarea', { id, maxlength: '2000', oninput: (ev) => { st.note = ev.target.value; } }, st.note)),
  ], 'Save note', async () => {
    if (!st.note.trim()) { say('Write something first.'); return; }
    const r = await api('PUT', `/api/v1/days/${date}/note`, { note: st.note });
    if (!r.ok) { say(errorText(r)); return; }
    say('Saved the note.');
    done();
  });
}

// ---------- the red-flag screen ----------

// The answers are kept on the server (GET/PUT /api/v1/safety...), so a stop holds everywhere.
function showSafetyScreen(reason) {
  document.getElementById('page-today').hidden = false;
  const root = document.getElementById('today-cards');
  const answers = {};
  const asked = (q) => !q.follows || answers[q.follows] === true;
  const rows = [];
  const fieldsets = WORDS.questions.map((q) => {
    const legendId = nextId('lg');
    const yes = h('button', { type: 'button', 'aria-pressed': 'false' }, 'Yes');
    const no = h('button', { type: 'button', 'aria-pressed': 'false' }, 'No');
    const fs = h('fieldset', { 'aria-labelledby': legendId, 'data-question': q.id },
      h('legend', { id: legendId }, q.question), h('div', { class: 'toggles' }, yes, no));
    const set = (v) => {
      answers[q.id] = v;
      yes.setAttribute('aria-pressed', v ? 'true' : 'false');
      no.setAttribute('aria-pressed', v ? 'false' : 'true');
      rows.forEach(([qq, el]) => { el.hidden = !asked(qq); });
      if (v && q.if_yes === 'emergency') submit();
    };
    yes.addEventListener('click', () => set(true));
    no.addEventListener('click', () => set(false));
    rows.push([q, fs]);
    fs.hidden = !asked(q);
    return fs;
  });
  const submit = async () => {
    const given = {};
    let emergency = false;
    for (const q of WORDS.questions) {
      if (!asked(q)) continue;
      if (answers[q.id] === undefined) {
        if (emergency) continue;
        say('Please answer each question, yes or no.');
        return;
      }
      given[q.id] = answers[q.id];
      if (answers[q.id] && q.if_yes === 'emergency') emergency = true;
    }
    const r = await api('PUT', '/api/v1/safety', { answers: given });
    if (!r.ok) { say(errorText(r)); return; }
    if (r.data.stopped) { showStop(r.data); return; }
    say('Thank you. On to your check-ins.');
    renderToday();
  };
  const f = form('Before you check in: a safety check', [
    h('p', {}, reason || WORDS.intro),
    fieldsets,
  ], 'Continue', submit);
  f.id = 'safety-screen';
  root.replaceChildren(f);
}

function showStop(state) {
  const root = document.getElementById('today-cards');
  const heading = { emergency: 'Get urgent help now', same_day: 'Please be seen today', soon: 'Please contact a clinician' };
  const cleared = h('input', { type: 'date', id: 'cleared-on', max: today() });
  root.replaceChildren(h('div', { class: 'card advice', id: 'safety-stop', role: 'alert' },
    h('h3', {}, heading[state.outcome] || heading.soon),
    h('p', {}, state.advice),
    h('p', { class: 'hint' }, 'Check-ins are paused. When a clinician has seen you and says exercise is fine, record the day they saw you, or answer the questions again.'),
    h('label', { for: 'cleared-on' }, 'The day a clinician saw me and cleared me'), cleared,
    h('button', { type: 'button', onclick: async () => {
      const r = await api('POST', '/api/v1/safety/clearance', { date: cleared.value });
      if (!r.ok) { say(errorText(r)); return; }
      say('Recorded. Check-ins carry on.');
      renderToday();
    } }, 'Record the clearance'),
    h('button', { type: 'button', onclick: () => showSafetyScreen() }, 'Answer the questions again')));
}

// ---------- Today ----------

async function renderToday() {
  await words();
  const st = await api('GET', '/api/v1/safety/state');
  if (st.ok && st.data.stopped) { showStop(st.data); return; }
  if (st.ok && st.data.due) { showSafetyScreen(st.data.due_text); return; }
  const date = today();
  document.getElementById('today-date').textContent =
    `${prettyDate(date)}: check in on waking, during and an hour after each session, and at the end of the day.`;
  const root = document.getElementById('today-cards');
  const r = await api('GET', `/api/v1/days?from=${date}&to=${date}`);
  const day = (r.ok && r.data.days[0]) || { date };
  const again = () => renderToday();
  const cards = [];
  if (!day.morning) {
    cards.push(morningForm(date, null, again));
  } else {
    cards.push(h('div', { class: 'card done' }, h('h3', {}, 'Morning: done'),
      h('p', {}, `Pain ${day.morning.pain}${day.morning.stiffness !== undefined ? `, stiffness ${day.morning.stiffness}` : ''}.`),
      h('button', { type: 'button', onclick: () => { root.replaceChild(morningForm(date, day.morning, again), card0); } }, 'Change')));
  }
  const card0 = cards[0];
  (day.sessions || []).forEach((s, i) => {
    const n = i + 1;
    if (!s.hour_after) cards.push(hourAfterForm(date, n, s, again));
    else {
      cards.push(h('div', { class: 'card done' }, h('h3', {}, `Session ${n}${s.activity ? `: ${s.activity}` : ''}: done`),
        h('p', {}, `During: ${num(s.during && s.during.start)} to ${num(s.during && s.during.end)}. An hour after: ${num(s.hour_after.pain)}${s.hour_after.tighter ? ', tighter' : ''}.`)));
    }
  });
  cards.push(sessionForm(date, null, 0, again));
  cards.push(contextForm(date, day.context, again));
  cards.push(noteForm(date, day.note, again));
  root.replaceChildren(...cards);
}

// ---------- Reading ----------

const VERDICT_WORDS = {
  helpful: ['Exercise looks helpful', 'Sessions mostly leave your next morning within its usual range, and the baseline is not creeping up. Keep going, progress gradually, and keep tracking.'],
  stirring_up: ['Exercise may be stirring things up', 'The pattern suggests the load is more than your mid back is absorbing well right now. Consider easing the load for a while (above all sustained rotation, heavy breathing under load, long spells with the arms away from the body) and keep tracking.'],
  mixed: ['Mixed: not clearly helpful, not clearly stirring it up', 'Some exercise days were followed by worse mornings, but not most. Keep recording all three windows and the day\u2019s context: the next week or two should tell.'],
  not_enough_data: ['Not enough data yet', 'One session is never a verdict: the pattern over a week or two is what tells.'],
};
const SIGNAL_WORDS = {
  during: { sharp: 'sharp or catching pain: modify or stop', building: 'building as it went on', stable: 'stable', unknown: 'not recorded' },
  hour_after: { rising: 'still rising or tighter', settling: 'settling', unknown: 'not recorded' },
  morning: { worse: 'significantly worse than usual', better: 'better than usual', usual: 'within the usual range', unknown: 'not known yet' },
};
const CONFOUNDER_WORDS = { sitting: 'long sitting', prolonged_position: 'long spells in one position', upper_body_tension: 'upper-body tension' };

function toTs(iso) { const [y, m, d] = iso.split('-').map(Number); return Date.UTC(y, m - 1, d) / 1000; }

function chartFigure(title, description, build, tableRows, headers) {
  const fig = h('figure', { class: 'card' });
  const capId = nextId('cap');
  const holder = h('div', { class: 'chart', role: 'img', 'aria-labelledby': capId });
  fig.append(h('figcaption', { id: capId }, h('strong', {}, title), ' ', h('span', { class: 'legend' }, description)), holder);
  const details = h('details', {}, h('summary', {}, 'The same as a table'),
    h('table', {}, h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, tableRows.map((row) => h('tr', {}, row.map((c) => h('td', {}, num(c))))))));
  fig.append(details);
  requestAnimationFrame(() => {
    if (!window.uPlot) return;
    const width = Math.max(280, holder.clientWidth || 320);
    build(holder, width);
  });
  return fig;
}

function morningChart(reading, settings) {
  const ms = reading.mornings;
  const sig = settings.significant_change, better = settings.marginal_better;
  const xs = ms.map((m) => toTs(m.date));
  const pain = ms.map((m) => m.pain);
  const usual = ms.map((m) => m.usual_pain);
  const upper = ms.map((m) => (m.usual_pain === null ? null : m.usual_pain + sig));
  const lower = ms.map((m) => (m.usual_pain === null ? null : Math.max(0, m.usual_pain - better)));
  const afterSession = ms.map((m) => (m.after_session && m.response !== 'flared' ? m.pain : null));
  const flared = ms.map((m) => (m.response === 'flared' ? m.pain : null));
  return chartFigure('Mornings against your usual morning',
    `Pain on waking (line); the shaded band runs from ${better} below to ${sig} above your usual morning (dashed). Blue dots: mornings after a session; red dots: flared mornings, ${sig}+ points worse.`,
    (el, width) => new uPlot({
      width, height: 220,
      scales: { y: { range: [0, 10] } },
      series: [{},
        { label: 'Pain', stroke: '#1b1d21', width: 2 },
        { label: 'Usual', stroke: '#4a5060', dash: [6, 4] },
        { label: 'Worse from', stroke: 'rgba(155,44,0,.45)', width: 1 },
        { label: 'Better below', stroke: 'rgba(29,107,58,.45)', width: 1 },
        { label: 'After a session', stroke: '#1f5fa8', paths: () => null, points: { show: true, size: 9, fill: '#1f5fa8' } },
        { label: 'Flared', stroke: '#9b2c00', paths: () => null, points: { show: true, size: 12, fill: '#9b2c00' } }],
      bands: [{ series: [3, 4], fill: 'rgba(31,95,168,.10)' }],
      axes: [{}, { label: 'pain 0–10' }],
    }, [xs, pain, usual, upper, lower, afterSession, flared], el),
    ms.map((m) => [m.date, m.pain, m.usual_pain, m.after_session ? 'yes' : 'no', m.response === 'unknown' ? '' : m.response]),
    ['Date', 'Pain', 'Usual', 'After a session', 'Response']);
}

function comfortChart(reading) {
  const ss = reading.sessions.filter((s) => s.comfort !== null);
  return chartFigure('Comfort during and after sessions',
    'The highest of discomfort early, at the end and an hour after, for each session over four weeks. Lower over the weeks is more comfortable.',
    (el, width) => new uPlot({
      width, height: 200,
      scales: { y: { range: [0, 10] } },
      series: [{}, { label: 'Discomfort', stroke: '#1f5fa8', width: 2, points: { show: true, size: 7 } }],
      axes: [{}, { label: 'discomfort 0–10' }],
    }, [ss.map((s) => toTs(s.date) + (s.number - 1) * 3600), ss.map((s) => s.comfort)], el),
    ss.map((s) => [s.date, s.number, s.comfort]), ['Date', 'Session', 'Discomfort']);
}

// Whose reading: your own (/api/v1), or, for a clinician, a person who shares with you.
let VIEW = null;  // { person, username } while a clinician looks at someone

async function renderReading() {
  const root = document.getElementById('reading-body');
  const base = VIEW ? `/api/v1/people/${VIEW.person}` : '/api/v1';
  document.getElementById('reading-title').textContent = VIEW ? `Reading: ${VIEW.username} (read only)` : 'Reading';
  const [r, st] = await Promise.all([api('GET', `${base}/reading?today=${today()}`), api('GET', `${base}/settings`)]);
  if (!r.ok || !st.ok) { root.replaceChildren(h('p', {}, errorText(r.ok ? st : r))); return; }
  const reading = r.data;
  const settings = Object.fromEntries(st.data.settings.map((s) => [s.name, s.value]));
  const t = reading.trend;
  const parts = [];
  if (reading.alerts.length) {
    parts.push(h('div', { class: 'card', role: 'region', 'aria-label': 'Alerts' }, h('h3', {}, 'Alerts'),
      reading.alerts.map((a) => h('p', { class: 'alert' }, a.kind === 'modify_or_stop'
        ? `${prettyDate(a.date)}: sharp or catching pain during session ${a.session}. That is a signal to modify or stop that movement, not to push through.`
        : a.kind === 'morning_shift'
          ? `Since ${prettyDate(a.date)} your mornings on rest days have been running above your usual morning: a sustained shift, noticed before the two-week verdict. Look at what changed (load, sitting, sleep, stress) and keep checking in.`
          : `The last ${a.dates.length} exercise days were each followed by a significantly worse morning (${a.dates.map(prettyDate).join(', ')}). Consider easing the load, and look at what else loaded your back those days.`))));
  }
  const [title, words] = VERDICT_WORDS[t.verdict];
  const evidence = [];
  if (t.session_days > 0) evidence.push(`${t.flared_days} of ${t.session_days} exercise days ${t.session_days === 1 ? 'was' : 'were'} followed by a morning significantly worse than usual (${settings.significant_change}+ points).`);
  evidence.push(t.baseline === 'unknown'
    ? `Mornings: too few to see a trend (${t.mornings} of ${settings.min_mornings} needed in the last ${settings.trend_days} days).`
    : `Mornings: ${{ creeping: 'creeping upward', improving: 'improving', stable: 'stable' }[t.baseline]} (${t.baseline_slope_per_week > 0 ? '+' : ''}${t.baseline_slope_per_week} points a week).`);
  evidence.push(t.comfort === 'unknown'
    ? 'Comfort during and after sessions: too few rated sessions to see a trend yet.'
    : `Comfort during and after sessions: ${{ less_comfortable: 'getting less comfortable', more_comfortable: 'getting more comfortable', steady: 'steady' }[t.comfort]} (${t.comfort_slope_per_week > 0 ? '+' : ''}${t.comfort_slope_per_week} points a week).`);
  if (t.verdict === 'not_enough_data') {
    const need = [];
    if (t.needed.mornings > 0) need.push(`${t.needed.mornings} more morning${t.needed.mornings === 1 ? '' : 's'}`);
    if (t.needed.session_days > 0) need.push(`${t.needed.session_days} more exercise day${t.needed.session_days === 1 ? '' : 's'} with the next morning recorded`);
    if (need.length) evidence.unshift(`To judge, backsignal needs ${need.join(' and ')}.`);
  }
  parts.push(h('div', { class: 'card' }, h('p', { class: 'verdict', id: 'verdict' }, title), h('p', {}, words),
    h('ul', { class: 'evidence' }, evidence.map((e) => h('li', {}, e))),
    h('p', { id: 'next-step' }, h('strong', {}, 'Next step: '), reading.next_step),
    h('p', { class: 'legend' }, `As of ${prettyDate(reading.as_of)}; the last ${settings.trend_days} days from ${prettyDate(t.window.from)}.`),
    reading.non_default_settings.length ? h('p', { class: 'legend' }, `Changed thresholds in force: ${reading.non_default_settings.join(', ')}.`) : null));
  parts.push(h('div', { class: 'card' }, h('h3', {}, 'Your usual morning'),
    h('p', {}, reading.usual_morning_pain === null
      ? `Not known yet: it needs ${settings.baseline_min_mornings} mornings in the last ${settings.baseline_days} days.`
      : `Pain ${reading.usual_morning_pain}${reading.usual_morning_stiffness !== null ? `, stiffness ${reading.usual_morning_stiffness}` : ''}: the median of recent mornings, rest mornings first.`)));
  // The words are the server's (one voice for every surface).
  const said = reading.words.associations;
  parts.push(h('div', { class: 'card', id: 'associations' },
    h('h3', {}, `What tends to go with a worse morning (last ${settings.association_weeks} weeks)`),
    h('p', { class: 'hint' }, 'Associations, not causes: a factor that often comes with a worse morning may or may not be what sets it off.'),
    said.length ? h('ul', { class: 'evidence' }, said.map((a) => h('li', { 'data-factor': a.factor }, a.text))) : null,
    reading.words.associations_note ? h('p', { id: said.length ? 'associations-note' : 'associations-missing' }, reading.words.associations_note) : null));
  if (reading.mornings.length) parts.push(morningChart(reading, settings));
  if (reading.sessions.some((s) => s.comfort !== null)) parts.push(comfortChart(reading));
  const sessions = [...reading.sessions].reverse();
  parts.push(h('div', { class: 'card' }, h('h3', {}, 'Each session\u2019s three windows'),
    sessions.length === 0 ? h('p', {}, 'No sessions in the last four weeks.') : h('ul', { class: 'windows' }, sessions.map((s) => h('li', {},
      h('strong', {}, `${prettyDate(s.date)}${s.time ? ` ${s.time}` : ''}`), s.activity ? ` ${s.activity}` : '', s.minutes ? `, ${s.minutes} min` : '',
      s.load.length ? ` (${s.load.join(', ').replace(/_/g, ' ')})` : '',
      h('dl', { class: 'sig' },
        h('dt', {}, 'During'), h('dd', { class: s.during === 'sharp' ? 'flared' : null }, SIGNAL_WORDS.during[s.during]),
        h('dt', {}, 'An hour after'), h('dd', {}, SIGNAL_WORDS.hour_after[s.hour_after]),
        h('dt', {}, 'Next morning'), h('dd', { class: s.response === 'flared' ? 'flared' : null },
          SIGNAL_WORDS.morning[s.morning] + (s.morning_pain !== null ? ` (pain ${s.morning_pain}${s.usual_pain !== null ? `, usual ${s.usual_pain}` : ''})` : ''))),
      s.confounders.length ? h('p', { class: 'hint' }, `That day also had ${s.confounders.map((c) => CONFOUNDER_WORDS[c]).join(', ')}${s.response === 'flared' ? ': these can set the mid back off on their own, so the worse morning may be from them, not the session.' : '.'}`) : null)))));
  if (VIEW) {
    parts.unshift(h('p', { class: 'lede' }, h('a', { href: '#people' }, '\u2190 All people'), ' \u00b7 ',
      h('a', { href: `/report?person=${VIEW.person}`, target: '_blank', rel: 'noopener', id: 'person-report' }, 'Open their report')));
  } else {
    parts.push(thresholdsCard(st.data.settings));
  }
  root.replaceChildren(...parts);
}

// The thresholds in force, adjustable within their bounds (with a clinician, ideally).
function thresholdsCard(list) {
  const values = {};
  const rows = list.map((s) => {
    const id = nextId('set');
    values[s.name] = String(s.value);
    return h('div', { class: 'field-row' },
      h('label', { class: 'field', for: id }, s.name.replace(/_/g, ' '),
        h('span', { class: 'hint' }, `${s.meaning}. Default ${s.default}; ${s.min} to ${s.max}.`),
        h('input', { id, type: 'number', min: String(s.min), max: String(s.max), step: String(s.step), value: String(s.value),
          disabled: s.fixed_by_server, oninput: (ev) => { values[s.name] = ev.target.value; } })));
  });
  const save = async (body) => {
    const r = await api('PUT', '/api/v1/settings', body);
    say(r.ok ? 'Saved the thresholds. The reading says when any differs from its default.' : errorText(r));
    if (r.ok) renderReading();
  };
  const f = h('form', { novalidate: true }, rows,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save thresholds'),
      h('button', { type: 'button', onclick: () => save({}) }, 'Back to the defaults')));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = {};
    for (const s of list) {
      if (s.fixed_by_server) continue;
      const v = Number(values[s.name]);
      if (values[s.name] !== '' && v !== s.default) body[s.name] = v;
    }
    save(body);
  });
  return h('details', { class: 'card', id: 'thresholds' }, h('summary', {}, 'Adjust the thresholds'),
    h('p', { class: 'hint' }, 'The reading uses these thresholds from the research behind it. Change them only with good reason, ideally with your clinician.'),
    f);
}

// ---------- History ----------

async function renderHistory() {
  const root = document.getElementById('history-body');
  const r = await api('GET', '/api/v1/days');
  if (!r.ok) { root.replaceChildren(h('p', {}, errorText(r))); return; }
  if (!r.data.days.length) { root.replaceChildren(h('p', {}, 'Nothing recorded yet: start on the Today page.')); return; }
  const again = () => renderHistory();
  const del = async (what, path) => {
    if (!(await confirmDelete(`Delete ${what}? This cannot be undone.`))) return;
    const d = await api('DELETE', path);
    say(d.ok ? `Deleted ${what}.` : errorText(d));
    again();
  };
  const editIn = (container, makeForm) => { container.replaceChildren(makeForm()); container.querySelector('button, input')?.focus(); };
  root.replaceChildren(...r.data.days.map((day) => {
    const box = h('div', { class: 'day' });
    const base = `/api/v1/days/${day.date}`;
    const entries = [];
    const entry = (text, editForm, what, path) => {
      const holder = h('div', {});
      const row = h('div', { class: 'entry' }, h('span', {}, text), h('span', { class: 'row' },
        editForm ? h('button', { type: 'button', 'aria-label': `Edit ${what}`, onclick: () => editIn(holder, editForm) }, 'Edit') : null,
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${what}`, onclick: () => del(what, path) }, 'Delete')));
      holder.append(row);
      entries.push(holder);
    };
    const nice = prettyDate(day.date);
    if (day.morning) entry(`Morning: pain ${day.morning.pain}${day.morning.stiffness !== undefined ? `, stiffness ${day.morning.stiffness}` : ''}`, () => morningForm(day.date, day.morning, again), `the morning of ${nice}`, `${base}/morning`);
    (day.sessions || []).forEach((s, i) => {
      const n = i + 1;
      entry(`Session ${n}${s.time ? ` at ${s.time}` : ''}${s.activity ? `: ${s.activity}` : ''}; during ${num(s.during && s.during.start)} to ${num(s.during && s.during.end)}${s.during && s.during.sharp ? ', sharp' : ''}`,
        () => sessionForm(day.date, s, n, again), `session ${n} of ${nice}`, `${base}/sessions/${n}`);
      if (s.hour_after) entry(`An hour after session ${n}: ${num(s.hour_after.pain)}${s.hour_after.tighter ? ', tighter' : ''}`, () => hourAfterForm(day.date, n, s, again), `the hour after session ${n} of ${nice}`, `${base}/sessions/${n}/hour_after`);
    });
    if (day.context) entry(`Context: ${day.context.sitting_hours !== undefined ? `sitting ${day.context.sitting_hours} h; ` : ''}${day.context.prolonged_position ? 'long spells in one position; ' : ''}${day.context.upper_body_tension !== undefined ? `tension ${day.context.upper_body_tension}` : ''}`, () => contextForm(day.date, day.context, again), `the context of ${nice}`, `${base}/context`);
    if (day.note) entry(`Note: ${day.note}`, () => noteForm(day.date, day.note, again), `the note of ${nice}`, `${base}/note`);
    box.append(h('h3', {}, nice), ...entries);
    return box;
  }));
}

// ---------- Report & data ----------

const EXPORTS = [
  ['csv', 'Spreadsheet (CSV)', 'One row per check-in day and session; opens in any spreadsheet.'],
  ['json', 'Diary (JSON)', 'The diary format backsignal imports again: a backup.'],
  ['fhir', 'Health record (FHIR R4)', 'A FHIR Bundle for a clinic\u2019s health-record system.'],
  ['ics', 'Calendar reminders (iCalendar)', 'Your sessions with an hour-after reminder, and a daily morning check-in.'],
  ['all', 'All my data', 'Everything you have entered: the diary, your thresholds and reminder settings, in one file.'],
];

function zoneChoices() {
  try { return Intl.supportedValuesOf('timeZone'); } catch (e) { return []; }
}

async function renderShare() {
  const root = document.getElementById('share-body');
  const [pr, feed] = await Promise.all([api('GET', '/api/v1/profile'), api('GET', '/api/v1/calendar-feed')]);
  if (!pr.ok || !feed.ok) { root.replaceChildren(h('p', {}, errorText(pr.ok ? feed : pr))); return; }
  const profile = pr.data;

  // The clinician's report.
  const weeksId = nextId('weeks');
  const open = h('a', { class: 'button primary', id: 'open-report', href: '/report?weeks=2', target: '_blank', rel: 'noopener' }, 'Open the report');
  const weeks = h('select', { id: weeksId, onchange: (e) => { open.href = `/report?weeks=${e.target.value}`; } },
    h('option', { value: '2' }, 'the last 2 weeks'), h('option', { value: '4' }, 'the last 4 weeks'), h('option', { value: '12' }, 'the last 12 weeks'));
  const report = h('div', { class: 'card', id: 'report-card' }, h('h3', {}, 'A report for your clinician'),
    h('p', {}, 'One page your physiotherapist or doctor can read in a minute: the verdict with its evidence, your usual morning, the charts, each session\u2019s three windows, your notes and the thresholds in force.'),
    h('div', { class: 'row' }, h('label', { for: weeksId }, 'Covering'), weeks, open),
    h('p', { class: 'hint' }, 'It opens in a new tab: print it, or save it as PDF, from your browser (Ctrl+P, or \u2318P on a Mac).'));

  // Downloads.
  const downloads = h('div', { class: 'card', id: 'downloads' }, h('h3', {}, 'Download your data'),
    h('ul', { class: 'downloads' }, EXPORTS.map(([format, title, hint]) => h('li', {},
      h('a', { class: 'button', href: `/api/v1/export?format=${format}`, download: '', 'data-format': format }, title),
      h('span', { class: 'hint' }, hint)))));

  // Reminders: the time zone and wake time, and the calendar feed.
  const tzId = nextId('tz');
  const wakeId = nextId('wake');
  const browserZone = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return ''; } })();
  const listId = nextId('zones');
  const tz = h('input', { id: tzId, type: 'text', list: listId, autocomplete: 'off', value: profile.time_zone || browserZone || '', spellcheck: 'false' });
  const wake = h('input', { id: wakeId, type: 'time', value: profile.wake_time_in_force });
  const zoneList = h('datalist', { id: listId }, zoneChoices().map((z) => h('option', { value: z })));
  const prefs = h('form', { novalidate: true },
    h('div', { class: 'field-row' }, h('label', { class: 'field', for: tzId }, 'Your time zone',
      h('span', { class: 'hint' }, `In force now: ${profile.time_zone_in_force}${profile.time_zone ? '' : ' (the server\u2019s; set yours so reminders land at your local time)'}.`), tz), zoneList),
    h('div', { class: 'field-row' }, h('label', { class: 'field', for: wakeId }, 'Morning check-in reminder at', wake)),
    h('button', { type: 'submit', class: 'primary' }, 'Save reminder times'));
  prefs.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await api('PUT', '/api/v1/profile', { time_zone: tz.value.trim() || null, wake_time: wake.value || null });
    say(r.ok ? `Saved: reminders at ${r.data.wake_time_in_force}, ${r.data.time_zone_in_force} time.` : errorText(r));
    if (r.ok) renderShare();
  });

  const feedBox = h('div', { id: 'feed' });
  const showFeed = (published, path) => {
    const parts = [];
    if (path) {
      const url = `${location.origin}${path}`;
      const webcal = url.replace(/^https?:/, 'webcal:');
      parts.push(h('p', {}, 'Your calendar link (shown once: copy it now; renew it to get a new one):'),
        h('p', {}, h('input', { type: 'text', readonly: true, id: 'feed-url', value: url, 'aria-label': 'Calendar link', onfocus: (e) => e.target.select(), class: 'wide' })),
        h('div', { class: 'row' },
          h('button', { type: 'button', onclick: async () => { try { await navigator.clipboard.writeText(url); say('Copied the calendar link.'); } catch (e) { say('Select the link and copy it.'); } } }, 'Copy'),
          h('a', { class: 'button', href: webcal }, 'Subscribe in your calendar app')));
    } else {
      parts.push(h('p', { id: 'feed-status' }, published
        ? 'A calendar link is published. Anyone with it can see your session times: renew it to replace it, or revoke it.'
        : 'No calendar link is published. Publish one to subscribe from your calendar app; it keeps itself up to date.'));
    }
    const publish = async () => {
      const r = await api('POST', '/api/v1/calendar-feed');
      if (!r.ok) { say(errorText(r)); return; }
      say(published ? 'Renewed: the old link no longer works.' : 'Published a calendar link.');
      showFeed(true, r.data.path);
    };
    const revoke = async () => {
      const r = await api('DELETE', '/api/v1/calendar-feed');
      say(r.ok ? 'Revoked: the calendar link no longer works.' : errorText(r));
      if (r.ok) showFeed(false, null);
    };
    parts.push(h('div', { class: 'row' },
      h('button', { type: 'button', class: published ? null : 'primary', id: 'feed-publish', onclick: publish }, published ? 'Renew the link' : 'Publish a calendar link'),
      published ? h('button', { type: 'button', class: 'danger', id: 'feed-revoke', onclick: revoke }, 'Revoke the link') : null));
    feedBox.replaceChildren(...parts);
  };
  showFeed(feed.data.published, null);
  const reminders = h('div', { class: 'card', id: 'reminders' }, h('h3', {}, 'Reminders in your calendar'),
    h('p', {}, 'A daily morning check-in at your wake time, and for each session you log, a reminder about an hour after it ends.'),
    prefs, h('h4', {}, 'Calendar link'), feedBox);

  root.replaceChildren(report, downloads, reminders);
}

// ---------- accounts: signing in, the account, sharing, the clinician's list ----------

function passwordField(label, autocomplete) {
  const id = nextId('pw');
  const input = h('input', { id, type: 'password', autocomplete, minlength: '10', maxlength: '200', required: true });
  return [h('label', { class: 'field', for: id }, label, input), input];
}

function renderSignIn(setupCode) {
  const root = document.getElementById('signin-body');
  const mode = { signup: Boolean(setupCode) || ME.needs_setup };
  const draw = () => {
    const userId = nextId('user');
    const user = h('input', { id: userId, type: 'text', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none' });
    const [pwLabel, pw] = passwordField(mode.signup ? 'Password (at least 10 characters)' : 'Password', mode.signup ? 'new-password' : 'current-password');
    let role = 'person';
    const roleBox = mode.signup && !ME.needs_setup ? h('fieldset', {}, h('legend', {}, 'I am'),
      h('div', { class: 'toggles' }, [['person', 'tracking my own back'], ['clinician', 'a clinician']].map(([value, text]) => {
        const b = h('button', { type: 'button', 'aria-pressed': String(value === role), 'data-role': value }, text);
        b.addEventListener('click', () => { role = value; roleBox.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x.dataset.role === role))); });
        return b;
      }))) : null;
    const f = h('form', { class: 'card', id: 'signin-form', novalidate: true },
      h('h3', {}, mode.signup ? (ME.needs_setup ? 'Create the first account (the administrator)' : 'Create an account') : 'Sign in'),
      h('div', { class: 'field-row' }, h('label', { class: 'field', for: userId }, 'Username',
        h('span', { class: 'hint' }, mode.signup ? '3 to 40 letters, digits, dots, dashes or underscores.' : ''), user)),
      h('div', { class: 'field-row' }, pwLabel), roleBox,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, mode.signup ? 'Create account' : 'Sign in'),
        ME.needs_setup ? null : h('button', { type: 'button', id: 'switch-mode', onclick: () => { mode.signup = !mode.signup; draw(); } },
          mode.signup ? 'I have an account' : 'Create an account')));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { username: user.value.trim(), password: pw.value };
      if (mode.signup) { body.role = role; if (setupCode) body.setup_code = setupCode; }
      const r = await api('POST', mode.signup ? '/api/v1/auth/signup' : '/api/v1/auth/signin', body);
      if (!r.ok) { say(errorText(r)); return; }
      if (setupCode) history.replaceState(null, '', '#today');
      await start();
    });
    root.replaceChildren(f);
    user.focus();
  };
  draw();
}

function when(seconds) { return new Date(seconds * 1000).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }); }

async function renderAccount() {
  const root = document.getElementById('account-body');
  const [sh, tk] = await Promise.all([api('GET', '/api/v1/shares'), api('GET', '/api/v1/tokens')]);
  if (!sh.ok || !tk.ok) { root.replaceChildren(h('p', {}, errorText(sh.ok ? tk : sh))); return; }
  const again = () => renderAccount();
  const who = h('div', { class: 'card' }, h('h3', {}, `Signed in as ${ME.username}`),
    h('p', {}, ME.role === 'clinician' ? 'A clinician account: the People page lists who shares their reading with you.' : 'Your diary is yours: nobody sees it unless you share it below.'),
    h('div', { class: 'row' },
      h('a', { class: 'button', href: '/api/v1/account/export', download: '', id: 'download-everything' }, 'Download all my data'),
      h('button', { type: 'button', id: 'sign-out', onclick: async () => { const r = await api('POST', '/api/v1/auth/signout'); if (r.ok) { ME = { accounts: true }; location.hash = '#today'; await start(); } else say(errorText(r)); } }, 'Sign out')));

  // Sharing with a clinician.
  const codeBox = h('div', { id: 'invite-code', 'aria-live': 'polite' });
  const shares = h('div', { class: 'card', id: 'sharing' }, h('h3', {}, 'Share your reading with a clinician'),
    h('p', {}, 'Create an invite code and give it to your clinician; they enter it on their People page. It works once, for 7 days. They can read your reading, charts and diary, never change them, and you can stop it at any time.'),
    h('button', { type: 'button', class: 'primary', id: 'create-invite', onclick: async () => {
      const r = await api('POST', '/api/v1/shares/invites');
      if (!r.ok) { say(errorText(r)); return; }
      codeBox.replaceChildren(h('p', {}, 'Your invite code: ', h('strong', { id: 'invite-code-value', class: 'code' }, r.data.code), ` (until ${when(r.data.expires_at)}).`));
      say('Created an invite code.');
      renderShareLists();
    } }, 'Create an invite code'), codeBox, h('div', { id: 'share-lists' }));
  const renderShareLists = async () => {
    const r = await api('GET', '/api/v1/shares');
    if (!r.ok) return;
    const box = document.getElementById('share-lists');
    box.replaceChildren(
      h('h4', {}, 'Who can see your reading'),
      r.data.shares.length ? h('ul', { class: 'plain', id: 'share-list' }, r.data.shares.map((x) => h('li', { class: 'entry' },
        h('span', {}, `${x.clinician}, since ${when(x.since)}`),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Stop sharing with ${x.clinician}`, onclick: async () => {
          if (!(await confirmDelete(`Stop sharing with ${x.clinician}? They will no longer see your reading.`))) return;
          const d = await api('DELETE', `/api/v1/shares/${x.clinician_id}`);
          say(d.ok ? `${x.clinician} can no longer see your reading.` : errorText(d));
          renderShareLists();
        } }, 'Stop sharing')))) : h('p', { id: 'share-none' }, 'Nobody.'),
      r.data.invites.length ? h('h4', {}, 'Invite codes not yet used') : null,
      r.data.invites.length ? h('ul', { class: 'plain' }, r.data.invites.map((i) => h('li', { class: 'entry' },
        h('span', {}, `Created ${when(i.created_at)}, until ${when(i.expires_at)}`),
        h('button', { type: 'button', onclick: async () => { const d = await api('DELETE', `/api/v1/shares/invites/${i.id}`); say(d.ok ? 'Cancelled the invite code.' : errorText(d)); renderShareLists(); } }, 'Cancel')))) : null);
  };

  // API tokens.
  const tokenBox = h('div', { 'aria-live': 'polite' });
  const tokens = h('div', { class: 'card', id: 'tokens' }, h('h3', {}, 'API tokens for scripts'),
    h('p', { class: 'hint' }, 'Send a token as "Authorization: Bearer \u2026" to use the API (docs/api.md) from a script. It is shown once.'),
    tk.data.tokens.length ? h('ul', { class: 'plain' }, tk.data.tokens.map((t) => h('li', { class: 'entry' },
      h('span', {}, `${t.name}, created ${when(t.created_at)}${t.last_used_at ? `, last used ${when(t.last_used_at)}` : ', never used'}`),
      h('button', { type: 'button', class: 'danger', onclick: async () => { const d = await api('DELETE', `/api/v1/tokens/${t.id}`); say(d.ok ? 'Revoked the token.' : errorText(d)); again(); } }, 'Revoke')))) : null,
    h('button', { type: 'button', onclick: async () => {
      const r = await api('POST', '/api/v1/tokens', { name: 'script' });
      if (!r.ok) { say(errorText(r)); return; }
      tokenBox.replaceChildren(h('p', {}, 'Your new token (copy it now): ', h('code', {}, r.data.token)));
    } }, 'Create a token'), tokenBox);

  // Password and deletion.
  const [curLabel, cur] = passwordField('Current password', 'current-password');
  const [newLabel, nw] = passwordField('New password (at least 10 characters)', 'new-password');
  const pwForm = h('form', { class: 'card', novalidate: true }, h('h3', {}, 'Change your password'),
    h('p', { class: 'hint' }, 'Every other place you are signed in is signed out.'),
    h('div', { class: 'field-row' }, curLabel), h('div', { class: 'field-row' }, newLabel),
    h('button', { type: 'submit', class: 'primary' }, 'Change password'));
  pwForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/v1/auth/password', { current: cur.value, new: nw.value });
    say(r.ok ? 'Changed your password.' : errorText(r));
    if (r.ok) { cur.value = ''; nw.value = ''; }
  });
  const [delLabel, delPw] = passwordField('Your password', 'current-password');
  const delForm = h('form', { class: 'card danger-zone', novalidate: true }, h('h3', {}, 'Delete your account'),
    h('p', {}, 'This deletes your account and everything you have entered, at once and for good. Download your data first if you want to keep it.'),
    h('div', { class: 'field-row' }, delLabel), h('button', { type: 'submit', class: 'danger' }, 'Delete my account'));
  delForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!(await confirmDelete('Delete your account and all your data? This cannot be undone.'))) return;
    const r = await api('POST', '/api/v1/account/delete', { password: delPw.value });
    if (!r.ok) { say(errorText(r)); return; }
    ME = { accounts: true };
    location.hash = '#today';
    await start();
    say('Your account and all its data are deleted.');
  });
  const cards = [who, shares, tokens, pwForm, delForm];
  if (ME.admin) {
    const a = await api('GET', '/api/v1/admin/accounts');
    if (a.ok) {
      cards.push(h('div', { class: 'card', id: 'admin' }, h('h3', {}, `Accounts on this service (${a.data.accounts.length})`),
        h('p', { class: 'hint' }, 'You are the administrator: you see who has an account, never their diaries. A forgotten password is set from the server: backsignal --user NAME account set-password.'),
        h('ul', { class: 'plain' }, a.data.accounts.map((x) => h('li', {}, `${x.username}: ${x.role}${x.admin ? ', administrator' : ''}, since ${when(x.created_at)}`)))));
    }
  }
  root.replaceChildren(...cards);
  renderShareLists();
}

const NEED_WORDS = {
  modify_or_stop: 'sharp or catching pain',
  repeated_worse_mornings: 'repeated worse mornings',
  morning_shift: 'mornings drifting up',
  stirring_up: 'stirring up',
  no_recent_check_ins: 'no recent check-ins',
};

async function renderPeople() {
  const root = document.getElementById('people-body');
  VIEW = null;
  const r = await api('GET', '/api/v1/clinician/people');
  if (!r.ok) { root.replaceChildren(h('p', {}, errorText(r))); return; }
  const codeId = nextId('code');
  const code = h('input', { id: codeId, type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', placeholder: 'XXXX-XXXX-XXXX-XXXX' });
  const add = h('form', { class: 'card', id: 'redeem', novalidate: true }, h('h3', {}, 'Add a person'),
    h('div', { class: 'field-row' }, h('label', { class: 'field', for: codeId }, 'Their invite code', code)),
    h('button', { type: 'submit', class: 'primary' }, 'Add'));
  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    const d = await api('POST', '/api/v1/clinician/redeem', { code: code.value });
    say(d.ok ? `${d.data.username} now shares their reading with you.` : errorText(d));
    if (d.ok) renderPeople();
  });
  const people = r.data.people;
  // Most in need first; a page of rows at a time, and a filter over everyone.
  const PAGE = 100;
  let shown = PAGE;
  let filter = '';
  const row = (p) => h('tr', { 'data-person': String(p.person) },
    h('td', {}, h('a', { href: `#person=${p.person}`, 'data-username': p.username }, p.username)),
    h('td', { class: p.needs.length && p.needs[0] !== 'no_recent_check_ins' ? 'flared' : null }, p.needs.map((n) => NEED_WORDS[n]).join(', ') || '\u2014'),
    h('td', {}, (VERDICT_WORDS[p.verdict] || [p.verdict])[0]),
    h('td', {}, p.last_date ? `${prettyDate(p.last_date)}${p.days_since > 0 ? ` (${p.days_since} day${p.days_since === 1 ? '' : 's'} ago)` : ''}` : 'never'));
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', id: 'people-more', onclick: () => { shown += PAGE; draw(); } }, 'Show more');
  const count = h('p', { class: 'hint', id: 'people-count', 'aria-live': 'polite' });
  const draw = () => {
    const matching = filter ? people.filter((p) => p.username.includes(filter)) : people;
    tbody.replaceChildren(...matching.slice(0, shown).map(row));
    count.textContent = `Showing ${Math.min(shown, matching.length)} of ${matching.length}${filter ? ' matching' : ''}.`;
    more.hidden = matching.length <= shown;
  };
  const filterId = nextId('filter');
  const list = people.length === 0
    ? h('p', { id: 'people-none' }, 'Nobody shares with you yet: a person creates an invite code on their Account page and gives it to you.')
    : h('div', {},
      people.length > PAGE ? h('div', { class: 'field-row' }, h('label', { class: 'field', for: filterId }, 'Find a person',
        h('input', { id: filterId, type: 'text', autocomplete: 'off', spellcheck: 'false', oninput: (e) => { filter = e.target.value.trim().toLowerCase(); shown = PAGE; draw(); } }))) : null,
      h('table', { class: 'people', id: 'people-list' },
        h('caption', { class: 'sr-only' }, 'People who share their reading with you, most in need first'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Person'), h('th', { scope: 'col' }, 'Needs attention'), h('th', { scope: 'col' }, 'Verdict'), h('th', { scope: 'col' }, 'Last check-in'))),
        tbody),
      count, more);
  if (people.length) draw();
  root.replaceChildren(add, h('div', { class: 'card' }, h('h3', {}, 'People who share with you, most in need first'), list));
}

// ---------- pages ----------

const PAGES = { today: renderToday, reading: renderReading, history: renderHistory, share: renderShare,
  account: renderAccount, people: renderPeople };

function show() {
  if (ME.accounts && !ME.signed_in) {
    for (const p of Object.keys(PAGES)) document.getElementById(`page-${p}`).hidden = true;
    document.getElementById('page-signin').hidden = false;
    document.querySelector('nav').hidden = true;
    document.title = 'Sign in · backsignal';
    const m = location.hash.match(/^#signup=(.+)$/);
    renderSignIn(m ? m[1] : null);
    return;
  }
  document.getElementById('page-signin').hidden = true;
  document.querySelector('nav').hidden = false;
  let name = (location.hash || '#today').slice(1);
  const person = name.match(/^person=(\d+)$/);
  if (person) {
    const link = document.querySelector(`a[href="#person=${person[1]}"]`);
    VIEW = { person: Number(person[1]), username: link ? link.dataset.username : `person ${person[1]}` };
    name = 'reading';
  } else if (name === 'reading') {
    VIEW = null;
  }
  const allowed = (p) => PAGES[p] && (p !== 'account' || ME.accounts) && (p !== 'people' || ME.role === 'clinician');
  const page = allowed(name) ? name : 'today';
  for (const p of Object.keys(PAGES)) document.getElementById(`page-${p}`).hidden = p !== page;
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const titles = { today: 'Today', reading: 'Reading', history: 'History', share: 'Report & data', account: 'Account', people: 'People' };
  document.title = `${titles[page]} · backsignal`;
  hideAdvice();
  PAGES[page]();
}

// Asks the server who we are, then draws the page for that.
async function start() {
  const r = await api('GET', '/api/v1/me');
  ME = r.data || { accounts: false };
  document.querySelectorAll('[data-needs="accounts"]').forEach((el) => { el.hidden = !(ME.accounts && ME.signed_in); });
  document.querySelectorAll('[data-needs="clinician"]').forEach((el) => { el.hidden = ME.role !== 'clinician'; });
  show();
}

window.addEventListener('hashchange', () => { show(); document.getElementById('main').focus(); });
document.addEventListener('DOMContentLoaded', async () => { await words(); await start(); });
