// Issue 23, the page's own words: in the pseudo-locale (qps, a server started with
// BACKSIGNAL_TEST_LOCALES=1) the converted parts of the page show no plain English: the safety
// screen, the navigation, sign-in, Today's headings, the weekly card and the check-in cards
// (morning, the rest of the day, a session, its hour after, a note, and what a saved card says
// back), Account, Settings and History's headings (the other pages and states:
// pagelang_pages.test.mjs, pagelang_states.test.mjs). In German the same pages, and Today
// with every check-in card open, fit 320 px with no sideways scroll; the cards' number fields
// take a decimal comma; <html lang> follows the language.
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  SHOTS,
  api,
  assert,
  closeBrowser,
  english,
  eventually,
  isoDate,
  launch,
  newPage,
  noHorizontalScroll,
  pickNth,
  screened,
  screenedPage,
  signUpApi,
  startServer,
  testLocaleServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

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
    await page.screenshot({
      path: path.join(SHOTS, 'qps-safety-320.png'),
      fullPage: true,
    });
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

// Waits for `selector` to be on screen, then finds no English in it.
async function noEnglish(page, selector, known, what) {
  await page.locator(selector).first().waitFor();
  assert.deepEqual(await english(page, selector, known), [], what);
}

test('the check-in cards in the pseudo-locale: no English, and what a saved card says back', async () => {
  const server = await testLocaleServer();
  try {
    await screened(server.url);
    // The diary fields' own words come from the server in the page's language too.
    const known = [];
    const date = isoDate(new Date());
    const page = await pseudoPage(320);
    // The check-ins stay on the phone (their writes do not reach the server), so that the saved
    // cards say back what was entered in the page's own words (cards/said.js), not the server's.
    await page.route('**/api/v1/days/**', (route) =>
      route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected'),
    );
    await page.goto(`${server.url}/#today`);
    const check = (selector, what) => noEnglish(page, selector, known, what);

    // The morning, open and then saved.
    const morning = page.locator(`#morning-${date}`);
    await check(`#morning-${date}`, 'the morning card');
    await pickNth(morning, 0, 5);
    await pickNth(morning, 1, 3);
    await morning.locator('button[type=submit]').click();
    await page.locator(`#morning-${date}.done [data-queued]`).waitFor();
    await check(`#morning-${date}`, 'the saved morning');

    // The rest of the day: refused empty (the list of what it takes), then saved.
    const context = page.locator(`#context-${date}`);
    await check(`#context-${date}`, 'the rest of the day');
    await context.locator('button[type=submit]').click();
    await context.locator('.feedback.error').waitFor();
    await check(`#context-${date}`, 'the rest of the day, refused empty');
    await context.locator('[data-field="sitting_hours"] input').fill('25');
    await context.locator('button[type=submit]').click();
    await context.locator('.feedback.error', { hasText: '25' }).waitFor();
    await check(`#context-${date}`, 'the rest of the day, a number out of bounds');
    await context.locator('[data-field="sitting_hours"] input').fill('7.5');
    await pickNth(context, 0, 7);
    await context.locator('.toggles button[aria-pressed]').first().click();
    await context.locator('button[type=submit]').click();
    await page.locator(`#context-${date}.done [data-queued]`).waitFor();
    await check(`#context-${date}`, 'the saved rest of the day');

    // A session: its form with the modify-or-stop advice, a refused number, then saved.
    await page.locator('button.add-session').click();
    const form = page.locator('section.card:has(input[type=time])');
    await form.waitFor();
    await form.locator('fieldset:has(.advice-slot) button[aria-pressed]').click();
    await form.locator('.advice').waitFor();
    await check('section.card:has(input[type=time])', 'the session form');
    await form.locator('input[inputmode=numeric]').fill('x');
    await form.locator('button[type=submit]').click();
    await form.locator('.feedback.error').waitFor();
    await check('section.card:has(input[type=time])', 'the session form, a refused number');
    await form.locator('input[inputmode=numeric]').fill('30');
    await pickNth(form, 0, 2);
    await pickNth(form, 1, 5);
    await form.locator('button[type=submit]').click();
    await page.locator(`#session-${date}-1 [data-queued]`).waitFor();
    await check(`#session-${date}-1`, 'the saved session (its lines, the next step, the advice)');
    await check('button.add-session', 'the button for another session');

    // Its hour after: not yet due (folded), opened, saved early (the question first).
    const hourAfter = page.locator(`#after-${date}-1`);
    await check(`#after-${date}-1`, 'the hour after, not yet due');
    await hourAfter.locator('button:not(.link)').click();
    await hourAfter.locator('form').waitFor();
    await check(`#after-${date}-1`, 'the hour-after form');
    await pickNth(hourAfter, 0, 4);
    await hourAfter.locator('button[type=submit]').click();
    await page.locator('#confirm[open]').waitFor();
    await check('#confirm', 'saving the hour after early');
    await page.locator('#confirm [data-answer="yes"]').click();
    await page.locator(`#after-${date}-1.done [data-queued]`).waitFor();
    await check(`#after-${date}-1`, 'the saved hour after');

    // A note: the button, the form, and the saved note (pinned).
    await check('#later-today button.wide-button', 'the note button');
    await page.locator('#later-today button.wide-button').click();
    const note = page.locator(`#note-${date}`);
    await check(`#note-${date}`, 'the note form');
    await note.locator('textarea').fill('1 2 3');
    await note.locator('.toggles button').click();
    await note.locator('button[type=submit]').click();
    await page.locator(`#note-${date}.done [data-queued]`).waitFor();
    await check(`#note-${date}`, 'the saved note');
    await page.screenshot({
      path: path.join(SHOTS, 'qps-checkins-320.png'),
      fullPage: true,
    });
    await page.context().close();
  } finally {
    server.close();
  }
});

test('in German at 320 px: Today with every check-in card open fits; the number fields take a decimal comma', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    const date = isoDate(new Date());
    const page = await newPage({ width: 320 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9' });
    await page.goto(`${server.url}/#today`);
    await page.getByRole('heading', { level: 1, name: 'Heute' }).waitFor();
    const context = page.locator(`#context-${date}`);
    await context.waitFor();
    // A session saved, its hour after opened; another session's form, the note's form.
    await page.getByRole('button', { name: 'Ich habe trainiert: Einheit hinzufügen' }).click();
    let form = page.locator('section.card:has(input[type=time])');
    await form.locator('input[inputmode=numeric]').fill('30');
    await form.locator('fieldset:has(.advice-slot) button[aria-pressed]').click();
    await form.getByRole('button', { name: 'Einheit speichern' }).click();
    await page.locator(`#session-${date}-1`).waitFor();
    await page.locator(`#after-${date}-1`).getByRole('button', { name: 'Jetzt ausfüllen' }).click();
    await page.locator(`#after-${date}-1 form`).waitFor();
    await page.getByRole('button', { name: 'Weitere Einheit hinzufügen' }).click();
    form = page.locator('section.card:has(input[type=time])');
    await form.locator('fieldset:has(.advice-slot) button[aria-pressed]').click();
    await form.locator('.advice').waitFor();
    await page.getByRole('button', { name: 'Notiz zum Tag hinzufügen' }).click();
    await page.locator(`#note-${date} form`).waitFor();
    // The rest of the day with a decimal comma: hours of sitting, and a night over ten hours.
    await context.locator('[data-field="sitting_hours"] input').fill('7,5');
    await context.locator('p.row button.link').click();
    await context.locator('p.row + * input').fill('11,5');
    assert.match(await page.locator(`#morning-${date} h3`).innerText(), /^Nach dem Aufwachen/);
    assert.match(await page.locator(`#after-${date}-1 h3`).innerText(), /^Eine Stunde nach Einheit 1/);
    await noHorizontalScroll(page, 'Today with every check-in card open, in German at 320 px');
    await page.screenshot({
      path: path.join(SHOTS, 'de-checkins-320.png'),
      fullPage: true,
    });
    await context.getByRole('button', { name: 'Tag speichern' }).click();
    await page.locator(`#context-${date}.done`).waitFor();
    await noHorizontalScroll(page, 'Today with the cards saved, in German at 320 px');

    const day = await eventually(
      async () => {
        const d = (await api(server.url, 'GET', `/api/v1/days/${date}`)).data;
        return d.context ? d : null;
      },
      { what: 'the context on the server' },
    );
    assert.equal(day.context.sitting_hours, 7.5);
    assert.equal(day.context.sleep_hours, 11.5);
    // Written back in the language's own way when the card is changed.
    await page.reload();
    await page.locator('#done-today > summary').click();
    await page.locator(`#context-${date}`).getByRole('button', { name: 'Ändern' }).click();
    assert.equal(await page.locator(`#context-${date} [data-field="sitting_hours"] input`).inputValue(), '7,5');
    assert.equal(await page.locator(`#context-${date} p.row + * input`).inputValue(), '11,5');
    await noHorizontalScroll(page, 'the rest of the day, changed, in German at 320 px');
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
      const tabs = (await page.locator('#tabs').innerText()).replaceAll('\u00ad', '');
      assert.match(tabs, /Heute[\s\S]*Auswertung[\s\S]*Verlauf/);
      // Each tab's label within its sixth of the phone ("Ein-stel-lun-gen" breaks at its soft hyphens).
      const spilled = await page.$$eval('#tabs a', (links) =>
        links.filter((a) => a.scrollWidth > a.clientWidth + 1).map((a) => a.textContent),
      );
      assert.deepEqual(spilled, [], `${hash}: tab labels wider than their tab`);
      await page.getByRole('link', { name: 'Einstellungen', exact: true }).waitFor();
      await noHorizontalScroll(page, `${hash} in German at 320 px`);
      await page.screenshot({
        path: path.join(SHOTS, `de-${hash}-320.png`),
        fullPage: true,
      });
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
    const r = await api(server.url, 'GET', '/api/v1/me', undefined, {
      'Accept-Language': 'es-ES,es;q=0.9',
    });
    assert.equal(r.data.language, 'es');
  } finally {
    server.close();
  }
});
