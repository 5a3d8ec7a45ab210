// The formats other tools speak, checked with those tools' own libraries:
// - every FHIR export (each scenario diary, and a long random one) validates with the npm
//   package `fhir` (R4), the Bundle and every entry, with errorOnUnexpected;
// - a round trip finds every check-in in the Bundle with its value, date and window;
// - the iCalendar export parses with ical.js, has what RFC 5545 requires (checked here, since
//   ical.js is lenient), and its alarms land at the right instants across daylight-saving changes.
// usage: node --test tests/formats/  (BACKSIGNAL_BIN may be set)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'web/package.json'));
const { Fhir } = require('fhir');
const ICAL = require('ical.js');
const BIN = process.env.BACKSIGNAL_BIN || path.join(root, 'build/backsignal');
const fhir = new Fhir();

let tmp;
before(() => { tmp = mkdtempSync(path.join(tmpdir(), 'backsignal-formats-')); });
after(() => { rmSync(tmp, { recursive: true, force: true }); });

let dbCount = 0;
function cli(db, ...args) {
  return execFileSync(BIN, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}
function freshDb(diary, zone = 'Europe/London', wake = '07:00') {
  dbCount += 1;
  const db = path.join(tmp, `d${dbCount}.db`);
  const file = path.join(tmp, `d${dbCount}.json`);
  writeFileSync(file, JSON.stringify(diary));
  cli(db, 'import', file);
  cli(db, 'reminders', '--time-zone', zone, '--wake', wake);
  return db;
}

function scenarioDiaries() {
  const dirs = [path.join(root, 'tests/scenarios')];
  const shared = path.resolve(root, '../shared/scenarios');
  if (existsSync(shared)) dirs.push(shared);
  const out = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const f = path.join(dir, name, 'diary.json');
      if (existsSync(f)) out.push([`${path.basename(dir) === 'scenarios' && dir.includes('shared') ? 'shared/' : ''}${name}`, JSON.parse(readFileSync(f, 'utf8'))]);
    }
  }
  return out;
}

// A long diary with every kind of field, half points, gaps, two sessions on some days.
function randomDiary(days, seed) {
  let s = seed;
  const rnd = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const score = () => Math.round(rnd() * 20) / 2;
  const out = { format: 'backsignal-diary', version: 1, usual_morning_pain: 3, usual_morning_stiffness: 3.5, days: [] };
  const start = Date.UTC(2024, 0, 1);
  const loads = ['rotation', 'breathing_under_load', 'arms_away'];
  for (let i = 0; i < days; i += 1) {
    if (rnd() < 0.1) continue;
    const date = new Date(start + i * 86400000).toISOString().slice(0, 10);
    const day = { date };
    if (rnd() < 0.9) { day.morning = { pain: score() }; if (rnd() < 0.6) day.morning.stiffness = score(); }
    if (rnd() < 0.4) {
      day.context = {};
      if (rnd() < 0.7) day.context.sitting_hours = Math.round(rnd() * 24);
      if (rnd() < 0.5) day.context.prolonged_position = rnd() < 0.5;
      if (rnd() < 0.5) day.context.upper_body_tension = score();
      if (rnd() < 0.5) day.context.sleep_hours = Math.round(rnd() * 24) / 2;
      if (rnd() < 0.4) day.context.sleep_quality = score();
      if (rnd() < 0.3) day.context.painkillers = rnd() < 0.7;
      if (day.context.painkillers && rnd() < 0.5) day.context.painkiller_name = ['ibuprofen 400 mg', 'paracetamol', '=cmd|x'][Math.floor(rnd() * 3)];
      if (rnd() < 0.4) day.context.stress = score();
      if (rnd() < 0.3) day.context.tags = ['long drive', 'period', 'new mattress', 'Lifting at work'].filter(() => rnd() < 0.5);
      if (day.context.tags && !day.context.tags.length) delete day.context.tags;
      if (rnd() < 0.1) day.context.injury = rnd() < 0.5 ? 'fall' : 'other';
      if (!Object.keys(day.context).length) delete day.context;
    }
    const n = rnd() < 0.45 ? (rnd() < 0.15 ? 2 : 1) : 0;
    if (n) {
      day.sessions = [];
      for (let k = 0; k < n; k += 1) {
        const x = {};
        if (rnd() < 0.85) x.time = `${String(6 + Math.floor(rnd() * 17)).padStart(2, '0')}:${String(Math.floor(rnd() * 4) * 15).padStart(2, '0')}`;
        if (rnd() < 0.9) x.minutes = 10 + Math.floor(rnd() * 80);
        if (rnd() < 0.8) x.activity = ['swimming', 'rowing, easy', 'yoga; twists', 'walk \\ hills', 'climbing "bouldering"'][Math.floor(rnd() * 5)];
        x.load = loads.filter(() => rnd() < 0.4);
        if (!x.load.length) delete x.load;
        if (rnd() < 0.9) {
          x.during = {};
          if (rnd() < 0.9) x.during.start = score();
          if (rnd() < 0.9) x.during.end = score();
          if (rnd() < 0.7) x.during.pattern = ['stable', 'building', 'eased'][Math.floor(rnd() * 3)];
          if (rnd() < 0.7) x.during.sharp = rnd() < 0.2;
          if (!Object.keys(x.during).length) delete x.during;
        }
        if (rnd() < 0.8) {
          x.hour_after = {};
          if (rnd() < 0.9) x.hour_after.pain = score();
          if (rnd() < 0.6) x.hour_after.tighter = rnd() < 0.3;
          if (!Object.keys(x.hour_after).length) delete x.hour_after;
        }
        day.sessions.push(x);
      }
    }
    if (rnd() < 0.15) day.note = `day ${i}: é ✓, "quoted" ; semi`;
    if (day.note && rnd() < 0.2) day.note_pinned = true;
    if (Object.keys(day).length > 1) out.days.push(day);
  }
  return out;
}

function validateBundle(name, bundle) {
  const errors = (r) => r.messages.filter((m) => m.severity === 'error').map((m) => `${name}: ${m.location} ${m.message}`);
  const whole = fhir.validate(bundle, { errorOnUnexpected: true });
  assert.deepEqual(errors(whole), []);
  assert.equal(whole.valid, true, `${name}: the Bundle is valid`);
  for (const e of bundle.entry) {
    const r = fhir.validate(e.resource, { errorOnUnexpected: true });
    assert.deepEqual(errors(r), [], `${name}: ${e.resource.resourceType}/${e.resource.id}`);
    assert.equal(r.valid, true);
  }
}

const OWN = 'https://backsignal.invalid/fhir/CodeSystem/diary';
const LOINC_PAIN = '72514-3';
const LOINC_SLEEP = '93832-4';

// Rebuilds the diary from the Bundle alone: the round trip.
function diaryFromBundle(bundle) {
  const days = new Map();
  const dayOf = (date) => { if (!days.has(date)) days.set(date, { date }); return days.get(date); };
  const out = { format: 'backsignal-diary', version: 1 };
  const windowOf = (obs) => obs.category.flatMap((c) => c.coding).find((c) => c.system === OWN).code;
  const sessionOf = new Map();  // Procedure fullUrl -> [date, index, session]
  for (const e of bundle.entry) {
    const r = e.resource;
    if (r.resourceType !== 'Procedure') continue;
    assert.equal(r.status, 'completed');
    assert.deepEqual(r.code.coding[0], { system: 'http://snomed.info/sct', code: '229138000', display: 'Back exercises' });
    const [date, n] = r.identifier[0].value.split('/');
    const x = {};
    if (r.performedPeriod) {
      x.time = r.performedPeriod.start.slice(11, 16);
      assert.equal(r.performedPeriod.start.slice(0, 10), date);
    }
    for (const ext of r.extension || []) {
      if (ext.url.endsWith('/session-minutes')) x.minutes = ext.valueDuration.value;
      if (ext.url.endsWith('/load-feature')) (x.load ||= []).push(ext.valueCoding.code);
    }
    if (r.performedPeriod && r.performedPeriod.end) {
      assert.equal((Date.parse(r.performedPeriod.end) - Date.parse(r.performedPeriod.start)) / 60000, x.minutes);
    }
    if (r.code.text) x.activity = r.code.text;
    const day = dayOf(date);
    (day.sessions ||= [])[Number(n) - 1] = x;
    sessionOf.set(e.fullUrl, x);
  }
  for (const e of bundle.entry) {
    const r = e.resource;
    if (r.resourceType !== 'Observation') continue;
    assert.equal(r.status, 'final');
    assert.equal(r.subject.reference, bundle.entry[0].fullUrl);
    const code = r.code.coding[0];
    const win = windowOf(r);
    const comp = Object.fromEntries((r.component || []).map((c) => [c.code.coding[0].code, c]));
    if (code.code === 'usual_morning') {
      if (comp.usual_morning_pain) out.usual_morning_pain = comp.usual_morning_pain.valueQuantity.value;
      if (comp.usual_morning_stiffness) out.usual_morning_stiffness = comp.usual_morning_stiffness.valueQuantity.value;
      continue;
    }
    if (win === 'flare') {
      // A flare at any time (docs/measures.md): its date (and time, with the zone's offset).
      const f = { date: r.effectiveDateTime.slice(0, 10) };
      if (r.effectiveDateTime.length > 10) f.time = r.effectiveDateTime.slice(11, 16);
      f.pain = r.valueQuantity.value;
      if (comp.sharp) f.sharp = comp.sharp.valueBoolean;
      if (r.note) f.note = r.note[0].text;
      (out.flares ||= []).push(f);
      continue;
    }
    const date = r.effectiveDateTime;
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
    const session = r.partOf ? sessionOf.get(r.partOf[0].reference) : null;
    if (r.partOf) assert.ok(session, 'partOf names a Procedure in the Bundle');
    if (code.system === 'http://loinc.org' && code.code === LOINC_SLEEP) {
      assert.equal(win, 'context');
      assert.equal(r.valueQuantity.code, 'h');
      (dayOf(date).context ||= {}).sleep_hours = r.valueQuantity.value;
      continue;
    }
    if (code.system === 'http://loinc.org') {
      assert.equal(code.code, LOINC_PAIN);
      assert.equal(r.bodySite.coding[0].code, '1141986006');
      assert.equal(r.valueQuantity.code, '{score}');
      const v = r.valueQuantity.value;
      if (win === 'morning') {
        dayOf(date).morning = { pain: v };
        if (comp.morning_stiffness) dayOf(date).morning.stiffness = comp.morning_stiffness.valueQuantity.value;
      } else if (win === 'during_start') (session.during ||= {}).start = v;
      else if (win === 'during_end') (session.during ||= {}).end = v;
      else if (win === 'hour_after') (session.hour_after ||= {}).pain = v;
      else assert.fail(`unknown window ${win}`);
      continue;
    }
    assert.equal(code.system, OWN);
    if (code.code === 'day_context') {
      const c = (dayOf(date).context ||= {});
      if (comp.sitting_hours) c.sitting_hours = comp.sitting_hours.valueQuantity.value;
      if (comp.prolonged_position) c.prolonged_position = comp.prolonged_position.valueBoolean;
      if (comp.upper_body_tension) c.upper_body_tension = comp.upper_body_tension.valueQuantity.value;
      if (comp.sleep_quality) c.sleep_quality = comp.sleep_quality.valueQuantity.value;
      if (comp.painkillers) c.painkillers = comp.painkillers.valueBoolean;
      if (comp.painkiller_name) c.painkiller_name = comp.painkiller_name.valueString;
      if (comp.stress) c.stress = comp.stress.valueQuantity.value;
      if (comp.injury) c.injury = comp.injury.valueCodeableConcept.coding[0].code;
      const tags = (r.component || []).filter((x) => x.code.coding[0].code === 'own_factor').map((x) => x.valueString);
      if (tags.length) c.tags = tags;
    } else if (code.code === 'day_note') {
      dayOf(date).note = r.valueString;
      if (comp.note_pinned) dayOf(date).note_pinned = comp.note_pinned.valueBoolean;
    } else if (code.code === 'during_course') {
      if (comp.pattern) (session.during ||= {}).pattern = comp.pattern.valueCodeableConcept.coding[0].code;
      if (comp.sharp) (session.during ||= {}).sharp = comp.sharp.valueBoolean;
    } else if (code.code === 'tighter') {
      (session.hour_after ||= {}).tighter = r.valueBoolean;
    } else {
      assert.fail(`unknown code ${code.code}`);
    }
  }
  out.days = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  // The weekly questions: a QuestionnaireResponse for each instrument answered on a date.
  const weekly = new Map();
  for (const e of bundle.entry) {
    const r = e.resource;
    if (r.resourceType !== 'QuestionnaireResponse') continue;
    assert.equal(r.status, 'completed');
    assert.equal(r.subject.reference, bundle.entry[0].fullUrl);
    const w = weekly.get(r.authored) || { date: r.authored };
    weekly.set(r.authored, w);
    const answer = (item) => Object.values(item.answer[0])[0];
    if (r.questionnaire.endsWith('/peg')) {
      const a = Object.fromEntries(r.item.map((i) => [i.linkId, answer(i)]));
      w.peg = { pain: a.pain, enjoyment: a.enjoyment, activity: a.activity };
      assert.ok(Math.abs(a.score - (a.pain + a.enjoyment + a.activity) / 3) < 1e-9, 'the PEG score is the mean');
    } else {
      assert.ok(r.questionnaire.endsWith('/psfs'), r.questionnaire);
      w.psfs = r.item
        .filter((i) => i.linkId === 'activity')
        .map((i) => ({ activity: answer(i.item[0]), score: answer(i.item[1]) }));
    }
  }
  if (weekly.size) out.weekly = [...weekly.values()].sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

test('every scenario diary exports to a FHIR R4 Bundle that validates, and reads back whole', () => {
  const all = scenarioDiaries();
  assert.ok(all.length >= 10, `found ${all.length} scenario diaries`);
  for (const [name, diary] of all) {
    const db = freshDb(diary);
    const bundle = JSON.parse(cli(db, 'export', '--format', 'fhir'));
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    validateBundle(name, bundle);
    assert.deepEqual(diaryFromBundle(bundle), JSON.parse(cli(db, 'export')), `${name}: round trip`);
  }
});

test('a long random diary (three years) validates and every check-in is found with its value, date and window', () => {
  const diary = randomDiary(3 * 365, 42);
  const db = freshDb(diary, 'America/New_York');
  const bundle = JSON.parse(cli(db, 'export', '--format', 'fhir'));
  validateBundle('random', bundle);
  const stored = JSON.parse(cli(db, 'export'));
  assert.deepEqual(diaryFromBundle(bundle), stored);
  // Counted independently: one pain Observation per rating in the diary.
  let ratings = 0;
  for (const d of stored.days) {
    if (d.morning) ratings += 1;
    for (const s of d.sessions || []) ratings += ['start', 'end'].filter((k) => s.during && s.during[k] !== undefined).length + (s.hour_after && s.hour_after.pain !== undefined ? 1 : 0);
  }
  const pain = bundle.entry.filter((e) => e.resource.resourceType === 'Observation' && e.resource.code.coding[0].code === LOINC_PAIN);
  assert.equal(pain.length, ratings);
  assert.ok(pain.some((e) => !Number.isInteger(e.resource.valueQuantity.value)), 'half points are carried');
  assert.ok(stored.days.some((d) => d.context && d.context.injury === 'fall'), 'a fall is carried');
  assert.ok(stored.days.some((d) => d.note_pinned), 'a pinned note is carried');
});

test('the weekly questions export as QuestionnaireResponses of their Questionnaires, flares as Observations, and read back whole', () => {
  const diary = {
    format: 'backsignal-diary',
    version: 1,
    days: [{ date: '2026-11-02', morning: { pain: 3 } }],
    weekly: [
      { date: '2026-11-01', peg: { pain: 5, enjoyment: 4, activity: 6 }, psfs: [{ activity: 'reaching overhead', score: 4 }, { activity: 'sitting for an hour', score: 6 }] },
      { date: '2026-11-08', psfs: [{ activity: 'reaching overhead', score: 5 }] },
    ],
    flares: [
      { date: '2026-11-03', time: '14:20', pain: 7, sharp: true, note: 'lifting the kettle' },
      { date: '2026-11-03', pain: 4.5 },
    ],
  };
  const db = freshDb(diary, 'America/New_York');
  const bundle = JSON.parse(cli(db, 'export', '--format', 'fhir'));
  validateBundle('measures', bundle);
  assert.deepEqual(diaryFromBundle(bundle), JSON.parse(cli(db, 'export')));
  const questionnaires = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Questionnaire');
  assert.deepEqual(questionnaires.map((q) => q.name).sort(), ['PEG', 'PSFS']);
  const peg = questionnaires.find((q) => q.name === 'PEG');
  assert.deepEqual(peg.item.find((i) => i.linkId === 'score').code[0], { system: 'http://loinc.org', code: '91147-9', display: 'Mean score [PEG]' });
  const responses = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'QuestionnaireResponse');
  assert.equal(responses.length, 3);
  for (const r of responses) assert.ok(questionnaires.some((q) => q.url === r.questionnaire), 'each response names its Questionnaire');
  const flare = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Observation' && r.effectiveDateTime.startsWith('2026-11-03T'));
  assert.equal(flare.effectiveDateTime, '2026-11-03T14:20:00-05:00');
});

test('FHIR ids are stable across exports and unique within one', () => {
  const db = freshDb(randomDiary(60, 7));
  const a = JSON.parse(cli(db, 'export', '--format', 'fhir'));
  const b = JSON.parse(cli(db, 'export', '--format', 'fhir'));
  const ids = (x) => x.entry.map((e) => e.fullUrl);
  assert.deepEqual(ids(a), ids(b));
  assert.equal(new Set(ids(a)).size, ids(a).length);
  for (const e of a.entry) assert.equal(e.fullUrl, `urn:uuid:${e.resource.id}`);
  // Every reference is a urn:uuid of an entry in the Bundle.
  const urls = new Set(ids(a));
  const refs = JSON.stringify(a).match(/"reference":"[^"]+"/g) || [];
  assert.ok(refs.length > 0);
  for (const r of refs) assert.ok(urls.has(r.slice(13, -1)), r);
});

// ---------- iCalendar ----------

function unfold(text) { return text.replace(/\r\n[ \t]/g, ''); }

function checkRfc5545(text) {
  // CRLF line ends only, lines of at most 75 octets, folds inside no UTF-8 sequence.
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  for (const line of text.split('\r\n').slice(0, -1)) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
    assert.ok(!line.includes('\uFFFD'));
  }
  const lines = unfold(text).split('\r\n');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.some((l) => l.startsWith('PRODID:')));
  // Each VEVENT has UID and DTSTAMP; each VALARM ACTION, TRIGGER and DESCRIPTION.
  let comp = [];
  const stack = [];
  for (const l of lines) {
    if (l.startsWith('BEGIN:')) { stack.push({ name: l.slice(6), props: [] }); continue; }
    if (l.startsWith('END:')) {
      const c = stack.pop();
      assert.equal(c.name, l.slice(4));
      comp.push(c);
      continue;
    }
    if (l && stack.length) stack[stack.length - 1].props.push(l.split(/[:;]/)[0]);
  }
  const events = comp.filter((c) => c.name === 'VEVENT');
  const alarms = comp.filter((c) => c.name === 'VALARM');
  for (const e of events) for (const p of ['UID', 'DTSTAMP', 'DTSTART']) assert.ok(e.props.includes(p), `VEVENT without ${p}`);
  for (const a of alarms) for (const p of ['ACTION', 'TRIGGER', 'DESCRIPTION']) assert.ok(a.props.includes(p), `VALARM without ${p}`);
  assert.ok(comp.some((c) => c.name === 'VTIMEZONE'));
  return { events: events.length, alarms: alarms.length };
}

function parseCalendar(text) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp;
}

// The instant an event's alarm fires, for the occurrence starting at `start` (an ICAL.Time).
function alarmInstant(event, occurrenceStart, occurrenceEnd) {
  const alarm = event.component.getFirstSubcomponent('valarm');
  const trig = alarm.getFirstProperty('trigger');
  const related = trig.getParameter('related') || 'START';
  const base = (related === 'END' ? occurrenceEnd : occurrenceStart).toUnixTime();
  return base + trig.getFirstValue().toSeconds();
}

test('the calendar has what RFC 5545 requires, one event per session, and UIDs stable across exports', () => {
  const diary = randomDiary(200, 3);
  const db = freshDb(diary, 'Europe/Berlin', '06:30');
  const text = cli(db, 'export', '--format', 'ics');
  const counts = checkRfc5545(text);
  const stored = JSON.parse(cli(db, 'export'));
  const sessions = stored.days.reduce((n, d) => n + (d.sessions || []).length, 0);
  const timed = stored.days.reduce((n, d) => n + (d.sessions || []).filter((s) => s.time).length, 0);
  assert.equal(counts.events, sessions + 1, 'a VEVENT per session, and the morning reminder');
  assert.equal(counts.alarms, timed + 1, 'an alarm per timed session, and the morning one');
  const cal = parseCalendar(text);
  const uids = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
  assert.equal(new Set(uids).size, uids.length);
  const again = parseCalendar(cli(db, 'export', '--format', 'ics')).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
  assert.deepEqual(again, uids);
  // Long text is folded at 75 octets and unfolds to the original, escapes included.
  const long = freshDb({ format: 'backsignal-diary', version: 1, days: [{ date: '2026-05-01', sessions: [{ time: '10:00', minutes: 30, activity: 'résumé; a very long activity name, with commas and a backslash \\ that goes on ✓✓✓ well past seventy-five octets' }] }] });
  const t2 = cli(long, 'export', '--format', 'ics');
  checkRfc5545(t2);
  const ev = parseCalendar(t2).getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('summary').startsWith('Exercise'));
  assert.equal(ev.getFirstPropertyValue('summary'), 'Exercise: résumé; a very long activity name, with commas and a backslash \\ that goes on ✓✓✓ well past seventy-five octets (30 min)');
});

test('alarms land at the right instant across daylight-saving changes', () => {
  // Europe/London: clocks go forward on 2026-03-29 (01:00 UTC) and back on 2026-10-25.
  const diary = { format: 'backsignal-diary', version: 1, days: [
    { date: '2026-03-28', sessions: [{ time: '18:00', minutes: 40 }] },  // GMT
    { date: '2026-03-29', sessions: [{ time: '18:00', minutes: 40 }] },  // BST, the day of the change
    { date: '2026-10-25', sessions: [{ time: '01:30', minutes: 20 }] },  // 01:30 happens twice: the first (BST)
  ] };
  const db = freshDb(diary, 'Europe/London', '07:00');
  const cal = parseCalendar(cli(db, 'export', '--format', 'ics'));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const sessions = events.filter((e) => e.summary.startsWith('Exercise'));
  const utc = (s) => Date.parse(s) / 1000;
  const fire = sessions.map((e) => alarmInstant(e, e.startDate, e.endDate));
  assert.equal(fire[0], utc('2026-03-28T19:40:00Z'), '18:40 GMT + 1 h');
  assert.equal(fire[1], utc('2026-03-29T18:40:00Z'), '18:40 BST + 1 h = 18:40 UTC');
  assert.equal(fire[2], utc('2026-10-25T01:50:00Z'), '01:50 BST + 1 h');

  // The daily morning reminder stays at 07:00 local on both sides of both changes.
  const morning = events.find((e) => e.summary.includes('morning check-in'));
  assert.equal(morning.startDate.zone.tzid, 'Europe/London');
  const it = morning.iterator();
  const fires = new Map();
  for (let next = it.next(); next && next.toJSDate() < new Date('2026-11-05T00:00:00Z'); next = it.next()) {
    const occ = morning.getOccurrenceDetails(next);
    fires.set(next.toString().slice(0, 10), alarmInstant(morning, occ.startDate, occ.endDate));
  }
  assert.equal(fires.get('2026-03-28'), utc('2026-03-28T07:00:00Z'));
  assert.equal(fires.get('2026-03-29'), utc('2026-03-29T06:00:00Z'));
  assert.equal(fires.get('2026-03-30'), utc('2026-03-30T06:00:00Z'));
  assert.equal(fires.get('2026-10-24'), utc('2026-10-24T06:00:00Z'));
  assert.equal(fires.get('2026-10-25'), utc('2026-10-25T07:00:00Z'));
  assert.equal(fires.get('2026-10-26'), utc('2026-10-26T07:00:00Z'));
});

test('the spring-forward gap and a zone east of UTC: New York and Sydney', () => {
  const diary = { format: 'backsignal-diary', version: 1, days: [
    { date: '2026-03-08', sessions: [{ time: '02:30', minutes: 30 }] },  // does not exist in New York: 03:30 EDT
    { date: '2026-04-05', sessions: [{ time: '09:00', minutes: 60 }] },  // Sydney goes back that morning
  ] };
  const ny = parseCalendar(cli(freshDb(diary, 'America/New_York'), 'export', '--format', 'ics'));
  const s1 = ny.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).filter((e) => e.summary.startsWith('Exercise'));
  assert.equal(s1[0].startDate.toUnixTime(), Date.parse('2026-03-08T07:30:00Z') / 1000, '02:30 skipped: 03:30 EDT');
  const syd = parseCalendar(cli(freshDb(diary, 'Australia/Sydney', '06:00'), 'export', '--format', 'ics'));
  const ev = syd.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const s2 = ev.filter((e) => e.summary.startsWith('Exercise'));
  assert.equal(alarmInstant(s2[1], s2[1].startDate, s2[1].endDate), Date.parse('2026-04-05T01:00:00Z') / 1000, '09:00 AEST (23:00 UTC) + 60 min + 1 h');
  const morning = ev.find((e) => e.summary.includes('morning check-in'));
  const it = morning.iterator();
  const fires = new Map();
  for (let next = it.next(); next && next.toJSDate() < new Date('2026-10-10T00:00:00Z'); next = it.next()) {
    const occ = morning.getOccurrenceDetails(next);
    fires.set(next.toString().slice(0, 10), alarmInstant(morning, occ.startDate, occ.endDate));
  }
  assert.equal(fires.get('2026-04-04'), Date.parse('2026-04-03T19:00:00Z') / 1000, '06:00 AEDT');
  assert.equal(fires.get('2026-04-06'), Date.parse('2026-04-05T20:00:00Z') / 1000, '06:00 AEST');
  assert.equal(fires.get('2026-10-05'), Date.parse('2026-10-04T19:00:00Z') / 1000, '06:00 AEDT again');
});

// ---------- the diary format's JSON Schema ----------

test('every export validates against docs/diary.schema.json (and the spec schema without the additive fields)', () => {
  const Ajv2020 = require('ajv/dist/2020').default;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const ours = ajv.compile(JSON.parse(readFileSync(path.join(root, 'docs/diary.schema.json'), 'utf8')));
  const sharedSchema = path.resolve(root, '../shared/spec/diary.schema.json');
  const spec = existsSync(sharedSchema) ? new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(sharedSchema, 'utf8'))) : null;
  const additive = ['sleep_hours', 'sleep_quality', 'painkillers', 'painkiller_name', 'stress', 'tags', 'injury'];
  let withNew = 0;
  for (const [name, diary] of [['random', randomDiary(400, 9)], ...scenarioDiaries()]) {
    const exported = JSON.parse(cli(freshDb(diary), 'export'));
    assert.ok(ours(exported), `${name}: ${JSON.stringify(ours.errors)}`);
    const uses = exported.days.some((d) => d.note_pinned || (d.context && additive.some((k) => k in d.context)));
    withNew += uses;
    if (spec && !uses) assert.ok(spec(exported), `${name}: ${JSON.stringify(spec.errors)}`);
  }
  assert.ok(withNew >= 2, 'the random diary and a scenario use the additive fields');
  // The schema refuses what the reader refuses.
  const bad = { format: 'backsignal-diary', version: 1, days: [{ date: '2026-11-02', context: { sleep_hours: 6.25, tags: ['a;b'] } }] };
  assert.equal(ours(bad), false);
  const pinAlone = { format: 'backsignal-diary', version: 1, days: [{ date: '2026-11-02', morning: { pain: 3 }, note_pinned: true }] };
  assert.equal(ours(pinAlone), false, 'a pin needs a note');
  const badInjury = { format: 'backsignal-diary', version: 1, days: [{ date: '2026-11-02', context: { injury: 'bump' } }] };
  assert.equal(ours(badInjury), false);
});
