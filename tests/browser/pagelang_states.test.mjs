// Issue 23, the page's own words, continued from pagelang.test.mjs and pagelang_pages.test.mjs:
// in the pseudo-locale (qps, a server started with BACKSIGNAL_TEST_LOCALES=1) these states show
// no plain English, in their text nor in their aria-labels: signed out (sign-in, a refused
// sign-in, sign-up with the role choice, a report link opened signed out), a new account's first
// minute (the safety questions, Today's first run, the first morning saved, signing out);
// offline (the connection line, check-ins saved on the phone and waiting, the page reloaded
// with no connection, History and the Reading page from what the phone kept, the check-ins sent
// when the connection returns); History with every kind of entry listed (a morning, a session
// with its during and hour after, a rest day, a day's context with sleep, stress, sitting,
// painkillers, a factor and a fall, a note, a flare, the weekly PEG and PSFS answers, a workout
// imported from a file). In German at 320 px the same states neither scroll sideways nor clip
// a control.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  GERMAN,
  QPS,
  api,
  assert,
  checkState,
  closeBrowser,
  controlled,
  daysAgo,
  launch,
  newPage,
  pageIn,
  pickNth,
  root,
  screened,
  signUpApi,
  walkLabel,
  walkServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

for (const lang of [QPS, GERMAN]) {
  test(`signed out and a first run, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang, { accounts: true });
    try {
      const admin = await newPage({ width: 1280 });
      await signUpApi(admin, server.url, 'admin', { code: server.code });
      await admin.context().close();

      const page = await pageIn(lang);
      await page.goto(`${server.url}/`);
      await page.locator('#signin-form').waitFor();
      await checkState(page, lang, 'sign-in', { selector: 'main, footer' });
      await page.locator('#signin-form input[autocomplete=username]').fill('nobody');
      await page.locator('#signin-form input[type=password]').fill('not the password');
      await page.locator('#signin-form button[type=submit]').click();
      await page.locator('#signin-form .feedback.error').waitFor();
      await checkState(page, lang, 'a refused sign-in');

      // The first run: sign-up with the role choice, the safety questions, Today.
      await page.click('#switch-mode');
      await page.locator('#role-person').waitFor();
      await checkState(page, lang, 'sign-up');
      await page.locator('#signin-form input[autocomplete=username]').fill('sam');
      await page.locator('#signin-form input[type=password]').fill('correct horse battery');
      await page.locator('#signin-form button[type=submit]').click();
      await page.locator('#safety-screen').waitFor();
      await checkState(page, lang, 'the first safety screen', {
        selector: '#safety-screen, #tabs',
      });
      await page.click('#safety-submit');
      await page.locator('#welcome').waitFor();
      await checkState(page, lang, 'the first run of Today', {
        selector: 'main, #tabs, header',
      });
      const morning = page.locator('section.card[id^=morning-]');
      await pickNth(morning, 0, 3);
      await morning.locator('button[type=submit]').click();
      await morning.locator('[data-queued].ok').waitFor();
      await checkState(page, lang, 'the first morning saved', {
        selector: 'main, header',
      });

      // Signed out again, from the Account page.
      await page.goto(`${server.url}/#account`);
      await page.locator('#account-title').waitFor();
      await page.locator('#sign-out').click();
      await page.locator('#signin-form').waitFor();
      await page.locator('#status:not(:empty)').waitFor();
      await checkState(page, lang, 'signed out', { selector: 'main, #status' });
      await page.context().close();

      // A report link opened signed out: the server's own page.
      const outside = await pageIn(lang);
      const report = await outside.goto(`${server.url}/report?weeks=2`);
      assert.equal(report.status(), 401);
      assert.equal(await outside.evaluate(() => document.documentElement.lang), lang === QPS ? 'qps' : 'de');
      await checkState(outside, lang, 'a report link signed out', {
        selector: 'body',
      });
      await outside.locator('a').first().click();
      await outside.locator('#signin-title').waitFor();
      // Signed in from there, the report it was opened for.
      await outside.locator('#signin-form input[autocomplete=username]').fill('sam');
      await outside.locator('#signin-form input[type=password]').fill('correct horse battery');
      await outside.locator('#signin-form button[type=submit]').click();
      await outside.waitForURL(`${server.url}/report?weeks=2`);
      await outside.locator('h1').waitFor();
      // Never to another site: a link's "then" that is not this site's report opens Today.
      await outside.goto(`${server.url}/#then=${encodeURIComponent('//example.com/report')}`);
      await outside.locator('#tabs').waitFor();
      assert.equal(new URL(outside.url()).origin, server.url);
      await outside.context().close();
    } finally {
      server.close();
    }
  });
}

for (const lang of [QPS, GERMAN]) {
  test(`offline, then back online, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang);
    try {
      await screened(server.url);
      const page = await pageIn(lang);
      const date = daysAgo(0);
      await page.goto(`${server.url}/#history`);
      await page.locator('#history-title').waitFor();
      await page.goto(`${server.url}/#reading`);
      await page.locator('main h1').waitFor();
      await page.goto(`${server.url}/#today`);
      await page.locator(`#morning-${date}`).waitFor();
      await controlled(page);
      await page.locator(`#morning-${date}`).waitFor();

      // The connection cut: the line says so; a morning and a session wait on the phone.
      await page.context().setOffline(true);
      await page.locator('#conn.pending').waitFor();
      await checkState(page, lang, 'offline', { selector: 'main, header' });
      const morning = page.locator(`#morning-${date}`);
      await pickNth(morning, 0, 5);
      await morning.locator('button[type=submit]').click();
      await page.locator(`#morning-${date}.done [data-queued]`).waitFor();
      await page.locator('button.add-session').click();
      const form = page.locator('section.card:has(input[type=time])');
      await form.locator('input[inputmode=numeric]').fill('30');
      await form.locator('fieldset:has(.advice-slot) button[aria-pressed]').click();
      await form.locator('button[type=submit]').click();
      await page.locator(`#session-${date}-1 [data-queued]`).waitFor();
      await page.locator('#conn', { hasText: '2' }).waitFor();
      await checkState(page, lang, 'offline with two check-ins waiting', {
        selector: 'main, header',
      });

      // Reloaded with no connection: from what the phone kept, with the check-ins waiting.
      await page.reload();
      await page.locator('#load-state').waitFor();
      await page.locator('#done-today > summary').click();
      await checkState(page, lang, 'reloaded offline', {
        selector: 'main, header',
      });
      await page.goto(`${server.url}/#history`);
      await page.locator('#history-list .entry').first().waitFor();
      await checkState(page, lang, 'History offline', {
        selector: 'main, header',
      });
      await page.goto(`${server.url}/#reading`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(300);
      await checkState(page, lang, 'the Reading page offline', {
        selector: 'main, header',
      });

      // Back online: sent, and said so.
      await page.goto(`${server.url}/#today`);
      await page.locator('#load-state').waitFor();
      await page.context().setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForFunction(() => document.querySelector('#conn').textContent === '', null, { timeout: 20000 });
      await page.locator('#load-state').waitFor({ state: 'detached' });
      await page.locator(`#session-${date}-1 [data-queued].ok`).waitFor();
      await checkState(page, lang, 'back online, the check-ins sent', {
        selector: 'main, header',
      });
      await page.reload();
      await page.locator('#done-today > summary').click();
      await page.locator(`#morning-${date}.done`).waitFor();
      await checkState(page, lang, 'back online, reloaded', {
        selector: 'main, header',
      });
      const day = (await api(server.url, 'GET', `/api/v1/days/${date}`)).data;
      assert.equal(day.sessions.length, 1);
      assert.deepEqual(day.morning, { pain: 5 });
      await page.context().close();
    } finally {
      server.close();
    }
  });
}

// Every kind of entry History lists, in a diary imported through the API, its dates moved to
// the last few days: a day with a morning, a session (its during and hour after), the day's
// context (every field, a factor of the person's own, a fall) and a note; a rest day (a morning
// and a short night); a flare and the weekly answers.
function everyKind() {
  return {
    format: 'backsignal-diary',
    version: 1,
    days: [
      {
        date: daysAgo(3),
        morning: { pain: 3, stiffness: 2 },
        sessions: [
          {
            time: '18:00',
            minutes: 30,
            activity: 'swimming',
            load: ['rotation', 'breathing_under_load', 'arms_away'],
            effort: 6,
            during: { start: 2, end: 4, pattern: 'building', sharp: true },
            hour_after: { pain: 3, tighter: true },
          },
        ],
        context: {
          sleep_hours: 7.5,
          sleep_quality: 6,
          stress: 4,
          upper_body_tension: 3,
          sitting_hours: 8,
          prolonged_position: true,
          painkillers: true,
          painkiller_name: 'ibuprofen',
          tags: ['late night'],
          injury: 'fall',
        },
        note: 'stiff after the drive',
      },
      { date: daysAgo(2), morning: { pain: 2 }, context: { sleep_hours: 5 } },
    ],
    weekly: [
      {
        date: daysAgo(2),
        peg: { pain: 4, enjoyment: 3, activity: 5 },
        psfs: [{ activity: 'deadlifts', score: 6 }],
      },
    ],
    flares: [
      {
        date: daysAgo(2),
        time: '14:20',
        pain: 7,
        sharp: true,
        note: 'lifting the kettle',
      },
    ],
  };
}
// The person's own words (and the workout file's activity), in any language.
const OWN = [
  'Swimming',
  'Kayaking',
  'kayaking',
  'ibuprofen',
  'late night',
  'stiff after the drive',
  'lifting the kettle',
];

for (const lang of [QPS, GERMAN]) {
  test(`History with every kind of entry, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang);
    try {
      const imported = await api(server.url, 'POST', '/api/v1/diary/import', everyKind());
      assert.equal(imported.status, 200, JSON.stringify(imported.data));
      await screened(server.url);
      const page = await pageIn(lang);
      await page.goto(`${server.url}/#history`);
      await page.locator('#history-list .entry').first().waitFor();
      assert.ok((await page.locator('#history-list .entry').count()) >= 6, 'every entry listed');

      // A workout imported from a file: what would happen, then the session added.
      const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-gpx-'));
      const gpx = path.join(dir, 'ride.gpx');
      writeFileSync(
        gpx,
        readFileSync(path.join(root, 'tests/workouts/ride.gpx'), 'utf8').replaceAll('2026-11-07', daysAgo(1)),
      );
      await page.locator('main input[type=file]').setInputFiles(gpx);
      const add = page.locator('main section.card:has(input[type=file]) button.primary');
      await add.waitFor();
      await checkState(page, lang, 'a workout file, before it is imported', {
        known: OWN,
      });
      await add.click();
      await page.locator('#workouts-added').waitFor();
      await page.locator('#history-list .entry').nth(6).waitFor();
      await checkState(page, lang, 'History with every kind of entry', {
        known: OWN,
      });

      // The rest day opened: its flare and the weekly answers.
      await page.locator('#add-entry input[type=date]').fill(daysAgo(2));
      await page.locator('#add-entry button[type=submit]').click();
      await page.locator('#day-editor').waitFor();
      await page.locator('#day-editor .weekly, #day-editor section.card').last().waitFor();
      await checkState(page, lang, 'a rest day opened, with a flare and the weekly answers', { known: OWN });
      await page.context().close();
    } finally {
      server.close();
    }
  });
}
