// Reminders that arrive: Web Push. This device turns reminders on only when the person asks
// (permission, then a Push API subscription sent to the server); which windows are pushed; the
// quiet hours; a test reminder; the devices that get them, each removable. The server sends the
// reminders (docs/reminders.md); the service worker shows them and a tap opens Today at the card.
import { errorText, get, request } from '../api.js';
import { feedback, focusOn, h } from '../dom.js';

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
          : 'A browser';
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
  return os ? `${browser} on ${os}` : browser;
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
      text: 'Notifications are blocked for backsignal in this browser: allow them in its site settings, or use the calendar link on Report & data.',
    };
  }
  let sub;
  try {
    const reg = await navigator.serviceWorker.ready;
    sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidKey) });
  } catch (e) {
    return { ok: false, text: `This browser could not subscribe to reminders (${e && e.message ? e.message : e}).` };
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
  return { ok: true, text: 'Reminders are on for this device.' };
}

function when(seconds) {
  return new Date(seconds * 1000).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

export async function renderReminders(root) {
  const heading = h('h1', { id: 'reminders-title' }, 'Reminders');
  const r = await get('/api/v1/reminders');
  if (!r.ok) {
    root.replaceChildren(
      heading,
      h('p', { class: 'banner error', role: 'alert' }, `Could not load your reminders: ${errorText(r)}`),
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
      'This browser cannot receive reminders while backsignal is closed. On an iPhone or iPad it needs iOS 16.4 or later with backsignal added to the Home Screen (Share, then Add to Home Screen), opened from there. Otherwise the calendar link on Report & data reminds you.',
    );
  } else if (mine) {
    device = h(
      'div',
      {},
      h('p', { id: 'push-here' }, `Reminders are on for this device (${mine.device}).`),
      h(
        'button',
        {
          type: 'button',
          id: 'push-off-here',
          onclick: async () => {
            const res = await request('POST', '/api/v1/reminders/devices/remove', { endpoint: here.endpoint });
            await here.unsubscribe().catch(() => {});
            await redraw(res.ok ? 'Reminders are off for this device.' : errorText(res), res.ok ? 'ok' : 'error');
          },
        },
        'Turn off on this device',
      ),
    );
  } else {
    device = h(
      'div',
      {},
      h(
        'p',
        { id: 'push-here' },
        'Get the hour-after and morning check-ins as notifications on this device, even when backsignal is closed.',
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
        'Turn on reminders on this device',
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
    h('p', {}, h('label', {}, hourAfter, ' An hour after each session ends')),
    h('p', {}, h('label', {}, morning, ' Each morning at your wake time (set on Report & data)')),
    h('p', {}, h('label', {}, quietOn, ' Quiet hours: nothing is sent between')),
    h('div', { class: 'row' }, h('label', {}, 'From ', start), h('label', {}, 'to ', end)),
    h(
      'p',
      { class: 'hint' },
      'An hour-after reminder that falls in the quiet hours is not sent; a morning one waits for their end.',
    ),
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Save')),
  );
  prefs.addEventListener('submit', async (e) => {
    e.preventDefault();
    const res = await request('PUT', '/api/v1/reminders', {
      hour_after: hourAfter.checked,
      morning: morning.checked,
      quiet_hours: quietOn.checked ? { start: start.value, end: end.value } : null,
    });
    await redraw(res.ok ? 'Saved.' : errorText(res), res.ok ? 'ok' : 'error');
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
            h(
              'span',
              {},
              `${d.device}${mine && mine.id === d.id ? ' (this device)' : ''}, since ${when(d.created_at)}${d.last_sent_at ? `; last reminded ${when(d.last_sent_at)}` : ''}`,
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'aria-label': `Remove ${d.device}`,
                onclick: async () => {
                  const res = await request('DELETE', `/api/v1/reminders/devices/${d.id}`);
                  if (res.ok && mine && mine.id === d.id) await here.unsubscribe().catch(() => {});
                  await redraw(res.ok ? `Removed ${d.device}.` : errorText(res), res.ok ? 'ok' : 'error');
                },
              },
              'Remove',
            ),
          ),
        ),
      )
    : h('p', { id: 'push-devices' }, 'No device gets reminders yet.');
  const test = h(
    'button',
    {
      type: 'button',
      id: 'push-test',
      disabled: !v.devices.length,
      onclick: async () => {
        const res = await request('POST', '/api/v1/reminders/test');
        fb.say(
          res.ok ? 'A test reminder is on its way to every device above.' : errorText(res),
          res.ok ? 'ok' : 'error',
        );
      },
    },
    'Send a test reminder',
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
            await redraw(res.ok ? 'Reminders are off on every device.' : errorText(res), res.ok ? 'ok' : 'error');
          },
        },
        'Turn off reminders on every device',
      )
    : null;
  const next = v.pending.length
    ? h(
        'p',
        { class: 'hint', id: 'push-next' },
        `Next: ${v.pending.map((p) => `${p.kind === 'morning' ? 'morning' : p.kind === 'hour_after' ? 'hour after' : 'test'} at ${when(p.due_at)}`).join('; ')}.`,
      )
    : null;
  fb.el.id = 'reminders-feedback';
  root.replaceChildren(
    heading,
    h(
      'p',
      { class: 'lede' },
      'backsignal can remind you of the hour-after and morning check-ins on your phone. A reminder says only which check-in is due and its date; it goes through your browser maker’s push service (Google, Mozilla, Apple or Microsoft), encrypted so that they cannot read it.',
    ),
    h('section', { class: 'card', id: 'push-device' }, h('h2', {}, 'This device'), device),
    h('section', { class: 'card', id: 'push-windows' }, h('h2', {}, 'What to remind'), prefs),
    h(
      'section',
      { class: 'card', id: 'push-list' },
      h('h2', {}, 'Your devices'),
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
