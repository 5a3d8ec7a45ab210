// A push service for the tests, on this machine (docs/reminders.md): it makes subscriptions
// (a P-256 key pair and an authentication secret per device, as a browser does), and for each
// message it is sent it checks what a real push service and browser would: the VAPID token
// (RFC 8292: ES256 signature by the key in k=, aud = this service's origin, exp in the future and
// at most 24 hours away, sub a mailto: or https: contact), the TTL and Urgency headers, and
// DECRYPTS the body with the device's private key (RFC 8291, npm http_ece). A message that fails
// any of it is answered 400 and kept as rejected, with why. It can be told to answer a device's
// messages with other statuses (429 with Retry-After, 500, 410) or slowly, or not at all.
//
// As a module: startPushService({ tls: { key, cert } }) -> { url, subscribe, messages, ... }.
// As a program: node push_service.mjs [--tls KEY CERT] prints {"url": ...} and serves a small
// control API for other languages' tests: POST /subscribe, GET /state, POST /program/{id}.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/package.json'));
const ece = require('http_ece');

const b64u = (buf) => Buffer.from(buf).toString('base64url');

function verifyVapid(header, origin, expectKey, now) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header || '');
  if (!m) return 'Authorization is not "vapid t=..., k=..."';
  const [, jwt, k] = m;
  if (expectKey && k !== expectKey) return 'k= is not the key the device subscribed with';
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'the token is not a JWT';
  const head = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  if (head.alg !== 'ES256' || head.typ !== 'JWT') return `the token's header is ${JSON.stringify(head)}`;
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k= is not an uncompressed P-256 point';
  const key = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const ok = crypto.verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(parts[2], 'base64url'),
  );
  if (!ok) return 'the token is not signed by k=';
  if (claims.aud !== origin) return `aud is ${claims.aud}, not ${origin}`;
  if (!(claims.exp > now)) return 'the token has expired';
  if (claims.exp > now + 24 * 3600) return 'exp is more than 24 hours away';
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) return `sub is ${claims.sub}`;
  return null;
}

export async function startPushService({ tls = null, host = '127.0.0.1', name = 'localhost' } = {}) {
  // The time the service checks tokens against: this machine's, or the server's when a test
  // moves that (the two would be one in the world).
  let clock = () => Math.floor(Date.now() / 1000);
  const devices = new Map(); // id -> { ecdh, auth, appKey, program: [], messages: [], rejected: [], gone }
  let origin = '';

  function subscribe({ appKey = null, tamper = false } = {}) {
    const id = crypto.randomBytes(12).toString('hex');
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = crypto.randomBytes(16);
    devices.set(id, { ecdh, auth, appKey, program: [], messages: [], rejected: [], gone: false, requests: 0 });
    // A tampered subscription hands the server another key than the device holds.
    const shown = tamper ? crypto.createECDH('prime256v1').generateKeys() : ecdh.getPublicKey();
    return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(shown), auth: b64u(auth) } };
  }

  function handlePush(id, req, body, res) {
    const d = devices.get(id);
    if (!d) return res.writeHead(404).end();
    d.requests += 1;
    const step = d.program.length ? d.program.shift() : null;
    const answer = (status, headers = {}) => {
      if (step && step.hang) return; // never answers
      const send = () => res.writeHead(status, headers).end();
      if (step && step.delay) setTimeout(send, step.delay);
      else send();
    };
    if (d.gone) return answer(410);
    const reject = (why) => {
      d.rejected.push(why);
      answer(400, { 'Content-Type': 'text/plain' });
    };
    const h = req.headers;
    if (h['content-encoding'] !== 'aes128gcm') return reject(`Content-Encoding is ${h['content-encoding']}`);
    if (!/^\d+$/.test(h.ttl || '')) return reject(`TTL is ${h.ttl}`);
    if (h.urgency && !['very-low', 'low', 'normal', 'high'].includes(h.urgency))
      return reject(`Urgency is ${h.urgency}`);
    if (h.topic && !/^[A-Za-z0-9_-]{1,32}$/.test(h.topic)) return reject(`Topic is ${h.topic}`);
    const why = verifyVapid(h.authorization, origin, d.appKey, clock());
    if (why) return reject(why);
    let plain;
    try {
      plain = ece.decrypt(body, { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.auth }).toString();
    } catch (e) {
      return reject(`the message does not decrypt: ${e.message}`);
    }
    if (step && step.status && step.status !== 201) {
      const headers = step.retry_after ? { 'Retry-After': String(step.retry_after) } : {};
      return answer(step.status, headers);
    }
    d.messages.push({ payload: JSON.parse(plain), ttl: Number(h.ttl), urgency: h.urgency, topic: h.topic });
    answer(201, { Location: `${origin}/message/${d.messages.length}` });
  }

  function state() {
    const out = {};
    for (const [id, d] of devices) {
      out[id] = { messages: d.messages, rejected: d.rejected, requests: d.requests };
    }
    return out;
  }

  const handler = (req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 8192) chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url, origin);
      const json = (status, value) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      let m;
      if (req.method === 'POST' && (m = /^\/push\/([0-9a-f]+)$/.exec(url.pathname))) {
        return handlePush(m[1], req, body, res);
      }
      if (req.method === 'POST' && url.pathname === '/subscribe') {
        const o = body.length ? JSON.parse(body) : {};
        return json(200, subscribe(o));
      }
      if (req.method === 'GET' && url.pathname === '/state') return json(200, state());
      if (req.method === 'POST' && (m = /^\/program\/([0-9a-f]+)$/.exec(url.pathname))) {
        const d = devices.get(m[1]);
        if (!d) return json(404, {});
        const o = JSON.parse(body);
        if (o.gone !== undefined) d.gone = o.gone;
        d.program.push(...(o.responses || []));
        return json(200, {});
      }
      return json(404, {});
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  await new Promise((resolve) => server.listen(0, host, resolve));
  origin = `${tls ? 'https' : 'http'}://${name}:${server.address().port}`;
  return {
    url: origin,
    subscribe,
    device: (id) => devices.get(id),
    program: (id, responses) => devices.get(id).program.push(...responses),
    state,
    setClock: (f) => {
      clock = f;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let tls = null;
  const i = args.indexOf('--tls');
  if (i >= 0) {
    const fs = await import('node:fs');
    tls = { key: fs.readFileSync(args[i + 1]), cert: fs.readFileSync(args[i + 2]) };
  }
  const service = await startPushService({ tls });
  process.stdout.write(`${JSON.stringify({ url: service.url })}\n`);
}
