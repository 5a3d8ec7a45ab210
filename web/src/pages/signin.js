// Signing in, and creating an account (the first one from the setup link serve printed).
import { errorText, request, session } from '../api.js';
import { feedback, field, h } from '../dom.js';

export function renderSignIn(root, app, setupCode) {
  const mode = { signup: Boolean(setupCode) || session.me.needs_setup };
  const draw = () => {
    const fb = feedback();
    const user = field(
      'Username',
      { type: 'text', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none' },
      mode.signup ? '3 to 40 letters, digits, dots, dashes or underscores.' : null,
    );
    const pw = field(mode.signup ? 'Password (at least 10 characters)' : 'Password', {
      type: 'password',
      autocomplete: mode.signup ? 'new-password' : 'current-password',
      required: true,
      maxlength: '200',
    });
    let role = 'person';
    const roleBox =
      mode.signup && !session.me.needs_setup
        ? h(
            'fieldset',
            {},
            h('legend', {}, 'I am'),
            h(
              'div',
              { class: 'choices' },
              [
                ['person', 'tracking my own back'],
                ['clinician', 'a clinician'],
              ].map(([value, text]) => {
                const id = `role-${value}`;
                const input = h('input', { type: 'radio', name: 'role', id, value, checked: value === role });
                input.addEventListener('change', () => {
                  role = value;
                });
                return h('span', { class: 'pick wide' }, input, h('label', { for: id }, text));
              }),
            ),
          )
        : null;
    const form = h(
      'form',
      { class: 'card', id: 'signin-form', novalidate: true },
      h(
        'h2',
        {},
        mode.signup
          ? session.me.needs_setup
            ? 'Create the first account (the administrator)'
            : 'Create an account'
          : 'Sign in',
      ),
      user.el,
      pw.el,
      roleBox,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, mode.signup ? 'Create account' : 'Sign in'),
        session.me.needs_setup
          ? null
          : h(
              'button',
              {
                type: 'button',
                id: 'switch-mode',
                onclick: () => {
                  mode.signup = !mode.signup;
                  draw();
                },
              },
              mode.signup ? 'I have an account' : 'Create an account',
            ),
      ),
      fb.el,
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = { username: user.input.value.trim(), password: pw.input.value };
      if (mode.signup) {
        body.role = role;
        if (setupCode) body.setup_code = setupCode;
      }
      const r = await request('POST', mode.signup ? '/api/v1/auth/signup' : '/api/v1/auth/signin', body);
      if (!r.ok) {
        fb.say(errorText(r), 'error');
        return;
      }
      if (setupCode) history.replaceState(null, '', '#');
      await app.start();
    });
    root.replaceChildren(
      h('h1', { id: 'signin-title' }, 'Welcome to backsignal'),
      h(
        'p',
        { class: 'lede' },
        'Is exercise helping your mid back, or setting it off? Check in around each session and see the pattern over a week or two.',
      ),
      form,
    );
    user.input.focus();
  };
  draw();
}
