// The weekly questions (the PEG and the PSFS: docs/measures.md) and flares at any time. The
// questions' own words come from the server (GET /api/v1/measures, words/measures.cc); the
// page's few words of its own are here, in one place.
import { get } from '../api.js';
import { nowTime, prettyDate } from '../dates.js';
import { field, focusOn, h, scale, toggle } from '../dom.js';
import { number, tr } from '../i18n.js';
import { enqueue } from '../outbox.js';
import { drafts } from '../store.js';
import { doneCard, draftKey, formCard, swap } from './common.js';

// The page's words, made when drawn (the catalogue is loaded by then).
const words = () => ({
  // TRANSLATORS: a card's heading; {date} is the week's day ("Sat 5 Dec").
  weeklyFor: (date) => tr('Weekly questions for {date}', { date: prettyDate(date) }),
  save: tr('Save weekly answers'),
  saved: tr('Weekly questions: saved'),
  done: tr('Weekly questions: done'),
  pegMissing: tr('Answer all three PEG questions, or none of them.'),
  nothing: tr('Answer the PEG or rate at least one activity first.'),
  // TRANSLATORS: {activity} is an activity the person named ("carrying shopping").
  unrated: (a) => tr('Rate "{activity}" (0 to 10), or remove it.', { activity: a }),
  // TRANSLATORS: a button beside an activity of the list; {activity} is its name.
  remove: (a) => tr('Remove {activity}', { activity: a }),
  add: tr('Add'),
  full: tr('Five activities is the most the scale takes.'),
  twice: tr('That activity is already on the list.'),
  suggested: tr('Suggestions for the mid back: tap one to add it'),
  open: tr('Answer the weekly questions'),
  about: tr('Three questions about the past week, and how well you can do up to five activities: about two minutes.'),
  flareButton: tr('Pain now? Record a flare'),
  flareTitle: (date, isToday) =>
    isToday ? tr('A flare of pain') : tr('A flare of pain, {date}', { date: prettyDate(date) }),
  flarePain: tr('Pain now'),
  flareHint: tr('For pain between check-ins. It is never counted as a morning.'),
  flareSharp: tr('Sharp or catching'),
  flareTime: tr('When'),
  flareNote: tr('What happened (optional)'),
  flareSave: tr('Save flare'),
  flareSaved: tr('Flare: saved'),
  flareDone: tr('Flare'),
  flareDoneSent: tr('Flare: done'),
  flarePainMissing: tr('Choose the pain first (0 to 10).'),
  flareLine: (f) => {
    const pain = number(f.pain);
    // TRANSLATORS: a flare recorded; {time} is "14:30", {pain} the pain 0-10.
    if (f.time && f.sharp) return tr('Flare at {time}: pain {pain}, sharp or catching', { time: f.time, pain });
    if (f.time) return tr('Flare at {time}: pain {pain}', { time: f.time, pain });
    if (f.sharp) return tr('Flare: pain {pain}, sharp or catching', { pain });
    return tr('Flare: pain {pain}', { pain });
  },
});

// The server's view of the measures, or null when it cannot be had (offline: the weekly card
// waits for the connection; flares can still be recorded).
export async function loadMeasures() {
  try {
    const r = await get('/api/v1/measures');
    return r.ok ? r.data : null;
  } catch {
    return null;
  }
}

// A whole-number 0-10 scale (the PEG and the PSFS ask in whole numbers).
function wholeScale(opts) {
  const s = scale(opts);
  const half = s.el.querySelector('button.half');
  if (half) half.remove();
  return s;
}

function weeklyLines(w) {
  const out = [];
  if (w.peg) {
    const score = Math.round(((w.peg.pain + w.peg.enjoyment + w.peg.activity) / 3) * 10) / 10;
    out.push(
      // TRANSLATORS: the weekly PEG answers: {score} their average, the others each 0-10.
      tr('PEG {score} (pain {pain}, enjoyment of life {enjoyment}, general activity {activity})', {
        score: number(score),
        pain: w.peg.pain,
        enjoyment: w.peg.enjoyment,
        activity: w.peg.activity,
      }),
    );
  }
  if (w.psfs && w.psfs.length)
    // TRANSLATORS: {ratings} is "carrying shopping 6, running 4".
    out.push(tr('Function (PSFS): {ratings}', { ratings: w.psfs.map((r) => `${r.activity} ${r.score}`).join(', ') }));
  return out;
}

// The weekly questions for `date`: answered ones as a done card (to change), else the form,
// with the activities of the last answers to rate again. `badge`: why it is shown ("Due today").
export function weeklyCard(ctx, date, view, { badge = null } = {}) {
  const q = view.questions;
  const existing = (view.weekly || []).find((w) => w.date === date) || null;
  const id = `weekly-${date}`;
  const show = () => {
    // Due and not begun: a short card that opens them.
    if (!existing && badge && !drafts.get(draftKey('weekly', date))) return folded();
    if (!existing) return form();
    return doneCard({
      title: words().done,
      lines: weeklyLines(existing),
      id,
      onChange: (e) => swap(e.target.closest('section'), form()),
    });
  };
  const folded = () => {
    const open = h('button', { type: 'button', class: 'primary' }, words().open);
    const el = h(
      'section',
      { class: 'card', id, 'aria-labelledby': `${id}-h` },
      h('h3', { id: `${id}-h` }, words().weeklyFor(date)),
      h('p', { class: 'badge due-badge' }, badge),
      h('p', { class: 'hint' }, words().about),
      h('div', { class: 'row' }, open),
    );
    open.addEventListener('click', () => {
      const f = form();
      swap(el, f);
      focusOn(f.querySelector('h3') || f);
    });
    return el;
  };
  const form = () => {
    const key = draftKey('weekly', date);
    const base = existing || { psfs: (view.activities || []).map((a) => ({ activity: a, score: null })) };
    const st = drafts.get(key) || {
      pain: base.peg ? base.peg.pain : null,
      enjoyment: base.peg ? base.peg.enjoyment : null,
      activity: base.peg ? base.peg.activity : null,
      psfs: (base.psfs || []).map((r) => ({ activity: r.activity, score: r.score })),
    };
    const keep = () => drafts.set(key, st);
    const peg = [
      ['pain', q.peg_pain, q.peg_pain_low, q.peg_pain_high],
      ['enjoyment', q.peg_enjoyment, q.peg_interference_low, q.peg_interference_high],
      ['activity', q.peg_activity, q.peg_interference_low, q.peg_interference_high],
    ].map(([k, label, low, high]) =>
      wholeScale({
        label,
        low,
        high,
        value: st[k],
        optional: true,
        onChange: (v) => {
          st[k] = v;
          keep();
        },
      }),
    );
    const list = h('div', { class: 'psfs-list' });
    const has = (a) => st.psfs.some((r) => r.activity.toLowerCase() === a.toLowerCase());
    const suggestBox = h('div', { class: 'toggles', role: 'group', 'aria-label': words().suggested });
    const drawSuggestions = () => {
      suggestBox.replaceChildren(
        ...(q.suggestions || []).map((a) =>
          toggle(a, has(a), (on) => {
            if (on && st.psfs.length >= 5) {
              name.error(words().full);
              drawSuggestions();
              return;
            }
            name.error('');
            st.psfs = st.psfs.filter((r) => r.activity.toLowerCase() !== a.toLowerCase());
            if (on) st.psfs.push({ activity: a, score: null });
            keep();
            drawList();
          }),
        ),
      );
    };
    const drawList = () => {
      list.replaceChildren(
        ...st.psfs.map((r, i) => {
          const s = wholeScale({
            label: r.activity,
            low: q.psfs_low,
            high: q.psfs_high,
            value: r.score,
            onChange: (v) => {
              r.score = v;
              keep();
            },
          });
          s.el.querySelector('.row').append(
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  st.psfs.splice(i, 1);
                  keep();
                  drawList();
                },
              },
              words().remove(r.activity),
            ),
          );
          return s.el;
        }),
      );
      drawSuggestions();
    };
    const listId = `psfs-suggestions-${date}`;
    const name = field(q.psfs_add, { type: 'text', maxlength: '80', list: listId, autocomplete: 'off' });
    const addButton = h('button', { type: 'button' }, words().add);
    drawList();
    addButton.addEventListener('click', () => {
      const a = name.input.value.trim();
      if (!a) return;
      if (st.psfs.length >= 5) return name.error(words().full);
      if (has(a)) return name.error(words().twice);
      name.error('');
      st.psfs.push({ activity: a, score: null });
      name.input.value = '';
      keep();
      drawList();
    });
    const suggestions = h(
      'datalist',
      { id: listId },
      (q.suggestions || []).map((s) => h('option', { value: s })),
    );
    const el = formCard(
      words().weeklyFor(date),
      [
        h('p', { class: 'hint' }, q.peg_intro),
        ...peg.map((s) => s.el),
        h('p', { class: 'hint' }, q.psfs_intro),
        list,
        h('p', { class: 'hint', 'aria-hidden': 'true' }, words().suggested),
        suggestBox,
        h('div', { class: 'row psfs-add' }, name.el, addButton),
        suggestions,
      ],
      words().save,
      async () => {
        const given = [st.pain, st.enjoyment, st.activity].filter((v) => v !== null).length;
        if (given !== 0 && given !== 3) return words().pegMissing;
        const unrated = st.psfs.find((r) => r.score === null);
        if (unrated) return words().unrated(unrated.activity);
        if (given === 0 && !st.psfs.length) return words().nothing;
        const body = {};
        if (given === 3) body.peg = { pain: st.pain, enjoyment: st.enjoyment, activity: st.activity };
        if (st.psfs.length) body.psfs = st.psfs.map((r) => ({ activity: r.activity, score: r.score }));
        const entry = await enqueue({
          method: 'PUT',
          path: `/api/v1/weekly/${date}`,
          body,
          date,
          kind: 'weekly',
          // TRANSLATORS: what a queued check-in is, in "Not saved: ..."; {date} is "Sat 5 Dec".
          label: tr('the weekly questions of {date}', { date: prettyDate(date) }),
        });
        drafts.remove(key);
        swap(
          el,
          doneCard({ title: words().saved, doneTitle: words().done, lines: weeklyLines(body), mark: entry, id }),
        );
        ctx.changed();
        return null;
      },
      { id, draftKey: key, badge: badge ? h('p', { class: 'badge due-badge' }, badge) : undefined },
    );
    return el;
  };
  return show();
}

// A flare already recorded, as a done card.
export function flareDone(f) {
  return doneCard({ title: words().flareDone, lines: [words().flareLine(f), ...(f.note ? [f.note] : [])] });
}

// "Pain now? Record a flare": a button that opens the flare's form, for `date`.
export function flareButton(ctx, date) {
  const b = h('button', { type: 'button', class: 'wide-button', id: `flare-${date}` }, words().flareButton);
  b.addEventListener('click', () => swap(b, flareForm(ctx, date)));
  return b;
}

function flareForm(ctx, date) {
  const key = draftKey('flare', date);
  const st = drafts.get(key) || { pain: null, sharp: false, time: date === ctx.today ? nowTime() : '', note: '' };
  const keep = () => drafts.set(key, st);
  const pain = scale({
    label: words().flarePain,
    hint: words().flareHint,
    value: st.pain,
    onChange: (v) => {
      st.pain = v;
      keep();
    },
  });
  const sharp = toggle(words().flareSharp, st.sharp, (v) => {
    st.sharp = v;
    keep();
  });
  const time = field(words().flareTime, { type: 'time' });
  time.input.value = st.time;
  time.input.addEventListener('input', () => {
    st.time = time.input.value;
    keep();
  });
  const note = field(words().flareNote, { tag: 'textarea', maxlength: '500' });
  note.input.value = st.note;
  note.input.addEventListener('input', () => {
    st.note = note.input.value;
    keep();
  });
  const el = formCard(
    words().flareTitle(date, date === ctx.today),
    [pain.el, h('div', { class: 'row' }, sharp), time.el, note.el],
    words().flareSave,
    async () => {
      if (st.pain === null) return words().flarePainMissing;
      const body = { pain: st.pain };
      if (st.time) body.time = st.time;
      if (st.sharp) body.sharp = true;
      if (st.note.trim()) body.note = st.note.trim();
      const entry = await enqueue({
        method: 'POST',
        path: `/api/v1/days/${date}/flares`,
        body,
        date,
        kind: 'flare',
        // TRANSLATORS: what a queued check-in is, in "Not saved: ..."; {date} is "Sat 5 Dec".
        label: tr('a flare on {date}', { date: prettyDate(date) }),
      });
      drafts.remove(key);
      const done = doneCard({
        title: words().flareSaved,
        doneTitle: words().flareDoneSent,
        lines: [words().flareLine(body), ...(body.note ? [body.note] : [])],
        mark: entry,
      });
      swap(el, done);
      done.after(flareButton(ctx, date));
      ctx.changed();
      return null;
    },
    { id: `flare-form-${date}`, draftKey: key },
  );
  return el;
}
