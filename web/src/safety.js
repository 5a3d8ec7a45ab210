// The red-flag screen on the page. The answers live on the server (GET/PUT /api/v1/safety...),
// so a stop made here holds on the command line and the API too, and the other way round.
// A yes at emergency level shows what to do at once and asks nothing more.
import { errorText, get, request } from './api.js';
import { today } from './dates.js';
import { feedback, field, focusOn, h, nextId } from './dom.js';
import { safetyWords } from './words.js';

const HEADINGS = {
  emergency: 'Get urgent help now',
  same_day: 'Please be seen today',
  soon: 'Please contact a clinician',
};

export async function safetyState() {
  const r = await get('/api/v1/safety/state');
  return r.ok ? r.data : null;
}

// The questions. `reason` says why they are asked (first use, or again); onDone(state) once
// answered with nothing that stops the check-ins.
export function safetyScreen(root, reason, onDone) {
  const w = safetyWords();
  const answers = {};
  const asked = (q) => !q.follows || answers[q.follows] === true;
  const rows = [];
  const fb = feedback();
  const submit = async () => {
    const given = {};
    let emergency = false;
    for (const q of w.questions) {
      if (!asked(q)) continue;
      if (answers[q.id] === undefined) {
        if (emergency) continue;
        fb.say('Please answer each question, yes or no.', 'error');
        const first = rows.find(([qq, el]) => !el.hidden && answers[qq.id] === undefined);
        if (first) focusOn(first[1].querySelector('legend'));
        return;
      }
      given[q.id] = answers[q.id];
      if (answers[q.id] && q.if_yes === 'emergency') emergency = true;
    }
    const r = await request('PUT', '/api/v1/safety', { answers: given });
    if (!r.ok) {
      fb.say(errorText(r), 'error');
      return;
    }
    if (r.data.stopped) {
      stopScreen(root, r.data, onDone);
      return;
    }
    onDone(r.data);
  };
  const fieldsets = w.questions.map((q) => {
    const legendId = nextId('lg');
    const name = nextId('q');
    const opt = (value, text) => {
      const id = `${name}-${value}`;
      const input = h('input', { type: 'radio', name, id, value });
      input.addEventListener('change', () => {
        answers[q.id] = value === 'yes';
        for (const [qq, el] of rows) el.hidden = !asked(qq);
        if (answers[q.id] && q.if_yes === 'emergency') submit();
      });
      return h('span', { class: 'pick wide' }, input, h('label', { for: id }, text));
    };
    const fs = h(
      'fieldset',
      { 'aria-labelledby': legendId, 'data-question': q.id },
      h('legend', { id: legendId }, q.question),
      h('div', { class: 'choices' }, opt('yes', 'Yes'), opt('no', 'No')),
    );
    rows.push([q, fs]);
    fs.hidden = !asked(q);
    return fs;
  });
  const form = h(
    'form',
    { novalidate: true, class: 'card', id: 'safety-screen' },
    h('h2', {}, 'A safety check first'),
    h('p', {}, reason || w.intro),
    fieldsets,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Continue')),
    fb.el,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  root.replaceChildren(form);
  window.scrollTo(0, 0);
  focusOn(form.querySelector('h2'));
}

// Check-ins are paused: what to do, and the ways out (new answers, a clinician's clearance).
export function stopScreen(root, state, onDone) {
  const fb = feedback();
  // An emergency-level answer is not cleared by the person's own record (docs/safety.md).
  const emergency = state.outcome === 'emergency';
  const cleared = field('The day a clinician saw me and cleared me', { type: 'date', max: today() });
  const box = h(
    'section',
    { class: 'card stop', id: 'safety-stop', role: 'alert', 'aria-labelledby': 'safety-stop-h' },
    h('h2', { id: 'safety-stop-h' }, HEADINGS[state.outcome] || HEADINGS.soon),
    h('p', { class: 'advice-text' }, state.advice),
    state.emergency_number
      ? h(
          'p',
          {},
          h('a', { class: 'button primary', href: `tel:${state.emergency_number}` }, `Call ${state.emergency_number}`),
        )
      : null,
    h(
      'p',
      { class: 'hint' },
      emergency
        ? 'Check-ins are paused on every device. Once you have been seen, answer the questions again; or a clinician who shares your reading can record that they cleared you.'
        : 'Check-ins are paused on every device. When a clinician has seen you and says exercise is fine, record the day they saw you, or answer the questions again if things have changed.',
    ),
    emergency ? null : cleared.el,
    h(
      'div',
      { class: 'row' },
      emergency
        ? null
        : h(
            'button',
            {
              type: 'button',
              onclick: async () => {
                if (!cleared.input.value) {
                  fb.say('Give the day the clinician saw you.', 'error');
                  return;
                }
                const r = await request('POST', '/api/v1/safety/clearance', { date: cleared.input.value });
                if (!r.ok) {
                  fb.say(errorText(r), 'error');
                  return;
                }
                onDone(r.data);
              },
            },
            'Record the clearance',
          ),
      h('button', { type: 'button', onclick: () => safetyScreen(root, null, onDone) }, 'Answer the questions again'),
    ),
    fb.el,
  );
  root.replaceChildren(box);
  window.scrollTo(0, 0);
  focusOn(box.querySelector('h2'));
}
