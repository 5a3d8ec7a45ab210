// Signing in, and creating an account (the first one from the setup link serve printed).
import { errorText, request, session } from '../api.js';
import { feedback, field, h } from '../dom.js';
import { tr } from '../i18n.js';

export function renderSignIn(root, app, setupCode) {
  const mode = { signup: Boolean(setupCode) || session.me.needs_setup };
  const draw = () => {
    const fb = feedback();
    const user = field(
      tr('Username'),
      { type: 'text', autocomplete: 'username', required: true, spellcheck: 'false', autocapitalize: 'none' },
      mode.signup ? tr('3 to 40 letters, digits, dots, dashes or underscores.') : null,
    );
    const pw = field(mode.signup ? tr('Password (at least 10 characters)') : tr('Password'), {
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
            // TRANSLATORS: a choice's legend, completed by "tracking my own back" or "a clinician".
            h('legend', {}, tr('I am')),
            h(
              'div',
              { class: 'choices' },
              [
                ['person', tr('tracking my own back')],
                ['clinician', tr('a clinician')],
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
            ? tr('Create the first account (the administrator)')
            : tr('Create an account')
          : tr('Sign in'),
      ),
      user.el,
      pw.el,
      roleBox,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, mode.signup ? tr('Create account') : tr('Sign in')),
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
              mode.signup ? tr('I have an account') : tr('Create an account'),
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
      h('h1', { id: 'signin-title' }, tr('Welcome to backsignal')),
      h(
        'p',
        { class: 'lede' },
        tr(
          'Is exercise helping your mid back, or setting it off? Check in around each session and see the pattern over a week or two.',
        ),
      ),
      form,
    );
    user.input.focus();
  };
  draw();
}
