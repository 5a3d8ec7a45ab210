// A notification on this phone when an hour-after check-in falls due, while the page is open or
// installed and running (Notification API through the service worker). A closed browser has no
// timer to run: the calendar feed's alarm is the reminder then (docs/offline.md).
import { h } from './dom.js';
import { tr } from './i18n.js';

const timers = new Map();

export function canNotify() {
  return 'Notification' in window && 'serviceWorker' in navigator;
}

async function show(title, body, tag) {
  try {
    const reg = await navigator.serviceWorker.ready;
    await reg.showNotification(title, { body, tag, icon: '/assets/icon-192.png' });
  } catch {
    try {
      new Notification(title, { body, tag });
    } catch {
      // no notification here: the card on Today still says it is due
    }
  }
}

// Schedules a reminder at `at` (a Date), once per tag.
export function remindAt(at, title, body, tag) {
  if (!canNotify() || Notification.permission !== 'granted' || !at) return;
  const wait = at.getTime() - Date.now();
  if (wait <= 0 || wait > 24 * 3600 * 1000) return;
  if (timers.has(tag)) window.clearTimeout(timers.get(tag));
  timers.set(
    tag,
    window.setTimeout(() => {
      timers.delete(tag);
      show(title, body, tag);
    }, wait),
  );
}

// A button that asks for permission, shown on an hour-after card that is not yet due.
export function notifyOffer(due, tag) {
  if (!canNotify() || !due || due.getTime() <= Date.now() || Notification.permission === 'denied') return null;
  const title = tr('Time for the hour-after check-in');
  const body = tr('How is your mid back an hour after the session: settling, or still rising?');
  const willRemind = () => tr('This phone will remind you when it is due, while backsignal is open.');
  if (Notification.permission === 'granted') {
    remindAt(due, title, body, tag);
    return h('p', { class: 'hint' }, willRemind());
  }
  const b = h('button', { type: 'button', class: 'link' }, tr('Remind me on this phone when it is due'));
  b.addEventListener('click', async () => {
    const answer = await Notification.requestPermission();
    if (answer === 'granted') {
      remindAt(due, title, body, tag);
      b.replaceWith(h('p', { class: 'hint' }, willRemind()));
    } else {
      b.replaceWith(
        h(
          'p',
          { class: 'hint' },
          tr('Notifications are off: the calendar link on Report & data can remind you instead.'),
        ),
      );
    }
  });
  return b;
}
