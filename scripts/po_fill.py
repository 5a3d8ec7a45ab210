#!/usr/bin/env python3
"""Writes po/LANG.po from the template and a table of translations (a translator's tool for
filling many entries at once; the .po files stay the one place translations live).

  po_fill.py TABLE.py [TABLE.py ...]

Each TABLE.py calls t(msgid, es, de, ctx=None); a plural's es and de are (singular, plural).
Entries already translated in po/LANG.po and absent from the tables are kept.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import i18n  # noqa: E402

HEADERS = {
    "es": ("Spanish", "nplurals=2; plural=(n != 1);"),
    "de": ("German", "nplurals=2; plural=(n != 1);"),
}


def main(tables):
    table = {}

    def t(key, es, de, ctx=None):
        table[(ctx or "", key)] = {"es": es, "de": de}

    for path in tables:
        exec(open(path, encoding="utf-8").read(), {"t": t})
    pot = i18n.read_po(os.path.join(i18n.PO_DIR, "backsignal.pot"))
    for lang in i18n.linguas():
        po_path = os.path.join(i18n.PO_DIR, lang + ".po")
        old = {}
        if os.path.exists(po_path):
            old = {e.key: e for e in i18n.read_po(po_path) if not e.obsolete and e.msgid}
        name, plural = HEADERS.get(lang, (lang, "nplurals=2; plural=(n != 1);"))
        header = i18n.header_field(i18n.read_po(po_path), "Plural-Forms") if old else None
        out = [f"# {name} translations for backsignal (docs/languages.md says how they were made).",
               "# This file is distributed under the same license as the backsignal package.",
               "#", 'msgid ""', 'msgstr ""', '"Project-Id-Version: backsignal\\n"',
               '"PO-Revision-Date: 2026-12-05 00:00+0000\\n"',
               '"Last-Translator: backsignal developers\\n"',
               f'"Language-Team: {name}\\n"', f'"Language: {lang}\\n"', '"MIME-Version: 1.0\\n"',
               '"Content-Type: text/plain; charset=UTF-8\\n"',
               '"Content-Transfer-Encoding: 8bit\\n"',
               f'"Plural-Forms: {header or plural}\\n"', ""]
        for e in pot:
            if not e.msgid:
                continue
            for c in e.comments:
                out.append(c)
            if e.ctx is not None:
                out.append("msgctxt " + i18n.po_quote(e.ctx))
            out.append("msgid " + i18n.po_quote(e.msgid))
            got = table.get(e.key, {}).get(lang)
            prev = old.get(e.key)
            if e.plural is not None:
                out.append("msgid_plural " + i18n.po_quote(e.plural))
                if got is None and prev is not None:
                    got = tuple(prev.msgstr.get(i, "") for i in sorted(prev.msgstr))
                forms = got if isinstance(got, tuple) else (got or "", got or "")
                for i, f in enumerate(forms):
                    out.append(f"msgstr[{i}] " + i18n.po_quote(f))
            else:
                if got is None and prev is not None:
                    got = prev.msgstr.get(0, "")
                out.append("msgstr " + i18n.po_quote(got or ""))
            out.append("")
        with open(po_path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
