// The account: who is signed in and the name a clinician sees, sharing with a clinician (invite
// codes to copy, stopping a share), API tokens, the password, deleting the account, and for the
// administrator the list of accounts.
import { errorText, get, owner, request, session } from '../api.js';
import { whenSeconds as when } from '../dates.js';
import { confirm, copy, feedback, field, fill, h } from '../dom.js';
import { forget } from '../outbox.js';

function passwordField(label, autocomplete) {
  return field(label, { type: 'password', autocomplete, minlength: '10', maxlength: '200', required: true });
}

export async function renderAccount(root, app) {
  const heading = h('h1', { id: 'account-title' }, 'Account');
  const me = session.me;
  const [sh, tk, pr] = await Promise.all([get('/api/v1/shares'), get('/api/v1/tokens'), get('/api/v1/profile')]);
  if (!sh.ok || !tk.ok || !pr.ok) {
    fill(
      root,
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' },
        `Could not load your account: ${errorText(!sh.ok ? sh : !tk.ok ? tk : pr)}`,
      ),
    );
    return;
  }
  const cards = [];

  // Who, and the name others see.
  const whoFb = feedback();
  const name = field(
    me.role === 'clinician' ? 'Your name, as the people you follow see it' : 'Your name, as a clinician sees it',
    { type: 'text', maxlength: '60', autocomplete: 'name', value: pr.data.display_name || '' },
    `Leave it empty to be shown as ${me.username}.`,
  );
  const nameForm = h(
    'form',
    { novalidate: true },
    name.el,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save the name')),
    whoFb.el,
  );
  nameForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await request('PUT', '/api/v1/profile', { display_name: name.input.value.trim() || null });
    whoFb.say(r.ok ? 'Saved.' : errorText(r), r.ok ? 'ok' : 'error');
  });
  // The language the reading, the safety screen and the report come in (docs/languages.md):
  // each language by its own name; none chosen, the browser's.
  const langFb = feedback();
  const language = field('Language of the reading, safety questions and report', { tag: 'select' });
  language.input.append(
    h('option', { value: '' }, "The browser's language"),
    ...(pr.data.languages || []).map((l) =>
      h('option', { value: l.tag, lang: l.tag, selected: l.tag === pr.data.language }, l.name),
    ),
  );
  language.input.addEventListener('change', async () => {
    const r = await request('PUT', '/api/v1/profile', { language: language.input.value || null });
    langFb.say(r.ok ? 'Saved.' : errorText(r), r.ok ? 'ok' : 'error');
  });
  cards.push(
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `Signed in as ${me.username}`),
      h(
        'p',
        {},
        me.role === 'clinician'
          ? 'A clinician account: People lists who shares their reading with you.'
          : 'Your diary is yours: nobody sees it unless you share it below.',
      ),
      nameForm,
      language.el,
      langFb.el,
      me.role === 'clinician'
        ? h(
            'p',
            {},
            h(
              'button',
              {
                type: 'button',
                id: 'own-diary',
                onclick: async () => {
                  const r = await request('PUT', '/api/v1/profile', { keeps_diary: !me.keeps_diary });
                  if (r.ok) await app.start();
                  else whoFb.say(errorText(r), 'error');
                },
              },
              me.keeps_diary ? 'Stop showing my own diary' : 'Keep a diary of my own',
            ),
          )
        : null,

      h(
        'div',
        { class: 'row' },
        h(
          'a',
          { class: 'button', href: '/api/v1/account/export', download: '', id: 'download-everything' },
          'Download all my data',
        ),
        h('button', { type: 'button', id: 'sign-out', onclick: () => app.signOut() }, 'Sign out'),
      ),
    ),
  );

  // Sharing with a clinician (a person's account).
  if (me.role === 'person') {
    const fb = feedback();
    const codeBox = h('div', { id: 'invite-code' });
    const lists = h('div', { id: 'share-lists' });
    const drawLists = async () => {
      const r = await get('/api/v1/shares');
      if (!r.ok) return;
      fill(
        lists,
        h('h3', {}, 'Who can see your reading'),
        r.data.shares.length
          ? h(
              'ul',
              { class: 'plain', id: 'share-list' },
              r.data.shares.map((x) =>
                h(
                  'li',
                  { class: 'entry' },
                  h('span', {}, `${x.clinician}, since ${when(x.since)}`),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'danger',
                      'aria-label': `Stop sharing with ${x.clinician}`,
                      onclick: async () => {
                        if (
                          !(await confirm(`Stop sharing with ${x.clinician}? They will no longer see your reading.`, {
                            yes: 'Stop sharing',
                            no: 'Keep sharing',
                          }))
                        )
                          return;
                        const d = await request('DELETE', `/api/v1/shares/${x.clinician_id}`);
                        fb.say(
                          d.ok ? `${x.clinician} can no longer see your reading.` : errorText(d),
                          d.ok ? 'ok' : 'error',
                        );
                        drawLists();
                      },
                    },
                    'Stop sharing',
                  ),
                ),
              ),
            )
          : h('p', { id: 'share-none' }, 'Nobody.'),
        r.data.invites.length ? h('h3', {}, 'Invite codes not yet used') : null,
        r.data.invites.length
          ? h(
              'ul',
              { class: 'plain' },
              r.data.invites.map((i) =>
                h(
                  'li',
                  { class: 'entry' },
                  h('span', {}, `Created ${when(i.created_at)}, until ${when(i.expires_at)}`),
                  h(
                    'button',
                    {
                      type: 'button',
                      onclick: async () => {
                        const d = await request('DELETE', `/api/v1/shares/invites/${i.id}`);
                        fb.say(d.ok ? 'Cancelled the invite code.' : errorText(d), d.ok ? 'ok' : 'error');
                        drawLists();
                      },
                    },
                    'Cancel',
                  ),
                ),
              ),
            )
          : null,
      );
    };
    cards.push(
      h(
        'section',
        { class: 'card', id: 'sharing' },
        h('h2', {}, 'Share your reading with a clinician'),
        h(
          'p',
          {},
          'Create an invite code and give it to your clinician; they enter it on their People page. It works once, for 7 days. They can read your reading, charts and diary, never change them, and you can stop it at any time.',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'create-invite',
            onclick: async () => {
              const r = await request('POST', '/api/v1/shares/invites');
              if (!r.ok) {
                fb.say(errorText(r), 'error');
                return;
              }
              fill(
                codeBox,
                h(
                  'p',
                  {},
                  'Your invite code: ',
                  h('strong', { id: 'invite-code-value', class: 'code' }, r.data.code),
                  ` (until ${when(r.data.expires_at)}).`,
                ),
                h(
                  'button',
                  { type: 'button', id: 'copy-invite', onclick: () => copy(r.data.code, fb, 'the invite code') },
                  'Copy the code',
                ),
              );
              fb.say('Created an invite code.', 'ok');
              drawLists();
            },
          },
          'Create an invite code',
        ),
        codeBox,
        fb.el,
        lists,
      ),
    );
    drawLists();
  }

  // API tokens.
  const tokFb = feedback();
  const tokenBox = h('div', {});
  cards.push(
    h(
      'section',
      { class: 'card', id: 'tokens' },
      h('h2', {}, 'API tokens for scripts'),
      h(
        'p',
        { class: 'hint' },
        'Send a token as "Authorization: Bearer …" to use the API from a script. It is shown once.',
      ),
      tk.data.tokens.length
        ? h(
            'ul',
            { class: 'plain' },
            tk.data.tokens.map((t) =>
              h(
                'li',
                { class: 'entry' },
                h(
                  'span',
                  {},
                  `${t.name} (${t.scope}), created ${when(t.created_at)}${t.last_used_at ? `, last used ${when(t.last_used_at)}` : ', never used'}`,
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'danger',
                    onclick: async () => {
                      if (
                        !(await confirm(`Revoke the token ${t.name}? Scripts using it stop working.`, {
                          yes: 'Revoke',
                          no: 'Keep it',
                        }))
                      )
                        return;
                      const d = await request('DELETE', `/api/v1/tokens/${t.id}`);
                      tokFb.say(d.ok ? 'Revoked the token.' : errorText(d), d.ok ? 'ok' : 'error');
                      if (d.ok) renderAccount(root, app);
                    },
                  },
                  'Revoke',
                ),
              ),
            ),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          onclick: async () => {
            const r = await request('POST', '/api/v1/tokens', { name: 'script' });
            if (!r.ok) {
              tokFb.say(errorText(r), 'error');
              return;
            }
            fill(
              tokenBox,
              h('p', {}, 'Your new token (copy it now): ', h('code', {}, r.data.token)),
              h('button', { type: 'button', onclick: () => copy(r.data.token, tokFb, 'the token') }, 'Copy the token'),
            );
          },
        },
        'Create a token',
      ),
      tokenBox,
      tokFb.el,
    ),
  );

  // The password.
  const pwFb = feedback();
  const cur = passwordField('Current password', 'current-password');
  const nw = passwordField('New password (at least 10 characters)', 'new-password');
  const pwForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, 'Change your password'),
    h('p', { class: 'hint' }, 'Every other place you are signed in is signed out.'),
    cur.el,
    nw.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
    pwFb.el,
  );
  pwForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    cur.error('');
    nw.error('');
    const length = [...nw.input.value].length;
    if (!cur.input.value) {
      cur.error('Write your current password.');
      return;
    }
    if (length < 10 || length > 200) {
      nw.error(
        length < 10
          ? `This one has ${length} character${length === 1 ? '' : 's'}: a password needs at least 10.`
          : `This one has ${length} characters: a password can have at most 200.`,
      );
      nw.input.focus();
      return;
    }
    const r = await request('POST', '/api/v1/auth/password', { current: cur.input.value, new: nw.input.value });
    if (!r.ok && r.status === 403 && /current password/.test(errorText(r))) {
      cur.error('That is not your current password.');
      return;
    }
    pwFb.say(r.ok ? 'Changed your password.' : errorText(r), r.ok ? 'ok' : 'error');
    if (r.ok) {
      cur.input.value = '';
      nw.input.value = '';
    }
  });
  cards.push(pwForm);

  // Deleting the account.
  const delFb = feedback();
  const delPw = passwordField('Your password', 'current-password');
  const delForm = h(
    'form',
    { class: 'card danger-zone', novalidate: true },
    h('h2', {}, 'Delete your account'),
    h(
      'p',
      {},
      'This deletes your account and everything you have entered, at once and for good. Download your data first if you want to keep it.',
    ),
    delPw.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'danger' }, 'Delete my account')),
    delFb.el,
  );
  delForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (
      !(await confirm('Delete your account and all your data? This cannot be undone.', {
        yes: 'Delete my account',
        no: 'Keep my account',
      }))
    )
      return;
    const who = owner();
    const r = await request('POST', '/api/v1/account/delete', { password: delPw.input.value });
    if (!r.ok) {
      delFb.say(errorText(r), 'error');
      return;
    }
    // On this phone too: nothing of the account stays in the browser's storage.
    await forget(who);
    app.signedOut('Your account and all its data are deleted, on the server and on this phone.');
  });
  cards.push(delForm);

  if (me.admin) {
    const a = await get('/api/v1/admin/accounts');
    if (a.ok) {
      cards.push(
        h(
          'section',
          { class: 'card', id: 'admin' },
          h('h2', {}, `Accounts on this service (${a.data.accounts.length})`),
          h(
            'p',
            { class: 'hint' },
            'You are the administrator: you see who has an account, never their diaries. A forgotten password is set from the server: backsignal --user NAME account set-password.',
          ),
          h(
            'ul',
            { class: 'plain' },
            a.data.accounts.map((x) =>
              h('li', {}, `${x.username}: ${x.role}${x.admin ? ', administrator' : ''}, since ${when(x.created_at)}`),
            ),
          ),
        ),
      );
    }
  }
  fill(root, heading, cards);
}
