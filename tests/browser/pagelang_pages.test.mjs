// Issue 23, the page's own words, continued from pagelang.test.mjs: in the pseudo-locale (qps, a
// server started with BACKSIGNAL_TEST_LOCALES=1) the Reading page with a verdict (its charts'
// captions, legends, axes and tables too), Reminders with a device, Report & data with a
// calendar link, and a clinician's People list and read-only view of a person show no plain
// English, in their text nor in their aria-labels. In German at 320 px none of them scrolls
// sideways or clips a control.
import { createECDH, randomBytes } from 'node:crypto';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  SHOTS,
  assert,
  clipped,
  closeBrowser,
  english,
  launch,
  newPage,
  noHorizontalScroll,
  pageApi,
  scenarioDiary,
  screenedPage,
  signUpApi,
  startServer,
  testLocaleServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

// A device registered for reminders (a made-up endpoint and key: nothing is sent in the test).
function device() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://push.example.com/send/${randomBytes(8).toString('hex')}`,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    device: 'Chrome on Linux',
  };
}

// sam, signed up and screened, with a diary whose reading has a verdict, alerts, an activity
// setting it off and both charts, a device for reminders, a wake time; and a clinician, dr.rao,
// with whom sam shares. Answers the clinician's page and sam's person id.
async function setUp(server, page, { lang }) {
  await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
  await signUpApi(page, server.url, 'sam', { code: server.code });
  await screenedPage(page);
  const call = pageApi(page);
  const imported = await call('POST', '/api/v1/diary/import', scenarioDiary('one_activity_sets_it_off'));
  assert.equal(imported.status, 200, JSON.stringify(imported.data));
  assert.equal((await call('PUT', '/api/v1/profile', { time_zone: 'UTC', wake_time: '07:00' })).status, 200);
  const d = await call('POST', '/api/v1/reminders/devices', device());
  assert.ok(d.status < 300, JSON.stringify(d.data));
  const invite = (await call('POST', '/api/v1/shares/invites')).data;
  const clin = await newPage({ width: 320 });
  await clin.setExtraHTTPHeaders({ 'Accept-Language': lang });
  await signUpApi(clin, server.url, 'dr.rao', { role: 'clinician' });
  const redeemed = await pageApi(clin)('POST', '/api/v1/clinician/redeem', { code: invite.code });
  assert.equal(redeemed.status, 200, JSON.stringify(redeemed.data));
  return { clin, person: redeemed.data.person };
}

// Opens every chart's table, so that its headings and cells are visible text.
async function openTables(page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('main figure details')) d.open = true;
  });
}

test('Reading, Reminders, Report & data and People in the pseudo-locale: no English', async () => {
  const server = await testLocaleServer({ accounts: true });
  try {
    const page = await newPage({ width: 320 });
    const { clin, person } = await setUp(server, page, { lang: 'qps' });

    await page.goto(`${server.url}/#reading`);
    await page.locator('#verdict').waitFor();
    await page.locator('main figure .chart canvas').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'qps');
    assert.ok(await page.locator('#activities li').count(), 'an activity on its own');
    await openTables(page);
    assert.deepEqual(await english(page), [], 'the Reading page');
    await page.screenshot({ path: path.join(SHOTS, 'qps-reading-320.png'), fullPage: true });

    await page.goto(`${server.url}/#reminders`);
    await page.locator('#push-devices li').waitFor();
    assert.deepEqual(await english(page), [], 'Reminders');

    await page.goto(`${server.url}/#share`);
    await page.locator('#feed-publish').waitFor();
    assert.deepEqual(await english(page), [], 'Report & data');
    await page.click('#feed-publish');
    await page.locator('#feed-url').waitFor();
    assert.deepEqual(await english(page), [], 'Report & data with a calendar link');
    await page.context().close();

    await clin.goto(`${server.url}/#people`);
    await clin.locator('#people-list .person').waitFor();
    assert.deepEqual(await english(clin), [], 'People');
    await clin.goto(`${server.url}/#person=${person}`);
    await clin.locator('#verdict').waitFor();
    await clin.locator('main figure .chart canvas').first().waitFor();
    await openTables(clin);
    assert.deepEqual(await english(clin), [], "a clinician's view of a person's reading");
    await clin.context().close();
  } finally {
    server.close();
  }
});

test('in German at 320 px: Reading, Reminders, Report & data and People fit', async () => {
  const server = await startServer({ accounts: true });
  try {
    const page = await newPage({ width: 320 });
    const { clin, person } = await setUp(server, page, { lang: 'de-DE,de;q=0.9' });
    const fits = async (p, name) => {
      await noHorizontalScroll(p, `${name} in German at 320 px`);
      assert.deepEqual(await clipped(p), [], `${name}: a control clipped in German at 320 px`);
    };
    for (const [hash, title, ready] of [
      ['reading', 'Auswertung', 'main figure .chart canvas'],
      ['reminders', 'Erinnerungen', '#push-devices li'],
      ['share', 'Bericht & Daten', '#feed-publish'],
    ]) {
      await page.goto(`${server.url}/#${hash}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator(ready).first().waitFor();
      await openTables(page);
      await fits(page, hash);
      await page.screenshot({ path: path.join(SHOTS, `de-${hash}-320.png`), fullPage: true });
    }
    await page.click('#feed-publish');
    await page.locator('#feed-url').waitFor();
    await fits(page, 'share with a calendar link');
    await page.context().close();

    await clin.goto(`${server.url}/#people`);
    await clin.getByRole('heading', { level: 1, name: 'Personen' }).waitFor();
    await clin.locator('#people-list .person').waitFor();
    await fits(clin, 'people');
    await clin.screenshot({ path: path.join(SHOTS, 'de-people-320.png'), fullPage: true });
    await clin.goto(`${server.url}/#person=${person}`);
    await clin.locator('main figure .chart canvas').first().waitFor();
    await openTables(clin);
    await fits(clin, "a clinician's view");
    await clin.context().close();
  } finally {
    server.close();
  }
});
