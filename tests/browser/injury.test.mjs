// A fall or an injury on a phone (issue 19): one tap on the context card at 320 px, saved, and the
// safety questions opened at once with the reason; the Reading page then says they are due, and
// so does a day recorded from elsewhere (the API) when Today is opened. A note pinned on the phone
// (on every report, whatever its dates).
import { after, before, test } from 'node:test';
import path from 'node:path';
import {
  SHOTS,
  api,
  assert,
  axeCheck,
  card,
  closeBrowser,
  daysAgo,
  launch,
  newPage,
  noHorizontalScroll,
  screened,
  startServer,
} from './helpers.mjs';

let server;
before(async () => {
  await launch();
  server = await startServer();
  await screened(server.url);
});
after(async () => {
  await closeBrowser();
  server.close();
});

test('a fall is one tap on the context card at 320 px, and the safety questions open at once', async () => {
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#today`);
  const ctx = card(page, 'The rest of the day');
  await ctx.waitFor();
  const set = ctx.locator('fieldset[data-field="injury"]');
  assert.equal(await set.locator('legend').innerText(), 'A fall or an injury today');
  assert.match(await set.innerText(), /asks the safety questions again/);
  await set.getByRole('button', { name: 'A fall' }).tap();
  assert.equal(await set.getByRole('button', { name: 'A fall' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await set.getByRole('button', { name: 'Another injury' }).getAttribute('aria-pressed'), 'false');
  await noHorizontalScroll(page, 'context card with a fall, 320 px');
  await ctx.screenshot({ path: path.join(SHOTS, 'context-injury-320.png') });
  await ctx.getByRole('button', { name: 'Save the day' }).tap();
  // The safety questions, at once, saying why.
  const screen = page.locator('#safety-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /You recorded a fall or an injury/);
  await noHorizontalScroll(page, 'safety screen after a fall, 320 px');
  await axeCheck(page, 'safety screen after a fall');

  // Stored as given; the server asks for the questions too, on every surface.
  let day = null;
  for (let i = 0; i < 50 && !day; i += 1) {
    const r = await api(server.url, 'GET', `/api/v1/days/${daysAgo(0)}`);
    if (r.status === 200) day = r.data;
    else await new Promise((res) => setTimeout(res, 100));
  }
  assert.deepEqual(day.context, { injury: 'fall' });
  assert.deepEqual(page.errors, []);
});

test('a fall recorded elsewhere after the answers: Today opens on the questions, the Reading page says why', async () => {
  await screened(server.url); // answered again: what was recorded before is covered
  assert.equal((await api(server.url, 'GET', '/api/v1/safety/state')).data.due, null);
  // From another device, dated after the day of the answers (a check-in may be a day ahead).
  const r = await api(server.url, 'PUT', `/api/v1/days/${daysAgo(-1)}/context`, { injury: 'other' });
  assert.equal(r.status, 200);
  assert.equal(r.data.safety_again, true);
  assert.equal((await api(server.url, 'GET', '/api/v1/safety/state')).data.due, 'fall_or_injury');
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#today`);
  const screen = page.locator('#safety-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /You recorded a fall or an injury/);
  const reading = await newPage({ width: 320 });
  await reading.goto(`${server.url}/#reading`);
  const due = reading.locator('#safety-due');
  await due.waitFor();
  assert.match(await due.innerText(), /You recorded a fall or an injury/);
  await noHorizontalScroll(reading, 'reading with the safety prompt, 320 px');
  await reading.screenshot({
    path: path.join(SHOTS, 'reading-injury-due-320.png'),
    fullPage: true,
  });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(reading.errors, []);
});

test('a note pinned on the phone at 320 px is stored pinned', async () => {
  // Tomorrow's injury taken out (it would keep the questions due), and the questions answered.
  await api(server.url, 'DELETE', `/api/v1/days/${daysAgo(-1)}/context`);
  await screened(server.url);
  assert.equal((await api(server.url, 'GET', '/api/v1/safety/state')).data.due, null);
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#today`);
  await page.getByRole('button', { name: 'Add a note for the day' }).tap();
  const note = card(page, 'A note for the day');
  await note.waitFor();
  await note.getByLabel('Note').fill('GP says osteopenia');
  const pin = note.getByRole('button', { name: 'Pin it: every report shows it' });
  await pin.tap();
  assert.equal(await pin.getAttribute('aria-pressed'), 'true');
  await noHorizontalScroll(page, 'note card with its pin, 320 px');
  await note.getByRole('button', { name: 'Save note' }).tap();
  const done = page.locator('section.card.done', { hasText: 'GP says osteopenia' });
  await done.waitFor();
  let day = null;
  for (let i = 0; i < 50 && !(day && day.note); i += 1) {
    const r = await api(server.url, 'GET', `/api/v1/days/${daysAgo(0)}`);
    day = r.status === 200 ? r.data : null;
    if (!(day && day.note)) await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(day.note, 'GP says osteopenia');
  assert.equal(day.note_pinned, true);
  // Once the server has answered, the saved card says the note is pinned in its words too.
  await done.locator('.queued.ok').waitFor();
  assert.match(await done.innerText(), /Pinned: every report shows it\./);
  assert.deepEqual(page.errors, []);
});
