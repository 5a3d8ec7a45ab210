#!/usr/bin/env python3
"""The catalogues' tools (docs/languages.md).

  i18n.py pot OUT.pot            extract every source string (xgettext over src/ and web/src,
                                 and index.html's data-tr elements) into the template
  i18n.py update                 pot, then msgmerge each po/LANG.po of po/LINGUAS onto it
  i18n.py pseudo POT OUT.po      the pseudo-locale "qps": every text accented, wrapped and
                                 lengthened by a third ("[Ŝéššîöñš ~~~~]"), placeholders kept
  i18n.py json PO OUT.json       a catalogue for the page: {"plural": "...", "messages": {...}}
  i18n.py check                  what tests/i18n_test.py checks, for a person at a terminal

Source strings are English with named placeholders ({count}); C++ calls Tr/TrC/Ntr/NtrC, the
page tr/trc/ntr/ntrc, both in the gettext sense (TrC's first argument is the msgctxt).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO_DIR = os.path.join(ROOT, "po")
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")

CPP_KEYWORDS = ["N_:1", "Tr:1", "TrC:1c,2", "Ntr:1,2", "NtrC:1c,2,3", "T_:1", "NT_:1,2"]
JS_KEYWORDS = ["n_:1", "tr:1", "trc:1c,2", "ntr:1,2", "ntrc:1c,2,3"]


def linguas():
    """The languages of po/LINGUAS, in order (one a line; # starts a comment)."""
    out = []
    with open(os.path.join(PO_DIR, "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            out.extend(line.split())
    return out


def sources():
    cpp, js = [], []
    for base, _dirs, files in os.walk(os.path.join(ROOT, "src")):
        for name in files:
            if (name.endswith(".cc") or name.endswith(".h")) and not name.endswith("_test.cc"):
                cpp.append(os.path.relpath(os.path.join(base, name), ROOT))
    # The core's headers make messages too (core/result.h's refusals, core/text.h's Problem).
    core = os.path.join(ROOT, "include", "backsignal", "core")
    for name in os.listdir(core):
        if name.endswith(".h"):
            cpp.append(os.path.relpath(os.path.join(core, name), ROOT))
    for base, _dirs, files in os.walk(os.path.join(ROOT, "web", "src")):
        for name in files:
            if name.endswith(".js"):
                js.append(os.path.relpath(os.path.join(base, name), ROOT))
    return sorted(cpp), sorted(js)


# index.html: <h1 data-tr>text</h1>, <x data-tr-attr="aria-label" aria-label="text">.
HTML_TEXT = re.compile(r"<([a-z0-9]+)[^>]*\bdata-tr\b(?!-)[^>]*>([^<]+)</\1>")
HTML_ATTR = re.compile(r'data-tr-attr="([a-z-]+)"')


def html_strings():
    path = os.path.join(ROOT, "web", "index.html")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = []
    for m in HTML_TEXT.finditer(text):
        found.append(" ".join(m.group(2).split()))
    for tag in re.finditer(r"<[^>]*data-tr-attr=[^>]*>", text):
        attr = HTML_ATTR.search(tag.group(0)).group(1)
        value = re.search(attr + r'="([^"]*)"', tag.group(0))
        if value:
            found.append(value.group(1))
    return found


def po_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def make_pot(out):
    cpp, js = sources()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "cpp.pot"), os.path.join(tmp, "js.pot")
        common = ["xgettext", "--from-code=UTF-8", "--add-comments=TRANSLATORS:", "--no-wrap",
                  "--sort-by-file", "--add-location=file", "--package-name=backsignal", "-k"]
        subprocess.run(common + ["--language=C++", "-o", a] +
                       [f"--keyword={k}" for k in CPP_KEYWORDS] + cpp, cwd=ROOT, check=True)
        subprocess.run(common + ["--language=JavaScript", "-o", b] +
                       [f"--keyword={k}" for k in JS_KEYWORDS] + js, cwd=ROOT, check=True)
        c = os.path.join(tmp, "html.pot")
        with open(c, "w", encoding="utf-8") as f:
            f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
            for s in dict.fromkeys(html_strings()):
                f.write(f"#: web/index.html\nmsgid {po_quote(s)}\nmsgstr \"\"\n\n")
        parts = [p for p in (a, b, c) if os.path.exists(p)]
        subprocess.run(["msgcat", "--no-wrap", "--use-first", "-o", out] + parts, check=True)
    # A stable header: no creation date, so the committed template changes only with its strings.
    with open(out, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text)
    text = text.replace("charset=CHARSET", "charset=UTF-8")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


class Entry:
    def __init__(self):
        self.ctx = None
        self.msgid = None
        self.plural = None
        self.msgstr = {}  # index -> text (0 for a singular's msgstr)
        self.flags = set()
        self.comments = []
        self.obsolete = False

    @property
    def key(self):
        return (self.ctx or "", self.msgid)


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return json.loads(s)


def read_po(path):
    """The entries of a .po or .pot file (the header is the entry with msgid "")."""
    entries, cur, field = [], Entry(), None

    def flush():
        nonlocal cur, field
        if cur.msgid is not None:
            entries.append(cur)
        cur, field = Entry(), None

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#~"):
                cur.obsolete = True
                line = line[2:].strip()
                if not line:
                    continue
            elif line.startswith("#,"):
                if cur.msgid is not None and field is not None:
                    flush()
                cur.flags.update(x.strip() for x in line[2:].split(","))
                continue
            elif line.startswith("#"):
                if cur.msgid is not None and field is not None:
                    flush()
                cur.comments.append(line)
                continue
            if line.startswith("msgctxt "):
                if cur.msgid is not None:
                    flush()
                cur.ctx, field = unquote(line[8:]), "ctx"
            elif line.startswith("msgid_plural "):
                cur.plural, field = unquote(line[13:]), "plural"
            elif line.startswith("msgid "):
                if cur.msgid is not None:
                    flush()
                cur.msgid, field = unquote(line[6:]), "msgid"
            elif line.startswith("msgstr["):
                i = int(line[7:line.index("]")])
                cur.msgstr[i] = unquote(line[line.index("]") + 1:])
                field = ("msgstr", i)
            elif line.startswith("msgstr "):
                cur.msgstr[0], field = unquote(line[7:]), ("msgstr", 0)
            elif line.startswith('"'):
                more = unquote(line)
                if field == "ctx":
                    cur.ctx += more
                elif field == "msgid":
                    cur.msgid += more
                elif field == "plural":
                    cur.plural += more
                elif isinstance(field, tuple):
                    cur.msgstr[field[1]] += more
    flush()
    return entries


def header_field(entries, name):
    for e in entries:
        if e.msgid == "" and e.ctx is None:
            for line in e.msgstr.get(0, "").split("\n"):
                if line.startswith(name + ":"):
                    return line[len(name) + 1:].strip()
    return None


def placeholders(s):
    return sorted(set(PLACEHOLDER.findall(s)))


ACCENTS = dict(zip("abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ",
                   "åƀçðéĝĥîķļñöŕšţûŵýžÅƁÇÐÉĜĤÎĶĻÑÖŔŠŢÛŴÝŽ"))


def pseudo_text(s):
    """Accents outside placeholders, "[" before, " ~~~]" after: a third longer, never English."""
    out, i = [], 0
    for m in PLACEHOLDER.finditer(s):
        out.append("".join(ACCENTS.get(c, c) for c in s[i:m.start()]))
        out.append(m.group(0))
        i = m.end()
    out.append("".join(ACCENTS.get(c, c) for c in s[i:]))
    body = "".join(out)
    pad = "~" * max(2, len(s) // 3)
    return "[" + body + " " + pad + "]"


def make_pseudo(pot, out):
    entries = read_po(pot)
    with open(out, "w", encoding="utf-8") as f:
        f.write('msgid ""\nmsgstr ""\n"Project-Id-Version: backsignal\\n"\n'
                '"PO-Revision-Date: 2026-12-05 00:00+0000\\n"\n'
                '"Last-Translator: scripts/i18n.py pseudo\\n"\n"Language-Team: none\\n"\n'
                '"MIME-Version: 1.0\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Language: qps\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
        for e in entries:
            if e.msgid == "" or e.obsolete:
                continue
            if e.ctx is not None:
                f.write(f"msgctxt {po_quote(e.ctx)}\n")
            f.write(f"msgid {po_quote(e.msgid)}\n")
            if e.ctx == "decimal separator":
                f.write(f"msgstr {po_quote(',')}\n\n")
                continue
            if e.ctx == "language name":
                f.write(f"msgstr {po_quote('[Ƥšéûðö ~~]')}\n\n")
                continue
            if e.plural is not None:
                f.write(f"msgid_plural {po_quote(e.plural)}\n")
                f.write(f"msgstr[0] {po_quote(pseudo_text(e.msgid))}\n")
                f.write(f"msgstr[1] {po_quote(pseudo_text(e.plural))}\n\n")
            else:
                f.write(f"msgstr {po_quote(pseudo_text(e.msgid))}\n\n")


def make_json(po, out):
    entries = read_po(po)
    messages = {}
    for e in entries:
        if e.msgid == "" or e.obsolete or "fuzzy" in e.flags:
            continue
        key = (e.ctx + "\u0004" if e.ctx is not None else "") + e.msgid
        if e.plural is not None:
            forms = [e.msgstr[i] for i in sorted(e.msgstr)]
            if all(forms):
                messages[key] = forms
        elif e.msgstr.get(0):
            messages[key] = e.msgstr[0]
    plural = header_field(entries, "Plural-Forms") or "nplurals=2; plural=(n != 1);"
    data = {"language": header_field(entries, "Language"), "plural": plural,
            "messages": messages}
    with open(out + ".new", "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    os.replace(out + ".new", out)


def problems(po_path, pot_entries):
    """Every way a catalogue falls short of the template: missing, untranslated, fuzzy, a
    placeholder dropped or added, the wrong number of plural forms."""
    out = []
    entries = {e.key: e for e in read_po(po_path) if not e.obsolete}
    nplurals = re.search(r"nplurals\s*=\s*(\d+)",
                         header_field(list(entries.values()), "Plural-Forms") or "")
    nplurals = int(nplurals.group(1)) if nplurals else None
    name = os.path.basename(po_path)
    for t in pot_entries:
        if t.msgid == "" or t.obsolete:
            continue
        where = f"{name}: msgid {t.msgid!r}" + (f" (msgctxt {t.ctx!r})" if t.ctx else "")
        e = entries.get(t.key)
        if e is None:
            out.append(f"{where}: missing (run scripts/i18n.py update, then translate it)")
            continue
        if "fuzzy" in e.flags:
            out.append(f"{where}: marked fuzzy: check the translation and remove the flag")
        forms = [e.msgstr.get(i, "") for i in sorted(e.msgstr)] or [""]
        if any(not s for s in forms):
            out.append(f"{where}: not translated")
            continue
        if t.plural is not None and nplurals is not None and len(forms) != nplurals:
            out.append(f"{where}: {len(forms)} plural forms, the header says {nplurals}")
        want = placeholders(t.msgid)
        if t.plural is not None:
            want = sorted(set(want) | set(placeholders(t.plural)))
        for i, s in enumerate(forms):
            got = placeholders(s)
            ok = set(got) <= set(want) and (t.plural is not None or got == want)
            if t.plural is not None and set(want) - {"n"} - set(got):
                ok = False
            if not ok:
                out.append(f"{where}: placeholders {got} in msgstr[{i}], the source has {want}")
    return out


def statistics(po_path):
    r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po_path],
                       capture_output=True, text=True)
    return r.returncode, (r.stderr + r.stdout).strip()


def main(argv):
    if len(argv) >= 2 and argv[0] == "pot":
        make_pot(argv[1])
    elif argv and argv[0] == "update":
        pot = os.path.join(PO_DIR, "backsignal.pot")
        make_pot(pot)
        for lang in linguas():
            po = os.path.join(PO_DIR, lang + ".po")
            subprocess.run(["msgmerge", "--quiet", "--no-wrap", "--update", "--backup=none",
                            "--no-fuzzy-matching", po, pot], check=True)
    elif len(argv) == 3 and argv[0] == "pseudo":
        make_pseudo(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "json":
        make_json(argv[1], argv[2])
    elif argv and argv[0] == "check":
        with tempfile.TemporaryDirectory() as tmp:
            pot = os.path.join(tmp, "fresh.pot")
            make_pot(pot)
            template = read_po(pot)
        bad = 0
        for lang in linguas():
            po = os.path.join(PO_DIR, lang + ".po")
            rc, stats = statistics(po)
            print(f"{lang}: {stats}")
            for p in problems(po, template):
                print("  " + p)
                bad += 1
            bad += rc != 0
        return 1 if bad else 0
    else:
        print(__doc__, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
