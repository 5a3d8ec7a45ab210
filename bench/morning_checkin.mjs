// The morning check-in on a phone, from a cold page load to "saved": how many taps, how long.
// And a first run, from the one-time sign-up link to the first morning saved (the account, the
// safety questions, the morning): how many taps, how long. Prints figures (the goals: at most 3
// taps and 1.5 s for the morning; at most 6 taps for a first run); a benchmark, not a test.
// usage: node bench/morning_checkin.mjs BINARY [RUNS]
import path from 'node:path';
import { performance } from 'node:perf_hooks';

if (process.argv[2]) process.env.BACKSIGNAL_BIN = path.resolve(process.argv[2]);
const { api, closeBrowser, launch, newPage, screened, startServer } = await import('../tests/browser/helpers.mjs');

const runs = Number(process.argv[3] || 5);
await launch();

// Taps (pointer presses) on the page, counted from its first load.
async function tapCounter(page) {
  await page.context().addInitScript(() => {
    window.taps = 0;
    document.addEventListener('pointerdown', () => (window.taps += 1), true);
  });
  return () => page.evaluate(() => window.taps);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const slowest = (xs) => Math.max(...xs);

const times = [];
let taps = 0;
for (let i = 0; i < runs; i += 1) {
  const server = await startServer();
  await screened(server.url);
  // A diary in use: yesterday's morning and session, so Today has its real checklist.
  const y = new Date(Date.now() - 86400000);
  const yesterday = `${y.getFullYear()}-${String(y.getMonth() + 1).padStart(2, '0')}-${String(y.getDate()).padStart(2, '0')}`;
  await api(server.url, 'PUT', `/api/v1/days/${yesterday}/morning`, { pain: 3 });
  await api(server.url, 'POST', `/api/v1/days/${yesterday}/sessions`, { time: '18:00', minutes: 30 });
  const page = await newPage({ width: 390, height: 844 }); // a new context: nothing cached
  const counted = await tapCounter(page);
  const start = performance.now();
  await page.goto(`${server.url}/`);
  const morning = page.locator('section.card').filter({ has: page.locator('h3', { hasText: 'On waking' }) }).first();
  await morning.locator('fieldset.scale-set').first().locator('label', { hasText: /^4$/ }).tap();
  await morning.getByRole('button', { name: 'Save morning' }).tap();
  await page.locator('[data-queued]', { hasText: 'Saved.' }).first().waitFor();
  times.push(performance.now() - start);
  taps = await counted();
  await page.context().close();
  server.close();
}
console.log(
  `== morning check-in on a 390x844 touch phone, cold page load to "saved": ${taps} taps, median ${(median(times) / 1000).toFixed(2)} s, slowest ${(slowest(times) / 1000).toFixed(2)} s over ${runs} runs (goal: <= 3 taps, <= 1.5 s)`,
);

// A first run: the one-time link, the account, the safety questions, the first morning.
const firstTimes = [];
let firstTaps = 0;
for (let i = 0; i < runs; i += 1) {
  const server = await startServer({ accounts: true });
  const page = await newPage({ width: 390, height: 844 });
  const counted = await tapCounter(page);
  const start = performance.now();
  await page.goto(`${server.url}/#signup=${server.code}`);
  await page.getByLabel('Username').tap();
  await page.keyboard.type('sam');
  await page.getByLabel('Password (at least 10 characters)').tap();
  await page.keyboard.type('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).tap();
  await page.locator('#safety-submit').tap();
  const morning = page.locator('section.card').filter({ has: page.locator('h3', { hasText: 'On waking' }) }).first();
  await morning.locator('fieldset.scale-set').first().locator('label', { hasText: /^4$/ }).tap();
  await morning.getByRole('button', { name: 'Save morning' }).tap();
  await page.locator('[data-queued]', { hasText: 'Saved.' }).first().waitFor();
  firstTimes.push(performance.now() - start);
  firstTaps = await counted();
  await page.context().close();
  server.close();
}
console.log(
  `== first run on a 390x844 touch phone, sign-up link to the first morning saved (account, safety questions, morning): ${firstTaps} taps (2 of them into the two fields typed), median ${(median(firstTimes) / 1000).toFixed(2)} s with typing, slowest ${(slowest(firstTimes) / 1000).toFixed(2)} s over ${runs} runs (goal: <= 6 taps)`,
);
await closeBrowser();
