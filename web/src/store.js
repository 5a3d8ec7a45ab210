// What this phone keeps between visits, in IndexedDB: the queue of check-ins not yet on the
// server (outbox), and a key-value store for the last days and reading seen (so an offline
// page shows what is known, never empty forms for data that exists). Drafts of half-filled
// cards are in localStorage: small, and read before the first paint.

const NAME = 'backsignal';
let opening = null;

function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('kv');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return opening;
}

function done(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(storeName, mode, f) {
  const db = await open();
  const tx = db.transaction(storeName, mode);
  const result = await f(tx.objectStore(storeName));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

export const outbox = {
  add: (entry) => run('outbox', 'readwrite', (s) => done(s.add(entry))),
  put: (entry) => run('outbox', 'readwrite', (s) => done(s.put(entry))),
  remove: (seq) => run('outbox', 'readwrite', (s) => done(s.delete(seq))),
  all: () => run('outbox', 'readonly', (s) => done(s.getAll())),
};

export const kv = {
  get: (key) => run('kv', 'readonly', (s) => done(s.get(key))),
  set: (key, value) => run('kv', 'readwrite', (s) => done(s.put(value, key))),
  remove: (key) => run('kv', 'readwrite', (s) => done(s.delete(key))),
};

// Drafts: the fields of a card not yet saved, by owner, card and date.
export const drafts = {
  get(key) {
    try {
      const v = localStorage.getItem(`draft:${key}`);
      return v ? JSON.parse(v) : null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(`draft:${key}`, JSON.stringify(value));
    } catch {
      // Private mode or a full store: the card still works, the draft is not kept.
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(`draft:${key}`);
    } catch {
      // as above
    }
  },
  // Every draft whose key starts with `prefix` (an owner's: "account:7:").
  removeAll(prefix) {
    try {
      const gone = [];
      for (let i = 0; i < localStorage.length; i += 1) {
        const k = localStorage.key(i);
        if (k && k.startsWith(`draft:${prefix}`)) gone.push(k);
      }
      for (const k of gone) localStorage.removeItem(k);
    } catch {
      // as above
    }
  },
};
