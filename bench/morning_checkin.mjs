// The morning check-in on a phone, from a cold page load to "saved": how many taps, how long.
// Prints figures (the goal: at most 3 taps and 1.5 s); a benchmark, not a test.
// usage: node bench/morning_checkin.mjs BINARY [RUNS]
import path from 'node:path';
import { performance } from 'node:perf_hooks';

if (process.argv[2]) process.env.BACKSIGNAL_BIN = path.resolve(process.argv[2]);
const { api, closeBrowser, launch, newPage, screened, startServer } = await import('../tests/browser/helpers.mjs');

const runs = Number(process.argv[3] || 5);
await launch();
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
  taps = 0;
  const start = performance.now();
  await page.goto(`${server.url}/`);
  const morning = page.locator('section.card').filter({ has: page.locator('h3', { hasText: 'On waking' }) }).first();
  await morning.locator('fieldset.scale-set').first().locator('label', { hasText: /^4$/ }).tap();
  taps += 1;
  await morning.getByRole('button', { name: 'Save morning' }).tap();
  taps += 1;
  await page.locator('[data-queued]', { hasText: 'Saved.' }).first().waitFor();
  times.push(performance.now() - start);
  await page.context().close();
  server.close();
}
await closeBrowser();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`== morning check-in on a 390x844 touch phone, cold page load to "saved": ${taps} taps, median ${(median / 1000).toFixed(2)} s, slowest ${(times[times.length - 1] / 1000).toFixed(2)} s over ${runs} runs (goal: <= 3 taps, <= 1.5 s)`);
