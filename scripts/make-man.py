#!/usr/bin/env python3
"""Writes backsignal(1) in troff from the program's own --help, so that the man page says what
the binary does. usage: make-man.py BINARY OUT"""
import re
import subprocess
import sys


def esc(line):
    line = line.replace("\\", "\\e").replace("-", "\\-")
    return ("\\&" + line) if line.startswith((".", "'")) else line


def main():
    binary, out = sys.argv[1], sys.argv[2]
    def help_of(*args):
        text = subprocess.run([binary, *args, "--help"], capture_output=True, text=True).stdout
        return text.replace(binary, "backsignal")

    top = help_of()
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    commands = []
    in_commands = False
    for line in top.splitlines():
        if line.strip().upper().startswith("SUBCOMMANDS"):
            in_commands = True
            continue
        m = re.match(r"^\s{2}(\S+)\s{2,}", line)
        if in_commands and m:
            commands.append(m.group(1))
    lines = [f'.TH BACKSIGNAL 1 "" "{esc(version)}" "User Commands"', ".SH NAME",
             "backsignal \\- check-ins and a reading for mid back pain and exercise", ".SH SYNOPSIS",
             ".B backsignal", "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]", ".SH DESCRIPTION", ".nf"]
    lines += [esc(l) for l in top.splitlines()]
    lines.append(".fi")
    lines.append(".SH COMMANDS")
    for c in commands:
        text = help_of(c)
        lines += [f".SS {esc(c)}", ".nf"] + [esc(l) for l in text.splitlines()] + [".fi"]
    lines += [".SH FILES", ".TP", ".I ~/.local/share/backsignal/diary.db",
              "the diary (or $XDG_DATA_HOME/backsignal, $BACKSIGNAL_DB, \\-\\-db)", ".TP",
              ".I /etc/backsignal/backsignal.conf", "the service's settings (backsignal.service)",
              ".SH SEE ALSO", "The project's docs/ folder: operations.md, cli.md, api.md, reading.md."]
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
