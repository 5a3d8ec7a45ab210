// Issue 23 in the browser: what the server says in German (the reading's words, the safety
// screen) fits a 320 px phone with no sideways scroll and no clipped control, chosen by the
// account's language; and every scenario's two-week report in English, German and Spanish prints
// on one A4 page. The page's own labels are not translated yet (docs/languages.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  BIN,
  SHOTS,
  api,
  assert,
  closeBrowser,
  isoDate,
  launch,
  newPage,
  noHorizontalScroll,
  root,
  screened,
  startServer,
} from './helpers.mjs';

before(launch);
after(closeBrowser);

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

// A scenario's diary with its dates moved so that its as-of date is yesterday.
function scenario(name) {
  const folder = path.join(root, 'tests/scenarios', name);
  const diary = JSON.parse(readFileSync(path.join(folder, 'diary.json'), 'utf8'));
  const asOf = JSON.parse(readFileSync(path.join(folder, 'expect.json'), 'utf8')).as_of;
  const shift = Math.round((Date.now() - 86400000 - Date.parse(`${asOf}T12:00:00`)) / 86400000);
  for (const day of diary.days) {
    day.date = isoDate(new Date(Date.parse(`${day.date}T12:00:00`) + shift * 86400000));
  }
  return diary;
}

// Controls whose text is cut off: wider inside than their box, with overflow hidden.
async function clipped(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a, label, select, h1, h2, h3, li, p')]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const s = getComputedStyle(el);
        return el.scrollWidth > el.clientWidth + 1 && /hidden|clip/.test(s.overflowX + s.overflow);
      })
      .map((el) => `${el.tagName}: ${el.innerText.slice(0, 60)}`),
  );
}

const READINGS = [
  'one_activity_sets_it_off',
  'own_repeated_worse',
  'keeps_rising',
  'sharp_catching',
  'mixed_two_flares',
  'helpful_steady',
  'stirring_up_mornings',
  'masked_by_painkillers',
  'too_early',
];

test('the Reading page in German at 320 px: the server words fit, chosen by the account', async () => {
  const server = await startServer();
  try {
    await screened(server.url);
    assert.equal((await api(server.url, 'PUT', '/api/v1/profile', { language: 'de' })).status, 200);
    const page = await newPage({ width: 320 });
    for (const name of READINGS) {
      await api(server.url, 'PUT', '/api/v1/diary', scenario(name));
      await page.goto(`${server.url}/#reading`);
      await page.locator('main h2').first().waitFor();
      const text = await page.locator('main').innerText();
      assert.match(text, /Ihr|Training|Einheit|Morgen/, `${name}: German words on the Reading page`);
      assert.doesNotMatch(text, /\{[a-z_]+\}/, `${name}: a placeholder shown`);
      await noHorizontalScroll(page, `${name} in German at 320 px`);
      assert.deepEqual(await clipped(page), [], `${name}: clipped text in German at 320 px`);
      await page.screenshot({
        path: path.join(SHOTS, `de-reading-${name}-320.png`),
        fullPage: true,
      });
    }
    await page.context().close();
  } finally {
    server.close();
  }
});

test('the safety screen in German at 320 px, from the browser language before any setting', async () => {
  const server = await startServer();
  try {
    const page = await newPage({ width: 320 });
    await page.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9' });
    await page.goto(`${server.url}/`);
    await page.getByText('Schmerzen im mittleren Rücken sind meist kein Zeichen').first().waitFor();
    await noHorizontalScroll(page, 'the safety screen in German at 320 px');
    assert.deepEqual(await clipped(page), []);
    await page.screenshot({
      path: path.join(SHOTS, 'de-safety-320.png'),
      fullPage: true,
    });
    await page.context().close();
  } finally {
    server.close();
  }
});

test('every scenario two-week report in English, German and Spanish prints on one A4 page', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'backsignal-reports-'));
  const page = await newPage({ width: 1280 });
  const overflow = [];
  try {
    const scenarios = path.join(root, 'tests/scenarios');
    for (const name of readdirSync(scenarios).sort()) {
      const asOf = JSON.parse(readFileSync(path.join(scenarios, name, 'expect.json'), 'utf8')).as_of;
      const db = path.join(dir, `${name}.db`);
      const imp = spawnSync(BIN, ['--db', db, 'import', path.join(scenarios, name, 'diary.json')], {
        encoding: 'utf8',
      });
      assert.equal(imp.status, 0, `${name}: ${imp.stderr}`);
      for (const lang of ['en', 'de', 'es']) {
        const html = path.join(dir, `${name}-${lang}.html`);
        const p = spawnSync(
          BIN,
          ['--db', db, '--lang', lang, 'report', '--weeks', '2', '--as-of', asOf, '--out', html],
          { encoding: 'utf8' },
        );
        assert.equal(p.status, 0, `${name}: ${p.stderr}`);
        await page.goto(`file://${html}`);
        await page.emulateMedia({ media: 'print' });
        const pages = pdfPages(await page.pdf({ format: 'A4' }));
        if (pages !== 1) overflow.push(`${name} in ${lang}: ${pages} A4 pages`);
      }
    }
    // Spanish and German run a fifth to a third longer than English: the print layout and the
    // catalogues' wording leave room for them (issue 23).
    assert.deepEqual(overflow, []);
  } finally {
    await page.context().close();
    rmSync(dir, { recursive: true, force: true });
  }
});
