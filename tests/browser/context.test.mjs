// The day's context on a phone: last night's sleep, stress and two of the person's own factors
// (offered as toggles because they were used before) in at most five taps, saved and read back;
// a new factor typed once is offered the next day; painkillers with a name; workouts imported
// from a file, previewed first, loads recorded only when ticked.
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
  root,
  screened,
  startServer,
} from './helpers.mjs';

let server;
before(async () => {
  await launch();
  server = await startServer();
  await screened(server.url);
  await api(server.url, 'PUT', `/api/v1/days/${daysAgo(9)}/context`, { tags: ['long drive'] });
  await api(server.url, 'PUT', `/api/v1/days/${daysAgo(4)}/context`, { tags: ['period', 'new mattress'] });
});
after(async () => {
  await closeBrowser();
  server.close();
});

// Counts the person's taps (pointer presses) on the page.
async function tapCounter(page) {
  await page.evaluate(() => {
    window.taps = 0;
    document.addEventListener('pointerdown', () => (window.taps += 1), true);
  });
  return () => page.evaluate(() => window.taps);
}

test('sleep, stress and two own factors take at most five taps on a phone', async () => {
  const page = await newPage({ width: 390 });
  await page.goto(`${server.url}/#today`);
  const ctx = card(page, 'The rest of the day');
  await ctx.waitFor();
  await ctx.screenshot({ path: path.join(SHOTS, 'context-card-390.png') });
  const taps = await tapCounter(page);
  const tapLabel = async (legend, value) => {
    const set = ctx.locator('fieldset.scale-set').filter({ has: page.locator('legend', { hasText: legend }) });
    await set.locator('label', { hasText: new RegExp(`^${value}$`) }).tap();
  };
  await tapLabel('Hours of sleep last night', 5);
  await tapLabel('Stress today', 7);
  await ctx.getByRole('button', { name: 'long drive' }).tap();
  await ctx.getByRole('button', { name: 'period' }).tap();
  await ctx.getByRole('button', { name: 'Save the day' }).tap();
  await page.locator('section.card.done h3', { hasText: /^The rest of the day: (saved|done)$/ }).waitFor();
  const count = await taps();
  assert.ok(count <= 5, `${count} taps`);
  await page.screenshot({ path: path.join(SHOTS, 'today-context-390.png'), fullPage: true });

  // Stored as given, and the done card says it back.
  await page.locator('[data-queued]').filter({ hasText: 'Saved.' }).first().waitFor();
  const day = (await api(server.url, 'GET', `/api/v1/days/${daysAgo(0)}`)).data;
  assert.deepEqual(day.context, { sleep_hours: 5, stress: 7, tags: ['long drive', 'period'] });
  assert.match(
    await page.locator('section.card.done', { hasText: 'The rest of the day' }).innerText(),
    /Slept 5 h; stress 7; “long drive”; “period”/,
  );
  await axeCheck(page, 'today context');
  assert.deepEqual(page.errors, []);
});

test('a new factor typed once is offered as a toggle after; painkillers with a name; a long night', async () => {
  const page = await newPage({ width: 390 });
  await page.goto(`${server.url}/#history`);
  await page.getByLabel('A date').fill(daysAgo(1));
  await page.getByRole('button', { name: 'Open the day' }).click();
  const ctx = card(page, 'The rest of the day');
  await ctx.waitFor();
  await ctx.getByRole('button', { name: 'Slept more than 10 hours?' }).click();
  await ctx.getByLabel('More than 10 hours: how many?').fill('11.5');
  await ctx.getByRole('button', { name: 'Took something for the pain' }).click();
  await ctx.getByLabel('What you took (optional)').fill('ibuprofen');
  await ctx.getByLabel('Add a factor of your own').fill('Gardening');
  await ctx.getByRole('button', { name: 'Add', exact: true }).click();
  assert.equal(await ctx.getByRole('button', { name: 'Gardening' }).getAttribute('aria-pressed'), 'true');
  await ctx.getByRole('button', { name: 'Save the day' }).click();
  await page.locator('section.card.done h3', { hasText: /^The rest of the day: (saved|done)$/ }).waitFor();
  await page.locator('[data-queued]').filter({ hasText: 'Saved.' }).first().waitFor();
  const day = (await api(server.url, 'GET', `/api/v1/days/${daysAgo(1)}`)).data;
  assert.deepEqual(day.context, {
    sleep_hours: 11.5,
    painkillers: true,
    painkiller_name: 'ibuprofen',
    tags: ['Gardening'],
  });

  // Today's card offers it, the most recently used first.
  const next = await newPage({ width: 390 });
  await next.goto(`${server.url}/#today`);
  // Done things are folded on Today: opened, the day's card is there to change.
  await next.locator('#done-today > summary').click();
  const done = card(next, 'The rest of the day');
  await done.waitFor();
  await done.getByRole('button', { name: 'Change' }).click();
  const today = card(next, 'The rest of the day');
  await today.locator('[aria-label="Your own factors"]').waitFor();
  const names = await today.locator('[aria-label="Your own factors"] button').allInnerTexts();
  // Today's first (used today), then yesterday's new one, then older ones.
  assert.deepEqual(names, ['long drive', 'period', 'Gardening', 'new mattress']);
  assert.deepEqual(page.errors, []);
});

test('workouts from a file: what would happen first, then sessions added, loads only when ticked', async () => {
  const page = await newPage({ width: 390 });
  await page.goto(`${server.url}/#history`);
  const box = card(page, 'Import workouts');
  await box.waitFor();
  await box.getByLabel('A workout file').setInputFiles(path.join(root, 'tests/workouts/activities.csv'));
  await box.getByRole('button', { name: 'Add 3 sessions' }).waitFor();
  await box.locator('.feedback', { hasText: 'Strava' }).waitFor();
  const preview = await box.innerText();
  assert.match(preview, /Strava: 3 workouts; 3 new/);
  assert.match(preview, /tennis, 60 min \(a new session\)/);
  assert.match(preview, /may ask for sustained rotation, arms working away from the body/);
  // Nothing stored by looking.
  assert.equal((await api(server.url, 'GET', '/api/v1/days/2026-11-04')).status, 404);
  await box.getByLabel(/Record the loads suggested/).check();
  await box.getByRole('button', { name: 'Add 3 sessions' }).click();
  await box.locator('#workouts-added').waitFor();
  const day = (await api(server.url, 'GET', '/api/v1/days/2026-11-04')).data;
  assert.deepEqual(day.sessions, [{ time: '17:45', minutes: 60, activity: 'tennis', load: ['rotation', 'arms_away'] }]);
  // The same file again adds nothing.
  await box.getByLabel('A workout file').setInputFiles(path.join(root, 'tests/workouts/activities.csv'));
  await box.getByRole('button', { name: 'Nothing new to add' }).waitFor();
  await box.locator('.feedback', { hasText: 'already there' }).waitFor();
  assert.match(await box.innerText(), /0 new, 0 to fill in, 3 already there/);
  assert.doesNotMatch(await page.locator('main').innerText(), /\bnull\b|undefined/);
  await axeCheck(page, 'history import');
  await page.screenshot({ path: path.join(SHOTS, 'history-import-390.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
});
