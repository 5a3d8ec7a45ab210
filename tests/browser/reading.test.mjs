// The Reading page under reading version 3: with two or more activities each has its line
// (days, mornings after higher, flared) and the one setting the back off is named; what holds
// the reading back is in words; the safety questions, unanswered or due again, are said with a
// button that opens them, and a clinician sees that they are due, read only. At 320 and 390 px
// it fits without scrolling sideways.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  BIN,
  SHOTS,
  api,
  assert,
  axeCheck,
  closeBrowser,
  isoDate,
  launch,
  newPage,
  noHorizontalScroll,
  root,
  screened,
  startServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

// A scenario's diary with its dates moved so that its as-of date is yesterday.
function scenario(name) {
  const folder = path.join(root, 'tests/scenarios', name);
  const diary = JSON.parse(readFileSync(path.join(folder, 'diary.json'), 'utf8'));
  const asOf = JSON.parse(readFileSync(path.join(folder, 'expect.json'), 'utf8')).as_of;
  const shift = Math.round((Date.now() - 86400000 - Date.parse(`${asOf}T12:00:00`)) / 86400000);
  for (const day of diary.days) {
    day.date = isoDate(new Date(Date.parse(`${day.date}T12:00:00`) + shift * 86400000));
  }
  return diary;
}

async function imported(server, name) {
  const r = await api(server.url, 'POST', '/api/v1/diary/import', scenario(name));
  assert.equal(r.status, 200, JSON.stringify(r.data));
}

for (const width of [320, 390]) {
  test(`each activity's line and what holds the reading back, at ${width} px`, async () => {
    const server = await startServer();
    try {
      await screened(server.url);
      await imported(server, 'one_activity_sets_it_off');
      const page = await newPage({ width });
      await page.goto(`${server.url}/#reading`);
      const acts = page.locator('#activities');
      await acts.waitFor();
      const lines = acts.locator('li');
      assert.equal(await lines.count(), 2);
      assert.equal(await lines.nth(0).getAttribute('data-activity'), 'swimming');
      assert.match(await lines.nth(0).innerText(), /^swimming: 9 days; the morning after never higher\.$/);
      const dead = acts.locator('li[data-activity="deadlifts"]');
      assert.match(await dead.innerText(), /deadlifts: 4 days; the morning after higher 4 times, flared 4 times/);
      assert.match(await dead.innerText(), /setting your back off/);
      assert.equal(await dead.locator('strong').count(), 1, 'the one setting it off stands out');
      const held = page.locator('#held-back');
      assert.equal(await held.locator('li.caution strong').count(), 1, 'set apart from the evidence after it');
      assert.match(
        await held.innerText(),
        /The mornings after deadlifts were higher 4 of 4 times; after swimming, 0 of 9\./,
      );
      const next = await page.locator('#next-step').innerText();
      assert.match(next, /Change deadlifts first/);
      assert.doesNotMatch(next, /more time or load/);
      assert.equal(await page.locator('#safety-due').count(), 0, 'answered: no prompt');
      await noHorizontalScroll(page, `reading with activities at ${width}`);
      if (width === 320) await axeCheck(page, 'reading with activities at 320');
      await page.screenshot({
        path: path.join(SHOTS, `reading-activities-${width}.png`),
        fullPage: true,
      });
      assert.deepEqual(page.errors, []);
      await page.context().close();

      // One activity only: no lines of its own.
      const one = await startServer();
      try {
        await screened(one.url);
        await imported(one, 'helpful_steady');
        const p = await newPage({ width });
        await p.goto(`${one.url}/#reading`);
        await p.locator('#verdict').waitFor();
        assert.equal(await p.locator('#activities').count(), 0);
        assert.equal(await p.locator('#held-back').count(), 0);
        await p.context().close();
      } finally {
        one.close();
      }
    } finally {
      server.close();
    }
  });

  test(`the safety questions, unanswered or due again, with a way to answer them, at ${width} px`, async () => {
    const server = await startServer();
    try {
      await imported(server, 'slow_rise_over_eight_weeks');
      const page = await newPage({ width });
      await page.goto(`${server.url}/#reading`);
      const due = page.locator('#safety-due');
      await due.waitFor();
      assert.match(await due.innerText(), /You have not answered the safety questions yet/);
      await noHorizontalScroll(page, `safety prompt at ${width}`);
      if (width === 320) await axeCheck(page, 'safety prompt at 320');
      await page.screenshot({
        path: path.join(SHOTS, `reading-safety-${width}.png`),
      });
      // The button opens the questions here; answered, the reading comes back without it.
      await due.getByRole('button', { name: 'Answer the safety questions' }).click();
      const screen = page.locator('#safety-screen');
      await screen.waitFor();
      await screen.getByRole('button', { name: 'None of these apply to me' }).click();
      await page.locator('#verdict').waitFor();
      assert.equal(await page.locator('#safety-due').count(), 0);
      assert.equal((await api(server.url, 'GET', '/api/v1/safety/state')).data.answered, true);
      // The usual morning keeps rising: a week on, the questions are due again, and say why.
      const aged = spawnSync(
        'python3',
        [
          '-c',
          'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n' +
            'c.execute("UPDATE safety SET answered_at = answered_at - 8 * 86400")\nc.commit()',
          server.db,
        ],
        { encoding: 'utf8' },
      );
      assert.equal(aged.status, 0, aged.stderr);
      await page.reload();
      await due.waitFor();
      assert.match(await due.innerText(), /The safety questions are due again\. Your usual morning has been rising/);
      assert.equal(await due.getByRole('button', { name: 'Answer the safety questions' }).count(), 1);
      await noHorizontalScroll(page, `safety due again at ${width}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      server.close();
    }
  });
}

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

// `method` `p` with `body` from inside the signed-in page, with its CSRF token.
async function call(page, method, p, body) {
  return page.evaluate(
    async ({ method, p, body }) => {
      const me = await (await fetch('/api/v1/me')).json();
      const r = await fetch(p, {
        method,
        headers:
          body === undefined
            ? { 'X-CSRF-Token': me.csrf }
            : { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, data: await r.json() };
    },
    { method, p, body },
  );
}

test('a clinician sees the activity setting it off in People and on the reading, and that the safety questions are unanswered', async () => {
  const srv = await startServer({ accounts: true });
  try {
    const admin = await newPage({ width: 1280 });
    await signUp(admin, `${srv.url}/#signup=${srv.code}`, 'admin');
    const person = await newPage({ width: 390 });
    await signUp(person, srv.url, 'dev');
    await person.locator('#safety-screen').waitFor();
    assert.equal(
      (await call(person, 'POST', '/api/v1/diary/import', scenario('one_activity_sets_it_off'))).status,
      200,
    );
    const invite = await call(person, 'POST', '/api/v1/shares/invites');
    assert.equal(invite.status, 201, JSON.stringify(invite.data));

    const clin = await newPage({ width: 320 });
    await signUp(clin, srv.url, 'dr.okafor', 'clinician');
    await clin.getByLabel('Their invite code').fill(invite.data.code);
    await clin.getByRole('button', { name: 'Add', exact: true }).click();
    const row = clin.locator('#people-list li.person', { hasText: 'dev' });
    await row.waitFor();
    assert.match(await row.locator('.needs').innerText(), /deadlifts setting it off/);
    await noHorizontalScroll(clin, 'people with an activity setting it off at 320');
    await row.locator('a.name').click();
    await clin.locator('#activities').waitFor();
    assert.match(await clin.locator('#activities').innerText(), /deadlifts: 4 days/);
    const due = clin.locator('#safety-due');
    assert.match(await due.innerText(), /They have not answered the safety questions yet\./);
    assert.equal(await due.getByRole('button').count(), 0, 'read only: no way to answer for them');
    await noHorizontalScroll(clin, 'a person’s reading with activities at 320');
    await axeCheck(clin, 'a person’s reading with activities at 320');
    for (const p of [admin, person, clin]) assert.deepEqual(p.errors, []);
  } finally {
    srv.close();
  }
});

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test('the report shows each activity and what holds the reading back, and two weeks of every scenario print on one page', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    await imported(server, 'one_activity_sets_it_off');
    const page = await newPage({ width: 1280 });
    await page.goto(`${server.url}/report?weeks=2`);
    assert.match(await page.locator('.verdict').innerText(), /Holding it back:/);
    assert.match(await page.locator('section.acts').innerText(), /deadlifts: 4 days; the morning after higher 4 times/);
    await page.context().close();
    // On a phone every line of text reads at the size of the text around it (no 9 px print
    // sizes), and the thresholds are one column whose names do not break mid-word.
    for (const width of [320, 390]) {
      const phone = await newPage({ width });
      await phone.goto(`${server.url}/report?weeks=2`);
      await noHorizontalScroll(phone, `the report at ${width}`);
      const small = await phone.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .filter((el) => !el.closest('svg') && el.getClientRects().length > 0)
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
          .map((el) => ({ text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))
          .filter((x) => x.px < 12),
      );
      assert.deepEqual(small, [], `text under 12 px in the report at ${width}`);
      assert.equal(await phone.locator('.thresholds').evaluate((el) => getComputedStyle(el).columnCount), '1');
      await phone.context().close();
    }
  } finally {
    server.close();
  }
  // Every scenario diary's two-week report, as the CLI writes it, on one A4 and one Letter page.
  const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-reports-'));
  const page = await newPage({ width: 794, height: 1123 });
  try {
    const scenarios = path.join(root, 'tests/scenarios');
    for (const name of readdirSync(scenarios).sort()) {
      const asOf = JSON.parse(readFileSync(path.join(scenarios, name, 'expect.json'), 'utf8')).as_of;
      const db = path.join(dir, `${name}.db`);
      const html = path.join(dir, `${name}.html`);
      for (const args of [
        ['import', path.join(scenarios, name, 'diary.json')],
        ['report', '--weeks', '2', '--as-of', asOf, '--out', html],
      ]) {
        const p = spawnSync(BIN, ['--db', db, ...args], { encoding: 'utf8' });
        assert.equal(p.status, 0, `${name}: ${p.stderr}`);
      }
      await page.goto(`file://${html}`);
      await page.emulateMedia({ media: 'print' });
      assert.equal(pdfPages(await page.pdf({ format: 'A4' })), 1, `${name}: one A4 page`);
      assert.equal(pdfPages(await page.pdf({ format: 'Letter' })), 1, `${name}: one Letter page`);
    }
  } finally {
    await page.context().close();
    rmSync(dir, { recursive: true, force: true });
  }
});
