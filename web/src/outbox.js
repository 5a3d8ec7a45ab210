// Check-ins are saved on the phone first, then sent, in the order they were made, with an
// Idempotency-Key each: a reply lost on the way and the check-in sent again is stored once.
// They survive reloads, closing the tab and ended sign-ins; the server refusing one (a bad
// value, the safety screen's pause) keeps it here with the reason until the person dismisses it.
import { errorText, owner, request } from './api.js';
import { tr } from './i18n.js';
import { drafts, kv, outbox } from './store.js';

const listeners = new Set();
export function subscribe(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}
function emit(event) {
  for (const f of listeners) f(event);
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// Queues a write and starts sending. `after` names the key of a queued session this write
// belongs to (its path holds "{session}", filled in with that session's number once known).
export async function enqueue({ method, path, body, date, kind, label, after = null }) {
  const entry = {
    owner: owner(),
    key: newKey(),
    method,
    path,
    body,
    date,
    kind,
    label,
    after,
    state: 'pending',
    error: null,
    created: Date.now(),
  };
  entry.seq = await outbox.add(entry);
  emit({ type: 'queued', entry });
  flush();
  return entry;
}

// This owner's entries not yet on the server, oldest first.
export async function pending() {
  const me = owner();
  return (await outbox.all()).filter((e) => e.owner === me).sort((a, b) => a.seq - b.seq);
}

export async function dismiss(entry) {
  await outbox.remove(entry.seq);
  emit({ type: 'dismissed', entry });
}

// Everything this phone keeps of `who`: the days and reading it showed, half-filled cards, who
// was signed in, and, unless `keepUnsent`, the check-ins not yet sent. An account deleted from
// this page takes everything with it; a session that ended elsewhere (a 401) keeps only what
// exists nowhere else, the unsent check-ins, which go when that account signs in again.
export async function forget(who, { keepUnsent = false } = {}) {
  if (!who) return;
  const gone = [kv.remove(`days:${who}`), kv.remove(`reading:${who}`), kv.remove('me')];
  if (!keepUnsent) {
    for (const e of await outbox.all().catch(() => [])) {
      if (e.owner === who) gone.push(outbox.remove(e.seq), kv.remove(`session:${e.key}`));
    }
  }
  await Promise.all(gone).catch(() => {});
  drafts.removeAll(`${who}:`);
}

// Check-ins queued before entries were keyed by the account's id carry its username. They are
// this account's only if it already existed when they were queued: a name is free again once
// its account is deleted, and what that account queued is not the newcomer's (it is dropped).
export async function adopt(me) {
  if (!me.accounts || !me.signed_in || !me.id || !me.username) return;
  const mine = `account:${me.id}`;
  for (const e of await outbox.all().catch(() => [])) {
    if (e.owner !== me.username) continue;
    if (e.created >= (me.created_at || 0) * 1000) {
      e.owner = mine;
      await outbox.put(e);
    } else {
      await outbox.remove(e.seq);
    }
  }
  await Promise.all([kv.remove(`days:${me.username}`), kv.remove(`reading:${me.username}`)]).catch(() => {});
  drafts.removeAll(`${me.username}:`);
}

// The session number the server gave a queued session, once it was sent.
export async function sessionOf(key) {
  return kv.get(`session:${key}`);
}

const BACKOFF = [2, 5, 15, 30, 60];
let attempt = 0;
let timer = null;
let flushing = null;

export function flush() {
  if (!flushing) {
    flushing = run().finally(() => {
      flushing = null;
    });
  }
  return flushing;
}

function retryLater() {
  if (timer) return;
  const wait = BACKOFF[Math.min(attempt, BACKOFF.length - 1)] * 1000;
  attempt += 1;
  timer = window.setTimeout(() => {
    timer = null;
    flush();
  }, wait);
}

async function run() {
  for (;;) {
    const list = (await pending()).filter((e) => e.state !== 'failed');
    if (list.length === 0) {
      attempt = 0;
      emit({ type: 'idle' });
      return;
    }
    const e = list[0];
    let path = e.path;
    if (e.after) {
      const n = await sessionOf(e.after);
      if (n === undefined) {
        const waiting = list.some((x) => x.key === e.after);
        if (!waiting) {
          e.state = 'failed';
          e.error = tr('The session this belongs to was not saved.');
          await outbox.put(e);
          emit({ type: 'failed', entry: e });
          continue;
        }
        // Its session is queued behind it (it cannot be, entries go in order): wait.
        retryLater();
        return;
      }
      path = path.replace('{session}', String(n));
    }
    emit({ type: 'sending', entry: e });
    const r = await request(e.method, path, e.body, { key: e.key });
    if (r.ok) {
      await outbox.remove(e.seq);
      if (r.data && r.data.session) await kv.set(`session:${e.key}`, r.data.session);
      attempt = 0;
      emit({ type: 'sent', entry: e, data: r.data });
      continue;
    }
    if (r.offline || r.status === 408 || r.status === 429 || r.status >= 500) {
      emit({ type: 'waiting', entry: e });
      retryLater();
      return;
    }
    if (r.status === 401) return; // kept until the person signs in again
    e.state = 'failed';
    e.error = errorText(r);
    e.status = r.status;
    await outbox.put(e);
    emit({ type: 'failed', entry: e, data: r.data });
  }
}

window.addEventListener('online', () => {
  attempt = 0;
  flush();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') flush();
});
