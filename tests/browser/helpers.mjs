// Shared by the browser tests: a backsignal server of their own, Debian's Chromium driven by
// playwright-core, axe-core, and the few steps every test takes (answering the safety screen
// through the API, picking a value on a 0-10 scale).
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

export async function axeCheck(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
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
