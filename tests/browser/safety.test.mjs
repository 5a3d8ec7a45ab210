// The red-flag screen on the page: it comes first; each urgency gives its own advice (an
// emergency at once, with no more questions); a stop made on the page holds on the API and the
// command line; a clinician's clearance ends it everywhere.
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, SHOTS, api, assert, axeCheck, closeBrowser, isoDate, launch, newPage, startServer } from './helpers.mjs';

before(launch);
after(closeBrowser);

const EMERGENCY = ['chest_breathless', 'chest_heart', 'tearing', 'legs_bladder'];

async function answer(page, yes) {
  const screen = page.locator('#safety-screen');
  await screen.waitFor();
  for (let i = 0; ; i += 1) {
    const questions = screen.locator('fieldset[data-question]:visible');
    if (i >= (await questions.count())) break;
    const q = questions.nth(i);
    const id = await q.getAttribute('data-question');
    await q.locator('label', { hasText: yes.includes(id) ? /^Yes$/ : /^No$/ }).click();
    if (EMERGENCY.includes(id) && yes.includes(id)) {
      // An emergency yes: what to do now, and a question before it is stored.
      await q.getByRole('button', { name: 'Yes, this is how I am now' }).click();
      await page.locator('#safety-stop').waitFor(); // an emergency yes ends the questions
      return;
    }
  }
  await screen.locator('#safety-submit').click();
}

test('each urgency has its advice, and a stop made on the page holds on the CLI and the API', async () => {
  const server = await startServer();
  try {
    const page = await newPage({ width: 360 });
    await page.goto(`${server.url}/#today`);
    await page.locator('#safety-screen').waitFor();
    assert.equal(await page.locator('h3', { hasText: 'On waking' }).count(), 0, 'no check-in before the screen');
    assert.equal(await page.locator('fieldset[data-question="cancer_new_pain"]').isVisible(), false);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the screen opens at its top');
    await axeCheck(page, 'safety screen');
    await page.screenshot({ path: path.join(SHOTS, 'safety-360.png') });

    // Emergency: tearing pain; the advice at once, nothing more asked.
    await answer(page, ['tearing']);
    const stop = page.locator('#safety-stop');
    assert.match(await stop.innerText(), /Get urgent help now/);
    assert.match(await stop.innerText(), /emergency/);
    assert.equal(await page.locator('form').count(), 0, 'the check-ins are stopped');
    const today = isoDate(new Date());
    assert.equal(
      (
        await api(server.url, 'PUT', `/api/v1/days/${today}/morning`, {
          pain: 3,
        })
      ).status,
      403,
    );
    const cli = spawnSync(BIN, ['--db', server.db, 'morning', '3'], {
      encoding: 'utf8',
    });
    assert.equal(cli.status, 6, cli.stderr);
    assert.match(cli.stderr, /safety check/);
    await page.reload();
    await page.locator('#safety-stop').waitFor();

    // Same day: coughing blood.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await answer(page, ['cough_blood']);
    await page.locator('#safety-stop h1', { hasText: 'Please be seen today' }).waitFor();
    // Soon: new pain with a cancer history (a history alone stops nobody).
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await answer(page, ['cancer_history', 'cancer_new_pain']);
    await page.locator('#safety-stop h1', { hasText: 'Please contact a clinician' }).waitFor();
    await axeCheck(page, 'safety stop');
    // A clearance ends the stop everywhere, and is kept.
    await page.getByLabel('The day a clinician saw me and cleared me').fill(today);
    await page.getByRole('button', { name: 'Record the clearance' }).click();
    await page.locator('h3', { hasText: 'On waking' }).waitFor();
    assert.equal(spawnSync(BIN, ['--db', server.db, 'morning', '3'], { encoding: 'utf8' }).status, 0);
    assert.equal((await api(server.url, 'GET', '/api/v1/safety/state')).data.cleared_on, today);
    assert.deepEqual(page.errors, []);
  } finally {
    server.close();
  }
});

test('a stop made on the command line shows on the page', async () => {
  const server = await startServer();
  try {
    const lines = [
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'yes',
      'no',
      'no',
      'no',
      'no',
    ];
    const cli = spawnSync(BIN, ['--db', server.db, 'safety'], {
      encoding: 'utf8',
      input: `${lines.join('\n')}\n`,
    });
    assert.equal(cli.status, 0, cli.stderr);
    const page = await newPage({ width: 390 });
    await page.goto(`${server.url}/#today`);
    await page.locator('#safety-stop h1', { hasText: 'Please contact a clinician' }).waitFor();
  } finally {
    server.close();
  }
});
