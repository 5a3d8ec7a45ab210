// The red-flag screen on the page. The answers live on the server (GET/PUT /api/v1/safety...),
// so a stop made here holds on the command line and the API too, and the other way round.
// "None of these apply to me" answers every question not yet answered with no, in one tap (with
// a yes given: "None of the others apply: continue"). A
// yes at emergency level shows what to do at once, with the local number to call, and asks
// before storing it (a tap by mistake would otherwise pause every check-in); a stop is undone
// in three taps: change my answers, no, none of the others.
import { errorText, get, request } from './api.js';
import { today } from './dates.js';
import { feedback, field, fill, focusOn, h, nextId } from './dom.js';
import { tr, trc } from './i18n.js';
import { safetyWords } from './words.js';

function heading(outcome) {
  if (outcome === 'emergency') return tr('Get urgent help now');
  if (outcome === 'same_day') return tr('Please be seen today');
  return tr('Please contact a clinician');
}

export async function safetyState() {
  const r = await get('/api/v1/safety/state');
  return r.ok ? r.data : null;
}

// tel: links for the numbers that reach an ambulance where the person is; where none is known,
// the words say so (the advice, from the server) and 112 and 911 work from a mobile phone.
function callLinks(emergency) {
  const known = emergency && emergency.numbers && emergency.numbers.length;
  const numbers = known ? emergency.numbers : ['112', '911'];
  return h(
    'div',
    { class: 'row call' },
    numbers.map((n, i) =>
      h(
        'a',
        { class: `button ${i === 0 ? 'danger-fill' : ''}`.trim(), href: `tel:${n}` },
        tr('Call {number}', { number: n }),
      ),
    ),
    known
      ? null
      : h(
          'p',
          { class: 'hint' },
          emergency && emergency.country
            ? // TRANSLATORS: {country} is a country's code or name (e.g. "FR").
              tr(
                'backsignal does not know the emergency number for {country}. On a mobile phone, 112 or 911 connects to the local emergency services in most countries.',
                { country: emergency.country },
              )
            : tr('On a mobile phone, 112 or 911 connects to the local emergency services in most countries.'),
        ),
  );
}

// The questions. `reason` says why they are asked (first use, or again); onDone(state) once
// answered with nothing that stops the check-ins. `answers` fills in answers given before (to
// change them after a stop).
export function safetyScreen(root, reason, onDone, { answers: before = null } = {}) {
  const w = safetyWords();
  const answers = { ...(before || {}) };
  const asked = (q) => !q.follows || answers[q.follows] === true;
  const rows = [];
  const fb = feedback();
  const anyYes = () => w.questions.some((q) => asked(q) && answers[q.id] === true);
  // The questions not answered are answered no: the person's "None of these apply to me" (or
  // "none of the others"). An emergency yes ends the questions: only the answers given are
  // stored then, never a no the person did not give.
  const submit = async ({ emergency = false } = {}) => {
    const given = {};
    for (const q of w.questions) {
      if (!asked(q)) continue;
      if (answers[q.id] === undefined) {
        if (!emergency) given[q.id] = false;
        continue;
      }
      given[q.id] = answers[q.id];
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
  const action = h('button', { type: 'submit', class: 'primary', id: 'safety-submit' });
  const drawAction = () => {
    action.textContent = anyYes() ? tr('None of the others apply: continue') : tr('None of these apply to me');
  };
  // An emergency yes: what to do now, and whether to store it.
  const emergencyCheck = (q, fs, noInput) => {
    const box = h(
      'div',
      { class: 'advice emergency', role: 'alert' },
      h('p', {}, h('strong', {}, `${tr('This needs urgent help now.')} `), w.advice.emergency || ''),
      callLinks(w.emergency),
      h(
        'p',
        {},
        tr('Is this how you are now? If so, backsignal pauses your check-ins until a clinician has seen you.'),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            onclick: () => submit({ emergency: true }),
          },
          tr('Yes, this is how I am now'),
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              noInput.checked = true;
              answers[q.id] = false;
              box.remove();
              drawAction();
              focusOn(fs.querySelector('legend'));
            },
          },
          tr('No, I tapped it by mistake'),
        ),
      ),
    );
    fs.append(box);
    box.scrollIntoView({ block: 'nearest' });
  };
  const fieldsets = w.questions.map((q) => {
    const legendId = nextId('lg');
    const name = nextId('q');
    const fs = h(
      'fieldset',
      { 'aria-labelledby': legendId, 'data-question': q.id },
      h('legend', { id: legendId }, q.question),
    );
    let noInput;
    const opt = (value, text) => {
      const id = `${name}-${value}`;
      const input = h('input', {
        type: 'radio',
        name,
        id,
        value,
        checked: before && before[q.id] === (value === 'yes'),
      });
      if (value === 'no') noInput = input;
      input.addEventListener('change', () => {
        answers[q.id] = value === 'yes';
        for (const [qq, el] of rows) el.hidden = !asked(qq);
        const open = fs.querySelector('.emergency');
        if (open) open.remove();
        if (answers[q.id] && q.if_yes === 'emergency') emergencyCheck(q, fs, noInput);
        drawAction();
      });
      return h('span', { class: 'pick wide' }, input, h('label', { for: id }, text));
    };
    fs.append(h('div', { class: 'choices' }, opt('yes', trc('answer', 'Yes')), opt('no', trc('answer', 'No'))));
    rows.push([q, fs]);
    fs.hidden = !asked(q);
    return fs;
  });
  drawAction();
  const form = h(
    'form',
    { novalidate: true, class: 'card', id: 'safety-screen' },
    h('h1', {}, tr('A safety check first')),
    h('p', {}, reason || w.intro),
    h(
      'p',
      { class: 'hint' },
      tr(
        'Answer yes to any that is true of you now. The ones you leave are taken as no when you tap the button at the end.',
      ),
    ),
    fieldsets,
    h('div', { class: 'row' }, action),
    fb.el,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  fill(root, form);
  window.scrollTo(0, 0);
  // Changing answers after a stop: straight to the one answered yes.
  const yes = before && rows.find(([q, el]) => !el.hidden && before[q.id] === true);
  if (yes) {
    yes[1].scrollIntoView({ block: 'center' });
    focusOn(yes[1].querySelector('legend'));
  } else {
    focusOn(form.querySelector('h1'));
  }
}

// Check-ins are paused: what to do, and the ways out (changed answers, a clinician's clearance).
export function stopScreen(root, state, onDone) {
  const fb = feedback();
  const cleared = field(tr('The day a clinician saw me and cleared me'), { type: 'date', max: today() });
  const urgent = state.outcome === 'emergency' || state.outcome === 'same_day';
  // An emergency-level answer is not cleared by the person's own record (docs/safety.md): new
  // answers once seen, or a clinician who shares their reading records it.
  const emergency = state.outcome === 'emergency';
  const box = h(
    'section',
    { class: 'card stop', id: 'safety-stop', role: 'alert', 'aria-labelledby': 'safety-stop-h' },
    h('h1', { id: 'safety-stop-h' }, heading(state.outcome)),
    h('p', { class: 'advice-text' }, state.advice),
    urgent ? callLinks(state.emergency) : null,
    h(
      'p',
      { class: 'hint' },
      emergency
        ? tr(
            'Check-ins are paused on every device. Once you have been seen, change your answers to how things are now; or a clinician who shares your reading can record that they cleared you.',
          )
        : tr(
            'Check-ins are paused on every device. When a clinician has seen you and says exercise is fine, record the day they saw you. If an answer was a mistake, or things have changed, change your answers.',
          ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'change-answers',
          onclick: () => safetyScreen(root, null, onDone, { answers: state.answers || {} }),
        },
        tr('Change my answers'),
      ),
    ),
    emergency ? null : h('h2', {}, tr('A clinician has seen me')),
    emergency ? null : cleared.el,
    emergency
      ? null
      : h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              onclick: async () => {
                if (!cleared.input.value) {
                  cleared.error(tr('Give the day the clinician saw you.'));
                  return;
                }
                cleared.error('');
                const r = await request('POST', '/api/v1/safety/clearance', { date: cleared.input.value });
                if (!r.ok) {
                  fb.say(errorText(r), 'error');
                  return;
                }
                onDone(r.data);
              },
            },
            tr('Record the clearance'),
          ),
        ),
    fb.el,
  );
  fill(root, box);
  window.scrollTo(0, 0);
  focusOn(box.querySelector('h1'));
}
