// Push reminders from the page (docs/reminders.md): nothing is asked on load; "Turn on reminders
// on this device" asks for permission, subscribes through the Push API (a stubbed PushManager
// that hands over a real subscription of the test push service) with the server's VAPID public
// key, and registers the device; the server then sends to the test push service, which decrypts:
// a session saved, the clock moved an hour, one message, which opens Today at its card; the
// windows filled in, no more; a test reminder; removing the device.
import { after, before, test } from 'node:test';

import { api, dateOf, nextNoonUtc, sleep, startPushServer, until } from '../push/helpers.mjs';
import { startPushService } from '../push/push_service.mjs';
import { assert, axeCheck, closeBrowser, launch, newPage, screened, SHOTS } from './helpers.mjs';

let service;
let server;
const noon = nextNoonUtc();
const day = dateOf(noon);

// Stands in for the browser's Push API: records what the page asks, and gives the subscription
// made at the test push service.
function stubPush(sub) {
  window.__push = { asked: 0, permission: 'default', subscribed: null, options: null };
  Object.defineProperty(Notification, 'permission', { get: () => window.__push.permission });
  Notification.requestPermission = async () => {
    window.__push.asked += 1;
    window.__push.permission = 'granted';
    return 'granted';
  };
  const made = {
    endpoint: sub.endpoint,
    toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
    unsubscribe: async () => {
      window.__push.subscribed = null;
      return true;
    },
  };
  const manager = {
    getSubscription: async () => window.__push.subscribed,
    subscribe: async (options) => {
      window.__push.options = {
        userVisibleOnly: options.userVisibleOnly,
        key: Array.from(new Uint8Array(options.applicationServerKey)),
      };
      window.__push.subscribed = made;
      return made;
    },
  };
  Object.defineProperty(ServiceWorkerRegistration.prototype, 'pushManager', { get: () => manager });
}

before(async () => {
  await launch();
  service = await startPushService();
  server = await startPushServer({ at: noon });
  service.setClock(server.now);
  assert.equal((await api(server.url, 'PUT', '/api/v1/profile', { time_zone: 'UTC', wake_time: '07:00' })).status, 200);
  await screened(server.url);
});
after(async () => {
  await closeBrowser();
  server.close();
  await service.close();
});

test('reminders are turned on from the page, arrive when due, and open Today at the card', async () => {
  const vapid = (await api(server.url, 'GET', '/api/v1/reminders')).data.vapid_public_key;
  const sub = service.subscribe({ appKey: vapid });
  const page = await newPage({ timezoneId: 'UTC' });
  await page.clock.setFixedTime(new Date(noon * 1000));
  await page.addInitScript(stubPush, sub);

  await page.goto(`${server.url}/#today`);
  await page.waitForSelector('#today-title');
  assert.equal(await page.evaluate(() => window.__push.asked), 0, 'no permission asked on load');

  await page.goto(`${server.url}/#share`);
  await page.click('#push-link');
  await page.waitForSelector('#push-on-here');
  await axeCheck(page, 'reminders');
  await page.click('#push-on-here');
  await page.waitForSelector('#push-here:has-text("on for this device")');
  const asked = await page.evaluate(() => window.__push);
  assert.equal(asked.asked, 1);
  assert.equal(asked.options.userVisibleOnly, true);
  assert.equal(Buffer.from(asked.options.key).toString('base64url'), vapid, 'subscribed with the server key');
  const devices = (await api(server.url, 'GET', '/api/v1/reminders')).data.devices;
  assert.equal(devices.length, 1);
  assert.equal(devices[0].endpoint, sub.endpoint);
  assert.match(await page.textContent('#push-devices'), /\(this device\)/);
  await page.screenshot({ path: `${SHOTS}/reminders.png`, fullPage: true });

  // A session ending at noon; an hour later, one message.
  const saved = await api(server.url, 'POST', `/api/v1/days/${day}/sessions`, {
    time: '11:30',
    minutes: 30,
    during: { start: 3, end: 4 },
  });
  assert.equal(saved.status, 201);
  server.move(3601);
  const device = service.device(sub.id);
  await until(() => device.messages.length === 1);
  await sleep(300);
  assert.deepEqual(device.rejected, []);
  assert.equal(device.messages.length, 1);
  const url = device.messages[0].payload.url;
  assert.equal(url, `/#today/after-${day}-1`);

  // The tap: Today at the hour-after card.
  await page.clock.setFixedTime(new Date((noon + 3601) * 1000));
  await page.goto(`${server.url}${url}`);
  await page.waitForSelector(`#after-${day}-1`);
  await until(
    () => page.evaluate((id) => document.activeElement?.closest('section')?.id === id, `after-${day}-1`),
    3000,
  );
  assert.equal(await page.evaluate(() => document.activeElement?.closest('section')?.id), `after-${day}-1`);

  // Filled in: the hour after, and the next morning before the wake time. No more messages.
  assert.equal((await api(server.url, 'PUT', `/api/v1/days/${day}/sessions/1/hour_after`, { pain: 3 })).status, 200);
  server.move(17 * 3600 + 1800);
  assert.equal((await api(server.url, 'PUT', `/api/v1/days/${dateOf(noon + 86400)}/morning`, { pain: 2 })).status, 200);
  server.move(3600);
  await sleep(600);
  assert.equal(device.messages.length, 1, 'no reminder for a window checked in');

  // A test reminder, then the device removed from the list.
  await page.goto(`${server.url}/#reminders`);
  await page.click('#push-test');
  await until(() => device.messages.length === 2);
  assert.equal(device.messages[1].payload.kind, 'test');
  await page.click('#push-devices button:has-text("Remove")');
  await page.waitForSelector('#push-devices:has-text("No device")');
  assert.equal(await page.evaluate(() => window.__push.subscribed), null, 'unsubscribed in the browser');
  assert.equal((await api(server.url, 'GET', '/api/v1/reminders')).data.devices.length, 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
