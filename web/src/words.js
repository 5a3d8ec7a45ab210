// The safety words every surface shares (the modify-or-stop advice, the red-flag questions and
// what each urgency means), from the server, kept on the phone so that they show offline too.
import { get } from './api.js';
import { kv } from './store.js';

const FALLBACK = {
  intro: '',
  questions: [],
  advice: {},
  reasons: {},
  modify_or_stop:
    'Sharp or catching pain during a twisting or reaching movement is a signal to modify or stop rather than continue.',
};

let words = FALLBACK;

export async function loadWords() {
  const r = await get('/api/v1/safety');
  if (r.ok) {
    words = r.data;
    try {
      await kv.set('safety-words', words);
    } catch {
      // kept for this visit only
    }
  } else {
    try {
      words = (await kv.get('safety-words')) || FALLBACK;
    } catch {
      words = FALLBACK;
    }
  }
  return words;
}

export function safetyWords() {
  return words;
}
