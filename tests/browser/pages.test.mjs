// Every page in every state a person or a clinician meets (issue 20 #5, #7, #9, #10, #16, #17),
// at 320 px in a zone far east of UTC and at 390 px far west: never "null", "undefined", "NaN"
// or "[object" (watched from the page's first script, so a word that shows for a moment counts),
// every tap target 44x44 CSS px or spaced as WCAG 2.2 measures it, one level-one heading, axe
// clean (page-has-heading-one included), nothing wider than the screen. And: Settings is in the
// navigation, refuses a value at its field in words and asks before going back to the usual
// values; a short new password is refused at its field in words; an invite code is never
// broken across lines; a clinician names themselves, is named so, and reads a person's reading
// spoken of the person, never to them.
import { after, before, test } from 'node:test';
import path from 'node:path';
import {
  EAST,
  SHOTS,
  WEST,
  assert,
  axeCheck,
  badText,
  closeBrowser,
  launch,
  newPage,
  noHorizontalScroll,
  pageApi,
  screenedPage,
  signUpApi,
  smallTargets,
  startServer,
  watchBadText,
} from './helpers.mjs';

let server;
before(async () => {
  await launch();
  server = await startServer({ accounts: true });
  const admin = await newPage({ width: 1280 });
  await signUpApi(admin, server.url, 'admin', { code: server.code });
  await admin.context().close();
});
after(async () => {
  await closeBrowser();
  server.close();
});

// The checks every page must pass, in its state now.
async function checkPage(page, name) {
  await page.waitForTimeout(100); // charts draw on the next frame
  assert.equal(await page.locator('h1').count(), 1, `${name}: one level-one heading`);
  await noHorizontalScroll(page, name);
  assert.deepEqual(await smallTargets(page), [], `${name}: small tap targets`);
  await axeCheck(page, name);
  assert.deepEqual(await badText(page), [], `${name}: null, undefined, NaN or [object`);
}

async function open(page, hash, ready) {
  const url = `${server.url}/#${hash}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.locator(ready).first().waitFor();
}

// Three weeks of a diary in use, imported through the person's own API in one request.
async function seed(call) {
  const profile = (await call('GET', '/api/v1/profile')).data;
  const now = new Date();
  const zoneDay = (n) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: profile.time_zone_in_force }).format(new Date(now - n * 86400000));
  const days = [];
  for (let n = 21; n >= 0; n -= 1) {
    const day = { date: zoneDay(n) };
    if (n !== 9) day.morning = { pain: 3 + (n % 3), stiffness: 2 };
    if (n > 0 && n % 2 === 0)
      day.sessions = [
        {
          time: '18:00',
          minutes: 40,
          activity: 'swimming',
          load: ['rotation'],
          during: { start: 3, end: 4 + (n % 2), ...(n === 4 ? { sharp: true } : {}) },
          hour_after: { pain: 4 },
        },
      ];
    if (n % 5 === 0 && n > 0) day.context = { sleep_hours: 6, stress: 5, tags: ['desk'] };
    if (n === 2) day.note = 'a long day at the desk';
    days.push(day);
  }
  const r = await call('POST', '/api/v1/diary/import', { format: 'backsignal-diary', version: 1, days });
  assert.equal(r.status, 200, JSON.stringify(r.data));
}

for (const [width, zone] of [
  [320, EAST],
  [390, WEST],
]) {
  test(`every page in every state, for a person and a clinician, at ${width} px in ${zone}`, async () => {
    const page = await newPage({ width, height: width === 320 ? 568 : 844, timezoneId: zone });
    await watchBadText(page.context());
    // Signed out.
    await page.goto(server.url);
    await page.locator('#signin-form').waitFor();
    await checkPage(page, 'sign in');
    await page.locator('#switch-mode').click();
    await checkPage(page, 'sign up');

    // A new person: the safety questions, a stop, and every page of an empty diary.
    await signUpApi(page, server.url, `sam-${width}`, { zone });
    const call = pageApi(page);
    await open(page, 'today', '#safety-screen');
    await checkPage(page, 'safety questions');
    await page.locator('fieldset[data-question="cough_blood"] label', { hasText: /^Yes$/ }).click();
    await page.locator('#safety-submit').click();
    await page.locator('#safety-stop').waitFor();
    await checkPage(page, 'safety stop');
    await screenedPage(page);
    for (const [hash, ready] of [
      ['today', '#today-title'],
      ['reading', '#verdict'],
      ['history', '#history-title'],
      ['share', '#reminders'],
      ['settings', '#thresholds'],
      ['account', '#sharing'],
    ]) {
      await open(page, hash, ready);
      await checkPage(page, `${hash} of an empty diary`);
    }
    assert.doesNotMatch(await page.locator('#share-lists').innerText(), /null/);
    assert.match(await page.locator('#share-lists').innerText(), /Nobody\./);

    // The same pages with three weeks of a diary, an invite pending and a changed threshold.
    await seed(call);
    await call('PUT', '/api/v1/profile', { display_name: 'Sam' });
    await call('PUT', '/api/v1/settings', { sitting_hours: 8 });
    await open(page, 'account', '#sharing');
    await page.locator('#create-invite').click();
    const code = await page.locator('#invite-code-value').innerText();
    const codeBox = await page.locator('#invite-code-value').boundingBox();
    assert.ok(codeBox.height < 30, `the invite code is on one line (${codeBox.height} px tall)`);
    await page.locator('#share-lists h3', { hasText: 'Invite codes not yet used' }).waitFor();
    await checkPage(page, 'account with an invite pending');
    for (const [hash, ready] of [
      ['today', '#today-title'],
      ['reading', 'figure canvas'],
      ['history', '#history-list .day'],
      ['share', '#reminders'],
      ['settings', '#thresholds'],
    ]) {
      await open(page, hash, ready);
      await checkPage(page, hash);
      await page.screenshot({ path: path.join(SHOTS, `${hash}-${width}.png`), fullPage: true });
    }
    await open(page, 'history', '#history-list .day');
    await page
      .getByRole('button', { name: /^Change the morning of/ })
      .first()
      .click();
    await page.locator('#day-editor').waitFor();
    await checkPage(page, 'a day opened in History');
    await open(page, 'today', '#today-title');
    await page.locator('#done-today > summary').click();
    await page.getByRole('button', { name: 'I exercised: add a session' }).click();
    await checkPage(page, 'Today with everything open');

    // A clinician: named as they chose, adds Sam by the code, and reads Sam's reading.
    const clin = await newPage({ width, height: width === 320 ? 568 : 844, timezoneId: zone });
    await watchBadText(clin.context());
    await signUpApi(clin, server.url, `dr-${width}`, { role: 'clinician' });
    await open(clin, 'people', '#people-title');
    await checkPage(clin, 'people, nobody yet');
    await open(clin, 'account', '#account-title');
    await clin.getByLabel('Your name, as the people you follow see it').fill('Dr Okafor');
    await clin.getByRole('button', { name: 'Save the name' }).click();
    await clin.locator('.feedback.ok', { hasText: 'Saved.' }).waitFor();
    await checkPage(clin, 'a clinician’s account');
    await open(clin, 'people', '#people-title');
    await clin.getByLabel('Their invite code').fill(code);
    await clin.getByRole('button', { name: 'Add', exact: true }).click();
    await clin.locator('#redeem .feedback', { hasText: 'Sam now shares their reading with you.' }).waitFor();
    await checkPage(clin, 'people');
    await clin.locator('#people-list a.name', { hasText: 'Sam' }).click();
    await clin.locator('#verdict').waitFor();
    await clin.locator('figure canvas').first().waitFor();
    await checkPage(clin, 'a person’s reading');
    // Spoken of Sam, never to the clinician as if it were their own back.
    const reading = await clin.locator('main').innerText();
    assert.doesNotMatch(reading, /\b[Yy]our\b|\b[Yy]ou\b/, 'no your or you in a person’s reading for a clinician');
    assert.match(reading, /Sam’s usual morning/);
    assert.match(reading, /Next step for Sam:/);
    await clin.screenshot({ path: path.join(SHOTS, `person-reading-${width}.png`), fullPage: true });
    const [report] = await Promise.all([clin.context().waitForEvent('page'), clin.locator('#person-report').click()]);
    await report.waitForLoadState();
    assert.match(await report.locator('h1').innerText(), /report for Sam/);
    assert.doesNotMatch(await report.locator('body').innerText(), /\b[Yy]our (usual|mornings|mid back)\b/);
    // Sam sees the clinician by the name they chose.
    await open(page, 'account', '#share-list');
    assert.match(await page.locator('#share-list').innerText(), /Dr Okafor, since/);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(clin.errors, []);
    await clin.context().close();
    await page.context().close();
  });

  test(`Settings: in the navigation, a value refused at its field in words, going back asks first (${width} px, ${zone})`, async () => {
    const page = await newPage({ width, timezoneId: zone });
    await watchBadText(page.context());
    await signUpApi(page, server.url, `settings-${width}`, { zone });
    await screenedPage(page);
    const call = pageApi(page);
    await open(page, 'today', '#today-title');
    await page.locator('#tabs a', { hasText: 'Settings' }).click();
    await page.locator('#settings-title').waitFor();
    const sitting = page.locator('[data-setting="sitting_hours"]');
    await sitting.locator('input').fill('20');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const error = sitting.locator('.field-error');
    await error.waitFor();
    assert.match(await error.innerText(), /^20 is more than \d+, the most it can be\.$/);
    assert.equal(await sitting.locator('input').getAttribute('aria-invalid'), 'true');
    assert.doesNotMatch(await page.locator('main').innerText(), /sitting_hours|outside its bounds/);
    await checkPage(page, 'settings with a refused value');
    await sitting.locator('input').fill('8');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('#settings-saved').waitFor();
    const value = async () =>
      (await call('GET', '/api/v1/settings')).data.settings.find((s) => s.name === 'sitting_hours').value;
    assert.equal(await value(), 8);
    // Going back to the usual values asks first; keeping them changes nothing.
    await page.locator('#settings-reset').click();
    const dialog = page.locator('#confirm');
    assert.match(await dialog.innerText(), /Put every threshold back to its usual value\?/);
    await dialog.getByRole('button', { name: 'Keep my values' }).click();
    assert.equal(await value(), 8);
    await page.locator('#settings-reset').click();
    await dialog.getByRole('button', { name: 'Back to the usual values' }).click();
    await page.waitForFunction(() => document.querySelector('[data-setting="sitting_hours"] input').value !== '8');
    assert.notEqual(await value(), 8);
    assert.deepEqual(await badText(page), []);
    await page.context().close();
  });

  test(`a short new password is refused at its field, in words (${width} px, ${zone})`, async () => {
    const page = await newPage({ width, timezoneId: zone });
    await signUpApi(page, server.url, `password-${width}`, { zone });
    await screenedPage(page);
    await open(page, 'account', '#account-title');
    await page.getByLabel('Current password').fill('correct horse battery');
    await page.getByLabel('New password (at least 10 characters)').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    const error = page.locator('.field-error:visible');
    await error.waitFor();
    assert.equal(await error.innerText(), 'This one has 5 characters: a password needs at least 10.');
    assert.doesNotMatch(await page.locator('main').innerText(), /new must be|new: 5/);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password (at least 10 characters)').fill('a much longer one');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.field-error:visible', { hasText: 'That is not your current password.' }).waitFor();
    await page.context().close();
  });
}
