// Reminders that arrive: Web Push. This device turns reminders on only when the person asks
// (permission, then a Push API subscription sent to the server); which windows are pushed; the
// quiet hours; a test reminder; the devices that get them, each removable. The server sends the
// reminders (docs/reminders.md); the service worker shows them and a tap opens Today at the card.
import { errorText, get, request } from '../api.js';
import { feedback, focusOn, h } from '../dom.js';
import { dateLocale } from '../dates.js';
import { tr, trc } from '../i18n.js';

export function canPush() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

// "Chrome on Android": how a person recognises this device in the list.
export function deviceName(ua = navigator.userAgent) {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : tr('A browser');
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone/.test(ua)
      ? 'iPhone'
      : /iPad/.test(ua)
        ? 'iPad'
        : /Mac OS X/.test(ua)
          ? 'Mac'
          : /Windows/.test(ua)
            ? 'Windows'
            : /Linux/.test(ua)
              ? 'Linux'
              : '';
  // TRANSLATORS: how a device is named in the list of devices: {browser} is "Chrome", {os} "Android".
  return os ? tr('{browser} on {os}', { browser, os }) : browser;
}

function keyBytes(base64url) {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

async function currentSubscription() {
  if (!canPush()) return null;
  try {
    const reg = await navigator.serviceWorker.ready;
    return await reg.pushManager.getSubscription();
  } catch {
    return null;
  }
}

// Asks for permission and subscribes this device; answers { ok, text }.
export async function turnOnHere(vapidKey) {
  const answer = await Notification.requestPermission();
  if (answer !== 'granted') {
    return {
      ok: false,
      text: tr(
        'Notifications are blocked for backsignal in this browser: allow them in its site settings, or use the calendar link on Report & data.',
      ),
    };
  }
  let sub;
  try {
    const reg = await navigator.serviceWorker.ready;
    sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidKey) });
  } catch (e) {
    return {
      ok: false,
      // TRANSLATORS: {error} is the browser's own message (often English).
      text: tr('This browser could not subscribe to reminders ({error}).', { error: e && e.message ? e.message : e }),
    };
  }
  const json = sub.toJSON();
  const r = await request('POST', '/api/v1/reminders/devices', {
    endpoint: json.endpoint,
    keys: json.keys,
    device: deviceName(),
  });
  if (!r.ok) {
    await sub.unsubscribe().catch(() => {});
    return { ok: false, text: errorText(r) };
  }
  return { ok: true, text: tr('Reminders are on for this device.') };
}

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString(dateLocale(), {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

// A device in the list: its name, since when, when last reminded.
function deviceLine(d, here) {
  // TRANSLATORS: {device} is "Chrome on Android", {since} a day and time ("Sat 09:00").
  const base = here
    ? tr('{device} (this device), since {since}', { device: d.device, since: when(d.created_at) })
    : tr('{device}, since {since}', { device: d.device, since: when(d.created_at) });
  if (!d.last_sent_at) return base;
  // TRANSLATORS: {line} is "Chrome on Android, since Sat 09:00", {when} a day and time.
  return tr('{line}; last reminded {when}', { line: base, when: when(d.last_sent_at) });
}

// A reminder to come: which check-in, and when.
function pendingLine(p) {
  const at = when(p.due_at);
  // TRANSLATORS: {when} is a day and time ("Sat 09:00").
  if (p.kind === 'morning') return tr('morning at {when}', { when: at });
  if (p.kind === 'hour_after') return tr('hour after at {when}', { when: at });
  return tr('test at {when}', { when: at });
}

export async function renderReminders(root) {
  const heading = h('h1', { id: 'reminders-title' }, tr('Reminders'));
  const r = await get('/api/v1/reminders');
  if (!r.ok) {
    root.replaceChildren(
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' }, // TRANSLATORS: {error} is why, from the connection or the server.
        tr('Could not load your reminders: {error}', { error: errorText(r) }),
      ),
    );
    return;
  }
  const v = r.data;
  const fb = feedback();
  const redraw = async (text, kind = 'ok') => {
    await renderReminders(root);
    const f = root.querySelector('#reminders-feedback');
    if (f && text) {
      f.textContent = text;
      f.className = `feedback ${kind}`;
    }
  };
  const here = await currentSubscription();
  const mine = here ? v.devices.find((d) => d.endpoint === here.endpoint) : null;

  // This device.
  let device;
  if (!canPush()) {
    device = h(
      'p',
      { id: 'push-unavailable' },
      tr(
        'This browser cannot receive reminders while backsignal is closed. On an iPhone or iPad it needs iOS 16.4 or later with backsignal added to the Home Screen (Share, then Add to Home Screen), opened from there. Otherwise the calendar link on Report & data reminds you.',
      ),
    );
  } else if (mine) {
    device = h(
      'div',
      {},
      h(
        'p',
        { id: 'push-here' }, // TRANSLATORS: {device} is "Chrome on Android".
        tr('Reminders are on for this device ({device}).', { device: mine.device }),
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'push-off-here',
          onclick: async () => {
            const res = await request('POST', '/api/v1/reminders/devices/remove', { endpoint: here.endpoint });
            await here.unsubscribe().catch(() => {});
            await redraw(res.ok ? tr('Reminders are off for this device.') : errorText(res), res.ok ? 'ok' : 'error');
          },
        },
        tr('Turn off on this device'),
      ),
    );
  } else {
    device = h(
      'div',
      {},
      h(
        'p',
        { id: 'push-here' },
        tr('Get the hour-after and morning check-ins as notifications on this device, even when backsignal is closed.'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'push-on-here',
          onclick: async () => {
            const res = await turnOnHere(v.vapid_public_key);
            await redraw(res.text, res.ok ? 'ok' : 'error');
          },
        },
        tr('Turn on reminders on this device'),
      ),
    );
  }

  // Which windows, and the quiet hours.
  const hourAfter = h('input', { type: 'checkbox', id: 'push-hour-after', checked: v.hour_after });
  const morning = h('input', { type: 'checkbox', id: 'push-morning', checked: v.morning });
  const quietOn = h('input', { type: 'checkbox', id: 'push-quiet', checked: !!v.quiet_hours });
  const start = h('input', {
    type: 'time',
    id: 'push-quiet-start',
    value: v.quiet_hours ? v.quiet_hours.start : '22:00',
  });
  const end = h('input', { type: 'time', id: 'push-quiet-end', value: v.quiet_hours ? v.quiet_hours.end : '07:00' });
  const prefs = h(
    'form',
    { novalidate: true, id: 'push-prefs' },
    h('p', {}, h('label', {}, hourAfter, ` ${tr('An hour after each session ends')}`)),
    h('p', {}, h('label', {}, morning, ` ${tr('Each morning at your wake time (set on Report & data)')}`)),
    h('p', {}, h('label', {}, quietOn, ` ${tr('Quiet hours: nothing is sent between')}`)),
    h(
      'div',
      { class: 'row' },
      h('label', {}, `${trc('quiet hours', 'From')} `, start),
      h('label', {}, `${trc('quiet hours', 'to')} `, end),
    ),
    h(
      'p',
      { class: 'hint' },
      tr('An hour-after reminder that falls in the quiet hours is not sent; a morning one waits for their end.'),
    ),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, tr('Save'))),
  );
  prefs.addEventListener('submit', async (e) => {
    e.preventDefault();
    const res = await request('PUT', '/api/v1/reminders', {
      hour_after: hourAfter.checked,
      morning: morning.checked,
      quiet_hours: quietOn.checked ? { start: start.value, end: end.value } : null,
    });
    await redraw(res.ok ? tr('Saved.') : errorText(res), res.ok ? 'ok' : 'error');
  });

  // The devices.
  const devices = v.devices.length
    ? h(
        'ul',
        { class: 'plain', id: 'push-devices' },
        v.devices.map((d) =>
          h(
            'li',
            { class: 'entry', 'data-device': String(d.id) },
            h('span', {}, deviceLine(d, mine && mine.id === d.id)),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                // TRANSLATORS: {device} is "Chrome on Android".
                'aria-label': tr('Remove {device}', { device: d.device }),
                onclick: async () => {
                  const res = await request('DELETE', `/api/v1/reminders/devices/${d.id}`);
                  if (res.ok && mine && mine.id === d.id) await here.unsubscribe().catch(() => {});
                  await redraw(
                    res.ok ? tr('Removed {device}.', { device: d.device }) : errorText(res),
                    res.ok ? 'ok' : 'error',
                  );
                },
              },
              tr('Remove'),
            ),
          ),
        ),
      )
    : h('p', { id: 'push-devices' }, tr('No device gets reminders yet.'));
  const test = h(
    'button',
    {
      type: 'button',
      id: 'push-test',
      disabled: !v.devices.length,
      onclick: async () => {
        const res = await request('POST', '/api/v1/reminders/test');
        fb.say(
          res.ok ? tr('A test reminder is on its way to every device above.') : errorText(res),
          res.ok ? 'ok' : 'error',
        );
      },
    },
    tr('Send a test reminder'),
  );
  const allOff = v.devices.length
    ? h(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: 'push-off-all',
          onclick: async () => {
            const res = await request('DELETE', '/api/v1/reminders/devices');
            if (res.ok && here) await here.unsubscribe().catch(() => {});
            await redraw(res.ok ? tr('Reminders are off on every device.') : errorText(res), res.ok ? 'ok' : 'error');
          },
        },
        tr('Turn off reminders on every device'),
      )
    : null;
  const next = v.pending.length
    ? h(
        'p',
        { class: 'hint', id: 'push-next' },
        // TRANSLATORS: {list} is the reminders to come, "morning at Sat 09:00; hour after at Sat 18:30".
        tr('Next: {list}.', { list: v.pending.map(pendingLine).join('; ') }),
      )
    : null;
  fb.el.id = 'reminders-feedback';
  root.replaceChildren(
    heading,
    h(
      'p',
      { class: 'lede' },
      tr(
        'backsignal can remind you of the hour-after and morning check-ins on your phone. A reminder says only which check-in is due and its date; it goes through your browser maker’s push service (Google, Mozilla, Apple or Microsoft), encrypted so that they cannot read it.',
      ),
    ),
    h('section', { class: 'card', id: 'push-device' }, h('h2', {}, tr('This device')), device),
    h('section', { class: 'card', id: 'push-windows' }, h('h2', {}, tr('What to remind')), prefs),
    h(
      'section',
      { class: 'card', id: 'push-list' },
      h('h2', {}, tr('Your devices')),
      devices,
      next,
      h('div', { class: 'row' }, test, allOff),
    ),
    fb.el,
  );
}

// After a tap on a reminder (#today/after-2026-11-20-1): the card, once the page is drawn; a
// card of a day Today does not show (a session late the evening before) opens in History.
export function focusCard(root, id) {
  if (!id) return false;
  const el = root.querySelector(`#${CSS.escape(id)}`) || document.getElementById(id);
  const section = el ? el.closest('section') || el : null;
  if (!section) {
    const day = /^(?:after|morning)-(\d{4}-\d{2}-\d{2})/.exec(id);
    if (!day) return false;
    location.hash = `#history=${day[1]}`;
    return true;
  }
  section.scrollIntoView({ block: 'start' });
  focusOn(section.querySelector('h2, h3') || section);
  return true;
}
