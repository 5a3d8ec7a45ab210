#!/usr/bin/env python3
"""The layering rule, checked: a module includes only headers of the modules it may use
(CONTRIBUTING.md), core and reading include no database, HTTP or JSON header, the front doors
(src/server, src/cli) neither include a store header nor call the store (they go through the
service) nor write an error's HTTP status outside the one mapping (http_util.cc), and no source
file outside the tests and generated assets is longer than 600 lines: the C++, the scripts and
the page's JavaScript (web/src and the service worker).
usage: layering_test.py [ROOT]"""
import os
import re
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))

# Which modules each module may include (itself always).
ALLOWED = {
    "core": set(),
    "reading": {"core"},
    "words": {"core", "reading"},
    "report": {"core", "reading", "words"},
    "io": {"core", "reading", "words"},
    "store": {"core"},
    "push": {"core"},
    "service": {"core", "reading", "words", "report", "io", "store", "push"},
    # The front doors: never the store, which is the service's (see check_front_doors).
    "server": {"core", "reading", "words", "report", "io", "push", "service"},
    "cli": {"core", "reading", "words", "report", "io", "push", "service", "server"},
}
# System headers that pure modules must not see.
IMPURE = re.compile(r"sqlite3\.h|libpq|boost/|nlohmann/|httplib|sodium|date/tz")
PURE = {"core", "reading", "words"}
MAX_LINES = 600

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def module_files(root):
    """(module, path) for every non-test source and public header."""
    for module in ALLOWED:
        for base in (os.path.join(root, "src", module), os.path.join(root, "include", "backsignal", module)):
            for dirpath, _, names in os.walk(base):
                for n in names:
                    if n.endswith((".cc", ".h")) and not n.endswith("_test.cc"):
                        yield module, os.path.join(dirpath, n)


def local_header_module(root, name, including):
    """The module of a quoted include that is not backsignal/...: a file beside the includer, or
    another module's private header on a target's include path."""
    if os.path.exists(os.path.join(os.path.dirname(including), name)):
        return None  # beside it: the same module
    for module in ALLOWED:
        if os.path.exists(os.path.join(root, "src", module, name)):
            return module
    return "unknown"


def check_includes(root):
    problems = []
    for module, path in module_files(root):
        text = open(path, encoding="utf-8").read()
        rel = os.path.relpath(path, root)
        for kind, name in INCLUDE.findall(text):
            used = None
            if name.startswith("generated/"):
                continue  # a table made at build time from the system (cmake/*.cmake)
            if name.startswith("backsignal/"):
                used = name.split("/")[1]
            elif kind == '"':
                used = local_header_module(root, name, path)
            elif module in PURE and IMPURE.search(name):
                problems.append(f"{rel}: a pure module includes <{name}>")
            if used and used != module and used not in ALLOWED[module]:
                problems.append(f"{rel}: {module} may not include {name} ({used})")
    return problems


FRONT_DOORS = ("server", "cli")
# Private headers of the service and the store a front door may not include (the store's public
# ones are refused by ALLOWED).
CLOSED = re.compile(r"^(internal|sql|sql_database|schema|daily_backups)\.h$")
CALL = re.compile(r"(\.|->|::|\b)\s*([A-Z]\w*)\s*\(")


def strip_comments_and_strings(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r'R"\((.*?)\)"', '""', text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(\\.|[^'\\\n])'", "''", text)
    return re.sub(r"//[^\n]*", " ", text)


def declared_names(paths):
    """The CamelCase names declared as functions (or constructed as types) in headers."""
    names = set()
    for path in paths:
        text = strip_comments_and_strings(open(path, encoding="utf-8").read())
        names.update(m.group(2) for m in CALL.finditer(text))
    return names


def headers(*dirs):
    for d in dirs:
        if os.path.isdir(d):
            for n in sorted(os.listdir(d)):
                if n.endswith(".h"):
                    yield os.path.join(d, n)


def store_only_names(root):
    """Functions (and types made by calling them) that only the store declares: a front door
    calling one is calling the store. Names the service or a front door also declares (Run,
    Describe, ...) are theirs to call."""
    store = declared_names(headers(os.path.join(root, "include", "backsignal", "store")))
    others = declared_names(headers(
        os.path.join(root, "include", "backsignal", "service"),
        os.path.join(root, "include", "backsignal", "io"),
        os.path.join(root, "include", "backsignal", "core"),
        os.path.join(root, "src", "server"), os.path.join(root, "src", "cli")))
    return store - others


def check_front_doors(root, store_names):
    problems = []
    for module in FRONT_DOORS:
        for dirpath, _, names in os.walk(os.path.join(root, "src", module)):
            for n in sorted(names):
                if not n.endswith((".cc", ".h")):
                    continue
                path = os.path.join(dirpath, n)
                rel = os.path.relpath(path, root)
                raw = open(path, encoding="utf-8").read()
                for _, name in INCLUDE.findall(raw):
                    if CLOSED.search(name):
                        problems.append(f"{rel}: a front door includes {name}; ask the service")
                text = strip_comments_and_strings(raw)
                for m in re.finditer(r"(\.|->)\s*(db|writer)\s*\(\s*\)", text):
                    problems.append(f"{rel}: a front door reaches the store through {m.group(2)}()")
                for m in CALL.finditer(text):
                    if m.group(2) in store_names and m.group(1) != "::" or \
                            m.group(2) in store_names and text[max(0, m.start() - 10):m.start()].endswith("backsignal"):
                        line = text.count("\n", 0, m.start()) + 1
                        problems.append(f"{rel}:{line}: a front door calls the store ({m.group(2)}); "
                                        "add what it needs to the service")
    return problems


# The one place where an error's kind becomes an HTTP status (CONTRIBUTING.md, "errors by
# kind"): a handler fails with an Error, and only http_util.cc writes a status of an error.
STATUS_MAPPING = os.path.join("src", "server", "http_util.cc")


def check_errors_by_kind(root):
    problems = []
    for module in FRONT_DOORS:
        for dirpath, _, names in os.walk(os.path.join(root, "src", module)):
            for n in sorted(names):
                path = os.path.join(dirpath, n)
                rel = os.path.relpath(path, root)
                if not n.endswith((".cc", ".h")) or rel == STATUS_MAPPING:
                    continue
                text = strip_comments_and_strings(open(path, encoding="utf-8").read())
                for m in re.finditer(r"\bProblem\s*\(", text):
                    line = text.count("\n", 0, m.start()) + 1
                    problems.append(f"{rel}:{line}: Problem( outside {STATUS_MAPPING}; fail with an "
                                    "Error of a kind (ErrorResponse makes its status)")
    return problems


# Where the sources are whose length is checked: web/ but for its node_modules and icons.
LENGTH_DIRS = ("src", "include", "fuzz", "bench", "scripts", "cmake", os.path.join("web", "src"))
LENGTH_FILES = (os.path.join("web", "sw.js"), os.path.join("web", "eslint.config.mjs"))


def source_paths(root):
    for top in LENGTH_DIRS:
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                yield os.path.join(dirpath, n)
    for name in LENGTH_FILES:
        if os.path.exists(os.path.join(root, name)):
            yield os.path.join(root, name)


def check_lengths(root):
    problems = []
    for path in source_paths(root):
        n = os.path.basename(path)
        if n.endswith("_test.cc") or not n.endswith((".cc", ".h", ".py", ".sh", ".mjs", ".js", ".cmake")):
            continue
        lines = sum(1 for _ in open(path, encoding="utf-8", errors="replace"))
        if lines > MAX_LINES:
            problems.append(f"{os.path.relpath(path, root)}: {lines} lines (at most {MAX_LINES})")
    return problems


def self_test(store_names):
    """The checks find planted violations (so that they can fail): includes, a front door
    calling the store and writing an error's status, and a page module and a C++ file one line
    too long."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src", "core"))
        os.makedirs(os.path.join(tmp, "web", "src", "cards"))
        with open(os.path.join(tmp, "src", "core", "probe.h"), "w") as f:
            f.write('#include "backsignal/store/store.h"\n#include <sqlite3.h>\n')
        for name in ("src/core/long.cc", "web/src/cards/long.js", "web/src/cards/short.js"):
            with open(os.path.join(tmp, name), "w") as f:
                f.write("x\n" * (MAX_LINES + (0 if "short" in name else 1)))
        os.makedirs(os.path.join(tmp, "src", "server"))
        with open(os.path.join(tmp, "src", "server", "probe.cc"), "w") as f:
            f.write('#include "backsignal/store/group_commit.h"\n'
                    'auto d = svc.db().ForPerson(c.subject)->LoadDiary();\n'
                    'auto b = BackupDatabase(a, b);  // a comment naming LoadDiary() is fine\n'
                    'auto s = service::ListShares(svc, me);\n')
        with open(os.path.join(tmp, "src", "server", "probe2.cc"), "w") as f:
            f.write('#include "internal.h"\n')
        with open(os.path.join(tmp, "src", "server", "probe3.cc"), "w") as f:
            f.write('return Problem(404, "nothing here");  // Problem( in a comment is fine\n')
        return (len(check_includes(tmp)) == 4 and len(check_lengths(tmp)) == 2
                and len(check_front_doors(tmp, store_names)) == 5
                and len(check_errors_by_kind(tmp)) == 1)


def main():
    store_names = store_only_names(ROOT)
    if not self_test(store_names):
        print("the layering check did not find a planted violation")
        return 1
    problems = (check_includes(ROOT) + check_front_doors(ROOT, store_names) +
                check_errors_by_kind(ROOT) + check_lengths(ROOT))
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
