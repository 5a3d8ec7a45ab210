// The server's JSON API: one request function, who is signed in, and the words of an error.
import { tr } from './i18n.js';

export const session = {
  me: { accounts: false, signed_in: true, role: 'person' },
};

// Who owns what this phone keeps (queued check-ins, drafts, the cached days): the signed-in
// account's id, which the server never hands out twice (a username is free again once its
// account is deleted), or "local" for a one-person server. A "me" kept from before ids were
// sent has only the username: outbox.js adopts what it queued once the id is known.
export function owner() {
  if (!session.me.accounts) return 'local';
  return session.me.id ? `account:${session.me.id}` : session.me.username || '';
}

const listeners = new Set();
export function onSessionEnded(f) {
  listeners.add(f);
}

// Sends one request. Answers { ok, status, data, offline }: offline is true when the server
// could not be reached (or did not answer in time), so the caller may keep the write for later.
export async function request(method, path, body, { key, timeout = 15000, headers = {} } = {}) {
  const opts = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (session.me.csrf && method !== 'GET' && method !== 'HEAD') opts.headers['X-CSRF-Token'] = session.me.csrf;
  if (key) opts.headers['Idempotency-Key'] = key;
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), timeout);
  opts.signal = controller.signal;
  let res;
  try {
    res = await fetch(path, opts);
  } catch {
    return { ok: false, status: 0, offline: true, data: null };
  } finally {
    window.clearTimeout(timer);
  }
  let data;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (res.status === 401 && session.me.accounts && session.me.signed_in && path !== '/api/v1/me') {
    // The session ended (signed out elsewhere, expired, the password changed, the account
    // deleted elsewhere): listeners are told whose it was.
    const was = owner();
    session.me = { accounts: true, signed_in: false };
    for (const f of listeners) f(was);
  }
  // A proxy or the server itself failing is not the person's mistake: worth trying again.
  const offline = res.status === 502 || res.status === 503 || res.status === 504;
  return { ok: res.ok, status: res.status, data, offline };
}

export const get = (path) => request('GET', path);

// The words of a refusal, as the server gave them.
export function errorText(r) {
  if (r.offline) return tr('The server cannot be reached.');
  const e = r.data && r.data.error;
  // TRANSLATORS: {status} is the HTTP status code (500).
  if (!e) return tr('Something went wrong ({status}).', { status: r.status });
  return [e.message, ...(e.details || [])].join(': ');
}
