#!/usr/bin/env python3
"""Issue 23: the catalogues and the languages, through the tools and the command line.

  python3 tests/languages_test.py build/backsignal

- msgfmt --check --statistics: every message of es and de translated, none fuzzy;
- the committed template holds every string the sources ask for (a string added to the code and
  not to po/ fails here), and a translation that is missing, or drops or adds a placeholder,
  is caught (shown on a catalogue made wrong on purpose);
- `read`, `safety`, the report and the CLI's errors in Spanish and German, as a person sees them,
  chosen by --lang and by LANGUAGE / LC_ALL / LANG; the pseudo-locale only for tests;
- adding a language is a .po file and a line in po/LINGUAS: the steps a translator takes, on a
  copy of po/, give a catalogue the build takes (msgfmt --check, the page's JSON, the check).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import i18n  # noqa: E402
from server_fixture import Server  # noqa: E402

SCENARIO = os.path.join(ROOT, "tests", "scenarios", "own_repeated_worse", "diary.json")


def run(args, env_extra=None, stdin=None, db=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "BACKSIGNAL_TEST_LOCALES")}
    env["BACKSIGNAL_DB"] = db
    env.update(env_extra or {})
    return subprocess.run([BIN] + args, env=env, input=stdin, capture_output=True, text=True)


class Catalogues(unittest.TestCase):
    def test_msgfmt_counts_every_message_of_spanish_and_german_translated(self):
        for lang in ("es", "de"):
            rc, stats = i18n.statistics(os.path.join(i18n.PO_DIR, lang + ".po"))
            self.assertEqual(rc, 0, stats)
            self.assertRegex(stats, r"^\d+ translated messages\.$", f"{lang}: {stats}")

    def test_every_source_string_is_in_the_template_and_translated_with_its_placeholders(self):
        with tempfile.TemporaryDirectory() as tmp:
            fresh = os.path.join(tmp, "fresh.pot")
            i18n.make_pot(fresh)
            want = {e.key for e in i18n.read_po(fresh) if e.msgid}
        have = {e.key for e in i18n.read_po(os.path.join(i18n.PO_DIR, "backsignal.pot"))
                if e.msgid}
        self.assertEqual(sorted(want - have), [],
                         "strings in the sources but not in po/backsignal.pot: run "
                         "scripts/i18n.py update, then translate them")
        template = i18n.read_po(os.path.join(i18n.PO_DIR, "backsignal.pot"))
        for lang in i18n.linguas():
            self.assertEqual(i18n.problems(os.path.join(i18n.PO_DIR, lang + ".po"), template), [])

    def test_a_missing_translation_and_a_dropped_or_added_placeholder_are_each_caught(self):
        template = i18n.read_po(os.path.join(i18n.PO_DIR, "backsignal.pot"))
        with open(os.path.join(i18n.PO_DIR, "de.po"), encoding="utf-8") as f:
            text = f.read()
        broken = text.replace('msgstr "Schmerz {score}, üblich {usual}"',
                              'msgstr "Schmerz {score}, üblich"')  # drops {usual}
        broken = broken.replace('msgstr "{k} von {total}"', 'msgstr "{k} von {total} {extra}"')
        broken = broken.replace('msgstr "Noch nicht genug Daten"', 'msgstr ""')
        self.assertNotEqual(broken, text)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "de.po")
            with open(path, "w", encoding="utf-8") as f:
                f.write(broken)
            found = "\n".join(i18n.problems(path, template))
            rc, stats = i18n.statistics(path)
        self.assertIn("'pain {score}, usual {usual}'", found)
        self.assertIn("'{k} of {total}'", found)
        self.assertIn("'Not enough data yet': not translated", found)
        self.assertIn("1 untranslated message", stats)


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.db = os.path.join(self.tmp, "diary.db")
        r = run(["import", SCENARIO], db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_read_speaks_spanish_with_lang_and_german_from_the_environment(self):
        es = run(["--lang", "es", "read", "--as-of", "2026-10-16"], db=self.db)
        self.assertEqual(es.returncode, 0, es.stderr)
        self.assertIn("Lectura de backsignal. A fecha de", es.stdout)
        self.assertIn("VALORACIÓN:", es.stdout)
        self.assertIn("PREGUNTAS DE SEGURIDAD", es.stdout)
        self.assertNotIn("VERDICT", es.stdout)
        for env in ({"LANGUAGE": "de"}, {"LC_ALL": "de_DE.UTF-8"}, {"LANG": "de_AT.UTF-8"},
                    {"LANGUAGE": "fr:de", "LANG": "es_ES.UTF-8"}):
            de = run(["read", "--as-of", "2026-10-16"], env_extra=env, db=self.db)
            self.assertEqual(de.returncode, 0, de.stderr)
            self.assertIn("backsignal-Auswertung. Stand", de.stdout, env)
            self.assertIn("ERGEBNIS:", de.stdout, env)
        en = run(["read", "--as-of", "2026-10-16"], env_extra={"LANG": "C.UTF-8"}, db=self.db)
        self.assertIn("VERDICT:", en.stdout)
        # --lang wins over the environment.
        es2 = run(["--lang", "es", "read"], env_extra={"LANGUAGE": "de"}, db=self.db)
        self.assertIn("VALORACIÓN:", es2.stdout)

    def test_a_sharp_second_session_is_named_in_the_dative_in_german(self):
        # "bei der zweiten Einheit", never "bei die zweite Einheit" (a session named after "during").
        db = os.path.join(self.tmp, "sharp.db")
        run(["safety"], stdin="n\n" * 12, db=db)
        for args in (["--time", "07:00"], ["--time", "18:00", "--sharp"]):
            r = run(["session", "--date", "2026-10-16", "--minutes", "30"] + args, db=db)
            self.assertEqual(r.returncode, 0, r.stderr)
        r = run(["session", "--date", "2026-10-16", "--minutes", "20"], db=db)
        self.assertEqual(r.returncode, 0, r.stderr)
        de = run(["--lang", "de", "read", "--as-of", "2026-10-16"], db=db)
        self.assertEqual(de.returncode, 0, de.stderr)
        self.assertIn("bei der Einheit um 18:00 am", de.stdout)
        self.assertNotIn("bei die ", de.stdout)

    def test_the_json_reading_keeps_its_codes_and_puts_its_words_in_the_language(self):
        en = json.loads(run(["read", "--json"], db=self.db).stdout)
        de = json.loads(run(["--lang", "de", "read", "--json"], db=self.db).stdout)
        self.assertEqual(en["trend"]["verdict"], de["trend"]["verdict"])
        self.assertEqual([a["kind"] for a in en["alerts"]], [a["kind"] for a in de["alerts"]])
        self.assertNotEqual(en["words"]["title"], de["words"]["title"])

    def test_the_report_is_in_german_and_says_so(self):
        out = os.path.join(self.tmp, "report.html")
        r = run(["--lang", "de", "report", "--out", out], db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertIn('<html lang="de">', html)
        self.assertIn("Mittlerer Rücken und Training: Bericht über 2 Wochen", html)
        self.assertIn("Geltende Schwellenwerte", html)
        self.assertNotIn("Thresholds in force", html)

    def test_the_safety_screen_and_its_errors_are_in_the_readers_language(self):
        r = run(["--lang", "es", "safety"], stdin="quizá\n", db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("«quizá» no es sí ni no", r.stderr)
        answers = "nein\n" * 19
        r = run(["--lang", "de", "safety"], stdin=answers, db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Sicherheitscheck: keine Warnzeichen.", r.stdout)
        r = run(["--lang", "de", "safety"], stdin="no\n" * 19, db=self.db)  # English still taken
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_a_decimal_comma_is_taken_on_input(self):
        r = run(["context", "--date", "2026-10-16", "--sleep", "5,5", "--sitting", "7,5"],
                db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        shown = json.loads(run(["show", "--date", "2026-10-16"], db=self.db).stdout)["days"][0]
        self.assertEqual((shown["context"]["sleep_hours"], shown["context"]["sitting_hours"]),
                         (5.5, 7.5))
        r = run(["context", "--date", "2026-10-16", "--sleep", "5,5,5"], db=self.db)
        self.assertEqual(r.returncode, 2)

    def test_an_unknown_language_is_refused_and_the_pseudo_locale_is_for_tests_only(self):
        r = run(["--lang", "fr", "read"], db=self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn('--lang: "fr" is not a language backsignal speaks', r.stderr)
        self.assertNotIn("--lang: --lang", r.stderr)
        self.assertIn("de (Deutsch)", r.stderr)
        r = run(["--lang", "qps", "read"], db=self.db)
        self.assertEqual(r.returncode, 1)
        r = run(["--lang", "qps", "read"], env_extra={"BACKSIGNAL_TEST_LOCALES": "1"}, db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("~~", r.stdout)
        r = run(["read"], env_extra={"LANGUAGE": "qps"}, db=self.db)
        self.assertIn("VERDICT:", r.stdout)  # not selectable from the environment of a person

    def test_the_command_lines_errors_name_the_option_in_german_and_spanish(self):
        r = run(["--lang", "de", "morning", "11"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("PAIN: 11 liegt über dem oberen Ende der Skala (0 bis 10)", r.stderr)
        r = run(["--lang", "de", "reminders", "--morning", "11"], db=self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("--morning: 11 ist keiner von {on,off}", r.stderr)
        self.assertIn("Mit --help erhalten Sie mehr Informationen.", r.stderr)
        self.assertNotIn("not in", r.stderr)
        r = run(["context", "--stress", "12"], env_extra={"LANGUAGE": "de"}, db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--stress: 12 liegt über dem oberen Ende der Skala", r.stderr)
        r = run(["--lang", "es", "morning", "3", "--date", "mañana"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--date: «mañana»: se esperaba una fecha como AAAA-MM-DD", r.stderr)
        r = run(["morning"], env_extra={"LC_ALL": "es_ES.UTF-8"}, db=self.db)
        self.assertEqual(r.returncode, 1)
        self.assertIn("PAIN es obligatorio", r.stderr)
        r = run(["--lang", "de", "flare", "7", "--time", "9"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--time: „9“: erwartet wurde eine Uhrzeit als HH:MM (24-Stunden-Uhr)", r.stderr)
        r = run(["--lang", "es", "reminders", "--wake", "7"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--wake: «7»: se esperaba una hora como HH:MM", r.stderr)
        # A word where the command belongs that is none: the nearest command, in the language.
        r = run(["--lang", "de", "mornin", "3"], db=self.db)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "backsignal: „mornin“ ist kein Befehl; meinten Sie morning? "
                                   "(backsignal --help zeigt alle)\n")
        r = run(["--db", self.db, "--lang", "es", "xyzzy"], db=self.db)
        self.assertEqual(r.stderr, "backsignal: «xyzzy» no es una orden (backsignal --help las "
                                   "muestra todas)\n")
        # A CSV's header: a word that is no column, in the language, the word kept.
        csv = os.path.join(self.tmp, "bad.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("kind,date\nx,2026-12-01\n")
        r = run(["--lang", "de", "import", csv], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Zeile 1, Spalte 1: „kind“ ist keine Spalte eines backsignal-Tagebuchs", r.stderr)
        r = run(["--lang", "es", "usual"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("indique --pain y/o --stiffness, o --clear", r.stderr)
        # English stays as it was, word for word.
        r = run(["morning", "11"], db=self.db)
        self.assertIn("backsignal: PAIN: 11 is above the top of the scale (0 to 10)\n", r.stderr)
        r = run(["reminders", "--morning", "11"], db=self.db)
        self.assertEqual(r.stderr, "--morning: 11 not in {on,off}\n"
                                   "Run with --help for more information.\n")
        r = run(["sesion"], db=self.db)
        self.assertEqual(r.stderr, "backsignal: \"sesion\" is not a command; did you mean "
                                   "session? (backsignal --help lists them)\n")
        r = run([], db=self.db)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "backsignal: a command is required (backsignal --help lists "
                                   "them)\n")

    def test_the_validators_errors_are_in_the_readers_language_with_their_values(self):
        bad = os.path.join(self.tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            json.dump({"format": "backsignal-diary", "version": 1, "days": [
                {"date": "2026-02-30"},
                {"date": "2026-01-01", "morning": {"pain": 12}, "context": {"sleep_hours": 30}}]}, f)
        r = run(["--lang", "de", "import", bad], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("Tagebuch abgelehnt: 3 Probleme; nichts wurde gespeichert", r.stderr)
        self.assertIn("days[1].morning.pain: 12 liegt über dem oberen Ende der Skala (0 bis 10)",
                      r.stderr)
        self.assertIn("days[1].context.sleep_hours: 30 Stunden Schlaf liegt außerhalb von 0 bis 24",
                      r.stderr)
        self.assertIn('days[0].date: "2026-02-30" (eine Zeichenkette) ist kein echtes Kalenderdatum',
                      r.stderr)
        self.assertNotRegex(r.stderr, "refused|problems|above|outside|calendar")
        r = run(["--lang", "es", "settings", "set", "trend_days", "999"], db=self.db)
        self.assertEqual(r.returncode, 2)
        self.assertIn("No se aceptaron los ajustes", r.stderr)
        self.assertIn("trend_days: 999 está fuera de sus límites (7 a 28)", r.stderr)
        # English stays as it was, word for word.
        r = run(["import", bad], db=self.db)
        self.assertIn("diary refused: 3 problems; nothing was stored\n"
                      "  days[0].date: \"2026-02-30\" (a string) is not a real calendar date\n"
                      "  days[1].morning.pain: 12 is above the top of the scale (0 to 10)\n",
                      r.stderr)

    def test_a_workout_files_refusal_is_in_the_readers_language_with_its_file(self):
        damaged = os.path.join(self.tmp, "damaged.zip")
        with open(damaged, "wb") as f:
            f.write(b"PK\x03\x04" + b"0" * 60)
        r = run(["--lang", "de", "import-workouts", damaged], db=self.db)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(damaged + ": eine beschädigte ZIP-Datei (das Ende ihres Verzeichnisses "
                      "fehlt); nichts wurde gespeichert", r.stderr)
        missing = os.path.join(self.tmp, "nowhere.gpx")
        r = run(["--lang", "es", "import-workouts", missing], db=self.db)
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertIn(missing + ": no existe ese archivo (o no es un archivo normal); no se ha "
                      "guardado nada", r.stderr)
        # English stays as it was, word for word.
        r = run(["import-workouts", damaged], db=self.db)
        self.assertIn(damaged + ": a damaged zip (no end of its directory); nothing was stored",
                      r.stderr)

    def test_a_services_refusal_an_import_that_clashes_is_in_spanish_with_its_count(self):
        with open(SCENARIO, encoding="utf-8") as f:
            diary = json.load(f)
        diary["days"][0]["morning"]["pain"] = 9
        changed = os.path.join(self.tmp, "changed.json")
        with open(changed, "w", encoding="utf-8") as f:
            json.dump(diary, f)
        r = run(["--lang", "es", "import", changed], db=self.db)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("1 entrada del archivo difiere de lo ya guardado; no se importó nada", r.stderr)
        self.assertIn("2026-10-01", r.stderr)
        self.assertNotRegex(r.stderr, "entries|differ|stored|nothing")
        r = run(["import", changed], db=self.db)
        self.assertIn("1 entries in the file differ from what is already stored; nothing was "
                      "imported", r.stderr)

    def test_a_check_in_is_confirmed_in_the_readers_language(self):
        r = run(["--lang", "de", "morning", "3", "--stiffness", "4", "--date", "2026-10-17"],
                db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Morgen vom 2026-10-17 eingetragen: Schmerz 3, Steifheit 4.", r.stdout)
        self.assertIn("Als Nächstes: wenn Sie trainieren", r.stdout)
        r = run(["--lang", "de", "morning", "2,5", "--date", "2026-10-17"], db=self.db)
        self.assertIn("Morgen vom 2026-10-17 korrigiert: Schmerz 2,5, Steifheit 4 (vorher Schmerz 3).",
                      r.stdout)
        r = run(["--lang", "es", "session", "--date", "2026-10-17", "--time", "18:00",
                 "--minutes", "40", "--start", "3", "--end", "5", "--pattern", "building"],
                db=self.db)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"Registrada la sesión \d+ del 2026-10-17: una sesión, "
                                   r"empezó a las 18:00, terminó a las 18:40 \(40 min\)\.")
        self.assertIn("Durante: ", r.stdout)
        self.assertIn("(3 a 5)", r.stdout)
        self.assertIn("Siguiente: el registro de la hora después, a partir de las 19:40", r.stdout)
        self.assertNotIn("Recorded", r.stdout)
        r = run(["--lang", "de", "note", "langer Tag am Schreibtisch", "--date", "2026-10-17",
                 "--pin"], db=self.db)
        self.assertIn("Notiz für 2026-10-17 gespeichert (angeheftet: jeder Bericht zeigt sie).",
                      r.stdout)

    def test_help_is_in_the_language_labels_and_all(self):
        de = run(["--lang", "de", "session", "--help"], db=self.db)
        self.assertEqual(de.returncode, 0, de.stderr)
        for words in ("Eine Trainingseinheit mit ihrem Eintrag", "Aufruf:", "[OPTIONEN]",
                      "Optionen:", "Diese Hilfe anzeigen und beenden", "Beispiele:",
                      "Exit-Codes: 0 in Ordnung", "Einheit N des Datums korrigieren"):
            self.assertIn(words, de.stdout)
        for english in ("Usage:", "Options:", "Examples:", "Exit codes:", "Print this help"):
            self.assertNotIn(english, de.stdout)
        es = run(["--help"], env_extra={"LANGUAGE": "es"}, db=self.db)
        for words in ("Uso:", "Órdenes:", "ORDEN", "Registrar una sesión de ejercicio",
                      "¿su ejercicio ayuda a su espalda media", "Ejemplos:"):
            self.assertIn(words, es.stdout)
        self.assertNotIn("Subcommands:", es.stdout)
        en = run(["session", "--help"], db=self.db)
        self.assertIn("Usage:", en.stdout)
        self.assertIn("Options:\n  -h,--help                   Print this help message and exit",
                      en.stdout)

    def test_in_the_pseudo_locale_a_commands_help_has_no_plain_english(self):
        import re
        for command in ("usual", "note", "reminders"):
            r = run(["--lang", "qps", command, "--help"],
                    env_extra={"BACKSIGNAL_TEST_LOCALES": "1"}, db=self.db)
            self.assertEqual(r.returncode, 0, r.stderr)
            text = r.stdout.replace(BIN, "")
            while True:  # the catalogue's pieces, innermost first
                shorter = re.sub(r"\[[^\[\]]*\]", " ", text)
                if shorter == text:
                    break
                text = shorter
            words = [w for w in re.findall(r"(?<![-\w./~$])[A-Za-z]{3,}\b", text)
                     if w not in ("backsignal", command)]
            # The examples are commands, kept as typed; what a person reads is in the catalogue.
            words = [w for w in words if not re.search(r"backsignal " + command + r".*\b" + w,
                                                       r.stdout)]
            self.assertEqual(words, [], f"{command} --help:\n{r.stdout}")


class Server_(unittest.TestCase):
    """The API answers in the reader's language: the account's setting, else Accept-Language."""

    def setUp(self):
        self.server = Server(BIN).start()

    def tearDown(self):
        self.server.close()

    def intro(self, headers=None, query=""):
        status, body, _ = self.server.request("GET", "/api/v1/safety" + query, headers=headers)
        self.assertEqual(status, 200, body)
        return body["intro"]

    def test_accept_language_then_the_accounts_own_choice_which_wins(self):
        self.assertTrue(self.intro().startswith("Mid back pain is usually not"))
        self.assertTrue(self.intro({"Accept-Language": "de-DE,de;q=0.9"}).startswith(
            "Schmerzen im mittleren Rücken"))
        self.assertTrue(self.intro({"Accept-Language": "fr-FR,es;q=0.5"}).startswith(
            "El dolor de espalda media"))
        status, body, _ = self.server.request("PUT", "/api/v1/profile", {"language": "fr"})
        self.assertEqual(status, 400)
        self.assertIn('language: "fr" (a string) is not a language backsignal speaks',
                      body["error"]["details"][0])
        status, body, _ = self.server.request("PUT", "/api/v1/profile", {"language": "es"})
        self.assertEqual((status, body["language"]), (200, "es"))
        self.assertIn({"tag": "de", "name": "Deutsch"}, body["languages"])
        self.assertNotIn("qps", [l["tag"] for l in body["languages"]])
        self.assertTrue(self.intro({"Accept-Language": "de"}).startswith("El dolor de espalda"))
        # The report too, in the reader's language.
        status, html, _ = self.server.request("GET", "/report")
        self.assertEqual(status, 200)
        self.assertIn('<html lang="es">', html.decode() if isinstance(html, bytes) else html)
        self.assertEqual(self.server.request("PUT", "/api/v1/profile", {"language": None})[0], 200)
        self.assertTrue(self.intro().startswith("Mid back pain"))
        # The pseudo-locale is not there for a server started without BACKSIGNAL_TEST_LOCALES.
        self.assertTrue(self.intro(query="?lang=qps").startswith("Mid back pain"))


class AccountsServer(unittest.TestCase):
    """A service's refusal before sign-in follows Accept-Language, message and details."""

    def setUp(self):
        self.server = Server(BIN, extra=["--accounts"]).start()

    def tearDown(self):
        self.server.close()

    def test_a_sign_up_with_a_short_password_is_refused_in_german(self):
        body = {"username": "ana", "password": "short"}
        status, e, _ = self.server.request("POST", "/api/v1/auth/signup", body,
                                           headers={"Accept-Language": "de"})
        self.assertEqual(status, 400, e)
        self.assertEqual(e["error"]["message"], "password muss 10 bis 200 Zeichen lang sein")
        self.assertEqual(e["error"]["details"], ["password: 5 Zeichen"])
        status, e, _ = self.server.request("POST", "/api/v1/auth/signup", body)
        self.assertEqual(e["error"]["message"], "password must be 10 to 200 characters")
        self.assertEqual(e["error"]["details"], ["password: 5 characters"])
        status, e, _ = self.server.request("POST", "/api/v1/auth/signup", {"username": 3},
                                           headers={"Accept-Language": "es"})
        self.assertEqual(status, 400, e)
        self.assertEqual(e["error"]["message"], "No se aceptó el registro de la cuenta: 2 problemas")
        self.assertIn("password: obligatorio", e["error"]["details"])


class ServerWords(unittest.TestCase):
    """The server's own words: the weekly questions, the settings' meanings and its refusals, in
    the reader's language; the pseudo-locale leaves no English word outside its brackets."""

    def setUp(self):
        os.environ["BACKSIGNAL_TEST_LOCALES"] = "1"
        try:
            self.server = Server(BIN).start()
        finally:
            del os.environ["BACKSIGNAL_TEST_LOCALES"]

    def tearDown(self):
        self.server.close()

    def get(self, path, lang=None, status=200, method="GET"):
        headers = {"Accept-Language": lang} if lang else {}
        got, body, _ = self.server.request(method, path, headers=headers)
        self.assertEqual(got, status, body)
        return body

    @staticmethod
    def outside_brackets(text):
        out, depth = "", 0
        for c in text:
            depth += c == "["
            if depth == 0:
                out += c
            depth -= c == "]" and depth > 0
        return out

    def test_the_weekly_questions_in_spanish_german_and_the_pseudo_locale(self):
        q = self.get("/api/v1/measures")["questions"]
        self.assertEqual(q["title"], "This week's questions")
        self.assertIn("reaching overhead", q["suggestions"])
        q = self.get("/api/v1/measures", "es")["questions"]
        self.assertEqual(q["title"], "Preguntas de esta semana")
        self.assertEqual(q["peg_pain_low"], "0 = sin dolor")
        q = self.get("/api/v1/measures", "de-DE,de;q=0.9")["questions"]
        self.assertEqual(q["title"], "Die Fragen dieser Woche")
        self.assertIn("über Kopf greifen", q["suggestions"])
        q = self.get("/api/v1/measures?lang=qps")["questions"]
        texts = [v for v in q.values() if isinstance(v, str)] + q["suggestions"]
        for t in texts:
            self.assertNotRegex(self.outside_brackets(t), "[A-Za-z]{3,}", t)

    def test_the_settings_meanings_in_the_readers_language_and_their_sources_as_written(self):
        en = self.get("/api/v1/settings")["settings"][0]
        de = self.get("/api/v1/settings", "de")["settings"][0]
        self.assertEqual(en["name"], de["name"])
        self.assertTrue(en["meaning"].startswith("points above the usual morning"))
        self.assertTrue(de["meaning"].startswith("Punkte über dem üblichen Morgen"), de)
        self.assertEqual(en["source"], de["source"])
        for s in self.get("/api/v1/settings?lang=qps")["settings"]:
            self.assertNotRegex(self.outside_brackets(s["meaning"]), "[A-Za-z]{3,}", s)

    def test_a_refusal_is_in_the_readers_language_and_keeps_its_status(self):
        e = self.get("/api/v1/nothing", status=404)["error"]
        self.assertEqual((e["status"], e["message"]), (404, "nothing at /api/v1/nothing"))
        e = self.get("/api/v1/nothing", "de", status=404)["error"]
        self.assertEqual((e["status"], e["message"]), (404, "unter /api/v1/nothing gibt es nichts"))
        e = self.get("/api/v1/days/2026-13-45", "es", status=404)["error"]
        self.assertTrue(e["message"].startswith('"2026-13-45" '), e)
        self.assertTrue(e["message"].endswith("(los días son /api/v1/days/AAAA-MM-DD)"), e)
        e = self.get("/api/v1/nothing?lang=qps", status=404)["error"]
        self.assertNotRegex(self.outside_brackets(e["message"]).replace("/api/v1/nothing", ""),
                            "[A-Za-z]{3,}", e)
        # The reader's own setting comes before the browser's.
        status, _, _ = self.server.request("PUT", "/api/v1/profile", {"language": "de"})
        self.assertEqual(status, 200)
        e = self.get("/api/v1/weekly/2026-13-45", "es", status=404, method="DELETE")["error"]
        self.assertTrue(e["message"].startswith('"2026-13-45" '), e)
        self.assertTrue(e["message"].endswith("(Daten sind JJJJ-MM-TT)"), e)
        e = self.get("/api/v1/days/2026-12-06", "es", status=404)["error"]
        self.assertEqual(e["message"], "am 2026-12-06 ist nichts eingetragen")

    def test_a_check_ins_refusal_is_spanish_in_message_and_details(self):
        body = {"pain": 12, "stiffness": "a lot"}
        status, e, _ = self.server.request("PUT", "/api/v1/days/2026-12-01/morning", body,
                                           headers={"Accept-Language": "es"})
        self.assertEqual(status, 400, e)
        e = e["error"]
        self.assertEqual(e["message"], "No se aceptó la mañana: 2 problemas")
        self.assertEqual(e["details"], [
            "pain: 12 está por encima del máximo de la escala (0 a 10)",
            'stiffness: "a lot" (una cadena) es del tipo equivocado; se esperaba una puntuación '
            "(un número de 0 a 10 en pasos de 0,5)"])
        status, e, _ = self.server.request("PUT", "/api/v1/days/2026-12-01/morning", body)
        self.assertEqual(e["error"]["message"], "morning refused: 2 problems")
        self.assertEqual(e["error"]["details"][0],
                         "pain: 12 is above the top of the scale (0 to 10)")

    def test_a_check_in_and_a_listed_day_say_back_in_the_readers_language(self):
        status, body, _ = self.server.request(
            "PUT", "/api/v1/days/2026-12-01/morning", {"pain": 3, "stiffness": 4},
            headers={"Accept-Language": "de"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["words"]["lines"], ["Schmerz 3, Steifheit 4."])
        status, body, _ = self.server.request(
            "POST", "/api/v1/days/2026-12-01/sessions",
            {"minutes": 30, "during": {"start": 2, "end": 5, "pattern": "building"}},
            headers={"Accept-Language": "es"})
        self.assertEqual(status, 201, body)
        self.assertIn("Durante: de 2 a 5", " ".join(body["words"]["lines"]))
        day = self.get("/api/v1/days?from=2026-12-01&to=2026-12-01", "de")["days"][0]
        self.assertEqual(day["words"]["morning"], "Schmerz 3, Steifheit 4.")
        day = self.get("/api/v1/days?from=2026-12-01&to=2026-12-01")["days"][0]
        self.assertEqual(day["words"]["morning"], "Pain 3, stiffness 4.")
        day = self.get("/api/v1/days?from=2026-12-01&to=2026-12-01&lang=qps")["days"][0]
        for t in [day["words"]["morning"], *day["words"]["sessions"][0]["lines"]]:
            self.assertNotRegex(self.outside_brackets(t), "[A-Za-z]{3,}", t)


class AddingALanguage(unittest.TestCase):
    def test_a_new_po_and_one_line_in_linguas_make_a_catalogue_the_build_takes(self):
        """The steps of docs/languages.md on a copy of po/: msginit, translate, one line."""
        with tempfile.TemporaryDirectory() as tmp:
            po = os.path.join(tmp, "po")
            shutil.copytree(i18n.PO_DIR, po)
            fr = os.path.join(po, "fr.po")
            subprocess.run(["msginit", "--no-translator", "--no-wrap", "-l", "fr", "-i",
                            os.path.join(po, "backsignal.pot"), "-o", fr],
                           check=True, capture_output=True)
            with open(os.path.join(po, "LINGUAS"), "a", encoding="utf-8") as f:
                f.write("fr\n")
            saved = i18n.PO_DIR
            i18n.PO_DIR = po
            try:
                self.assertEqual(i18n.linguas()[-1], "fr")
                template = i18n.read_po(os.path.join(po, "backsignal.pot"))
                self.assertTrue(i18n.problems(fr, template))  # untranslated: the check says so
                # "Translate" every entry (msgen: the English as a stand-in); then it passes.
                entries = i18n.read_po(fr)
                subprocess.run(["msgen", "--no-wrap", "-o", fr, fr], check=True,
                               capture_output=True)
                self.assertTrue(entries)
                self.assertEqual(i18n.problems(fr, template), [])
                rc, stats = i18n.statistics(fr)
                self.assertEqual(rc, 0, stats)
                out = os.path.join(tmp, "fr.json")
                i18n.make_json(fr, out)
                with open(out, encoding="utf-8") as f:
                    page = json.load(f)
                self.assertEqual(page["language"], "fr")
                self.assertIn("nplurals=2", page["plural"])
            finally:
                i18n.PO_DIR = saved
        # And the build reads the list of languages from po/LINGUAS alone.
        with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
            self.assertIn("po/LINGUAS", f.read())


if __name__ == "__main__":
    unittest.main()
