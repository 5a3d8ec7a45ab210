// Shared by the browser tests: a backsignal server of their own, Debian's Chromium driven by
// playwright-core, axe-core, and the few steps every test takes (answering the safety screen
// through the API, picking a value on a 0-10 scale), and the checks every page must pass: no
// "null", "undefined", "NaN" or "[object" ever shown, every tap target big enough or spaced.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const BIN = process.env.BACKSIGNAL_BIN || path.join(root, 'build/backsignal');
export const SHOTS = process.env.SCREENSHOTS || path.join(root, 'build/screenshots');
mkdirSync(SHOTS, { recursive: true });

export function isoDate(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
export const daysAgo = (n) => isoDate(new Date(Date.now() - n * 86400000));

// A server on a fresh diary (or with --accounts): { proc, url, db, code, dir, close() }.
export async function startServer({ accounts = false, db = null } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-browser-'));
  const file = db || path.join(dir, 'diary.db');
  const args = ['--db', file, 'serve', '--listen', '127.0.0.1:0'];
  if (accounts) args.splice(3, 0, '--accounts');
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const server = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      const code = out.match(/#signup=([A-Za-z0-9_-]+)/);
      if (m && (!accounts || code || /signed in/.test(out) || out.includes('Open'))) {
        resolve({ url: `http://127.0.0.1:${m[1]}`, code: code && code[1] });
      }
    });
    proc.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return {
    ...server,
    proc,
    db: file,
    dir,
    close() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function api(base, method, p, body, headers = {}) {
  const res = await fetch(base + p, {
    method,
    headers: body !== undefined ? { 'Content-Type': 'application/json', ...headers } : headers,
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  let data;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  return { status: res.status, data, headers: res.headers };
}

// Waits until `check` (an async function run here, in Node) returns a truthy value, and returns
// that value. Not page.waitForFunction with an async function: it takes the Promise returned as
// its truthy answer and stops at once, whatever the Promise resolves to (the lint refuses it).
export async function eventually(check, { timeout = 15000, what = 'the condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Waits until the page's outbox has sent everything (the server holds what was entered).
export async function outboxEmpty(page, timeout = 15000) {
  await eventually(
    () =>
      page.evaluate(async () => {
        const { pending } = await import('/assets/outbox.js');
        return (await pending()).length === 0;
      }),
    { timeout, what: "the page's outbox to be sent" },
  );
}

// Every question of the safety screen answered no, through the API.
export async function screened(base) {
  const screen = (await api(base, 'GET', '/api/v1/safety')).data;
  const answers = Object.fromEntries(screen.questions.filter((q) => !q.follows).map((q) => [q.id, false]));
  const r = await api(base, 'PUT', '/api/v1/safety', { answers });
  assert.equal(r.status, 200);
}

let browser = null;
export async function launch() {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}
export async function closeBrowser() {
  if (browser) await browser.close();
  browser = null;
}

// A page in a context of its own. A phone: 390x844, touch. bypassCSP only so that axe-core can
// be injected; the page itself runs under its CSP.
export async function newPage({ width = 390, height = 844, phone = width < 700, timezoneId, serviceWorkers } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    hasTouch: phone,
    isMobile: phone,
    bypassCSP: true,
    timezoneId,
    serviceWorkers,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR/.test(m.text()))
      errors.push(m.text());
  });
  page.errors = errors;
  return page;
}

// Rules that fail a page whatever axe's impact for them (page-has-heading-one is "moderate").
const ALWAYS = new Set(['page-has-heading-one', 'landmark-one-main', 'heading-order', 'empty-heading']);

export async function axeCheck(page, name) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.has(v.id));
  assert.deepEqual(
    bad.map(
      (v) =>
        `${name}: ${v.id} ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary || ''}`).join('; ')}`,
    ),
    [],
  );
}

// Picks `value` on the 0-10 scale whose legend starts with `legend`, inside `scope`.
export async function pick(scope, legend, value) {
  const fieldset = scope
    .locator('fieldset.scale-set')
    .filter({ has: scope.page().locator('legend', { hasText: legend }) })
    .first();
  await fieldset.locator('label', { hasText: new RegExp(`^${value}$`) }).click();
}

// Picks `value` on the `nth` 0-10 scale of `scope` (whatever the language of its legends).
export async function pickNth(scope, nth, value) {
  await scope
    .locator('fieldset.scale-set')
    .nth(nth)
    .locator('label', { hasText: new RegExp(`^${value}$`) })
    .click();
}

// The card (a section) whose heading starts with `title`.
export function card(scope, title) {
  const page = typeof scope.page === 'function' ? scope.page() : scope;
  return scope
    .locator('section.card')
    .filter({ has: page.locator('h3', { hasText: title }) })
    .first();
}

export async function noHorizontalScroll(page, name) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${name}: the page is ${scroll} px wide on a ${client} px screen`);
}

export { assert };

// A person's own requests from inside the page (its cookie and CSRF token).
export function pageApi(page) {
  return (method, p, body) =>
    page.evaluate(
      async ([m, url, b]) => {
        if (window.__csrf === undefined) window.__csrf = (await (await fetch('/api/v1/me')).json()).csrf || '';
        const headers = { 'Content-Type': 'application/json' };
        if (window.__csrf) headers['X-CSRF-Token'] = window.__csrf;
        const res = await fetch(url, { method: m, headers, body: b === undefined ? undefined : JSON.stringify(b) });
        const data = await res.json().catch(() => null);
        return { status: res.status, data };
      },
      [method, p, body],
    );
}

// Signs a new account up through the API, in the page's own context (its cookie), and opens the
// page again signed in.
export async function signUpApi(page, base, username, { role = 'person', code = null, zone = null } = {}) {
  if (!page.url().startsWith(base)) await page.goto(`${base}/#`);
  const r = await page.evaluate(
    async ([u, ro, c]) => {
      const body = { username: u, password: 'correct horse battery', role: ro };
      if (c) body.setup_code = c;
      const res = await fetch('/api/v1/auth/signup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    [username, role, code],
  );
  assert.ok(r === 200 || r === 201, `sign-up of ${username}: ${r}`);
  if (zone) assert.equal((await pageApi(page)('PUT', '/api/v1/profile', { time_zone: zone })).status, 200);
  await page.reload();
  await page.locator('main h1, main h2').first().waitFor();
}

// The safety screen answered no to everything, through the API of the signed-in page.
export async function screenedPage(page) {
  const call = pageApi(page);
  const screen = (await call('GET', '/api/v1/safety')).data;
  const answers = Object.fromEntries(screen.questions.filter((q) => !q.follows).map((q) => [q.id, false]));
  assert.equal((await call('PUT', '/api/v1/safety', { answers })).status, 200);
}

// Whether an element is wholly inside the viewport.
export async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

// Watches every text and attribute the page ever shows, from before its first script: any
// "null", "undefined", "NaN" or "[object" is kept in window.__badText (see badText).
const BAD_TEXT = String.raw`\bnull\b|\bundefined\b|\bNaN\b|\[object`;
export async function watchBadText(context) {
  await context.addInitScript((pattern) => {
    const bad = new RegExp(pattern);
    window.__badText = [];
    const ATTRS = ['aria-label', 'title', 'value', 'placeholder', 'alt', 'href', 'aria-valuetext'];
    const check = (text, where) => {
      if (text && bad.test(text)) window.__badText.push(`${where}: ${text.slice(0, 160)}`);
    };
    const scan = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.parentElement || !['SCRIPT', 'STYLE'].includes(node.parentElement.tagName))
          check(node.textContent, 'text');
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || ['SCRIPT', 'STYLE'].includes(node.tagName)) return;
      for (const a of ATTRS)
        if (node.hasAttribute(a)) check(node.getAttribute(a), `${node.tagName.toLowerCase()}[${a}]`);
      for (const c of node.childNodes) scan(c);
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') check(r.target.textContent, 'text');
        else if (r.type === 'attributes') scan(r.target);
        else for (const n of r.addedNodes) scan(n);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, BAD_TEXT);
}
export async function badText(page) {
  const seen = await page.evaluate(() => window.__badText || []);
  const now = await page.evaluate(() => document.body.innerText);
  const bad = new RegExp(BAD_TEXT);
  return now.match(bad) ? [...seen, `shown now: ${now.match(bad)[0]}`] : seen;
}

// Every tap target of the page (links, buttons, fields, summaries, the labels that stand for
// hidden radios and checkboxes) that is neither 44x44 CSS px nor spaced as WCAG 2.2 measures
// it (a 44 px circle centred on a smaller target touches no other target nor another small
// target's circle). A link inside a sentence is exempt, as in WCAG. Answers "what WxH" lines.
export async function smallTargets(page) {
  return page.evaluate(() => {
    const seen = new Set();
    const targets = [];
    const visible = (el) => {
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right > 0 && r.left < document.documentElement.clientWidth;
    };
    const union = (a, b) => {
      const left = Math.min(a.left, b.left);
      const top = Math.min(a.top, b.top);
      const right = Math.max(a.right, b.right);
      const bottom = Math.max(a.bottom, b.bottom);
      return { left, top, right, bottom, width: right - left, height: bottom - top };
    };
    const name = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 40)}"`;
    const inline = (el) => {
      if (el.tagName !== 'A' || el.classList.contains('button')) return false;
      const block = el.parentElement;
      return block && block.textContent.trim().length > el.textContent.trim().length + 10;
    };
    for (const el of document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])',
    )) {
      if (seen.has(el) || el.disabled || !visible(el) || inline(el) || el.closest('[hidden]')) continue;
      let rect = el.getBoundingClientRect();
      if (el.tagName === 'INPUT' && (el.type === 'radio' || el.type === 'checkbox')) {
        // The label stands for the input: one target.
        const labels = [...(el.labels || [])].filter(visible);
        if (!labels.length) continue;
        const cs = getComputedStyle(el);
        rect =
          Number(cs.opacity) === 0 ? labels[0].getBoundingClientRect() : union(rect, labels[0].getBoundingClientRect());
        labels.forEach((l) => seen.add(l));
      }
      seen.add(el);
      targets.push({ el, rect, what: name(el) });
    }
    const small = targets.filter((t) => t.rect.width < 43.5 || t.rect.height < 43.5);
    const centre = (r) => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
    const circleHitsRect = ([cx, cy], radius, r) => {
      const dx = Math.max(r.left - cx, 0, cx - r.right);
      const dy = Math.max(r.top - cy, 0, cy - r.bottom);
      return dx * dx + dy * dy < radius * radius;
    };
    const out = [];
    for (const t of small) {
      const c = centre(t.rect);
      const clash = targets.find((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (circleHitsRect(c, 22, o.rect)) return true;
        if (small.includes(o)) {
          const [ox, oy] = centre(o.rect);
          return Math.hypot(ox - c[0], oy - c[1]) < 44;
        }
        return false;
      });
      if (clash) out.push(`${t.what} ${Math.round(t.rect.width)}x${Math.round(t.rect.height)} (beside ${clash.what})`);
    }
    return out;
  });
}

// The first of `zones` where it is now between 06:00 and 23:00, so that a test's "an hour ago"
// and "ten minutes ago" fall on today's date there, whenever the suite runs.
export function awakeZone(zones) {
  const now = new Date();
  for (const zone of zones) {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(now),
    );
    if (hour >= 6 && hour < 23) return zone;
  }
  return zones[0];
}
// Far east and far west of UTC.
export const EAST = awakeZone(['Asia/Tokyo', 'Pacific/Auckland', 'Asia/Kolkata']);
export const WEST = awakeZone(['America/Los_Angeles', 'Pacific/Honolulu', 'America/New_York', 'America/Sao_Paulo']);

// A server that can speak the pseudo-locale (tests only).
export async function testLocaleServer(opts = {}) {
  process.env.BACKSIGNAL_TEST_LOCALES = '1';
  try {
    return await startServer(opts);
  } finally {
    delete process.env.BACKSIGNAL_TEST_LOCALES;
  }
}

// Waits until the service worker is installed and controls the page (from its next load).
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

// Words a page may show in any language: the name, the person's own (their name, their
// activities), the language names, time zones, browser names, and the dates the test locale
// writes as the browser does (en-US).
const ANY_LANGUAGE = new Set([
  'backsignal',
  'sam',
  'Sam',
  'swimming',
  'deadlifts',
  'English',
  'Deutsch',
  'Español',
  'UTC',
  'Chrome',
  'Linux',
  'HeadlessChrome',
  ...'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Wed Thu Fri Sat Sun'.split(' '),
  ...'January February March April May June July August September October November December'.split(' '),
  ...'Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec AM PM'.split(' '),
]);

// The English words left in the visible text and the aria-labels of `selector` (an open dialog
// too), once every pseudo-locale piece ("[Ŝéš ~~]", nested ones too) is taken out, in the
// pseudo-locale (issue 23). `known`: texts of the person's own to take out first (a note, a
// factor); a chart's legends and axis labels are read from its canvas; a link's address is not
// text.
export async function english(page, selector = 'main', known = []) {
  const texts = await page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      if (el.offsetParent === null && el.tagName !== 'BODY' && !el.open) continue;
      out.push(el.innerText);
      for (const x of el.querySelectorAll('[aria-label]')) out.push(x.getAttribute('aria-label'));
      for (const c of el.querySelectorAll('.chart'))
        if (c.uplot) {
          for (const s of c.uplot.series.slice(1)) out.push(s.label);
          for (const a of c.uplot.axes) if (a.label) out.push(a.label);
        }
    }
    return out;
  }, selector);
  const left = [];
  const longestFirst = [...known].sort((a, b) => b.length - a.length);
  for (let t of texts) {
    for (const k of longestFirst) t = t.split(k).join(' ');
    while (/\[[^[\]]*\]/.test(t)) t = t.replace(/\[[^[\]]*\]/g, ' ');
    t = t.replace(/\b(https?|webcal):\S+/g, ' ');
    for (const w of t.match(/\p{L}[\p{L}'’]+/gu) || []) if (!ANY_LANGUAGE.has(w)) left.push(w);
  }
  return [...new Set(left)];
}

// Controls cut off or pushed out of the screen: wider inside than their box with overflow
// hidden (a text field scrolls its own long value: not clipped), or reaching past either side of
// the screen.
export async function clipped(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main button, main a, main label, main select, main input, main summary')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const cut =
          el.tagName !== 'INPUT' && el.scrollWidth > el.clientWidth + 1 && /hidden|clip/.test(s.overflowX + s.overflow);
        return cut || r.left < -0.5 || r.right > width + 0.5;
      })
      .map((el) => `${el.tagName}#${el.id}: ${(el.innerText || el.value || '').slice(0, 60)}`);
  });
}

// A scenario's diary (tests/scenarios/NAME) with its dates moved so that its as-of date is
// yesterday.
export function scenarioDiary(name) {
  const folder = path.join(root, 'tests/scenarios', name);
  const diary = JSON.parse(readFileSync(path.join(folder, 'diary.json'), 'utf8'));
  const asOf = JSON.parse(readFileSync(path.join(folder, 'expect.json'), 'utf8')).as_of;
  const shift = Math.round((Date.now() - 86400000 - Date.parse(`${asOf}T12:00:00`)) / 86400000);
  for (const day of diary.days) day.date = isoDate(new Date(Date.parse(`${day.date}T12:00:00`) + shift * 86400000));
  return diary;
}

// The language walks of issue 23 (pagelang*.test.mjs): the pseudo-locale, and German at 320 px.
export const QPS = 'qps';
export const GERMAN = 'de-DE,de;q=0.9';

// A language walk's server (the pseudo-locale's one for qps) and its tests' names.
export const walkServer = (lang, opts = {}) => (lang === QPS ? testLocaleServer(opts) : startServer(opts));
export const walkLabel = (lang) => (lang === QPS ? 'in the pseudo-locale' : 'in German at 320 px');

// A 320 px phone whose browser asks for `lang`.
export async function pageIn(lang, opts = {}) {
  const page = await newPage({ width: 320, ...opts });
  await page.setExtraHTTPHeaders({ 'Accept-Language': lang });
  return page;
}

// In the pseudo-locale: no English in `selector`. In German: no sideways scroll, no control
// clipped. Either way a screenshot, named after the state.
export async function checkState(page, lang, what, { selector = 'main', known = [] } = {}) {
  if (lang === QPS) {
    assert.deepEqual(await english(page, selector, known), [], what);
  } else {
    await noHorizontalScroll(page, `${what} in German at 320 px`);
    assert.deepEqual(await clipped(page), [], `${what}: a control clipped in German at 320 px`);
  }
  const name = what.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  await page.screenshot({
    path: path.join(SHOTS, `${lang === QPS ? 'qps' : 'de'}-${name}-320.png`),
    fullPage: true,
  });
}
