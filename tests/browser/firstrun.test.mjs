// The first minute on a phone (issue 20 #1, #13), at 320 and 390 px, in Asia/Tokyo and in Los
// Angeles: a new person's first run (the sign-up page, the safety questions, the first morning)
// lands at the top of Today, on what is due now, with one line that says what backsignal is for
// and what to do first; "None of these apply to me" answers the questions in one tap. An
// emergency-level yes stores nothing until the person says it is how they are now, shows the
// number to call where they are (tel:), and a stop made by mistake is undone in three taps.
import { after, before, test } from 'node:test';
import path from 'node:path';
import {
  SHOTS,
  assert,
  axeCheck,
  badText,
  card,
  closeBrowser,
  inViewport,
  launch,
  newPage,
  pageApi,
  pick,
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

// Counts the person's taps (pointer presses) on the page, from its first load.
async function countTaps(page) {
  await page.context().addInitScript(() => {
    window.taps = 0;
    document.addEventListener('pointerdown', () => (window.taps += 1), true);
  });
  return async () => page.evaluate(() => window.taps);
}

const COMBOS = [
  [320, 'Asia/Tokyo'],
  [390, 'Asia/Tokyo'],
  [320, 'America/Los_Angeles'],
  [390, 'America/Los_Angeles'],
];

for (const [width, zone] of COMBOS) {
  test(`a first run lands at the top of Today, on the morning, at ${width} px in ${zone}`, async () => {
    const page = await newPage({ width, height: width === 320 ? 568 : 844, timezoneId: zone });
    await watchBadText(page.context());
    const taps = await countTaps(page);
    const user = `new-${width}-${zone.split('/')[1].toLowerCase()}`;
    await page.goto(server.url);
    await page.locator('#switch-mode').tap();
    await page.getByLabel('Username').tap();
    await page.keyboard.type(user);
    await page.getByLabel('Password (at least 10 characters)').tap();
    await page.keyboard.type('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).tap();

    // The safety questions first, at their top; one tap says none of them applies.
    await page.locator('#safety-screen').waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.ok(await inViewport(page.locator('#safety-screen h1')));
    await page.locator('#safety-submit').scrollIntoViewIfNeeded();
    assert.equal(await page.locator('#safety-submit').innerText(), 'None of these apply to me');
    await page.locator('#safety-submit').tap();

    // Today at its top: what backsignal is for, what to do first, and the morning in view.
    await page.locator('#today-title').waitFor();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'today-title');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Today opens at its top');
    for (const el of ['#today-title', '#welcome']) assert.ok(await inViewport(page.locator(el)), `${el} in view`);
    assert.match(await page.locator('#welcome').innerText(), /exercise is helping your mid back.*First:/s);
    const morning = card(page, 'On waking');
    assert.ok(await inViewport(morning.locator('h3')), 'the morning, due now, is in view');
    await page.screenshot({ path: path.join(SHOTS, `first-run-${width}-${zone.split('/')[1]}.png`) });

    await pick(morning, 'Pain', 3);
    await morning.getByRole('button', { name: 'Save morning' }).tap();
    await page.locator('[data-queued]', { hasText: 'Saved.' }).waitFor();
    const count = await taps();
    // Sign-up (4: the page's switch, two fields, the button), the questions (1), the morning (2).
    assert.ok(count <= 8, `${count} taps from the sign-up page to the first morning saved`);
    const call = pageApi(page);
    assert.equal((await call('GET', '/api/v1/profile')).data.time_zone, zone, 'the profile took the phone’s zone');
    assert.deepEqual(await badText(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

for (const [width, zone, numbers] of [
  [320, 'Asia/Tokyo', ['119']],
  [390, 'America/Los_Angeles', ['911']],
]) {
  test(`an emergency yes asks before it pauses anything, shows ${numbers[0]} to call, and is undone in three taps (${width} px, ${zone})`, async () => {
    const page = await newPage({ width, timezoneId: zone });
    await watchBadText(page.context());
    const taps = await countTaps(page);
    const user = `emergency-${width}`;
    await signUpApi(page, server.url, user, { zone });
    const call = pageApi(page);
    await page.goto(`${server.url}/#today`);
    const tearing = page.locator('fieldset[data-question="tearing"]');
    await tearing.locator('label', { hasText: /^Yes$/ }).tap();
    // What to do now, with the number to call where the person is; nothing stored yet.
    const box = tearing.locator('.advice.emergency');
    await box.waitFor();
    assert.ok(await inViewport(box.getByRole('link', { name: `Call ${numbers[0]}` })));
    assert.equal(await box.getByRole('link', { name: `Call ${numbers[0]}` }).getAttribute('href'), `tel:${numbers[0]}`);
    assert.equal((await call('GET', '/api/v1/safety/state')).data.answered, false, 'nothing stored on one tap');
    await axeCheck(page, 'the emergency check');
    assert.deepEqual(await smallTargets(page), []);
    await page.screenshot({ path: path.join(SHOTS, `safety-emergency-${width}.png`) });
    // A tap by mistake: taken back, nothing stored.
    await box.getByRole('button', { name: 'No, I tapped it by mistake' }).tap();
    assert.equal(await box.count(), 0);
    assert.equal(await tearing.locator('input[value="no"]').isChecked(), true);
    assert.equal((await call('GET', '/api/v1/safety/state')).data.answered, false);
    // Said again and confirmed: the stop, with the number to call.
    await tearing.locator('label', { hasText: /^Yes$/ }).tap();
    await tearing.getByRole('button', { name: 'Yes, this is how I am now' }).tap();
    const stop = page.locator('#safety-stop');
    await stop.waitFor();
    assert.equal((await call('GET', '/api/v1/safety/state')).data.stopped, true);
    assert.equal(
      await stop.getByRole('link', { name: `Call ${numbers[0]}` }).getAttribute('href'),
      `tel:${numbers[0]}`,
    );
    assert.match(await stop.innerText(), new RegExp(`call ${numbers[0]} now`));
    assert.equal((await call('PUT', `/api/v1/days/2026-12-01/morning`, { pain: 3 })).status, 403);
    // Undone in three taps: change my answers, no, none of the others.
    const before = await taps();
    await stop.getByRole('button', { name: 'Change my answers' }).tap();
    await page.locator('fieldset[data-question="tearing"]').locator('label', { hasText: /^No$/ }).tap();
    await page.locator('#safety-submit').tap();
    await page.locator('#today-title').waitFor();
    assert.equal((await taps()) - before, 3, 'three taps undo it');
    const state = (await call('GET', '/api/v1/safety/state')).data;
    assert.equal(state.stopped, false);
    assert.equal(state.answers.tearing, false);
    assert.deepEqual(await badText(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('where the number is not known, the screen says so and offers 112 and 911', async () => {
  const page = await newPage({ width: 390, timezoneId: 'Asia/Seoul' });
  await signUpApi(page, server.url, 'seoul', { zone: 'Asia/Seoul' });
  await page.goto(`${server.url}/#today`);
  const q = page.locator('fieldset[data-question="chest_breathless"]');
  await q.locator('label', { hasText: /^Yes$/ }).tap();
  const box = q.locator('.advice.emergency');
  await box.waitFor();
  assert.match(await box.innerText(), /does not know the emergency number for Korea \(South\)/);
  assert.deepEqual(await box.locator('a[href^="tel:"]').evaluateAll((a) => a.map((x) => x.getAttribute('href'))), [
    'tel:112',
    'tel:911',
  ]);
  await page.context().close();
});
