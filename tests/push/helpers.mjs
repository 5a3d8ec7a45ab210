// Shared by the push tests: a backsignal server with the test push settings (loopback allowed,
// a clock moved through a file), and waiting for what the test push service receives.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const BIN = process.env.BACKSIGNAL_BIN || path.join(root, 'build/backsignal');

// A server whose clock says `at` (Unix seconds) now and moves on from there; move(s) moves it.
export async function startPushServer({ at, extra = [], loopback = true } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-push-'));
  const clock = path.join(dir, 'clock');
  let offset = at ? at - Math.floor(Date.now() / 1000) : 0;
  writeFileSync(clock, String(offset));
  const args = [
    '--db',
    path.join(dir, 'diary.db'),
    'serve',
    '--listen',
    '127.0.0.1:0',
    '--test-clock',
    clock,
    '--push-poll-ms',
    '100',
    ...extra,
  ];
  if (loopback) args.push('--push-test-loopback');
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => {
    err += d;
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Open http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    proc.on('exit', (c) => reject(new Error(`server exited ${c}: ${err}`)));
  });
  return {
    url,
    proc,
    stderr: () => err,
    now: () => Math.floor(Date.now() / 1000) + offset,
    move(seconds) {
      offset += seconds;
      writeFileSync(clock, String(offset));
    },
    close() {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function api(base, method, p, body) {
  const res = await fetch(base + p, {
    method,
    headers: body !== undefined ? { 'Content-Type': 'application/json' } : {},
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  return { status: res.status, data };
}

// Waits (up to `ms`) until `f()` is true; answers its last value.
export async function until(f, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Noon UTC on the day after today: a clock position that makes every time of day in a test fixed.
export function nextNoonUtc() {
  const d = new Date();
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 12) / 1000);
}

export function dateOf(unix) {
  return new Date(unix * 1000).toISOString().slice(0, 10);
}

// The value of one line of /metrics.
export async function metric(base, line) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = text.split('\n').find((l) => l.startsWith(line));
  return m ? Number(m.split(' ').pop()) : 0;
}
