// The service worker: the page and its assets from a cache, so that backsignal opens with no
// connection (check-ins are then kept in IndexedDB by the page and sent later). The server
// serves this file at /sw.js with two constants put before it: VERSION, a hash of every asset
// (a new build makes a new cache, and the old one is dropped), and ASSETS, their paths.
// The API is never cached here: the page keeps what it needs of it itself.
const CACHE = `backsignal-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(['/', ...ASSETS]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('backsignal-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The page itself: the network first (a new version, a sign-in), the cached page offline.
    event.respondWith(fetch(req).catch(() => caches.match('/', { cacheName: CACHE })));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)));
  }
});

// A push reminder from the server (docs/reminders.md): shown as it came, one per reminder (its
// tag), with the card to open.
self.addEventListener('push', (event) => {
  let m;
  try {
    m = event.data ? event.data.json() : {};
  } catch {
    m = {};
  }
  const url = typeof m.url === 'string' && m.url.startsWith('/') ? m.url : '/#today';
  event.waitUntil(
    self.registration.showNotification(m.title || 'backsignal', {
      body: m.body || '',
      tag: m.tag || 'backsignal',
      icon: '/assets/icon-192.png',
      data: { url },
    }),
  );
});

// A tap on a reminder opens (or focuses) the page on Today, at the card when it says which.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/#today';
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((list) => {
      for (const c of list) {
        if ('focus' in c) {
          if (url !== '/#today' && 'navigate' in c) return c.navigate(url).then((w) => (w || c).focus());
          return c.focus();
        }
      }
      return self.clients.openWindow(url);
    }),
  );
});
