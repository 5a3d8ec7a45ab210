// Issue 23, the page's own words, continued from pagelang_pages.test.mjs (which walks one
// verdict): the Reading page with each verdict the reading has (helpful, mixed with each of
// its reasons, stirring up, not enough data) and with each alert (keeps rising, modify or stop,
// repeated worse mornings), from the scenario diaries: in the pseudo-locale (qps) no plain
// English, in its text, aria-labels and charts; in German at 320 px no sideways scroll and no
// control clipped.
import { after, before, test } from 'node:test';
import {
  GERMAN,
  QPS,
  api,
  assert,
  checkState,
  closeBrowser,
  launch,
  pageIn,
  scenarioDiary,
  screened,
  walkLabel,
  walkServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

// Each scenario, the verdict it gives and the alerts it shows (tests/scenarios/*/expect.json).
const WALK = [
  ['improving', 'helpful', []],
  ['keeps_rising', 'mixed', ['keeps_rising']],
  ['sharp_holds_back_helpful', 'mixed', ['modify_or_stop']],
  ['mixed_two_flares', 'mixed', []],
  ['strained_sessions', 'mixed', []],
  ['masked_by_painkillers', 'mixed', []],
  ['stirring_up_mornings', 'stirring_up', []],
  ['noticeably_higher', 'stirring_up', []],
  ['too_early', 'not_enough_data', []],
  ['own_repeated_worse', 'not_enough_data', ['repeated_worse_mornings']],
];

// The person's own words in a diary (activities, factors, painkillers, notes), as written and
// with a capital, as a sentence may start with them, and in small letters.
function ownWords(diary) {
  const own = new Set();
  for (const day of diary.days) {
    for (const s of day.sessions || []) if (s.activity) own.add(s.activity);
    const c = day.context || {};
    for (const t of c.tags || []) own.add(t);
    if (c.painkiller_name) own.add(c.painkiller_name);
    if (day.note) own.add(day.note);
  }
  return [...own].flatMap((w) => [w, w.toLowerCase(), w.charAt(0).toUpperCase() + w.slice(1)]);
}

for (const lang of [QPS, GERMAN]) {
  test(`the Reading page with each verdict and alert, ${walkLabel(lang)}`, async () => {
    const server = await walkServer(lang);
    try {
      await screened(server.url);
      const page = await pageIn(lang);
      for (const [name, verdict, alerts] of WALK) {
        const diary = scenarioDiary(name);
        const put = await api(server.url, 'PUT', '/api/v1/diary', diary);
        assert.equal(put.status, 200, `${name}: ${JSON.stringify(put.data)}`);
        if (page.url().endsWith('#reading')) await page.reload();
        else await page.goto(`${server.url}/#reading`);
        await page.locator(`section.verdict.v-${verdict}`).waitFor();
        const shown = await page.locator('.alerts .alert').evaluateAll((els) => els.map((e) => e.dataset.kind));
        for (const kind of alerts) assert.ok(shown.includes(kind), `${name}: the ${kind} alert among ${shown}`);
        if (await page.locator('main figure .chart').count())
          await page.locator('main figure canvas').first().waitFor();
        await page.evaluate(() => {
          for (const d of document.querySelectorAll('main figure details')) d.open = true;
        });
        await checkState(page, lang, `the Reading page, ${name} (${verdict})`, { known: ownWords(diary) });
      }
      assert.deepEqual(page.errors, []);
      await page.context().close();
    } finally {
      server.close();
    }
  });
}
