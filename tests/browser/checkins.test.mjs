// Check-ins on a phone: the morning in a few taps, a session with sharp pain whose advice stays
// on screen after Save, its hour after (not yet due: folded, and saving it early asks first),
// the day; the reading shows the server's words and changes; History adds a missed entry for a
// past date and edits one; deleting asks first with the safe answer focused; every 0-10 scale
// is one tab stop moved with the arrow keys.
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
  eventually,
  launch,
  newPage,
  pick,
  screened,
  startServer,
} from './helpers.mjs';

let server;
before(async () => {
  await launch();
  server = await startServer();
  await screened(server.url);
  // Two weeks of earlier mornings and sessions, so that today's entries move a real reading.
  for (let n = 16; n >= 1; n -= 1) {
    await api(server.url, 'PUT', `/api/v1/days/${daysAgo(n)}/morning`, {
      pain: 3,
    });
    if (n % 2 === 0)
      await api(server.url, 'POST', `/api/v1/days/${daysAgo(n)}/sessions`, {
        time: '18:00',
        minutes: 30,
        during: { start: 3, end: 3 },
        hour_after: { pain: 3 },
      });
  }
});
after(async () => {
  await closeBrowser();
  server.close();
});

test('a morning, a session with sharp pain and its hour after, on a phone', async () => {
  const page = await newPage({ width: 390 });
  await page.goto(`${server.url}/#reading`);
  await page.locator('#verdict').waitFor();
  const before = await page.locator('main').innerText();

  await page.goto(`${server.url}/#today`);
  const morning = card(page, 'On waking');
  await pick(morning, 'Pain', 6);
  await morning.getByRole('button', { name: 'Save morning' }).click();
  await page.locator('section.card.done h3', { hasText: /^Morning: (saved|done)$/ }).waitFor();
  await page.locator('[data-queued]').first().filter({ hasText: 'Saved.' }).waitFor();

  await page.getByRole('button', { name: 'I exercised: add a session' }).click();
  const session = card(page, 'A session: during it');
  await session.getByLabel('Activity').fill('swimming');
  await session.getByLabel('Minutes').fill('40');
  await session.getByRole('button', { name: 'Sustained rotation' }).click();
  await pick(session, 'Discomfort early', 3);
  await pick(session, 'Discomfort at the end', 6);
  await session.getByRole('button', { name: 'Sharp or catching pain' }).click();
  assert.match(await session.locator('.advice').innerText(), /modify or stop/i);
  // How hard it was: a whole-number scale (no half step), stored and said back on the card.
  assert.equal(await session.locator('[data-field="effort"] button.half').count(), 0);
  await pick(session, 'How hard it was', 7);
  await session.getByRole('button', { name: 'Save session' }).click();
  await page.locator('section.card.done', { hasText: 'Effort 7 of 10.' }).waitFor();
  // After Save, the advice is on screen, next to the saved card.
  const advice = page.locator('section.card.done .advice');
  await advice.waitFor();
  const box = await advice.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the advice is in the viewport: ${JSON.stringify(box)}`);
  await page.screenshot({ path: path.join(SHOTS, 'today-sharp-390.png') });

  // The session's hour after: not yet due (an hour after it ended), so folded to a line; saving
  // it now asks first.
  await page.reload();
  const hourAfter = card(page, 'An hour after session');
  await hourAfter.waitFor();
  assert.match(await hourAfter.innerText(), /Not yet due: from about \d\d:\d\d/);
  await hourAfter.getByRole('button', { name: 'Fill it in now' }).click();
  const form = card(page, 'An hour after session');
  await pick(form, 'Pain now', 7);
  await form.getByRole('button', { name: 'Tighter or more restricted than before' }).click();
  await form.getByRole('button', { name: 'Save hour after' }).click();
  await page.locator('#confirm', { hasText: /It has only been .+ since the session ended/ }).waitFor();
  await page.locator('#confirm').getByRole('button', { name: 'Save anyway' }).click();
  await page.locator('section.card.done h3', { hasText: /^An hour after session/ }).waitFor();
  await axeCheck(page, 'today');

  // The reading changed, and its sentences are the server's.
  await page.goto(`${server.url}/#reading`);
  await page.locator('#verdict').waitFor();
  const reading = (await api(server.url, 'GET', '/api/v1/reading')).data;
  assert.notEqual(await page.locator('main').innerText(), before);
  assert.equal(await page.locator('#verdict').innerText(), reading.words.title);
  assert.match(
    await page.locator('#next-step').innerText(),
    new RegExp(reading.words.next_step.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  assert.equal(await page.locator('.alerts .alert[data-kind="modify_or_stop"]').count(), 1);
  assert.equal(
    await page.locator('text=/significant_change|p = |Theil|CUSUM/').count(),
    0,
    'no jargon or setting names',
  );
  await page.locator('figure canvas').first().waitFor();
  await axeCheck(page, 'reading');
  await page.screenshot({
    path: path.join(SHOTS, 'reading-390.png'),
    fullPage: true,
  });
  assert.deepEqual(page.errors, []);
});

test('History adds a missed morning and a session for a past date, and edits one', async () => {
  const page = await newPage({ width: 1280 });
  const date = daysAgo(20);
  await page.goto(`${server.url}/#history`);
  await page.getByLabel('A date').fill(date);
  await page.getByRole('button', { name: 'Open the day' }).click();
  const editor = page.locator('#day-editor');
  await pick(card(editor, 'On waking'), 'Pain', 4);
  await card(editor, 'On waking').getByRole('button', { name: 'Save morning' }).click();
  const s = card(editor, 'A session on');
  await s.getByLabel('Activity').fill('yoga');
  await s.getByLabel('Ended at').fill('19:30');
  await s.getByLabel('Minutes').fill('45');
  await s.getByRole('button', { name: 'Save session' }).click();
  // "Session: saved" at once, "Session 1: yoga" once the server has it (which can come first).
  await editor.locator('h3', { hasText: /^Session(: saved| 1: yoga)$/ }).waitFor();
  await eventually(async () => (await api(server.url, 'GET', `/api/v1/days/${date}`)).data.sessions?.length, {
    what: 'the session on the server',
  });
  const day = (await api(server.url, 'GET', `/api/v1/days/${date}`)).data;
  assert.deepEqual(day.morning, { pain: 4 });
  assert.deepEqual(day.sessions[0], {
    time: '18:45',
    minutes: 45,
    activity: 'yoga',
  });
  // An empty session is refused in place, and nothing is stored.
  await page.reload();
  await page.getByLabel('A date').fill(date);
  await page.getByRole('button', { name: 'Open the day' }).click();
  const blank = card(page.locator('#day-editor'), 'A session on');
  await blank.getByLabel('Minutes').fill('');
  await blank.getByRole('button', { name: 'Save session' }).click();
  await blank.locator('.feedback.error', { hasText: /at least one thing/ }).waitFor();
  assert.equal((await api(server.url, 'GET', `/api/v1/days/${date}`)).data.sessions.length, 1);
  await axeCheck(page, 'history');
});

test('a morning after a session says how it compares with the usual one, and again once changed', async () => {
  const page = await newPage({ width: 390 });
  const date = daysAgo(1); // the day before had a session; every morning so far was 3
  await page.goto(`${server.url}/#history=${date}`);
  const morning = page.locator(`#day-editor #morning-${date}`);
  await morning
    .locator('.morning-after', { hasText: /^This is the morning after your session of .+: within your usual range\.$/ })
    .waitFor();
  await morning.getByRole('button', { name: 'Change' }).click();
  await pick(morning, 'Pain', 9);
  await morning.getByRole('button', { name: 'Save morning' }).click();
  await morning.locator('.morning-after', { hasText: /significantly worse than your usual morning/ }).waitFor();
  // Before what comes next, and once.
  assert.equal(await morning.locator('.morning-after').count(), 1);
  assert.deepEqual(page.errors, []);
  await api(server.url, 'PUT', `/api/v1/days/${date}/morning`, { pain: 3 });
});

test('deleting asks first, with the safe answer focused', async () => {
  await api(server.url, 'PUT', `/api/v1/days/${daysAgo(2)}/note`, {
    note: 'a note to delete',
  });
  const page = await newPage({ width: 1280 });
  await page.goto(`${server.url}/#history`);
  const del = page.getByRole('button', { name: /^Delete the note/ }).first();
  await del.click();
  const dialog = page.getByRole('dialog');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Keep it');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  assert.equal((await api(server.url, 'GET', `/api/v1/days/${daysAgo(2)}`)).data.note, 'a note to delete');
  await del.click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await eventually(async () => !(await api(server.url, 'GET', `/api/v1/days/${daysAgo(2)}`)).data.note, {
    what: 'the note to be deleted',
  });
});

test('a 0-10 scale is one tab stop, moved with the arrow keys', async () => {
  const page = await newPage({ width: 1280 });
  await page.goto(`${server.url}/#history`);
  await page.getByLabel('A date').fill(daysAgo(30));
  await page.getByRole('button', { name: 'Open the day' }).click();
  const morning = card(page.locator('#day-editor'), 'On waking');
  await morning.locator('label', { hasText: /^3$/ }).first().click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await morning.locator('fieldset.scale-set').first().locator('input:checked').getAttribute('value'), '5');
  // Tab leaves the scale at once: the next stop is the half-point button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '+½ point');
});
