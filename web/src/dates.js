// Calendar dates as the person lives them: YYYY-MM-DD in the phone's own zone, and times of day.
import { language } from './i18n.js';

export const pad = (n) => String(n).padStart(2, '0');

export function isoDate(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today() {
  return isoDate(new Date());
}

export function addDays(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function daysBetween(a, b) {
  const toUtc = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86400000);
}

// Dates in the page's language; in English (and qps) the browser's own.
export function dateLocale() {
  const l = language();
  return l === 'en' || l === 'qps' ? undefined : l;
}

// "Sat 28 Nov": the date as written, whatever the phone's zone (no shift across midnight).
export function prettyDate(iso, opts = { weekday: 'short', day: 'numeric', month: 'short' }) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString(dateLocale(), { ...opts, timeZone: 'UTC' });
}

export function nowTime() {
  const d = new Date();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function minutesOf(hhmm) {
  const [hh, mm] = hhmm.split(':').map(Number);
  return hh * 60 + mm;
}

export function timeOf(minutes) {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

// When the hour-after check-in of a session falls due: an hour after it ended (its start plus
// its minutes), as a Date in the phone's zone; null when the session has no time.
export function hourAfterDue(date, session) {
  if (!session.time) return null;
  const [y, mo, d] = date.split('-').map(Number);
  const end = minutesOf(session.time) + (session.minutes || 0) + 60;
  return new Date(y, mo - 1, d, 0, end);
}

export function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

export function whenSeconds(seconds) {
  return new Date(seconds * 1000).toLocaleDateString(dateLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
}
