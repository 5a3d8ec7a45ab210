#!/usr/bin/env python3
"""Blanks the whole-line // comments of a page module before it is embedded (cmake/embed_assets.cmake).

The sources keep their comments; the served copy does not carry them to every phone. A comment
line becomes an empty line, so the line numbers of an error in the browser still match the
source. Only lines that hold nothing but a // comment are touched, and none inside a template
literal (a line is inside one when the backticks of the code lines before it are odd in number).
usage: strip_comments.py IN OUT
"""
import re
import sys


def strip(text: str) -> str:
    out = []
    in_template = False
    for line in text.split("\n"):
        if not in_template and re.match(r"^\s*//", line):
            out.append("")
            continue
        # Backticks that are not escaped open or close a template literal.
        ticks = len(re.findall(r"(?<!\\)`", line))
        if ticks % 2:
            in_template = not in_template
        out.append(line)
    return "\n".join(out)


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: strip_comments.py IN OUT", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(strip(text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
