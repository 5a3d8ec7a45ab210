// Accounts on the page: the first account from serve's link; a person signs up on a phone,
// answers the safety check, names themselves and creates an invite code (with a copy button);
// a clinician signs up (no red-flag questions, no empty diary: People is their home), adds the
// person and sees them by the name they chose; the person stops sharing (the safe answer
// focused), and the clinician reads that they no longer share. No page scrolls sideways for
// either, at 320 px.
import { after, before, test } from 'node:test';
import path from 'node:path';
import { SHOTS, assert, axeCheck, closeBrowser, launch, newPage, noHorizontalScroll, startServer } from './helpers.mjs';

before(launch);
after(closeBrowser);

async function signUp(page, url, username, role) {
  await page.goto(url);
  await page.locator('#signin-form button:text-is("Create account"), #switch-mode').first().waitFor();
  if (!(await page.getByRole('button', { name: 'Create account' }).isVisible()))
    await page.locator('#switch-mode').click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
  if (role === 'clinician') await page.locator('label', { hasText: 'a clinician' }).click();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#tabs a[href="#account"]').waitFor();
}

test('a person shares with a clinician, who finds them by name, until they stop', async () => {
  const srv = await startServer({ accounts: true });
  try {
    const admin = await newPage({ width: 1280 });
    await signUp(admin, `${srv.url}/#signup=${srv.code}`, 'admin');

    const person = await newPage({ width: 320 });
    await person.goto(srv.url);
    await person.locator('#signin-form').waitFor();
    await axeCheck(person, 'sign in');
    await noHorizontalScroll(person, 'sign in at 320');
    await person.screenshot({
      path: path.join(SHOTS, 'signin-320.png'),
      fullPage: true,
    });
    await signUp(person, srv.url, 'maria');
    await person.locator('#safety-screen').waitFor(); // a person's first page: the safety check
    const screen = await await person.evaluate(async () => (await fetch('/api/v1/safety')).json());
    const answers = Object.fromEntries(screen.questions.filter((q) => !q.follows).map((q) => [q.id, false]));
    await person.evaluate(async (a) => {
      const me = await (await fetch('/api/v1/me')).json();
      await fetch('/api/v1/safety', {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': me.csrf,
        },
        body: JSON.stringify({ answers: a }),
      });
    }, answers);
    await person.goto(`${srv.url}/#account`);
    await person.getByLabel('Your name, as a clinician sees it').fill('Maria Ortega');
    await person.getByRole('button', { name: 'Save the name' }).click();
    await person.locator('.feedback.ok', { hasText: 'Saved.' }).waitFor();
    await person.locator('#create-invite').click();
    const code = await person.locator('#invite-code-value').innerText();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await person.locator('#copy-invite').waitFor();
    await axeCheck(person, 'account');
    await noHorizontalScroll(person, 'account at 320');

    const clin = await newPage({ width: 320 });
    await signUp(clin, srv.url, 'dr.okafor', 'clinician');
    // Their home is People: no safety check, no Today, History or Report of an empty diary.
    await clin.locator('#people-title').waitFor();
    assert.equal(await clin.locator('#safety-screen').count(), 0);
    assert.deepEqual(await clin.locator('#tabs a').allInnerTexts(), ['People', 'Account']);
    await clin.getByLabel('Their invite code').fill(code);
    await clin.getByRole('button', { name: 'Add', exact: true }).click();
    const row = clin.locator('#people-list a.name', {
      hasText: 'Maria Ortega',
    });
    await row.waitFor();
    await axeCheck(clin, 'people');
    await noHorizontalScroll(clin, 'people at 320');
    await clin.screenshot({
      path: path.join(SHOTS, 'people-320.png'),
      fullPage: true,
    });
    const id = (await row.getAttribute('href')).replace('#person=', '');
    await row.click();
    await clin
      .locator('#reading-title', {
        hasText: 'Maria Ortega’s reading (read only)',
      })
      .waitFor();
    await clin.locator('#verdict').waitFor();
    await noHorizontalScroll(clin, 'a person’s reading at 320');

    // The person stops sharing; the safe answer has the focus.
    await person.reload();
    await person.locator('#share-list').waitFor();
    await person.getByRole('button', { name: 'Stop sharing with dr.okafor' }).click();
    assert.equal(await person.evaluate(() => document.activeElement.textContent), 'Keep sharing');
    await person.locator('#confirm').getByRole('button', { name: 'Stop sharing' }).click();
    await person.locator('#share-none').waitFor();

    await clin.goto(`${srv.url}/#people`);
    await clin.locator('#people-none').waitFor();
    await clin.goto(`${srv.url}/#person=${id}`);
    await clin.locator('#no-longer-shared').waitFor();
    assert.doesNotMatch(await clin.locator('main').innerText(), /\/api\/v1|person \d/);
    for (const p of [admin, person, clin]) assert.deepEqual(p.errors, []);
  } finally {
    srv.close();
  }
});
