// The account: who is signed in and the name a clinician sees, sharing with a clinician (invite
// codes to copy, stopping a share), API tokens, the password, deleting the account, and for the
// administrator the list of accounts.
import { errorText, get, owner, request, session } from '../api.js';
import { whenSeconds as when } from '../dates.js';
import { confirm, copy, feedback, field, fill, h } from '../dom.js';
import { ntr, tr } from '../i18n.js';
import { forget } from '../outbox.js';

function passwordField(label, autocomplete) {
  return field(label, { type: 'password', autocomplete, minlength: '10', maxlength: '200', required: true });
}

export async function renderAccount(root, app) {
  const heading = h('h1', { id: 'account-title' }, tr('Account'));
  const me = session.me;
  const [sh, tk, pr] = await Promise.all([get('/api/v1/shares'), get('/api/v1/tokens'), get('/api/v1/profile')]);
  if (!sh.ok || !tk.ok || !pr.ok) {
    fill(
      root,
      heading,
      h(
        'p',
        { class: 'banner error', role: 'alert' },
        // TRANSLATORS: {error} is the server's reason.
        tr('Could not load your account: {error}', { error: errorText(!sh.ok ? sh : !tk.ok ? tk : pr) }),
      ),
    );
    return;
  }
  const cards = [];

  // Who, and the name others see.
  const whoFb = feedback();
  const name = field(
    me.role === 'clinician'
      ? tr('Your name, as the people you follow see it')
      : tr('Your name, as a clinician sees it'),
    { type: 'text', maxlength: '60', autocomplete: 'name', value: pr.data.display_name || '' },
    // TRANSLATORS: {username} is the account's username.
    tr('Leave it empty to be shown as {username}.', { username: me.username }),
  );
  const nameForm = h(
    'form',
    { novalidate: true },
    name.el,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, tr('Save the name'))),
    whoFb.el,
  );
  nameForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const r = await request('PUT', '/api/v1/profile', { display_name: name.input.value.trim() || null });
    whoFb.say(r.ok ? tr('Saved.') : errorText(r), r.ok ? 'ok' : 'error');
  });
  // The language of the pages, the reading, the safety screen and the report (docs/languages.md):
  // each language by its own name; none chosen, the browser's. A change draws the page again in it.
  const langFb = feedback();
  const language = field(tr('Language of the pages, reading, safety questions and report'), {
    tag: 'select',
    id: 'language-choice',
  });
  language.input.append(
    h('option', { value: '' }, tr("The browser's language")),
    ...(pr.data.languages || []).map((l) =>
      h('option', { value: l.tag, lang: l.tag, selected: l.tag === pr.data.language }, l.name),
    ),
  );
  language.input.addEventListener('change', async () => {
    const r = await request('PUT', '/api/v1/profile', { language: language.input.value || null });
    if (!r.ok) {
      langFb.say(errorText(r), 'error');
      return;
    }
    await app.start();
    document.getElementById('language-choice')?.focus();
    app.say(tr('Saved.'));
  });
  cards.push(
    h(
      'section',
      { class: 'card' },
      // TRANSLATORS: {username} is the account's username.
      h('h2', {}, tr('Signed in as {username}', { username: me.username })),
      h(
        'p',
        {},
        me.role === 'clinician'
          ? tr('A clinician account: People lists who shares their reading with you.')
          : tr('Your diary is yours: nobody sees it unless you share it below.'),
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
              me.keeps_diary ? tr('Stop showing my own diary') : tr('Keep a diary of my own'),
            ),
          )
        : null,

      h(
        'div',
        { class: 'row' },
        h(
          'a',
          { class: 'button', href: '/api/v1/account/export', download: '', id: 'download-everything' },
          tr('Download all my data'),
        ),
        h('button', { type: 'button', id: 'sign-out', onclick: () => app.signOut() }, tr('Sign out')),
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
        h('h3', {}, tr('Who can see your reading')),
        r.data.shares.length
          ? h(
              'ul',
              { class: 'plain', id: 'share-list' },
              r.data.shares.map((x) =>
                h(
                  'li',
                  { class: 'entry' },
                  // TRANSLATORS: {clinician} is a clinician's name, {date} when the sharing began.
                  h('span', {}, tr('{clinician}, since {date}', { clinician: x.clinician, date: when(x.since) })),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'danger',
                      'aria-label': tr('Stop sharing with {clinician}', { clinician: x.clinician }),
                      onclick: async () => {
                        if (
                          !(await confirm(
                            tr('Stop sharing with {clinician}? They will no longer see your reading.', {
                              clinician: x.clinician,
                            }),
                            { yes: tr('Stop sharing'), no: tr('Keep sharing') },
                          ))
                        )
                          return;
                        const d = await request('DELETE', `/api/v1/shares/${x.clinician_id}`);
                        fb.say(
                          d.ok
                            ? tr('{clinician} can no longer see your reading.', { clinician: x.clinician })
                            : errorText(d),
                          d.ok ? 'ok' : 'error',
                        );
                        drawLists();
                      },
                    },
                    tr('Stop sharing'),
                  ),
                ),
              ),
            )
          : h('p', { id: 'share-none' }, tr('Nobody.')),
        r.data.invites.length ? h('h3', {}, tr('Invite codes not yet used')) : null,
        r.data.invites.length
          ? h(
              'ul',
              { class: 'plain' },
              r.data.invites.map((i) =>
                h(
                  'li',
                  { class: 'entry' },
                  // TRANSLATORS: an invite code: {created} and {until} are dates.
                  h(
                    'span',
                    {},
                    tr('Created {created}, until {until}', { created: when(i.created_at), until: when(i.expires_at) }),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      onclick: async () => {
                        const d = await request('DELETE', `/api/v1/shares/invites/${i.id}`);
                        fb.say(d.ok ? tr('Cancelled the invite code.') : errorText(d), d.ok ? 'ok' : 'error');
                        drawLists();
                      },
                    },
                    tr('Cancel'),
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
        h('h2', {}, tr('Share your reading with a clinician')),
        h(
          'p',
          {},
          tr(
            'Create an invite code and give it to your clinician; they enter it on their People page. It works once, for 7 days. They can read your reading, charts and diary, never change them, and you can stop it at any time.',
          ),
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
                  `${tr('Your invite code:')} `,
                  h('strong', { id: 'invite-code-value', class: 'code' }, r.data.code),
                  // TRANSLATORS: after the invite code; {date} is the day it expires.
                  ` ${tr('(until {date}).', { date: when(r.data.expires_at) })}`,
                ),
                h(
                  'button',
                  { type: 'button', id: 'copy-invite', onclick: () => copy(r.data.code, fb, tr('the invite code')) },
                  tr('Copy the code'),
                ),
              );
              fb.say(tr('Created an invite code.'), 'ok');
              drawLists();
            },
          },
          tr('Create an invite code'),
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
      h('h2', {}, tr('API tokens for scripts')),
      h(
        'p',
        { class: 'hint' },
        tr('Send a token as "Authorization: Bearer …" to use the API from a script. It is shown once.'),
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
                  // TRANSLATORS: a token: {name} and {scope} ("read") as given, the others dates.
                  t.last_used_at
                    ? tr('{name} ({scope}), created {created}, last used {used}', {
                        name: t.name,
                        scope: t.scope,
                        created: when(t.created_at),
                        used: when(t.last_used_at),
                      })
                    : tr('{name} ({scope}), created {created}, never used', {
                        name: t.name,
                        scope: t.scope,
                        created: when(t.created_at),
                      }),
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'danger',
                    onclick: async () => {
                      if (
                        !(await confirm(
                          tr('Revoke the token {name}? Scripts using it stop working.', { name: t.name }),
                          {
                            yes: tr('Revoke'),
                            no: tr('Keep it'),
                          },
                        ))
                      )
                        return;
                      const d = await request('DELETE', `/api/v1/tokens/${t.id}`);
                      tokFb.say(d.ok ? tr('Revoked the token.') : errorText(d), d.ok ? 'ok' : 'error');
                      if (d.ok) renderAccount(root, app);
                    },
                  },
                  tr('Revoke'),
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
              h('p', {}, `${tr('Your new token (copy it now):')} `, h('code', {}, r.data.token)),
              h(
                'button',
                { type: 'button', onclick: () => copy(r.data.token, tokFb, tr('the token')) },
                tr('Copy the token'),
              ),
            );
          },
        },
        tr('Create a token'),
      ),
      tokenBox,
      tokFb.el,
    ),
  );

  // The password.
  const pwFb = feedback();
  const cur = passwordField(tr('Current password'), 'current-password');
  const nw = passwordField(tr('New password (at least 10 characters)'), 'new-password');
  const pwForm = h(
    'form',
    { class: 'card', novalidate: true },
    h('h2', {}, tr('Change your password')),
    h('p', { class: 'hint' }, tr('Every other place you are signed in is signed out.')),
    cur.el,
    nw.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, tr('Change password'))),
    pwFb.el,
  );
  pwForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    cur.error('');
    nw.error('');
    const length = [...nw.input.value].length;
    if (!cur.input.value) {
      cur.error(tr('Write your current password.'));
      return;
    }
    if (length < 10 || length > 200) {
      nw.error(
        length < 10
          ? ntr(
              'This one has {n} character: a password needs at least 10.',
              'This one has {n} characters: a password needs at least 10.',
              length,
            )
          : ntr(
              'This one has {n} character: a password can have at most 200.',
              'This one has {n} characters: a password can have at most 200.',
              length,
            ),
      );
      nw.input.focus();
      return;
    }
    const r = await request('POST', '/api/v1/auth/password', { current: cur.input.value, new: nw.input.value });
    if (!r.ok && r.status === 403 && /current password/.test(errorText(r))) {
      cur.error(tr('That is not your current password.'));
      return;
    }
    pwFb.say(r.ok ? tr('Changed your password.') : errorText(r), r.ok ? 'ok' : 'error');
    if (r.ok) {
      cur.input.value = '';
      nw.input.value = '';
    }
  });
  cards.push(pwForm);

  // Deleting the account.
  const delFb = feedback();
  const delPw = passwordField(tr('Your password'), 'current-password');
  const delForm = h(
    'form',
    { class: 'card danger-zone', novalidate: true },
    h('h2', {}, tr('Delete your account')),
    h(
      'p',
      {},
      tr(
        'This deletes your account and everything you have entered, at once and for good. Download your data first if you want to keep it.',
      ),
    ),
    delPw.el,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'danger' }, tr('Delete my account'))),
    delFb.el,
  );
  delForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (
      !(await confirm(tr('Delete your account and all your data? This cannot be undone.'), {
        yes: tr('Delete my account'),
        no: tr('Keep my account'),
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
    app.signedOut(tr('Your account and all its data are deleted, on the server and on this phone.'));
  });
  cards.push(delForm);

  if (me.admin) {
    const a = await get('/api/v1/admin/accounts');
    if (a.ok) {
      cards.push(
        h(
          'section',
          { class: 'card', id: 'admin' },
          // TRANSLATORS: {n} is how many accounts there are.
          h('h2', {}, tr('Accounts on this service ({n})', { n: a.data.accounts.length })),
          h(
            'p',
            { class: 'hint' },
            tr(
              'You are the administrator: you see who has an account, never their diaries. A forgotten password is set from the server: backsignal --user NAME account set-password.',
            ),
          ),
          h(
            'ul',
            { class: 'plain' },
            a.data.accounts.map((x) =>
              h(
                'li',
                {},
                // TRANSLATORS: an account: {username}, {role} ("person", "clinician"), {date} it was made.
                x.admin
                  ? tr('{username}: {role}, administrator, since {date}', {
                      username: x.username,
                      role: x.role === 'clinician' ? tr('clinician') : tr('person'),
                      date: when(x.created_at),
                    })
                  : tr('{username}: {role}, since {date}', {
                      username: x.username,
                      role: x.role === 'clinician' ? tr('clinician') : tr('person'),
                      date: when(x.created_at),
                    }),
              ),
            ),
          ),
        ),
      );
    }
  }
  fill(root, heading, cards);
}
