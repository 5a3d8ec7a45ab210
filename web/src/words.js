// What the server says every surface shares, kept on the phone so that it shows offline too:
// the safety words (the modify-or-stop advice, the red-flag questions and what each urgency
// means), and the diary's fields (their kinds, bounds, controls and labels: the cards build
// their controls from them, and copy no limit of the format).
import { get } from './api.js';
import { language, tr } from './i18n.js';
import { kv } from './store.js';

// Until the server has answered once: the modify-or-stop advice in short, in the page's language.
const fallback = () => ({
  intro: '',
  questions: [],
  advice: {},
  reasons: {},
  modify_or_stop: tr(
    'Sharp or catching pain during a twisting or reaching movement is a signal to modify or stop rather than continue.',
  ),
});

let words = null;

export async function loadWords() {
  const r = await get(`/api/v1/safety?lang=${language()}`);
  if (r.ok) {
    words = r.data;
    try {
      await kv.set('safety-words', words);
    } catch {
      // kept for this visit only
    }
  } else {
    try {
      words = (await kv.get('safety-words')) || fallback();
    } catch {
      words = fallback();
    }
  }
  return words;
}

export function safetyWords() {
  return words || fallback();
}

let fields = null;

// The diary's fields (GET /api/v1/fields): {context: [...], session: [...], day: [...]}, their
// words in the page's language (as the safety words above).
export async function loadFields() {
  const r = await get(`/api/v1/fields?lang=${language()}`);
  if (r.ok) {
    fields = r.data;
    kv.set('fields', fields).catch(() => {});
  } else {
    fields = (await kv.get('fields').catch(() => null)) || fields;
  }
  return fields;
}

// The fields of one part of the day ('context', 'session', 'day'), in the order the page asks
// them; [] when they were never loaded (the page has not yet reached the server once).
export function fieldsOf(part) {
  return (fields && fields[part]) || [];
}

// One field of `part` by name, or null.
export function fieldOf(part, name) {
  return fieldsOf(part).find((f) => f.name === name) || null;
}
