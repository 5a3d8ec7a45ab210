// The page's side of the catalogues (web/src/i18n.js) on the JSON the build makes from po/:
// plural forms from the header, placeholders, numbers, and the language chosen.
// node --test tests/i18n/ with I18N_JSON_DIR=build/i18n
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as i18n from '../../web/src/i18n.js';

const dir = process.env.I18N_JSON_DIR || 'build/i18n';
const load = (tag) => JSON.parse(fs.readFileSync(path.join(dir, `${tag}.json`), 'utf8'));

test('plural expressions of gettext evaluate as C does, for languages with three forms', () => {
  const pl = i18n.parsePlural('nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);');
  assert.deepEqual([1, 2, 5, 12, 22, 25].map(pl), [0, 1, 2, 2, 1, 2]);
  assert.equal(i18n.parsePlural('nplurals=1; plural=0;')(7), 0);
});

test('German and Spanish come from the same catalogues as the server, with their plurals', () => {
  i18n.useCatalog(load('de'));
  assert.equal(i18n.ntr('{n} session', '{n} sessions', 1), '1 Einheit');
  assert.equal(i18n.ntr('{n} session', '{n} sessions', 21), '21 Einheiten');
  assert.equal(i18n.tr('Not enough data yet'), 'Noch nicht genug Daten');
  assert.equal(i18n.number(2.5), '2,5');
  i18n.useCatalog(load('es'));
  assert.equal(i18n.ntr('{n} session', '{n} sessions', 5), '5 sesiones');
  assert.equal(i18n.trc('in a table', 'stable'), 'estable');
  assert.equal(i18n.tr('{k} of {total}', { k: 3, total: 7 }), '3 de 7');
  assert.equal(i18n.tr('a string no catalogue has'), 'a string no catalogue has');
});

test('decimal input takes a comma or a point', () => {
  assert.equal(i18n.parseDecimal('2,5'), 2.5);
  assert.equal(i18n.parseDecimal('2.5'), 2.5);
  assert.ok(Number.isNaN(i18n.parseDecimal('2,5 h')));
});

test('the browser languages are tried in order, the test locale only when the address names it', async () => {
  assert.deepEqual(i18n.wantedLanguages(['de-CH', 'de', 'en']), ['de', 'en']);
  assert.deepEqual(i18n.wantedLanguages(['en-US'], '?lang=qps'), ['qps', 'en']);
  // From English (an earlier test left Spanish in use, which a later load keeps without fetching).
  await i18n.loadCatalog(['en']);
  const fetched = [];
  const fakeFetch = async (url) => {
    fetched.push(url);
    const tag = url.split('/').pop().replace('.json', '');
    return fs.existsSync(path.join(dir, `${tag}.json`)) ? { ok: true, json: async () => load(tag) } : { ok: false };
  };
  assert.equal(await i18n.loadCatalog(['fr', 'es', 'en'], fakeFetch), 'es');
  assert.deepEqual(fetched, ['/assets/i18n/fr.json', '/assets/i18n/es.json']);
});
