// Report & data: the clinician's report opens from the page and two weeks print on one A4 (and
// one Letter) page; downloads hold the diary; reminders start in the phone's own zone and say
// so; the calendar link can be published, renewed and revoked.
import { after, before, test } from 'node:test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  SHOTS,
  api,
  assert,
  axeCheck,
  closeBrowser,
  launch,
  newPage,
  root,
  screened,
  startServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('the report opens from the page, and two weeks print on one page', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    const diary = readFileSync(path.join(root, 'tests/scenarios/stirring_up_mornings/diary.json'), 'utf8');
    assert.equal(
      (
        await fetch(`${server.url}/api/v1/diary`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: diary,
        })
      ).status,
      200,
    );
    const page = await newPage({ width: 1280 });
    await page.goto(`${server.url}/#share`);
    await page.locator('#report-card').waitFor();
    await axeCheck(page, 'report and data');
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('#open-report').click()]);
    await report.waitForLoadState();
    assert.match(await report.locator('h1').innerText(), /2-week report/);
    assert.match(await report.locator('.verdict h2').innerText(), /stirring things up/);
    assert.match(await report.locator('section.safety').innerText(), /Red-flag screen answered on/);
    assert.equal(await report.locator('svg.chart.wide').count(), 2);
    assert.equal(await report.locator('script').count(), 0);
    await report.setViewportSize({ width: 794, height: 1123 });
    await report.emulateMedia({ media: 'print' });
    await report.screenshot({
      path: path.join(SHOTS, 'report-print.png'),
      fullPage: true,
    });
    const a4 = await report.pdf({ format: 'A4' });
    assert.equal(pdfPages(a4), 1, 'two weeks fit one A4 page');
    assert.equal(pdfPages(await report.pdf({ format: 'Letter' })), 1, 'and one Letter page');
    writeFileSync(path.join(SHOTS, 'report-a4.pdf'), a4);
    // On a phone (issue 20 #8) the report fits the screen and reads there: the charts are drawn
    // phone-wide (their labels at least 11 px tall), the sessions table reads as cards with
    // nothing to scroll sideways, and dates are in the app's style ("Sat 5 Dec").
    for (const w of [320, 390]) {
      const phone = await newPage({ width: w, timezoneId: w === 320 ? 'Asia/Tokyo' : 'America/Los_Angeles' });
      await phone.goto(`${server.url}/report?weeks=2`);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= w, `the report is ${width} px wide on a ${w} px phone`);
      const charts = await phone.evaluate(() =>
        [...document.querySelectorAll('svg.chart')]
          .filter((s) => s.getBoundingClientRect().width > 0)
          .map((s) => ({
            cls: s.getAttribute('class'),
            tick: Math.min(...[...s.querySelectorAll('.tick')].map((t) => t.getBoundingClientRect().height)),
          })),
      );
      assert.deepEqual(
        charts.map((c) => c.cls),
        ['chart narrow', 'chart narrow'],
        'the phone-wide charts are the ones shown',
      );
      for (const c of charts) assert.ok(c.tick >= 11, `chart labels are ${c.tick.toFixed(1)} px tall at ${w}`);
      const table = await phone.evaluate(() => {
        const wrap = document.querySelector('.tablewrap');
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
      });
      assert.ok(table.scroll <= table.client, `the sessions table scrolls sideways at ${w}: ${JSON.stringify(table)}`);
      const text = await phone.locator('body').innerText();
      assert.doesNotMatch(
        text,
        /\b\d{4}-\d{2}-\d{2}\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{4}\b/,
      );
      assert.match(text, /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
      await phone.screenshot({ path: path.join(SHOTS, `report-${w}.png`), fullPage: true });
      await phone.context().close();
    }
  } finally {
    server.close();
  }
});

test('downloads hold the diary; reminders start in the phone’s zone; the calendar link is published, renewed and revoked', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    await api(server.url, 'POST', '/api/v1/days/2026-11-20/sessions', {
      time: '18:00',
      minutes: 30,
    });
    const page = await newPage({ width: 390, timezoneId: 'Europe/Madrid' });
    await page.goto(`${server.url}/#share`);
    await page.locator('#downloads').waitFor();
    // The profile took the phone's zone at the first visit, and the page says so.
    assert.equal((await api(server.url, 'GET', '/api/v1/profile')).data.time_zone, 'Europe/Madrid');
    assert.match(await page.locator('#reminders').innerText(), /Reminders use Europe\/Madrid/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="csv"]').click()]);
    assert.match(csv.suggestedFilename(), /^backsignal-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.equal(
      readFileSync(await csv.path(), 'utf8'),
      await (await fetch(`${server.url}/api/v1/export?format=csv`)).text(),
    );
    await page.getByLabel('Morning check-in reminder at').fill('06:40');
    await page.getByRole('button', { name: 'Save reminder times' }).click();
    await page
      .locator('.feedback.ok', {
        hasText: 'Saved: reminders at 06:40, Europe/Madrid time.',
      })
      .waitFor();
    await page.locator('#feed-publish').click();
    const url = await page.locator('#feed-url').inputValue();
    assert.match(url, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /DTSTART;TZID=Europe\/Madrid:\d{8}T064000/);
    await axeCheck(page, 'calendar link');
    await page.locator('#feed-publish').click();
    await page.waitForFunction(
      (old) => document.querySelector('#feed-url') && document.querySelector('#feed-url').value !== old,
      url,
    );
    const renewed = await page.locator('#feed-url').inputValue();
    assert.equal((await fetch(url)).status, 404);
    assert.equal((await fetch(renewed)).status, 200);
    await page.locator('#feed-revoke').click();
    await page.locator('#feed-status').waitFor();
    assert.equal((await fetch(renewed)).status, 404);
    assert.deepEqual(page.errors, []);
  } finally {
    server.close();
  }
});
