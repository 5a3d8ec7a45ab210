// The layout on every page: no horizontal scroll at 360 and 1280 px (320 and 390 are
// pages.test.mjs's), pages open at their top, axe-core finds nothing serious at 1280; charts
// put each morning on its own date in Los Angeles and Auckland; the page's JS and CSS stay
// under 100 KB gzipped.
import { after, before, test } from 'node:test';
import http from 'node:http';
import path from 'node:path';
import {
  SHOTS,
  api,
  assert,
  axeCheck,
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
  for (let n = 20; n >= 0; n -= 1) {
    await api(server.url, 'PUT', `/api/v1/days/${daysAgo(n)}/morning`, {
      pain: 3 + (n % 3),
      stiffness: 2,
    });
    if (n % 2 === 0)
      await api(server.url, 'POST', `/api/v1/days/${daysAgo(n)}/sessions`, {
        time: '18:00',
        minutes: 30,
        activity: 'a long activity name that might not fit a narrow screen',
        load: ['rotation'],
        during: { start: 3, end: 5 },
        hour_after: { pain: 4 },
      });
  }
  await api(server.url, 'PUT', `/api/v1/days/${daysAgo(1)}/note`, {
    note: 'averyveryverylongwordwithoutanyspacesthatcouldpushthelayoutwiderthanthescreen',
  });
});
after(async () => {
  await closeBrowser();
  server.close();
});

const PAGES = ['today', 'reading', 'history', 'share', 'settings', 'account'];

// 320 and 390 px, with every state of every page, are pages.test.mjs's.
test('no page scrolls sideways at 360 or 1280 px, and each opens at its top', async () => {
  for (const width of [360, 1280]) {
    const page = await newPage({ width });
    for (const name of PAGES) {
      await page.goto(`${server.url}/#${name}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(250);
      await noHorizontalScroll(page, `${name} at ${width}`);
      // A null or undefined written as text is a bug, never words for a person.
      assert.doesNotMatch(await page.locator('main').innerText(), /\bnull\b|\bundefined\b|NaN/, `${name}`);
      assert.equal(await page.evaluate(() => window.scrollY), 0, `${name} at ${width} opens at its top`);
      if (width === 1280) await axeCheck(page, `${name} at ${width}`);
      await page.screenshot({
        path: path.join(SHOTS, `${name}-${width}.png`),
        fullPage: true,
      });
    }
    assert.deepEqual(page.errors, [], `width ${width}`);
    await page.context().close();
  }
});

for (const zone of ['America/Los_Angeles', 'Pacific/Auckland']) {
  test(`the morning chart puts each morning on its own date in ${zone}`, async () => {
    const page = await newPage({ width: 390, timezoneId: zone });
    await page.goto(`${server.url}/#reading`);
    await page.locator('figure canvas').first().waitFor();
    const reading = (await api(server.url, 'GET', '/api/v1/reading')).data;
    const labels = await page.evaluate(() => {
      const u = document.querySelector('.chart').uplot;
      const axis = u.axes[0];
      return { xs: u.data[0], splits: axis._splits, values: axis._values };
    });
    // Every morning's point sits on a tick labelled with its own date.
    const fmt = (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString('en-US', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      });
    };
    const shown = await page.evaluate(() => navigator.language);
    assert.ok(shown, 'a locale');
    const byX = Object.fromEntries(labels.splits.map((s, i) => [s, labels.values[i]]));
    // Each morning's value sits at the x of its own date (the axis has every day, so that a
    // day without a morning is a gap).
    const pains = await page.evaluate(() => document.querySelector('.chart').uplot.data[1]);
    let checked = 0;
    reading.mornings.forEach((m) => {
      const [y, mo, d] = m.date.split('-').map(Number);
      const x = Date.UTC(y, mo - 1, d, 12) / 1000;
      const i = labels.xs.indexOf(x);
      assert.ok(i >= 0, `${m.date} has a place on the axis`);
      assert.equal(pains[i], m.pain, `${m.date}'s pain in ${zone}`);
      const label = byX[x];
      if (label === undefined) return; // no tick at this point (a tick a week on long spans)
      assert.equal(label, fmt(m.date), `${m.date} in ${zone}`);
      checked += 1;
    });
    assert.ok(checked >= 3, `checked ${checked} mornings`);
  });
}

function gzipSize(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        let n = 0;
        res.on('data', (c) => {
          n += c.length;
        });
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
}

test('the page weighs at most 100 KB of JS and CSS, gzipped', async () => {
  const sw = await (await fetch(`${server.url}/sw.js`)).text();
  const assets = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1].replace(/'/g, '"')).filter((a) =>
    /\.(js|css)$/.test(a),
  );
  let total = 0;
  for (const a of assets) total += await gzipSize(`${server.url}${a}`);
  console.log(`page weight: ${(total / 1024).toFixed(1)} KB of JS and CSS, gzipped, in ${assets.length} files`);
  assert.ok(total <= 100 * 1024, `${total} bytes`);
});
