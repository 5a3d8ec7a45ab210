// Issue 23, the page's own words, continued from pagelang_states.test.mjs: Today with sessions
// due (a session two hours ago with sharp pain: its advice and its hour after due now; one ten
// minutes ago: its hour after later, with the phone's reminder; yesterday's session: this
// morning is the morning after it, and its hour after is in the list of what is missing), each
// of them saved and what the card then says comes next (the server's words, and the advice
// still there after Save); and the safety screen's referral at each urgency (an emergency, to
// be seen the same day, soon), a clearance refused and recorded. In the pseudo-locale (qps) no
// plain English; in German at 320 px no sideways scroll and no control clipped.
import { after, before, test } from 'node:test';
import {
  EAST,
  GERMAN,
  QPS,
  api,
  assert,
  checkState,
  closeBrowser,
  daysAgo,
  launch,
  pageIn,
  pickNth,
  screened,
  walkLabel,
  walkServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

// The date n days ago and the minute of the day now, in `zone`.
function local(zone) {
  const date = (n) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(Date.now() - n * 86400000));
  const [hh, mm] = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date())
    .split(':')
    .map(Number);
  return { date, minutes: hh * 60 + mm };
}
const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// The person's own activities, in any language.
const OWN = ['swimming', 'Swimming', 'rowing', 'Rowing', 'walk', 'Walk'];

// Waits until the server has answered for the check-in on the card `id`, and its words say
// what comes next.
async function answered(page, id) {
  await page.locator(`#${id} [data-queued].ok`).waitFor();
  await page.locator(`#${id} .said .next`).waitFor();
}

for (const lang of [QPS, GERMAN]) {
  test(`Today with sessions due, each saved, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang);
    try {
      const zone = EAST;
      assert.equal((await api(server.url, 'PUT', '/api/v1/profile', { time_zone: zone })).status, 200);
      await screened(server.url);
      const { date, minutes } = local(zone);
      const today = date(0);
      const yesterday = date(1);
      const put = async (method, p, body) => assert.ok((await api(server.url, method, p, body)).status < 300, p);
      // Two weeks of mornings (a usual morning to read this one against), but for the day before
      // yesterday's.
      for (let n = 14; n >= 3; n -= 1) await put('PUT', `/api/v1/days/${date(n)}/morning`, { pain: 3 });
      await put('PUT', `/api/v1/days/${yesterday}/morning`, { pain: 3 });
      await put('POST', `/api/v1/days/${yesterday}/sessions`, {
        time: '18:00',
        minutes: 30,
        activity: 'swimming',
        during: { start: 2, end: 4, pattern: 'building' },
      });
      await put('POST', `/api/v1/days/${today}/sessions`, {
        time: hhmm(minutes - 160),
        minutes: 40,
        activity: 'rowing',
        during: { start: 3, end: 5, sharp: true },
      });
      await put('POST', `/api/v1/days/${today}/sessions`, {
        time: hhmm(minutes - 30),
        minutes: 20,
        activity: 'walk',
        during: { start: 2, end: 2 },
      });

      const page = await pageIn(lang, { timezoneId: zone });
      await page.context().grantPermissions(['notifications'], { origin: server.url });
      await page.goto(`${server.url}/#today`);
      const due = page.locator('#due-now');
      await due.locator(`#morning-${today} form`).waitFor();
      await due.locator(`#after-${today}-1 .badge.due-now`).waitFor();
      await due.locator(`#session-${today}-1 .advice`).waitFor();
      await page.locator(`#later-today #after-${today}-2 .when`).waitFor();
      await page.locator('#still-missing li').first().waitFor();
      await checkState(page, lang, 'Today with sessions due', { selector: 'main, header', known: OWN });

      // The morning after yesterday's session, saved: what comes next.
      const morning = page.locator(`#morning-${today}`);
      await pickNth(morning, 0, 4);
      await morning.locator('button[type=submit]').click();
      await answered(page, `morning-${today}`);
      // Its heading once the server has it, in the page's language.
      if (lang === GERMAN) assert.equal(await morning.locator('h3').innerText(), 'Morgen: erledigt');
      await checkState(page, lang, 'the morning after a session, saved', { known: OWN });

      // The hour after that is due, saved.
      const hourAfter = page.locator(`#after-${today}-1`);
      await pickNth(hourAfter, 0, 3);
      await hourAfter.locator('button[type=submit]').click();
      await answered(page, `after-${today}-1`);
      await checkState(page, lang, 'the hour after that was due, saved', { known: OWN });

      // Yesterday's hour after, from the list of what is missing.
      await page.locator('#still-missing li button').first().click();
      const missed = page.locator(`#missing-slot #after-${yesterday}-1`);
      await missed.locator('form').waitFor();
      await checkState(page, lang, "yesterday's hour after, from what is missing", { known: OWN });
      await pickNth(missed, 0, 2);
      await missed.locator('button[type=submit]').click();
      await answered(page, `after-${yesterday}-1`);
      await checkState(page, lang, "yesterday's hour after, saved", { known: OWN });

      // A session with sharp pain saved: the advice and what comes next stay once the server
      // has answered; its hour after comes later, with the phone's reminder.
      await page.locator('button.add-session').click();
      const form = page.locator('section.card:has(input[type=time])');
      await form.locator('input[inputmode=numeric]').fill('30');
      await form.locator('fieldset:has(.advice-slot) button[aria-pressed]').click();
      await form.locator('button[type=submit]').click();
      await answered(page, `session-${today}-3`);
      const saved = page.locator(`#session-${today}-3`);
      assert.ok(await saved.locator('.advice').isVisible(), 'the advice stays after Save');
      assert.ok(await saved.locator('.said .next').isVisible(), 'what comes next stays after Save');
      if (lang === GERMAN) assert.equal(await saved.locator('h3').innerText(), 'Einheit 3');
      await page.locator(`#after-${today}-3 .when`).waitFor();
      await checkState(page, lang, 'a session with sharp pain saved: the advice and what comes next', {
        known: OWN,
      });

      // Today again: the advice still due, what is done unfolded.
      await page.reload();
      await page.locator(`#due-now #session-${today}-3 .advice`).waitFor();
      await page.locator('#done-today > summary').click();
      await page.locator(`#done-today #morning-${today}`).waitFor();
      await checkState(page, lang, 'Today after the check-ins, what is done opened', {
        selector: 'main, header',
        known: OWN,
      });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      server.close();
    }
  });
}

const EMERGENCY = ['chest_breathless', 'chest_heart', 'tearing', 'legs_bladder'];

// Answers the safety screen: no to `no`, yes to `yes` (an emergency yes kept at once), none of
// the others; then waits for the stop.
async function answer(page, { yes = [], no = [] }) {
  const screen = page.locator('#safety-screen');
  await screen.waitFor();
  const pick = (id, nth) => screen.locator(`fieldset[data-question="${id}"] label`).nth(nth).click();
  for (const id of no) await pick(id, 1);
  for (const id of yes) {
    await pick(id, 0);
    if (EMERGENCY.includes(id)) {
      await screen.locator(`fieldset[data-question="${id}"] .advice.emergency`).waitFor();
      await screen.locator(`fieldset[data-question="${id}"] .advice.emergency button.danger`).click();
      await page.locator('#safety-stop').waitFor();
      return;
    }
  }
  await screen.locator('#safety-submit').click();
  await page.locator('#safety-stop').waitFor();
}

for (const lang of [QPS, GERMAN]) {
  test(`the safety screen's referral at each urgency, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang);
    try {
      const page = await pageIn(lang);
      await page.goto(`${server.url}/#today`);
      const outcome = () => api(server.url, 'GET', '/api/v1/safety/state').then((r) => r.data.outcome);

      await answer(page, { yes: ['tearing'] });
      assert.equal(await outcome(), 'emergency');
      await checkState(page, lang, 'the safety stop, an emergency');

      await page.locator('#change-answers').click();
      await page.locator('#safety-screen').waitFor();
      await checkState(page, lang, 'the safety questions again, after a stop');
      await answer(page, { no: ['tearing'], yes: ['cough_blood'] });
      assert.equal(await outcome(), 'same_day');
      await checkState(page, lang, 'the safety stop, to be seen today');

      await page.locator('#change-answers').click();
      await answer(page, { no: ['cough_blood'], yes: ['cancer_history', 'cancer_new_pain'] });
      assert.equal(await outcome(), 'soon');
      await checkState(page, lang, 'the safety stop, to contact a clinician');
      // A clearance with no day given is refused; with one, Today again.
      const record = page.locator('#safety-stop .row button').last();
      await record.click();
      await page.locator('#safety-stop .field-error:not([hidden])').waitFor();
      await checkState(page, lang, 'the safety stop, a clearance with no day');
      await page.locator('#safety-stop input[type=date]').fill(daysAgo(0));
      await record.click();
      await page.locator('#today-title').waitFor();
      await checkState(page, lang, 'Today after a clearance', { selector: 'main, header' });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      server.close();
    }
  });
}
