// Push reminders from the C++ server to a push service on this machine that decrypts every
// message and checks its VAPID token (push_service.mjs): the hour-after one an hour after a
// session, once; nothing for a window filled in; a tampered key fails; 429 with Retry-After is
// tried again, 410 removes the device, a hanging push service holds nothing else up; TLS to a
// push service with its own certificate; and the npm web-push-testing mock push service agrees.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { lookup } from 'node:dns/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { api, dateOf, metric, nextNoonUtc, root, sleep, startPushServer, until } from './helpers.mjs';
import { startPushService } from './push_service.mjs';

const require = createRequire(path.join(root, 'web/package.json'));

async function register(server, sub, device = 'Test phone') {
  const r = await api(server.url, 'POST', '/api/v1/reminders/devices', {
    endpoint: sub.endpoint,
    keys: sub.keys,
    device,
  });
  assert.equal(r.status, 201, JSON.stringify(r.data));
  return r.data.id;
}

describe('push reminders, end to end', () => {
  const noon = nextNoonUtc();
  const day = dateOf(noon);
  const nextDay = dateOf(noon + 86400);
  let service;
  let server;

  before(async () => {
    service = await startPushService();
    server = await startPushServer({ at: noon });
    service.setClock(server.now);
    assert.equal(
      (await api(server.url, 'PUT', '/api/v1/profile', { time_zone: 'UTC', wake_time: '07:00' })).status,
      200,
    );
  });
  after(async () => {
    server.close();
    await service.close();
  });

  test('a session saved, the clock moved an hour: one message, which decrypts; filled-in windows get none', async () => {
    const vapid = (await api(server.url, 'GET', '/api/v1/reminders')).data.vapid_public_key;
    assert.match(vapid, /^[A-Za-z0-9_-]{87}$/);
    const sub = service.subscribe({ appKey: vapid });
    await register(server, sub);
    const saved = await api(server.url, 'POST', `/api/v1/days/${day}/sessions`, {
      time: '11:30',
      minutes: 30,
      activity: 'swimming',
      during: { start: 3, end: 4 },
    });
    assert.equal(saved.status, 201);
    const device = service.device(sub.id);
    await sleep(400);
    assert.equal(device.messages.length, 0, 'nothing before it is due');

    server.move(3600 + 1); // 13:00: an hour after the session ended
    await until(() => device.messages.length === 1);
    await sleep(400);
    assert.deepEqual(device.rejected, []);
    assert.equal(device.messages.length, 1, 'one message');
    const m = device.messages[0];
    assert.equal(m.payload.kind, 'hour_after');
    assert.equal(m.payload.date, day);
    assert.equal(m.payload.url, `/#today/after-${day}-1`);
    assert.equal(m.payload.title, 'Your hour-after check-in is due');
    assert.ok(!JSON.stringify(m.payload).includes('swimming'), 'no diary content in a message');
    assert.equal(m.urgency, 'normal');
    assert.ok(m.ttl > 0 && m.ttl <= 2 * 3600, `TTL ${m.ttl}`);
    assert.equal(await metric(server.url, 'backsignal_push_messages_total{outcome="sent"}'), 1);

    // The hour after filled in; the next morning filled in before the wake time: no more.
    assert.equal((await api(server.url, 'PUT', `/api/v1/days/${day}/sessions/1/hour_after`, { pain: 3 })).status, 200);
    server.move(17 * 3600 + 1800); // 06:30 the next day
    assert.equal((await api(server.url, 'PUT', `/api/v1/days/${nextDay}/morning`, { pain: 2 })).status, 200);
    server.move(3600); // 07:30
    await sleep(600);
    assert.equal(device.messages.length, 1, 'no morning reminder for a morning checked in');
    const pending = (await api(server.url, 'GET', '/api/v1/reminders')).data.pending;
    assert.ok(
      pending.every((p) => p.date > nextDay),
      JSON.stringify(pending),
    ); // the one after is planned
  });

  test('a subscription whose key was tampered with gets a message that does not decrypt', async () => {
    const sub = service.subscribe({ tamper: true });
    await register(server, sub, 'Tampered');
    const before = await metric(server.url, 'backsignal_push_messages_total{outcome="failed"}');
    assert.equal((await api(server.url, 'POST', '/api/v1/reminders/test')).status, 202);
    const device = service.device(sub.id);
    await until(() => device.rejected.length > 0);
    assert.equal(device.messages.length, 0);
    assert.match(device.rejected[0], /does not decrypt/);
    await until(async () => (await metric(server.url, 'backsignal_push_messages_total{outcome="failed"}')) > before);
    const list = (await api(server.url, 'GET', '/api/v1/reminders')).data.devices;
    const gone = list.find((d) => d.endpoint === sub.endpoint);
    assert.ok(gone, 'a 400 does not remove the device');
    assert.equal((await api(server.url, 'DELETE', `/api/v1/reminders/devices/${gone.id}`)).status, 200);
  });
});

describe('what a push service answers', () => {
  let service;
  let server;
  before(async () => {
    service = await startPushService();
    server = await startPushServer({ at: nextNoonUtc(), extra: ['--push-timeout', '1'] });
    service.setClock(server.now);
  });
  after(async () => {
    server.close();
    await service.close();
  });

  test('429 with Retry-After is tried again no sooner, then delivered once', async () => {
    const sub = service.subscribe();
    const id = await register(server, sub);
    service.program(sub.id, [{ status: 429, retry_after: 90 }]);
    assert.equal((await api(server.url, 'POST', '/api/v1/reminders/test')).status, 202);
    const device = service.device(sub.id);
    await until(() => device.requests === 1);
    server.move(60);
    await sleep(400);
    assert.equal(device.requests, 1, 'not before Retry-After');
    server.move(31);
    await until(() => device.messages.length === 1);
    assert.equal(device.requests, 2);
    assert.equal((await api(server.url, 'DELETE', `/api/v1/reminders/devices/${id}`)).status, 200);
  });

  test('410 removes the device; a 5xx is tried again with back-off', async () => {
    const gone = service.subscribe();
    await register(server, gone, 'Gone');
    const flaky = service.subscribe();
    await register(server, flaky, 'Flaky');
    service.program(gone.id, [{ status: 410 }]);
    service.program(flaky.id, [{ status: 503 }]);
    assert.equal((await api(server.url, 'POST', '/api/v1/reminders/test')).status, 202);
    await until(async () => (await api(server.url, 'GET', '/api/v1/reminders')).data.devices.length === 1);
    const devices = (await api(server.url, 'GET', '/api/v1/reminders')).data.devices;
    assert.deepEqual(
      devices.map((d) => d.device),
      ['Flaky'],
    );
    server.move(31); // the first back-off is 30 s
    await until(() => service.device(flaky.id).messages.length === 1);
    assert.equal(service.device(flaky.id).requests, 2);
    await api(server.url, 'DELETE', '/api/v1/reminders/devices');
  });

  test('a push service that never answers holds up neither the others nor the server', async () => {
    const hung = service.subscribe();
    await register(server, hung, 'Hung');
    const fine = service.subscribe();
    await register(server, fine, 'Fine');
    service.program(hung.id, [{ hang: true }]);
    const t0 = Date.now();
    assert.equal((await api(server.url, 'POST', '/api/v1/reminders/test')).status, 202);
    await until(() => service.device(fine.id).messages.length === 1);
    const took = Date.now() - t0;
    assert.ok(took < 1000, `the other device waited ${took} ms`);
    const h0 = Date.now();
    assert.equal((await api(server.url, 'GET', '/healthz')).status, 200);
    assert.ok(Date.now() - h0 < 500, 'the server answers while a push hangs');
    // After the 1 s limit the hung one is tried again later (back-off), not held open.
    await sleep(1300);
    server.move(31);
    await until(() => service.device(hung.id).messages.length === 1, 4000);
    assert.equal(service.device(hung.id).messages.length, 1);
    await api(server.url, 'DELETE', '/api/v1/reminders/devices');
  });
});

describe('TLS, outside input and another mock push service', () => {
  test('a push service over TLS with its own certificate, trusted through --push-ca-file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-push-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    const service = await startPushService({ tls: { key: readFileSync(key), cert: readFileSync(cert) } });
    const trusting = await startPushServer({ extra: ['--push-ca-file', cert] });
    const plain = await startPushServer({});
    try {
      const sub = service.subscribe();
      assert.ok(sub.endpoint.startsWith('https://localhost:'));
      await register(trusting, sub);
      await api(trusting.url, 'POST', '/api/v1/reminders/test');
      await until(() => service.device(sub.id).messages.length === 1);
      assert.equal(service.device(sub.id).messages.length, 1);
      // A server that does not trust the certificate sends nothing to it.
      const other = service.subscribe();
      await register(plain, other);
      await api(plain.url, 'POST', '/api/v1/reminders/test');
      await until(async () => (await metric(plain.url, 'backsignal_push_messages_total{outcome="retried"}')) > 0);
      assert.equal(service.device(other.id).requests, 0);
    } finally {
      trusting.close();
      plain.close();
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('inside addresses are refused at subscription, and again after resolution at send time', async (t) => {
    const server = await startPushServer({ loopback: false });
    try {
      const keys = {
        p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
        auth: 'BTBZMqHH6r4Tts7J_aSIgg',
      };
      for (const endpoint of [
        'https://169.254.169.254/latest/meta-data',
        'https://[fd00:ec2::254]/x',
        'https://127.0.0.1:9/x',
        'https://localhost/x',
        'http://push.example.net/x',
        'https://10.0.0.1/x',
        `https://push.example.net/${'a'.repeat(1000)}`,
      ]) {
        const r = await api(server.url, 'POST', '/api/v1/reminders/devices', { endpoint, keys });
        assert.equal(r.status, 400, `${endpoint}: ${JSON.stringify(r.data)}`);
      }
      // A name that passes as a name but resolves to this machine (Debian's hostname line).
      const name = hostname();
      const resolved = await lookup(name).catch(() => null);
      if (!(resolved && /^127\.|^::1$/.test(resolved.address) && !name.includes('.'))) {
        t.diagnostic(`${name} does not resolve to loopback here: the send-time check is in src/push/client_test.cc`);
      } else {
        const r = await api(server.url, 'POST', '/api/v1/reminders/devices', { endpoint: `https://${name}:9/x`, keys });
        assert.equal(r.status, 201, 'a host name is taken at subscription');
        await api(server.url, 'POST', '/api/v1/reminders/test');
        await until(async () => (await metric(server.url, 'backsignal_push_messages_total{outcome="failed"}')) === 1);
        assert.equal(await metric(server.url, 'backsignal_push_messages_total{outcome="failed"}'), 1);
        assert.match(server.stderr(), /not a public address/);
      }
    } finally {
      server.close();
    }
  });

  test('the npm web-push-testing mock push service takes and decrypts our messages', async () => {
    const WebPushTestingServer = require('web-push-testing/src/server.js');
    const { PushApiModel } = require('web-push-testing/src/PushApiModel.js');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const mock = new WebPushTestingServer(new PushApiModel(), port);
    const log = console.log;
    console.log = () => {}; // it says which port it listens on
    mock.startServer();
    const server = await startPushServer({});
    try {
      const vapid = (await api(server.url, 'GET', '/api/v1/reminders')).data.vapid_public_key;
      const sub = await until(async () => {
        try {
          const res = await fetch(`http://localhost:${port}/subscribe`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ userVisibleOnly: 'true', applicationServerKey: vapid }),
          });
          return (await res.json()).data;
        } catch {
          return null;
        }
      });
      await register(server, { endpoint: sub.endpoint, keys: sub.keys });
      await api(server.url, 'POST', '/api/v1/reminders/test');
      const got = await until(async () => {
        const res = await fetch(`http://localhost:${port}/get-notifications`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ clientHash: sub.clientHash }),
        });
        const m = (await res.json()).data.messages;
        return m.length ? m : null;
      });
      assert.ok(got, 'web-push-testing received the message');
      assert.equal(JSON.parse(got[0]).kind, 'test');
    } finally {
      server.close();
      mock._server.close();
      console.log = log;
    }
  });
});
