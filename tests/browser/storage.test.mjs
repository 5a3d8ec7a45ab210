// What the page keeps on the phone belongs to one account, by its id (issue 22): deleting the
// account from the page removes everything of it from the browser's storage; a session that
// ended elsewhere (a 401) removes what the page showed but keeps the unsent check-ins; a check-in
// queued by a deleted account never goes to a new account of the same name.
import { after, before, test } from 'node:test';
import { api, assert, closeBrowser, daysAgo, launch, newPage, startServer } from './helpers.mjs';

before(launch);
after(closeBrowser);

const PASSWORD = 'correct horse battery';

async function signUp(page, url, username) {
  await page.goto(url);
  await page.locator('#signin-form button:text-is("Create account"), #switch-mode').first().waitFor();
  if (!(await page.getByRole('button', { name: 'Create account' }).isVisible()))
    await page.locator('#switch-mode').click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password (at least 10 characters)').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#tabs a[href="#account"]').waitFor();
  return page.evaluate(async () => (await fetch('/api/v1/me')).json());
}

// Everything in the page's IndexedDB and drafts: { kv: [keys], text: the kv's values as JSON,
// outbox: [entries], drafts: [keys] }.
function storage(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('backsignal', 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['kv', 'outbox'], 'readonly');
          const keys = tx.objectStore('kv').getAllKeys();
          const values = tx.objectStore('kv').getAll();
          const entries = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => {
            const drafts = [];
            for (let i = 0; i < localStorage.length; i += 1) {
              if (localStorage.key(i).startsWith('draft:')) drafts.push(localStorage.key(i));
            }
            db.close();
            resolve({
              kv: keys.result,
              text: JSON.stringify(values.result),
              outbox: entries.result,
              drafts,
            });
          };
        };
      }),
  );
}

// Puts what the page would keep for `owner` into its storage: the days and reading it showed, a
// draft, and a check-in waiting to be sent (its state failed, so that it is not sent now).
function seed(page, owner, { created = Date.now(), state = 'failed', date = '2026-11-01' } = {}) {
  return page.evaluate(
    ({ owner, created, state, date }) =>
      new Promise((resolve, reject) => {
        localStorage.setItem(`draft:${owner}:note:${date}`, JSON.stringify({ note: 'half written' }));
        const req = indexedDB.open('backsignal', 1);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['kv', 'outbox'], 'readwrite');
          tx.objectStore('kv').put({ days: [{ date, note: 'a private note' }] }, `days:${owner}`);
          tx.objectStore('kv').put({ reading: {} }, `reading:${owner}`);
          tx.objectStore('outbox').add({
            owner,
            key: crypto.randomUUID(),
            method: 'PUT',
            path: `/api/v1/days/${date}/note`,
            body: { note: `queued by ${owner}` },
            date,
            kind: 'note',
            label: 'Note',
            after: null,
            state,
            error: null,
            created,
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
    { owner, created, state, date },
  );
}

test('deleting the account from the page leaves nothing of it in the browser', async () => {
  const srv = await startServer({ accounts: true });
  try {
    const page = await newPage({ width: 1280 });
    await signUp(page, `${srv.url}/#signup=${srv.code}`, 'admin');
    const other = await newPage({ width: 1280 });
    const me = await signUp(other, srv.url, 'leaving');
    const owner = `account:${me.id}`;
    await seed(other, owner);
    await seed(other, 'account:424242'); // someone else's on the same phone: kept
    await other.goto(`${srv.url}/#account`);
    await other.getByLabel('Your password').fill(PASSWORD);
    await other.getByRole('button', { name: 'Delete my account' }).click();
    await other.locator('#confirm').getByRole('button', { name: 'Delete my account' }).click();
    await other.locator('#signin-form').waitFor();
    const left = await storage(other);
    assert.deepEqual(
      left.kv.filter((k) => k.includes(owner)),
      [],
    );
    assert.ok(!left.text.includes('leaving'), 'who was signed in is still kept');
    assert.deepEqual(
      left.outbox.filter((e) => e.owner === owner),
      [],
    );
    assert.deepEqual(
      left.drafts.filter((k) => k.includes(owner)),
      [],
    );
    assert.equal(left.outbox.filter((e) => e.owner === 'account:424242').length, 1);
  } finally {
    srv.close();
  }
});

test('a session ended elsewhere takes what the page showed and keeps the unsent check-ins', async () => {
  const srv = await startServer({ accounts: true });
  try {
    const page = await newPage({ width: 1280 });
    const me = await signUp(page, `${srv.url}/#signup=${srv.code}`, 'admin');
    const owner = `account:${me.id}`;
    await seed(page, owner);
    // Signed out on another device: the page's next request gets a 401.
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('backsignal_session'));
    const out = await api(srv.url, 'POST', '/api/v1/auth/signout', undefined, {
      Cookie: `${cookie.name}=${cookie.value}`,
      'X-CSRF-Token': me.csrf,
    });
    assert.equal(out.status, 200);
    await page.goto(`${srv.url}/#history`);
    await page.locator('#signin-form').waitFor();
    let left = await storage(page);
    for (let i = 0; i < 20 && left.kv.some((k) => k.includes(owner)); i += 1) {
      await page.waitForTimeout(100);
      left = await storage(page);
    }
    assert.deepEqual(
      left.kv.filter((k) => k.includes(owner)),
      [],
    );
    assert.deepEqual(
      left.drafts.filter((k) => k.includes(owner)),
      [],
    );
    assert.equal(left.outbox.filter((e) => e.owner === owner).length, 1, 'the unsent check-in stays');
  } finally {
    srv.close();
  }
});

test("a deleted account's queued check-in never goes to a new account of the same name", async () => {
  const srv = await startServer({ accounts: true });
  try {
    const admin = await newPage({ width: 1280 });
    await signUp(admin, `${srv.url}/#signup=${srv.code}`, 'admin');
    const page = await newPage({ width: 1280 });
    const old = await signUp(page, srv.url, 'sam');
    const date = daysAgo(1);
    // Queued by the old sam (by id, and as an earlier version kept it: by username, before the
    // new sam existed); then the old sam is deleted elsewhere.
    await seed(page, `account:${old.id}`, { state: 'pending', date });
    await seed(page, 'sam', {
      state: 'pending',
      date,
      created: Date.now() - 3600 * 1000,
    });
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('backsignal_session'));
    const gone = await api(
      srv.url,
      'POST',
      '/api/v1/account/delete',
      { password: PASSWORD },
      { Cookie: `${cookie.name}=${cookie.value}`, 'X-CSRF-Token': old.csrf },
    );
    assert.equal(gone.status, 200);
    await page.context().clearCookies();
    const sam = await signUp(page, srv.url, 'sam');
    assert.notEqual(sam.id, old.id);
    await page.goto(`${srv.url}/#history`);
    await page.waitForTimeout(1500); // the queue flushes at start
    const day = await page.evaluate(async (d) => (await fetch(`/api/v1/days/${d}`)).status, date);
    assert.equal(day, 404, "the old sam's check-in was saved into the new sam's diary");
    const left = await storage(page);
    assert.deepEqual(
      left.outbox.filter((e) => e.owner === 'sam'),
      [],
    );
  } finally {
    srv.close();
  }
});
