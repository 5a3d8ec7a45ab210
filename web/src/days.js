// The days as the page shows them: from the server when it answers (kept on the phone), else
// what the phone last saw; with the check-ins still queued laid over them, each marked, so
// that a saved check-in never shows as an empty form.
import { get, owner } from './api.js';
import { tr } from './i18n.js';
import { pending, sessionOf } from './outbox.js';
import { kv } from './store.js';

// Days [from, to] of the person's own diary: { days: {date: day}, source, at }.
// source is 'server', 'cache' (the server did not answer; `at` says when these were seen) or
// 'none' (not answered and nothing kept: the page must say it does not know).
export async function loadDays(from, to) {
  const key = `days:${owner()}`;
  const r = await get(`/api/v1/days?from=${from}&to=${to}`);
  let kept;
  try {
    kept = (await kv.get(key)) || null;
  } catch {
    kept = null;
  }
  if (r.ok) {
    const store = kept || { days: {}, at: 0 };
    for (const date of Object.keys(store.days)) {
      if (date >= from && date <= to) delete store.days[date];
    }
    for (const d of r.data.days) store.days[d.date] = d;
    store.tags = r.data.tags || [];
    store.at = Date.now();
    try {
      await kv.set(key, store);
    } catch {
      // not kept: the page still works while online
    }
    const days = {};
    for (const d of r.data.days) days[d.date] = d;
    return { days, tags: store.tags, source: 'server', at: store.at, status: 200 };
  }
  if (r.offline && kept) {
    const days = {};
    for (const [date, d] of Object.entries(kept.days)) {
      if (date >= from && date <= to) days[date] = d;
    }
    return { days, tags: kept.tags || [], source: 'cache', at: kept.at, status: 0 };
  }
  return { days: {}, tags: [], source: 'none', at: 0, status: r.status, response: r };
}

function clone(x) {
  return x === undefined ? undefined : JSON.parse(JSON.stringify(x));
}

// The day with the queued check-ins for it laid over; `marks` says which parts are queued
// (morning, context, note, session N, hour_after N) and by which entry.
export function overlay(date, day, entries) {
  const out = clone(day) || { date };
  out.sessions = out.sessions || [];
  const marks = {};
  const base = `/api/v1/days/${date}`;
  const byKey = {};
  for (const e of entries) {
    if (e.date !== date) continue;
    const rest = e.path.startsWith(base) ? e.path.slice(base.length) : null;
    if (rest === null) continue;
    if (rest === '/morning') {
      if (e.method === 'DELETE') delete out.morning;
      else out.morning = clone(e.body);
      marks.morning = e;
    } else if (rest === '/context') {
      if (e.method === 'DELETE') delete out.context;
      else out.context = clone(e.body);
      marks.context = e;
    } else if (rest === '/note') {
      if (e.method === 'DELETE') {
        delete out.note;
        delete out.note_pinned;
      } else {
        out.note = e.body.note;
        if (e.body.pinned !== undefined) out.note_pinned = e.body.pinned === true;
      }
      marks.note = e;
    } else if (rest === '/sessions' && e.method === 'POST') {
      out.sessions.push(clone(e.body));
      byKey[e.key] = out.sessions.length;
      marks[`session ${out.sessions.length}`] = e;
    } else {
      const m = rest.match(/^\/sessions\/(\d+|\{session\})(\/hour_after)?$/);
      if (!m) continue;
      const n = m[1] === '{session}' ? byKey[e.after] || e.resolved : Number(m[1]);
      if (!n || n > out.sessions.length) continue;
      if (m[2]) {
        if (e.method === 'DELETE') delete out.sessions[n - 1].hour_after;
        else out.sessions[n - 1].hour_after = clone(e.body);
        marks[`hour_after ${n}`] = e;
      } else if (e.method === 'PATCH') {
        Object.assign(out.sessions[n - 1], clone(e.body));
        marks[`session ${n}`] = e;
      } else if (e.method === 'DELETE') {
        out.sessions[n - 1] = { deleted: true };
        marks[`session ${n}`] = e;
      }
    }
  }
  return { day: out, marks };
}

// The own diary's days with the queue laid over, and the queue itself.
export async function daysWithQueue(from, to) {
  const loaded = await loadDays(from, to);
  const queue = await pending();
  for (const e of queue) {
    // A write for a session sent earlier: the number the server gave it.
    if (e.after) e.resolved = await sessionOf(e.after);
  }
  const dates = new Set(Object.keys(loaded.days));
  for (const e of queue) if (e.date >= from && e.date <= to) dates.add(e.date);
  const days = {};
  for (const date of dates) days[date] = overlay(date, loaded.days[date], queue);
  // The person's own factors: those the server knows, and any first used in a queued check-in.
  const tags = [...(loaded.tags || []).map((t) => t.name)];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const e of queue) {
    for (const t of (e.path.endsWith('/context') && e.body && e.body.tags) || []) {
      if (!seen.has(t.toLowerCase())) {
        seen.add(t.toLowerCase());
        tags.unshift(t);
      }
    }
  }
  return { ...loaded, days, queue, tags };
}

// The pending state of a queued entry, in words.
export function pendingWords(entry) {
  if (!entry) return '';
  // TRANSLATORS: {error} is the server's reason, in its own words.
  if (entry.state === 'failed') return tr('Not saved: {error}', { error: entry.error });
  return tr('Saved on this phone, sending…');
}
