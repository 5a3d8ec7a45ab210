// Issue 23, the page's own words: in the pseudo-locale (qps, a server started with
// BACKSIGNAL_TEST_LOCALES=1) the converted parts of the page show no plain English: the safety
// screen, the navigation, sign-in, Today's headings and the weekly card, Account, Settings and
// History's headings. Reminders, Report & data, People, the Reading page and the check-in cards
// are not converted yet (docs/languages.md). In German the same pages fit 320 px with no sideways
// scroll, and <html lang> follows the language.
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  SHOTS,
  api,
  assert,
  closeBrowser,
  launch,
  newPage,
  noHorizontalScroll,
  screened,
  screenedPage,
  signUpApi,
  startServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

// A server that can speak the pseudo-locale (tests only).
async function testLocaleServer(opts = {}) {
  process.env.BACKSIGNAL_TEST_LOCALES = '1';
  try {
    return await startServer(opts);
  } finally {
    delete process.env.BACKSIGNAL_TEST_LOCALES;
  }
}

// Words a page may show in any language: the name, the person's own, the language names, and
// the dates the test locale writes as the browser does (en-US).
const ALLOWED = new Set([
  'backsignal',
  'sam',
  'English',
  'Deutsch',
  'Español',
  ...'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun'.split(' '),
  ...'January February March April May June July August September October November December'.split(' '),
  ...'Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec AM PM'.split(' '),
]);

// The English words left in `selector`'s visible text once every pseudo-locale piece ("[Ŝéš
// ~~]", nested ones too) is taken out.
async function english(page, selector) {
  const texts = await page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)]
        .filter((el) => el.offsetParent !== null || el.tagName === 'BODY')
        .map((el) => el.innerText),
    selector,
  );
  const left = [];
  for (let t of texts) {
    while (/\[[^[\]]*\]/.test(t)) t = t.replace(/\[[^[\]]*\]/g, ' ');
    for (const w of t.match(/\p{L}[\p{L}'’]+/gu) || []) if (!ALLOWED.has(w)) left.push(w);
  }
  return [...new Set(left)];
}

async function pseudoPage(width = 390) {
  const page = await newPage({ width });
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'qps' });
  return page;
}

test('the safety screen and the footer in the pseudo-locale: no English', async () => {
  const server = await testLocaleServer();
  try {
    const page = await pseudoPage(320);
    await page.goto(`${server.url}/`);
    await page.locator('#safety-screen h1').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'qps');
    assert.deepEqual(await english(page, '#safety-screen'), [], 'the safety screen');
    assert.deepEqual(await english(page, 'footer, .skip'), [], 'the footer');
    // A yes at emergency level: the urgent box and its buttons.
    const first = page.locator('#safety-screen fieldset').first();
    await first.locator('label').first().click();
    assert.deepEqual(await english(page, '#safety-screen'), [], 'the safety screen with a yes');
    await page.screenshot({ path: path.join(SHOTS, 'qps-safety-320.png'), fullPage: true });
    await page.context().close();
  } finally {
    server.close();
  }
});

test('the navigation, Today, Settings and History in the pseudo-locale: no English', async () => {
  const server = await testLocaleServer();
  try {
    await screened(server.url);
    const page = await pseudoPage(320);
    await page.goto(`${server.url}/#today`);
    await page.locator('#today-title').waitFor();
    assert.deepEqual(await english(page, '#tabs'), [], 'the navigation');
    // The weekly questions' heading is the server's (words/measures.cc, not yet in the catalogue).
    assert.deepEqual(await english(page, 'main h1, main h2:not(#weekly-due-h), #welcome'), [], "Today's headings");
    if (await page.locator('#weekly-due').count())
      assert.deepEqual(
        await english(page, '#weekly-due section.card > h3, #weekly-due .hint, #weekly-due button'),
        [],
        'the weekly card',
      );
    assert.match(await page.title(), /^\[/);
    await page.goto(`${server.url}/#settings`);
    await page.locator('#settings-title').waitFor();
    assert.deepEqual(
      await english(page, 'main h1, main .lede, main > p, main .hint, main button, main summary'),
      [],
      'Settings (the thresholds own meanings come from the server)',
    );
    await page.goto(`${server.url}/#history`);
    await page.locator('#history-title').waitFor();
    assert.deepEqual(await english(page, 'main h1, main h2, #add-entry'), [], "History's headings");
    await page.context().close();
  } finally {
    server.close();
  }
});

test('sign-in and the Account page in the pseudo-locale, from the browser language before sign-in', async () => {
  const server = await testLocaleServer({ accounts: true });
  try {
    const page = await pseudoPage(320);
    await page.goto(`${server.url}/#signup=${server.code}`);
    await page.locator('#signin-title').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'qps');
    assert.deepEqual(await english(page, 'main'), [], 'sign-up');
    await signUpApi(page, server.url, 'sam', { code: server.code });
    await screenedPage(page);
    await page.goto(`${server.url}/#account`);
    await page.locator('#account-title').waitFor();
    assert.deepEqual(await english(page, 'main'), [], 'the Account page');
    await page.context().close();
  } finally {
    server.close();
  }
});

test('in German at 320 px: sign-in, Today, Account, Settings and History fit, in German', async () => {
  const server = await startServer({ accounts: true });
  try {
    const page = await newPage({ width: 320 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9' });
    await page.goto(`${server.url}/#signup=${server.code}`);
    await page.getByRole('heading', { name: 'Willkommen bei backsignal' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await noHorizontalScroll(page, 'sign-up in German');
    await signUpApi(page, server.url, 'sam', { code: server.code });
    await page.locator('#safety-screen').waitFor();
    assert.match(await page.locator('#safety-submit').innerText(), /Nichts davon trifft auf mich zu/);
    await noHorizontalScroll(page, 'the safety screen in German');
    await screenedPage(page);
    for (const [hash, title] of [
      ['today', 'Heute'],
      ['account', 'Konto'],
      ['settings', 'Einstellungen'],
      ['history', 'Verlauf'],
    ]) {
      await page.goto(`${server.url}/#${hash}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.match(await page.locator('#tabs').innerText(), /Heute[\s\S]*Auswertung[\s\S]*Verlauf/);
      await noHorizontalScroll(page, `${hash} in German at 320 px`);
      await page.screenshot({ path: path.join(SHOTS, `de-${hash}-320.png`), fullPage: true });
    }
    // The account's own choice: English, and the page follows it at once.
    await page.goto(`${server.url}/#account`);
    await page.locator('#language-choice').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.language, 'en');
    await page.context().close();
  } finally {
    server.close();
  }
});

test('/api/v1/me names the language: Accept-Language before sign-in', async () => {
  const server = await startServer({ accounts: true });
  try {
    const r = await api(server.url, 'GET', '/api/v1/me', undefined, { 'Accept-Language': 'es-ES,es;q=0.9' });
    assert.equal(r.data.language, 'es');
  } finally {
    server.close();
  }
});
