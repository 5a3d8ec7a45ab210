// Never lose or double a check-in. Offline: a morning, a session with sharp pain and its hour
// after are kept on the phone through a reload and a closed tab, shown as waiting, and arrive
// once each when the connection returns. A server that dies after storing a session and before
// answering: the page sends it again with the same key, and it is stored once.
import { after, before, test } from 'node:test';
import http from 'node:http';
import { spawn } from 'node:child_process';
import {
  BIN,
  api,
  assert,
  card,
  closeBrowser,
  controlled,
  isoDate,
  launch,
  newPage,
  pick,
  screened,
  startServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

test('check-ins made offline survive a reload and a closed tab, and arrive once each', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    const today = isoDate(new Date());
    let page = await newPage({ width: 390 });
    const context = page.context();
    await page.goto(`${server.url}/#today`);
    await card(page, 'On waking').waitFor();
    await controlled(page);
    await card(page, 'On waking').waitFor();

    await context.setOffline(true);
    const morning = card(page, 'On waking');
    await pick(morning, 'Pain', 5);
    await morning.getByRole('button', { name: 'Save morning' }).click();
    await page.locator('[data-queued]', { hasText: 'Saved on this phone, sending' }).first().waitFor();

    await page.getByRole('button', { name: 'I exercised: add a session' }).click();
    const session = card(page, 'A session: during it');
    await session.getByLabel('Minutes').fill('30');
    await session.getByRole('button', { name: 'Sharp or catching pain' }).click();
    await session.getByRole('button', { name: 'Save session' }).click();
    await page.locator('section.card.done .advice').waitFor();

    // The page reloads with no connection, from the service worker, with both still waiting.
    await page.reload();
    await page.locator('#done-today > summary').click();
    await card(page, 'Morning').waitFor();
    assert.match(await page.locator('#load-state').innerText(), /cannot be reached/);
    assert.match(await card(page, 'Morning').innerText(), /Pain 5/);
    assert.match(await page.locator('#conn').innerText(), /2 check-ins waiting/);
    await card(page, 'An hour after session 1').getByRole('button', { name: 'Fill it in now' }).click();
    const hourAfter = card(page, 'An hour after session 1');
    await pick(hourAfter, 'Pain now', 4);
    await hourAfter.getByRole('button', { name: 'Save hour after' }).click();
    await page.locator('#confirm').getByRole('button', { name: 'Save anyway' }).click();
    await page.locator('#conn', { hasText: '3 check-ins waiting' }).waitFor();

    // Closed and opened again, still offline.
    await page.close();
    page = await context.newPage();
    await page.goto(`${server.url}/#today`);
    await page.locator('#conn', { hasText: '3 check-ins waiting' }).waitFor();
    assert.equal((await api(server.url, 'GET', `/api/v1/days/${today}`)).status, 404, 'nothing reached the server yet');

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(() => document.querySelector('#conn').textContent === '', null, { timeout: 20000 });
    const day = (await api(server.url, 'GET', `/api/v1/days/${today}`)).data;
    assert.deepEqual(day.morning, { pain: 5 });
    assert.equal(day.sessions.length, 1);
    assert.equal(day.sessions[0].minutes, 30);
    assert.equal(day.sessions[0].during.sharp, true);
    assert.deepEqual(day.sessions[0].hour_after, { pain: 4, tighter: false });
    await page.reload();
    await page.locator('#done-today > summary').click();
    await page.locator('h3', { hasText: 'Morning: done' }).waitFor();
  } finally {
    server.close();
  }
});

// A proxy in front of the server that, once, lets a session reach the server and then kills
// the server before the answer gets back, and starts it again on the same database.
function dyingProxy(server) {
  let backend = new URL(server.url);
  let killed = false;
  let current = server.proc;
  const proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const headers = { ...req.headers, host: backend.host };
      if (headers.origin) headers.origin = `http://${backend.host}`;
      const out = http.request(
        {
          host: backend.hostname,
          port: backend.port,
          path: req.url,
          method: req.method,
          headers,
        },
        (answer) => {
          if (!killed && req.method === 'POST' && req.url.endsWith('/sessions')) {
            killed = true;
            current.kill('SIGKILL'); // stored and acknowledged to nobody
            req.socket.destroy();
            const again = spawn(BIN, ['--db', server.db, 'serve', '--listen', '127.0.0.1:0'], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            current = again;
            let text = '';
            again.stdout.on('data', (d) => {
              text += d;
              const m = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
              if (m) backend = new URL(`http://127.0.0.1:${m[1]}`);
            });
            return;
          }
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => req.socket.destroy());
      out.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${proxy.address().port}`,
        close: () => {
          proxy.close();
          current.kill('SIGTERM');
        },
        get killed() {
          return killed;
        },
      }),
    ),
  );
}

test('a session whose answer was lost with the server is sent again and stored once', async () => {
  const server = await startServer();
  const proxy = await dyingProxy(server);
  try {
    await screened(server.url);
    const today = isoDate(new Date());
    const page = await newPage({ width: 390 });
    await page.goto(`${proxy.url}/#today`);
    await page.getByRole('button', { name: 'I exercised: add a session' }).click();
    const session = card(page, 'A session: during it');
    await session.getByLabel('Activity').fill('rowing');
    await session.getByLabel('Minutes').fill('25');
    await session.getByRole('button', { name: 'Save session' }).click();
    await page.locator('[data-queued]', { hasText: 'Saved.' }).waitFor({ timeout: 30000 });
    assert.ok(proxy.killed, 'the server was killed after storing the session');
    const day = (await api(proxy.url, 'GET', `/api/v1/days/${today}`)).data;
    assert.equal(day.sessions.length, 1, JSON.stringify(day));
    assert.equal(day.sessions[0].activity, 'rowing');
  } finally {
    proxy.close();
    server.close();
  }
});
