// Browser tests in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// a new user's check-ins change the reading and its charts, sharp pain shows the guidance at
// once, an edit changes the reading, and axe-core finds no serious or critical violation.
// usage: node --test tests/browser/  (BACKSIGNAL_BIN, SCREENSHOTS may be set)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BIN = process.env.BACKSIGNAL_BIN || path.join(root, 'build/backsignal');
const SHOTS = process.env.SCREENSHOTS || path.join(root, 'build/screenshots');

let server, base, browser, tmp;

function isoDate(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function startServer(db) {
  const proc = spawn(BIN, ['--db', db, 'serve', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { proc, url };
}

async function api(method, p, body) {
  const res = await fetch(base + p, {
    method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  return res.json();
}

async function axeCheck(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${name}: ${v.id} ${v.help}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '')).join('; ')}`), []);
}

// Answers the safety screen with every question no, through the API (the screen's own tests use
// the page).
async function screened(url) {
  const screen = await (await fetch(`${url}/api/v1/safety`)).json();
  const answers = Object.fromEntries(screen.questions.filter((q) => !q.follows).map((q) => [q.id, false]));
  const res = await fetch(`${url}/api/v1/safety`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers }) });
  assert.equal(res.status, 200);
}

async function newPage(width) {
  // bypassCSP only so that axe-core can be injected; the page itself runs under its CSP.
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  return page;
}

// Clicks the value on a 0-10 scale inside the element with `legend`.
async function pick(scope, legend, value) {
  const fieldset = scope.locator('fieldset', { has: scope.page().locator(`legend:text-is("${legend}")`) }).first();
  await fieldset.getByRole('button', { name: `${value} of 10`, exact: true }).click();
}

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'backsignal-browser-'));
  mkdirSync(SHOTS, { recursive: true });
  ({ proc: server, url: base } = await startServer(path.join(tmp, 'diary.db')));
  await screened(base);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

test('a new user records a morning, a session and its hour after, and sees the reading change', async () => {
  // Two weeks of earlier mornings and sessions, so that today's entries move a real reading.
  const day = (n) => isoDate(new Date(Date.now() - n * 86400000));
  for (let n = 16; n >= 1; n -= 1) {
    await api('PUT', `/api/v1/days/${day(n)}/morning`, { pain: 3 });
    if (n % 2 === 0) await api('POST', `/api/v1/days/${day(n)}/sessions`, { time: '18:00', minutes: 30, during: { start: 3, end: 3 }, hour_after: { pain: 3 } });
  }
  const page = await newPage(360);
  await page.goto(`${base}/#reading`);
  await page.locator('#verdict').waitFor();
  const before = await page.evaluate(() => document.querySelector('#reading-body').innerText);
  const morningPoints = await page.locator('figure').first().locator('details tbody tr').count();

  await page.goto(`${base}/#today`);
  const morning = page.locator('form', { has: page.locator('h3:text("On waking")') });
  await pick(morning, 'Pain', 6);
  await pick(morning, 'Stiffness (optional)', 5);
  await morning.getByRole('button', { name: 'Save morning' }).click();
  await page.locator('h3:text("Morning: done")').waitFor();

  const session = page.locator('form', { has: page.locator('h3:text("A session: during it")') });
  await session.getByLabel('Activity').fill('swimming');
  await session.getByLabel('Minutes').fill('40');
  await session.getByRole('button', { name: 'Sustained rotation' }).click();
  await pick(session, 'Discomfort early in the session', 3);
  await pick(session, 'Discomfort at the end', 6);
  await session.getByRole('button', { name: 'Save session' }).click();
  const hourAfter = page.locator('form', { has: page.locator('h3:text("An hour after session 1")') });
  await hourAfter.waitFor();
  await pick(hourAfter, 'Pain now', 7);
  await hourAfter.getByRole('button', { name: 'Tighter or more restricted than before' }).click();
  await hourAfter.getByRole('button', { name: 'Save hour after' }).click();
  await page.locator('h3:text("Session 1: swimming: done")').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'today-360.png'), fullPage: true });
  await axeCheck(page, 'today');

  await page.goto(`${base}/#reading`);
  await page.locator('#verdict').waitFor();
  await page.locator('figure canvas').nth(1).waitFor();  // both charts drawn
  const afterText = await page.evaluate(() => document.querySelector('#reading-body').innerText);
  assert.notEqual(afterText, before);
  assert.match(afterText, /building as it went on/);
  assert.match(afterText, /still rising or tighter/);
  assert.equal(await page.locator('figure').first().locator('details tbody tr').count(), morningPoints + 1);
  assert.ok(await page.locator('figure canvas').count() >= 2, 'both charts are drawn');
  await page.screenshot({ path: path.join(SHOTS, 'reading-360.png'), fullPage: true });
  await axeCheck(page, 'reading');
  assert.deepEqual(page.errors, []);
});

test('reporting sharp pain shows the modify-or-stop guidance at once', async () => {
  const page = await newPage(360);
  await page.goto(`${base}/#today`);
  const session = page.locator('form', { has: page.locator('h3:text("A session: during it")') });
  await session.getByRole('button', { name: 'Sharp or catching pain' }).click();
  const advice = page.locator('#advice');
  await advice.waitFor({ state: 'visible' });
  assert.match(await advice.innerText(), /modify or stop/);
  await session.getByRole('button', { name: 'Save session' }).click();
  await page.locator('h3:text("An hour after session 2")').waitFor();
  assert.match(await page.locator('#advice').innerText(), /modify or stop/);
  await page.goto(`${base}/#reading`);
  await page.locator('.alert').first().waitFor();
  assert.match(await page.locator('.alert').first().innerText(), /sharp or catching pain/);
});

test('editing a check-in in the history changes the reading', async () => {
  const page = await newPage(1280);
  const before = await api('GET', '/api/v1/reading');
  const yesterday = isoDate(new Date(Date.now() - 86400000));
  await page.goto(`${base}/#history`);
  await page.getByRole('button', { name: `Edit the morning of ${await page.evaluate((iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  }, yesterday)}` }).click();
  const form = page.locator('form', { has: page.locator('h3:text("On waking")') });
  await pick(form, 'Pain', 9);
  await form.getByRole('button', { name: 'Save morning' }).click();
  await page.locator('#status:text("Saved the morning")').waitFor();
  const after = await api('GET', '/api/v1/reading');
  const m = (r) => r.mornings.find((x) => x.date === yesterday);
  assert.equal(m(before).pain, 3);
  assert.equal(m(after).pain, 9);
  assert.notDeepEqual(after.sessions.map((s) => s.morning), before.sessions.map((s) => s.morning));
  await page.screenshot({ path: path.join(SHOTS, 'history-1280.png'), fullPage: true });
  await axeCheck(page, 'history');
});

test('deleting asks first, and keyboard alone can reach every page', async () => {
  await api('PUT', `/api/v1/days/${isoDate(new Date())}/note`, { note: 'a note to delete' });
  const page = await newPage(1280);
  await page.goto(`${base}/#history`);
  const deleteButton = page.getByRole('button', { name: /^Delete the note|^Delete the context|^Delete session/ }).first();
  await deleteButton.waitFor();  // the history has been fetched and drawn
  const count = await page.getByRole('button', { name: /^Delete/ }).count();
  await deleteButton.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await page.getByRole('button', { name: /^Delete/ }).count(), count);
  await deleteButton.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.locator('#status:text("Deleted")').waitFor();
  // Keyboard: from a freshly loaded page, Tab to the Reading link and follow it.
  await page.goto('about:blank');
  await page.goto(`${base}/#today`);
  await page.locator('form').first().waitFor();
  await page.keyboard.press('Tab');
  for (let i = 0; i < 10; i += 1) {
    const name = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
    if (name === 'Reading') break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.locator('#verdict').waitFor();
  for (const [w, name] of [[360, 'narrow'], [1280, 'wide']]) {
    const p = await newPage(w);
    for (const pg of ['today', 'reading', 'history']) {
      await p.goto(`${base}/#${pg}`);
      await p.waitForTimeout(400);
      await p.screenshot({ path: path.join(SHOTS, `${pg}-${w}.png`), fullPage: true });
      await axeCheck(p, `${pg} at ${w}`);
    }
    assert.deepEqual(p.errors, [], name);
  }
});

const EMERGENCY = ['chest_breathless', 'chest_heart', 'tearing', 'legs_bladder'];

async function answerSafety(page, yes) {
  const screen = page.locator('#safety-screen');
  await screen.waitFor();
  for (let i = 0; ; i += 1) {
    const questions = screen.locator('fieldset[data-question]:visible');
    if (i >= await questions.count()) break;
    const q = questions.nth(i);
    const id = await q.getAttribute('data-question');
    await q.getByRole('button', { name: yes.includes(id) ? 'Yes' : 'No', exact: true }).click();
    if (EMERGENCY.includes(id) && yes.includes(id)) {
      await page.locator('#safety-stop').waitFor();  // an emergency yes ends the questions
      return;
    }
  }
  await screen.getByRole('button', { name: 'Continue' }).click();
}

test('the safety screen comes first; each urgency gives its advice, and a stop holds on the CLI and API', async () => {
  const tmp2 = mkdtempSync(path.join(tmpdir(), 'backsignal-safety-'));
  const db = path.join(tmp2, 'diary.db');
  const second = await startServer(db);
  try {
    const page = await newPage(360);
    await page.goto(`${second.url}/#today`);
    await page.locator('#safety-screen').waitFor();
    assert.equal(await page.locator('h3:text("On waking")').count(), 0, 'no check-in before the screen');
    // The follow-up about new pain appears only after a cancer history.
    assert.equal(await page.locator('fieldset[data-question="cancer_new_pain"]').isVisible(), false);
    await axeCheck(page, 'safety screen');
    await page.screenshot({ path: path.join(SHOTS, 'safety-360.png'), fullPage: true });

    // Emergency: a yes to tearing pain shows the advice at once, with no more questions.
    await answerSafety(page, ['tearing']);
    const stop = page.locator('#safety-stop');
    await stop.waitFor();
    assert.match(await stop.innerText(), /Get urgent help now/);
    assert.match(await stop.innerText(), /emergency/);
    assert.equal(await page.locator('form').count(), 0, 'the check-in flow is stopped');
    // The stop is the server's: the API and the CLI on the same diary refuse check-ins.
    const today = isoDate(new Date());
    const put = await fetch(`${second.url}/api/v1/days/${today}/morning`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"pain":3}' });
    assert.equal(put.status, 403);
    const cli = spawnSync(BIN, ['--db', db, 'morning', '3'], { encoding: 'utf8' });
    assert.equal(cli.status, 6, cli.stderr);
    assert.match(cli.stderr, /safety check/);
    await page.reload();
    await page.locator('#safety-stop').waitFor();  // still stopped after a reload

    // Same day: coughing blood.
    await page.getByRole('button', { name: 'Answer the questions again' }).click();
    await answerSafety(page, ['cough_blood']);
    await page.locator('#safety-stop h3:text("Please be seen today")').waitFor();
    // Soon: new pain with a cancer history (a history alone is no stop).
    await page.getByRole('button', { name: 'Answer the questions again' }).click();
    await answerSafety(page, ['cancer_history', 'cancer_new_pain']);
    await page.locator('#safety-stop h3:text("Please contact a clinician")').waitFor();
    await axeCheck(page, 'safety stop');
    // A clinician's clearance ends the stop, on every surface.
    await page.getByLabel('The day a clinician saw me and cleared me').fill(today);
    await page.getByRole('button', { name: 'Record the clearance' }).click();
    await page.locator('h3:text("A session: during it")').waitFor();
    assert.equal(spawnSync(BIN, ['--db', db, 'morning', '3'], { encoding: 'utf8' }).status, 0);
    // The clearance is kept: a new page goes straight to the check-ins.
    const state = await (await fetch(`${second.url}/api/v1/safety/state`)).json();
    assert.equal(state.cleared_on, today);
    const again = await newPage(360);
    await again.goto(`${second.url}/#today`);
    await again.locator('h3:text("A session: during it")').waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    second.proc.kill('SIGTERM');
    rmSync(tmp2, { recursive: true, force: true });
  }
});

test('pain that builds with breathing under load asks the questions again, at most once a week', async () => {
  const page = await newPage(360);
  await page.goto(`${base}/#today`);
  const session = page.locator('form', { has: page.locator('h3:text("A session: during it")') });
  await session.getByRole('button', { name: 'Heavy breathing under load' }).click();
  await session.getByRole('button', { name: 'Building', exact: true }).click();
  await session.getByRole('button', { name: 'Save session' }).click();
  // Answered minutes ago: not asked again yet.
  await page.locator('h3:text("An hour after session")').first().waitFor();
  assert.equal(await page.locator('#safety-screen').count(), 0);
});

test('associations appear once there is enough data, and not before', async () => {
  const tmp2 = mkdtempSync(path.join(tmpdir(), 'backsignal-assoc-'));
  const second = await startServer(path.join(tmp2, 'diary.db'));
  try {
    const call = async (method, p, body) => (await fetch(second.url + p, {
      method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    })).json();
    const page = await newPage(1280);
    const day = (n) => isoDate(new Date(Date.now() - n * 86400000));
    // Two exercise days: too few to compare anything.
    for (let n = 20; n >= 1; n -= 1) await call('PUT', `/api/v1/days/${day(n)}/morning`, { pain: 3 });
    for (const n of [4, 2]) await call('POST', `/api/v1/days/${day(n)}/sessions`, { load: ['rotation'], during: { start: 2, end: 2 } });
    await page.goto(`${second.url}/#reading`);
    await page.locator('#associations-missing').waitFor();
    assert.equal(await page.locator('#associations li').count(), 0);
    // Six more: rotation on 16, 12 and 8 days ago, none on 14, 10 and 6; two worse mornings.
    for (const n of [16, 14, 12, 10, 8, 6]) {
      await call('POST', `/api/v1/days/${day(n)}/sessions`, { load: n % 4 === 0 ? ['rotation'] : [], during: { start: 2, end: 2 } });
    }
    for (const n of [15, 3]) await call('PUT', `/api/v1/days/${day(n)}/morning`, { pain: 6 });
    await page.reload();
    await page.locator('#associations li[data-factor="rotation"]').waitFor();
    // The page shows the server's words, not sentences of its own.
    const words = (await call('GET', '/api/v1/reading')).words.associations;
    const rotation = words.find((a) => a.factor === 'rotation');
    assert.ok(rotation, JSON.stringify(words));
    assert.equal(await page.locator('#associations li[data-factor="rotation"]').innerText(), rotation.text);
    assert.match(rotation.text, /sustained rotation/);
    await axeCheck(page, 'reading with associations');
  } finally {
    second.proc.kill('SIGTERM');
    rmSync(tmp2, { recursive: true, force: true });
  }
});

test('a person can adjust a threshold within its bounds, and the reading says so', async () => {
  const page = await newPage(1280);
  await page.goto(`${base}/#reading`);
  await page.locator('#verdict').waitFor();
  await page.locator('#thresholds summary').click();
  await page.getByLabel('significant change').fill('2.5');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await page.locator('text=Changed thresholds in force: significant_change').waitFor();
  await axeCheck(page, 'thresholds');
  await page.locator('#thresholds summary').click();
  await page.getByRole('button', { name: 'Back to the defaults' }).click();
  await page.locator('#status:text("Saved the thresholds")').waitFor();
  const r = await api('GET', '/api/v1/reading');
  assert.deepEqual(r.non_default_settings, []);
});

// Counts the pages of a PDF made by Chromium.
function pdfPages(pdf) { return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length; }

test('the clinician report opens from the page, and two weeks print on one A4 page', async () => {
  const tmp2 = mkdtempSync(path.join(tmpdir(), 'backsignal-report-'));
  const second = await startServer(path.join(tmp2, 'diary.db'));
  try {
    const diary = readFileSync(path.join(root, 'tests/scenarios/stirring_up_mornings/diary.json'), 'utf8');
    const put = await fetch(`${second.url}/api/v1/diary`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: diary });
    assert.equal(put.status, 200);
    const page = await newPage(1280);
    await page.goto(`${second.url}/#share`);
    await page.locator('#report-card').waitFor();
    await axeCheck(page, 'report and data');
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('#open-report').click()]);
    await report.waitForLoadState();
    assert.match(await report.locator('h1').innerText(), /2-week report/);
    assert.match(await report.locator('.verdict h2').innerText(), /stirring things up/);
    assert.equal(await report.locator('svg.chart').count(), 2);
    assert.equal(await report.locator('script').count(), 0);
    await report.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
    await report.emulateMedia({ media: 'print' });
    await report.screenshot({ path: path.join(SHOTS, 'report-print.png'), fullPage: true });
    const a4 = await report.pdf({ format: 'A4' });
    assert.equal(pdfPages(a4), 1, 'two weeks fit one A4 page');
    assert.equal(pdfPages(await report.pdf({ format: 'Letter' })), 1, 'and one Letter page');
    writeFileSync(path.join(SHOTS, 'report-a4.pdf'), a4);
    // The longer reports open too.
    await page.selectOption('select', '12');
    const [twelve] = await Promise.all([page.context().waitForEvent('page'), page.locator('#open-report').click()]);
    await twelve.waitForLoadState();
    assert.match(await twelve.locator('h1').innerText(), /12-week report/);
    await axeCheck(twelve, 'the report');
  } finally {
    second.proc.kill('SIGTERM');
    rmSync(tmp2, { recursive: true, force: true });
  }
});

test('downloads from the page hold the diary, and the calendar link can be published, renewed and revoked', async () => {
  const page = await newPage(390);
  await page.goto(`${base}/#share`);
  await page.locator('#downloads').waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="csv"]').click()]);
  assert.match(csv.suggestedFilename(), /^backsignal-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync(await csv.path(), 'utf8');
  assert.equal(csvText, await (await fetch(`${base}/api/v1/export?format=csv`)).text());
  assert.ok(csvText.split('\n').length > 10, 'the CSV holds the diary');
  const [all] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="all"]').click()]);
  const everything = JSON.parse(readFileSync(await all.path(), 'utf8'));
  assert.equal(everything.format, 'backsignal-export');
  assert.deepEqual(everything.diary, await (await fetch(`${base}/api/v1/diary`)).json());

  // Reminder times, then the calendar link.
  await page.getByLabel('Your time zone').fill('Europe/Madrid');
  await page.getByLabel('Morning check-in reminder at').fill('06:40');
  await page.getByRole('button', { name: 'Save reminder times' }).click();
  await page.locator('#status:text("Saved: reminders at 06:40, Europe/Madrid time.")').waitFor();
  await page.locator('#feed-publish').click();
  const url = await page.locator('#feed-url').inputValue();
  assert.match(url, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  let res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar/);
  assert.match(await res.text(), /DTSTART;TZID=Europe\/Madrid:\d{8}T064000/);
  await page.screenshot({ path: path.join(SHOTS, 'share-390.png'), fullPage: true });
  await axeCheck(page, 'calendar link');
  await page.locator('#feed-publish').click();  // renew: the old link stops working
  await page.waitForFunction((old) => document.querySelector('#feed-url') && document.querySelector('#feed-url').value !== old, url);
  const renewed = await page.locator('#feed-url').inputValue();
  assert.notEqual(renewed, url);
  assert.equal((await fetch(url)).status, 404);
  assert.equal((await fetch(renewed)).status, 200);
  await page.locator('#feed-revoke').click();
  await page.locator('#feed-status').waitFor();
  assert.equal((await fetch(renewed)).status, 404);
  assert.deepEqual(page.errors, []);
});

async function startAccountsServer(db) {
  const proc = spawn(BIN, ['--db', db, 'serve', '--accounts', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open http:\/\/127\.0\.0\.1:(\d+)\//);
      const code = out.match(/#signup=([A-Za-z0-9_-]+)/);
      if (m) resolve({ proc, url: `http://127.0.0.1:${m[1]}`, code: code && code[1] });
    });
    proc.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
}

async function signUp(page, url, username, role) {
  await page.goto(url);
  // The sign-in page has drawn (in either mode) before its mode is read.
  await page.locator('#signin-body button:text-is("Create account"), #switch-mode').first().waitFor();
  if (!(await page.getByRole('button', { name: 'Create account' }).isVisible())) await page.locator('#switch-mode').click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
  if (role === 'clinician') await page.getByRole('button', { name: 'a clinician' }).click();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('nav a[href="#account"]').waitFor({ state: 'visible' });
}

test('a person signs up, shares with a clinician who finds them in the list, then revokes', async () => {
  const tmp2 = mkdtempSync(path.join(tmpdir(), 'backsignal-accounts-'));
  const srv = await startAccountsServer(path.join(tmp2, 'diary.db'));
  try {
    // The first account, from the link serve printed.
    const admin = await newPage(1280);
    await signUp(admin, `${srv.url}/#signup=${srv.code}`, 'admin');
    await axeCheck(admin, 'signed in');

    // A person signs up on a phone, records a morning, and creates an invite code.
    const person = await newPage(390);
    await person.goto(srv.url);
    await person.locator('#signin-form').waitFor();
    await person.screenshot({ path: path.join(SHOTS, 'signin-390.png'), fullPage: true });
    await axeCheck(person, 'sign in');
    await signUp(person, srv.url, 'maria');
    const r = await person.evaluate(async () => {
      const me = await (await fetch('/api/v1/me')).json();
      const res = await fetch('/api/v1/days/2026-11-20/morning', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf }, body: JSON.stringify({ pain: 6 }) });
      return res.status;
    });
    assert.equal(r, 200);
    await person.goto(`${srv.url}/#account`);
    await person.locator('#create-invite').click();
    const code = await person.locator('#invite-code-value').innerText();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await axeCheck(person, 'account');

    // The clinician signs up, enters the code, and finds the person in the list.
    const clin = await newPage(1280);
    await signUp(clin, srv.url, 'dr.okafor', 'clinician');
    await clin.goto(`${srv.url}/#people`);
    await clin.getByLabel('Their invite code').fill(code);
    await clin.getByRole('button', { name: 'Add', exact: true }).click();
    const row = clin.locator('#people-list a[data-username="maria"]');
    await row.waitFor();
    const mariaId = (await row.getAttribute('href')).replace('#person=', '');
    await axeCheck(clin, 'people');
    await clin.screenshot({ path: path.join(SHOTS, 'people-1280.png'), fullPage: true });
    await row.click();
    await clin.locator('#reading-title:text("Reading: maria (read only)")').waitFor();
    await clin.locator('#verdict').waitFor();
    assert.equal(await clin.locator('#thresholds').count(), 0, 'no thresholds to change in a read-only view');

    // The person sees who can see them, and revokes.
    await person.reload();
    await person.locator('#share-list').waitFor();
    assert.match(await person.locator('#share-list').innerText(), /dr\.okafor/);
    await person.getByRole('button', { name: 'Stop sharing with dr.okafor' }).click();
    await person.locator('#confirm').getByRole('button', { name: 'Delete' }).click();
    await person.locator('#share-none').waitFor();

    // The clinician can no longer see them.
    await clin.goto(`${srv.url}/#people`);
    await clin.locator('#people-none').waitFor();
    const pid = await clin.evaluate(async () => (await fetch('/api/v1/clinician/people')).json());
    assert.deepEqual(pid.people, []);
    await clin.goto(`${srv.url}/#person=${mariaId}`);
    // The earlier reading is replaced by the refusal, not left on the page.
    await clin.locator(`#reading-body:has-text("this person no longer shares their reading with you")`).waitFor();
    assert.doesNotMatch(await clin.locator('#reading-body').innerText(), /Verdict|usual morning/i);
    for (const p of [admin, person]) assert.deepEqual(p.errors, []);
  } finally {
    srv.proc.kill('SIGTERM');
    rmSync(tmp2, { recursive: true, force: true });
  }
});
