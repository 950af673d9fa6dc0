#!/usr/bin/env python3
# check-man.py: the manual page keeps up with the command line
#
# Copyright 2026 The Principle Check authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-man.py PRINCIPLE-CHECK PAGE
#        check-man.py --render GROFF PAGE
#
# Every command that "principle-check --help" lists must have a .SS in the
# page ("link add", "action set", … for commands with sub-commands), and
# every option that "principle-check COMMAND [SUB] --help" lists must be
# named within that section (--db, --read-only and --help, common to all, in OPTIONS).
# Prints TAP; exits 1 on any gap.
#
# With --render, the page is typeset for a UTF-8 and an ASCII terminal with
# every groff warning on (-ww): any warning fails.

import os
import re
import subprocess
import sys


def run_help(binary, words):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    out = subprocess.run([binary, *words, '--help'], env=env, capture_output=True,
                         text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError('%s %s --help: exit %d: %s'
                           % (binary, ' '.join(words), out.returncode, out.stderr.strip()))
    return out.stdout


def commands(binary):
    """(command, sub-command or None) for each usage line of --help."""
    found = []
    for line in run_help(binary, []).splitlines():
        m = re.match(r'^\s+principle-check\s+([a-z][a-z-]*)(?:\s+([a-z][a-z|-]*))?', line)
        if not m:
            continue
        name, sub = m.group(1), m.group(2)
        # A lower-case second word is a sub-command ("add", "add|set|remove");
        # arguments are upper case (REF, FILE).
        for s in (sub.split('|') if sub else [None]):
            found.append((name, s))
    return found


def options(binary, words):
    names = set()
    for line in run_help(binary, words).splitlines():
        m = re.match(r'^\s+(?:-\w,\s+)?(--[a-z][a-z0-9-]*)', line)
        # --db, --read-only and --help belong to every command: the page's OPTIONS.
        if m and m.group(1) not in ('--db', '--read-only', '--help'):
            names.add(m.group(1))
    return names


def plain(roff):
    """The text of roff source, near enough to search for words in."""
    text = re.sub(r'\\f(?:\[[^]]*\]|\(..|.)', '', roff)
    text = text.replace('\\-', '-').replace('\\&', '').replace('\\%', '')
    return text


def sections(page):
    """{.SS title: its text up to the next .SS or .SH}."""
    found = {}
    title = None
    for line in page.splitlines():
        m = re.match(r'^\.(SS|SH)\s+(.*)$', line)
        if m:
            title = plain(m.group(2)).strip().strip('"') if m.group(1) == 'SS' else None
            if title is not None:
                found[title] = []
            continue
        if title is not None:
            found[title].append(line)
    return {t: plain('\n'.join(lines)) for t, lines in found.items()}


def render(groff, page_path):
    """TAP: one test per output device, failing on any warning."""
    devices = ['utf8', 'ascii']
    print('1..%d' % len(devices))
    failed = 0
    for n, device in enumerate(devices, 1):
        out = subprocess.run([groff, '-man', '-ww', '-z', '-T' + device, page_path],
                             capture_output=True, text=True, timeout=60)
        problems = out.stderr.strip()
        if out.returncode != 0 or problems:
            print('not ok %d - groff -T%s: exit %d' % (n, device, out.returncode))
            for line in problems.splitlines():
                print('# ' + line)
            failed += 1
        else:
            print('ok %d - groff -T%s: no warnings' % (n, device))
    return 1 if failed else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--render':
        return render(sys.argv[2], sys.argv[3])
    if len(sys.argv) != 3:
        print('usage: check-man.py PRINCIPLE-CHECK PAGE\n'
              '       check-man.py --render GROFF PAGE', file=sys.stderr)
        return 2
    binary, page_path = sys.argv[1], sys.argv[2]
    with open(page_path, encoding='utf-8') as f:
        page = sections(f.read())

    cmds = commands(binary)
    if not cmds:
        print('Bail out! "%s --help" lists no command' % binary)
        return 1

    print('1..%d' % len(cmds))
    failed = 0
    for n, (name, sub) in enumerate(cmds, 1):
        words = [name] + ([sub] if sub else [])
        title = ' '.join(words)
        text = page.get(title)
        if text is None:
            print('not ok %d - %s: no ".SS %s" in %s' % (n, title, title, page_path))
            failed += 1
            continue
        missing = sorted(o for o in options(binary, words)
                         if not re.search(re.escape(o) + r'(?![a-z0-9-])', text))
        if missing:
            print('not ok %d - %s: the page does not name %s' % (n, title, ', '.join(missing)))
            failed += 1
        else:
            print('ok %d - %s' % (n, title))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
