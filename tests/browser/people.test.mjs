// The clinician's list at 320 px (issue 25): function getting worse is a reason of its own, shown
// with the PSFS change, and the list can be put in another order (function getting worse first,
// longest without check-ins, by name) without losing the order of need as the tie-break.
import { after, before, test } from 'node:test';
import path from 'node:path';
import {
  SHOTS,
  assert,
  axeCheck,
  closeBrowser,
  daysAgo,
  launch,
  newPage,
  noHorizontalScroll,
  pageApi,
  screenedPage,
  signUpApi,
  startServer,
} from './helpers.mjs';

let server;
before(async () => {
  await launch();
  server = await startServer({ accounts: true });
});
after(async () => {
  await closeBrowser();
  server.close();
});

// A person signed up in a page of their own, with what `fill` records, sharing with the
// clinician's page `clin` by an invite code.
async function person(name, first, fill) {
  const page = await newPage({ width: 320, height: 568 });
  await signUpApi(page, server.url, name, { code: first ? server.code : null });
  await screenedPage(page);
  const call = pageApi(page);
  assert.equal(
    (
      await call('PUT', '/api/v1/profile', {
        display_name: name[0].toUpperCase() + name.slice(1),
      })
    ).status,
    200,
  );
  await fill(call);
  const invite = (await call('POST', '/api/v1/shares/invites')).data;
  await page.context().close();
  return invite.code;
}

test('function getting worse is named, shown with its change, and can come first', async () => {
  const psfs = (a, b) => ({
    psfs: [
      { activity: 'carrying a bag', score: a },
      { activity: 'reaching overhead', score: b },
    ],
  });
  const codes = [
    // Ann: mornings recorded yesterday and nothing else.
    await person('ann', true, async (call) => {
      assert.equal((await call('PUT', `/api/v1/days/${daysAgo(1)}/morning`, { pain: 3 })).status < 300, true);
    }),
    // Ben: function down 3 points in four weeks, no check-ins.
    await person('ben', false, async (call) => {
      assert.equal((await call('PUT', `/api/v1/weekly/${daysAgo(29)}`, psfs(7, 7))).status, 200);
      assert.equal((await call('PUT', `/api/v1/weekly/${daysAgo(1)}`, psfs(4, 4))).status, 200);
    }),
    // Cas: function up 1 (about the same), no check-ins.
    await person('cas', false, async (call) => {
      assert.equal((await call('PUT', `/api/v1/weekly/${daysAgo(29)}`, psfs(5, 5))).status, 200);
      assert.equal((await call('PUT', `/api/v1/weekly/${daysAgo(1)}`, psfs(6, 6))).status, 200);
    }),
  ];
  const clin = await newPage({ width: 320, height: 568 });
  await signUpApi(clin, server.url, 'dr.rao', { role: 'clinician' });
  const call = pageApi(clin);
  for (const code of codes) assert.equal((await call('POST', '/api/v1/clinician/redeem', { code })).status, 200);
  await clin.reload();
  await clin.locator('#people-list .person').nth(2).waitFor();
  const names = () => clin.locator('#people-list a.name').allInnerTexts();

  // The order of need: Ben's function getting worse outranks the silence of the others.
  assert.equal((await names())[0], 'Ben');
  const ben = clin.locator('#people-list .person', { hasText: 'Ben' });
  assert.match(await ben.locator('.needs').innerText(), /function getting worse/);
  assert.match(await ben.locator('.function.worse').innerText(), /^function 4\/10, down 3 since /);
  assert.match(
    await clin.locator('#people-list .person', { hasText: 'Cas' }).locator('.function').innerText(),
    /^function 6\/10, up 1 since /,
  );
  assert.equal(await clin.locator('#people-list .person', { hasText: 'Ann' }).locator('.function').count(), 0);

  await clin.getByLabel('Order').selectOption('name');
  assert.deepEqual(await names(), ['Ann', 'Ben', 'Cas']);
  await clin.getByLabel('Order').selectOption('function');
  assert.deepEqual(await names(), ['Ben', 'Cas', 'Ann']);
  assert.equal(
    await clin.locator('#people-list').locator('xpath=ancestor::section').locator('h2').first().innerText(),
    'Function getting worse first',
  );
  await axeCheck(clin, 'people in the order of function');
  await noHorizontalScroll(clin, 'people at 320');
  await clin.screenshot({
    path: path.join(SHOTS, 'people-function-320.png'),
    fullPage: true,
  });
  assert.deepEqual(clin.errors, []);
  await clin.context().close();
});
