#!/usr/bin/env python3
"""The layering rule, checked: a module includes only headers of the modules it may use
(CONTRIBUTING.md), core and reading include no database, HTTP or JSON header, and no source
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
    "server": {"core", "reading", "words", "report", "io", "store", "push", "service"},
    "cli": {"core", "reading", "words", "report", "io", "store", "push", "service", "server"},
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


def self_test():
    """The checks find planted violations (so that they can fail): two includes, and a page
    module and a C++ file one line too long."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src", "core"))
        os.makedirs(os.path.join(tmp, "web", "src", "cards"))
        with open(os.path.join(tmp, "src", "core", "probe.h"), "w") as f:
            f.write('#include "backsignal/store/store.h"\n#include <sqlite3.h>\n')
        for name in ("src/core/long.cc", "web/src/cards/long.js", "web/src/cards/short.js"):
            with open(os.path.join(tmp, name), "w") as f:
                f.write("x\n" * (MAX_LINES + (0 if "short" in name else 1)))
        return len(check_includes(tmp)) == 2 and len(check_lengths(tmp)) == 2


def main():
    if not self_test():
        print("the layering check did not find a planted violation")
        return 1
    problems = check_includes(ROOT) + check_lengths(ROOT)
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
