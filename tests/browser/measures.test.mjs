// The weekly questions and flares on a 320 px phone (docs/measures.md): the PEG and PSFS card on
// Today when due, answered with the activities suggested, then gone until next week; a flare at
// any time, sharp, with its words; late answers for a past week from History; no horizontal
// scroll, axe clean, no small targets.
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
  outboxEmpty,
  pick,
  screened,
  smallTargets,
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

test('the weekly questions are due on Today, answered at 320 px, and then not due', async () => {
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#today`);
  const weekly = card(page, 'Weekly questions for');
  await weekly.waitFor();
  assert.match(await weekly.innerText(), /Due today/);
  // Folded while not begun: Today stays short; one tap opens the questions.
  assert.equal(await weekly.getByRole('button', { name: 'Save weekly answers' }).count(), 0);
  await weekly.getByRole('button', { name: 'Answer the weekly questions' }).click();
  await pick(weekly, 'What number best describes your pain on average?', 5);
  await pick(weekly, 'How much has pain interfered with your enjoyment of life?', 4);
  await pick(weekly, 'How much has pain interfered with your general activity?', 6);
  // A suggested activity, tapped among the suggestions on view, and one in the person's own words.
  const suggestions = weekly.getByRole('group', { name: /^Suggestions for the mid back/ });
  assert.equal(await suggestions.getByRole('button').count(), 6);
  await suggestions.getByRole('button', { name: 'reaching overhead' }).click();
  assert.equal(
    await suggestions.getByRole('button', { name: 'reaching overhead' }).getAttribute('aria-pressed'),
    'true',
  );
  await pick(weekly, 'reaching overhead', 3);
  await weekly.getByLabel('Add an activity').fill('hanging out washing');
  await weekly.getByRole('button', { name: 'Add', exact: true }).click();
  await pick(weekly, 'hanging out washing', 5);
  await noHorizontalScroll(page, 'weekly card at 320');
  await weekly.screenshot({ path: path.join(SHOTS, 'weekly-card-320.png') });
  assert.deepEqual(await smallTargets(page), []);
  await axeCheck(page, 'weekly card');
  await weekly.getByRole('button', { name: 'Save weekly answers' }).click();
  await page
    .locator('section.card.done h3', { hasText: /^Weekly questions: (saved|done)$/ })
    .first()
    .waitFor();
  await outboxEmpty(page);
  const view = (await api(server.url, 'GET', '/api/v1/measures')).data;
  assert.equal(view.due_since, null);
  assert.deepEqual(view.weekly[0].peg, { pain: 5, enjoyment: 4, activity: 6 });
  assert.deepEqual(view.weekly[0].psfs, [
    { activity: 'reaching overhead', score: 3 },
    { activity: 'hanging out washing', score: 5 },
  ]);
  await page.reload();
  await page.locator('h1', { hasText: 'Today' }).waitFor();
  await page.getByRole('button', { name: 'Pain now? Record a flare' }).waitFor();
  assert.equal(await card(page, 'Weekly questions for').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a flare at any time, sharp, is saved with its words and counted beside the day', async () => {
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#today`);
  await page.getByRole('button', { name: 'Pain now? Record a flare' }).click();
  const flare = card(page, 'A flare of pain');
  await pick(flare, 'Pain now', 7);
  await flare.getByRole('button', { name: 'Sharp or catching' }).click();
  await flare.getByLabel('When').fill('14:20');
  await flare.getByLabel('What happened (optional)').fill('lifting the kettle');
  await noHorizontalScroll(page, 'flare form at 320');
  await axeCheck(page, 'flare form');
  await flare.getByRole('button', { name: 'Save flare' }).click();
  // Today shows it among what is done today, in the same words (at once, from the phone's own
  // copy while it is sent).
  await page
    .locator('section.card.done', {
      hasText: 'Flare at 14:20: pain 7, sharp or catching',
    })
    .waitFor();
  // Once sent, the server holds it (asked until it does, for up to 10 s: the outbox may be
  // between taking the flare and sending it when it is first looked at).
  await outboxEmpty(page);
  let view = (await api(server.url, 'GET', '/api/v1/measures')).data;
  for (let i = 0; i < 50 && view.flares.length === 0; i += 1) {
    await new Promise((r) => setTimeout(r, 200));
    view = (await api(server.url, 'GET', '/api/v1/measures')).data;
  }
  assert.deepEqual(view.flares, [
    {
      date: daysAgo(0),
      time: '14:20',
      pain: 7,
      sharp: true,
      note: 'lifting the kettle',
    },
  ]);
  // Never a morning: the day holds no morning.
  const day = await api(server.url, 'GET', `/api/v1/days/${daysAgo(0)}`);
  assert.ok(day.status === 404 || !day.data.morning);
  await page.screenshot({
    path: path.join(SHOTS, 'today-flare-320.png'),
    fullPage: true,
  });
  assert.deepEqual(page.errors, []);
});

test('a past week is answered late from History', async () => {
  const page = await newPage({ width: 320 });
  await page.goto(`${server.url}/#history`);
  await page.getByLabel('A date').fill(daysAgo(14));
  await page.getByRole('button', { name: 'Open the day' }).click();
  const weekly = card(page, 'Weekly questions for');
  await weekly.waitFor();
  // The activities of the last answers are offered again.
  assert.match(await weekly.innerText(), /reaching overhead/);
  await pick(weekly, 'reaching overhead', 2);
  await pick(weekly, 'hanging out washing', 4);
  await weekly.getByRole('button', { name: 'Save weekly answers' }).click();
  await page
    .locator('section.card.done h3', { hasText: /^Weekly questions: (saved|done)$/ })
    .first()
    .waitFor();
  await outboxEmpty(page);
  const view = (await api(server.url, 'GET', '/api/v1/measures')).data;
  const late = view.weekly.find((w) => w.date === daysAgo(14));
  assert.deepEqual(late.psfs, [
    { activity: 'reaching overhead', score: 2 },
    { activity: 'hanging out washing', score: 4 },
  ]);
  await noHorizontalScroll(page, 'history weekly at 320');
  await axeCheck(page, 'history weekly');
  assert.deepEqual(page.errors, []);
});
