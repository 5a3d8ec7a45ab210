// backsignal's page: who is signed in, the navigation for each role, the pages, the state of
// the connection and of the check-ins waiting on this phone, and the service worker that lets
// the page open with no connection.
import { get, onSessionEnded, owner, request, session } from './api.js';
import { browserZone } from './dates.js';
import { focusOn, h } from './dom.js';
import { loadCatalog, ntr, tr, trc, translateDocument, wantedLanguages } from './i18n.js';
import { adopt, flush, forget, pending, subscribe } from './outbox.js';
import { renderAccount } from './pages/account.js';
import { renderHistory } from './pages/history.js';
import { personName, renderPeople } from './pages/people.js';
import { renderReading } from './pages/reading.js';
import { focusCard, renderReminders } from './pages/reminders.js';
import { renderSettings } from './pages/settings.js';
import { renderShare } from './pages/share.js';
import { renderSignIn } from './pages/signin.js';
import { renderToday } from './pages/today.js';
import { kv } from './store.js';
import { loadFields, loadWords } from './words.js';

const PERSON_PAGES = ['today', 'reading', 'history', 'share', 'settings'];

// Each page's name, in the navigation and the window's title, in the page's language.
function pageTitle(id) {
  const titles = {
    today: tr('Today'),
    reading: tr('Reading'),
    history: tr('History'),
    share: tr('Report & data'),
    settings: tr('Settings'),
    people: tr('People'),
    account: tr('Account'),
    reminders: tr('Reminders'),
  };
  return titles[id];
}

// A tab's label: the page's title, where a language may mark where a long word breaks (German's
// "Ein\u00ADstel\u00ADlungen" in a sixth of a 320 px phone).
function tabLabel(id) {
  const labels = {
    today: trc('tab', 'Today'),
    reading: trc('tab', 'Reading'),
    history: trc('tab', 'History'),
    share: trc('tab', 'Report & data'),
    settings: trc('tab', 'Settings'),
    people: trc('tab', 'People'),
    account: trc('tab', 'Account'),
  };
  return labels[id] || pageTitle(id);
}

const people = new Map();

const app = {
  start,
  refreshQueue,
  say: (text) => say(text),
  // The page at its top, the focus on its heading (after the safety screen, say).
  toTop() {
    window.scrollTo(0, 0);
    focusOn(document.querySelector('main h1'));
  },
  rememberPeople(list) {
    for (const p of list) people.set(p.person, p);
  },
  async signOut() {
    // What this phone kept of the diary goes with the sign-in (a shared phone shows nothing of
    // it to the next person); check-ins not yet sent stay, and go when this account signs in.
    const me = owner();
    const r = await request('POST', '/api/v1/auth/signout');
    if (!r.ok) return;
    await Promise.all([kv.remove(`days:${me}`), kv.remove(`reading:${me}`)]).catch(() => {});
    await app.signedOut(tr('Signed out.'));
  },
  async signedOut(message) {
    session.me = { accounts: true, signed_in: false };
    await kv.remove('me').catch(() => {});
    location.hash = '';
    await start();
    say(message);
  },
};

function say(text) {
  const s = document.getElementById('status');
  s.textContent = '';
  window.setTimeout(() => {
    s.textContent = text;
  }, 20);
}

// The pages this account has, in the navigation's order.
function pagesFor(me) {
  const own = me.role !== 'clinician' || me.keeps_diary;
  const list = [];
  if (me.role === 'clinician') list.push('people');
  if (own) list.push(...PERSON_PAGES);
  if (me.accounts) list.push('account');
  return list.map((id) => [id, pageTitle(id)]);
}

function drawNav(pages, current) {
  const nav = document.getElementById('tabs');
  nav.hidden = pages.length === 0;
  nav.replaceChildren(
    h(
      'ul',
      {},
      pages.map(([id, label]) => {
        const shown = tabLabel(id);
        // Named as the page is (a soft hyphen is no part of a name).
        const name = shown === label ? null : label;
        const attrs = { href: `#${id}`, 'data-page': id, 'aria-current': id === current ? 'page' : null };
        return h('li', {}, h('a', { ...attrs, 'aria-label': name }, shown));
      }),
    ),
  );
}

async function refreshQueue() {
  const list = await pending().catch(() => []);
  const waiting = list.filter((e) => e.state !== 'failed').length;
  const failed = list.length - waiting;
  const conn = document.getElementById('conn');
  const parts = [];
  if (!navigator.onLine) parts.push(tr('Offline'));
  if (waiting) parts.push(ntr('{n} check-in waiting to be sent', '{n} check-ins waiting to be sent', waiting));
  // TRANSLATORS: {n} check-ins this phone could not send (the server refused them).
  if (failed) parts.push(ntr('{n} not saved', '{n} not saved', failed));
  conn.textContent = parts.join(' · ');
  conn.className = `conn${failed ? ' error' : waiting || !navigator.onLine ? ' pending' : ''}`;
}

// A card's mark of a check-in the server has now stored.
function markSaved(el) {
  el.textContent = tr('Saved.');
  el.className = 'queued ok';
  const heading = el.closest('section')?.querySelector('h3');
  if (heading?.dataset.done) heading.textContent = heading.dataset.done;
}

// Marks the cards of entries the server has now stored.
subscribe((ev) => {
  if (ev.type === 'sent' || ev.type === 'idle') refreshStale();
  if (ev.type === 'sent') {
    for (const el of document.querySelectorAll(`[data-queued="${ev.entry.key}"]`)) markSaved(el);
  } else if (ev.type === 'failed') {
    for (const el of document.querySelectorAll(`[data-queued="${ev.entry.key}"]`)) {
      // TRANSLATORS: {error} is the server's reason, in its own words.
      el.textContent = tr('Not saved: {error}', { error: ev.entry.error });
      el.className = 'queued error';
    }
  }
  refreshQueue();
});
window.addEventListener('online', () => {
  refreshQueue();
  refreshStale();
});
window.addEventListener('offline', refreshQueue);

// The page shown now, and what it was drawn from (a refresh draws it again in place).
let shown = { name: null, fresh: false };

async function route() {
  const main = document.getElementById('main');
  const me = session.me;
  if (me.accounts && !me.signed_in) {
    drawNav([], null);
    document.title = `${tr('Sign in')} · backsignal`;
    const m = location.hash.match(/^#signup=(.+)$/);
    shown = { name: 'signin' };
    renderSignIn(main, app, m ? m[1] : null);
    return;
  }
  // Signed in from a report's link opened signed out (the server's page): back to that report.
  const then = location.hash.match(/^#then=(.+)$/);
  if (then) {
    let target;
    try {
      target = decodeURIComponent(then[1]);
    } catch {
      target = '';
    }
    // Only a report of this site: never another address a link could carry.
    if (/^\/report(\?|$)/.test(target)) {
      location.replace(target);
      return;
    }
  }
  const pages = pagesFor(me);
  let name = (location.hash || '').slice(1);
  // "#today/after-2026-11-20-1": a page and a card on it (a tapped push reminder).
  const [page, card] = name.split('/');
  name = page;
  let view = null;
  let openDate = null;
  const person = name.match(/^person=(\d+)$/);
  if (person && me.role === 'clinician') {
    const id = Number(person[1]);
    const p = people.get(id);
    view = { person: id, name: p ? personName(p) : tr('This person') };
    name = 'people';
  }
  const day = name.match(/^history=(\d{4}-\d{2}-\d{2})$/);
  if (day) {
    openDate = day[1];
    name = 'history';
  }
  if (name !== 'settings' && name !== 'reminders' && !pages.some(([id]) => id === name)) name = pages[0][0];
  drawNav(pages, name);
  // TRANSLATORS: the window's title on a clinician's view of a person; {name} is the person's name.
  document.title = `${view ? tr('{name}’s reading', { name: view.name }) : pageTitle(name)} · backsignal`;
  // A day opened from a link while History is already shown: opened in place, the rest kept.
  if (openDate && shown.name === 'history' && app.openDay) {
    app.openDay(openDate);
    return;
  }
  window.scrollTo(0, 0);
  main.replaceChildren(h('p', { class: 'loading', role: 'status' }, tr('Loading…')));
  app.openDay = null;
  shown = { name };
  if (view) await renderReading(main, app, view);
  else if (name === 'today') await renderToday(main, app);
  else if (name === 'reading') await renderReading(main, app);
  else if (name === 'history') await renderHistory(main, app, undefined, { openDate });
  else if (name === 'share') await renderShare(main, app);
  else if (name === 'settings') await renderSettings(main, app);
  else if (name === 'account') await renderAccount(main, app);
  else if (name === 'people') await renderPeople(main, app);
  else if (name === 'reminders') await renderReminders(main, app);
  if (!openDate) {
    window.scrollTo(0, 0);
    if (!focusCard(main, card)) focusOn(main.querySelector('h1'));
  }
  refreshQueue();
}

// A page showing what this phone last saw is drawn again from the server once it answers (a
// queued check-in went through, or the connection came back), where the person was.
let refreshing = false;
async function refreshStale() {
  if (refreshing || !document.querySelector('[data-stale]')) return;
  refreshing = true;
  try {
    const y = window.scrollY;
    const main = document.getElementById('main');
    if (shown.name === 'today') await renderToday(main, app);
    else if (shown.name === 'history') await renderHistory(main, app);
    else return;
    window.scrollTo(0, y);
    // Drawn from the queue as it was when the drawing began: an entry sent meanwhile (its 'sent'
    // came before its card existed) would say "sending" for good.
    const waiting = new Set((await pending().catch(() => [])).map((e) => e.key));
    for (const el of main.querySelectorAll('[data-queued].pending')) if (!waiting.has(el.dataset.queued)) markSaved(el);
  } finally {
    refreshing = false;
  }
}

async function loadMe() {
  const r = await get('/api/v1/me');
  if (r.ok) {
    session.me = { ...r.data, signed_in: r.data.accounts ? r.data.signed_in : true, role: r.data.role || 'person' };
    kv.set('me', session.me).catch(() => {});
    await adopt(session.me);
    return;
  }
  // Offline: who was signed in on this phone, so that check-ins can still be made.
  const kept = await kv.get('me').catch(() => null);
  session.me = kept || { accounts: false, signed_in: true, role: 'person' };
}

// The page's language, loaded before anything is drawn (docs/languages.md).
async function loadLanguage() {
  const asked = [session.me.language, ...(navigator.languages || [navigator.language])].filter(Boolean);
  await loadCatalog(wantedLanguages(asked, location.search));
  translateDocument();
}
app.loadLanguage = loadLanguage;

async function start() {
  await loadMe();
  await loadLanguage();
  if (session.me.signed_in !== false) {
    await Promise.all([loadWords(), loadFields()]);
    // Reminders start in this phone's zone, and say so (Report & data).
    const own = session.me.role !== 'clinician' || session.me.keeps_diary;
    if (own && navigator.onLine) {
      const pr = await get('/api/v1/profile');
      const zone = browserZone();
      if (pr.ok && !pr.data.time_zone && zone) await request('PUT', '/api/v1/profile', { time_zone: zone });
    }
    flush();
  }
  await route();
}

onSessionEnded(async (was) => {
  // What the page showed of the diary goes with the session; unsent check-ins stay.
  await forget(was, { keepUnsent: true });
  start();
  say(tr('Your session ended: sign in again. Check-ins not yet sent stay on this phone.'));
});
window.addEventListener('hashchange', route);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}

start();
