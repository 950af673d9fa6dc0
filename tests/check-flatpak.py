#!/usr/bin/env python3
# check-flatpak.py: the Flatpak manifest is well formed and keeps the sandbox shut
#
# Copyright 2026 The Principle Check authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak.py MANIFEST APP_ID
#
# Files reach the app through the portal (GtkFileChooserNative), and it
# talks to no server: no network, no file system permission. Prints TAP.

import json
import os
import re
import sys

FORBIDDEN = re.compile(r'^--(share=network|filesystem=.*|socket=(session-bus|system-bus|ssh-auth)|device=all)$')


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError:
        return ''


def checks(manifest, app_id, folder):
    args = manifest.get('finish-args', [])
    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    sources = [s for m in modules if isinstance(m, dict) for s in m.get('sources', [])]
    project = os.path.join(folder, (last.get('sources') or [{}])[0].get('path', ''), 'meson.build')

    yield manifest.get('id', manifest.get('app-id')) == app_id, 'the id is ' + app_id
    yield manifest.get('command') == 'principle-check', 'the command is principle-check'
    yield (manifest.get('runtime'), manifest.get('sdk')) == ('org.gnome.Platform', 'org.gnome.Sdk'), \
        'the GNOME runtime and SDK'
    bad = [a for a in args if FORBIDDEN.match(a)]
    yield not bad, 'no network, file system or bus permission' + (': ' + ', '.join(bad) if bad else '')
    yield {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'} <= set(args), \
        'a window on Wayland or X11, with the GPU'
    unpinned = [s.get('url') for s in sources
                if s.get('type') in ('archive', 'file')
                and not re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', ''))]
    yield not unpinned, 'every download has a sha256' + (': ' + ', '.join(unpinned) if unpinned else '')
    yield last.get('name') == 'principle-check' and last.get('buildsystem') == 'meson', \
        'the app is the last module, built with meson'
    yield "project('principle-check'" in read(project), \
        'its source folder is the project'


def main():
    if len(sys.argv) != 3:
        print('usage: check-flatpak.py MANIFEST APP_ID', file=sys.stderr)
        return 2
    path, app_id = sys.argv[1], sys.argv[2]
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('1..1\nnot ok 1 - %s is valid JSON: %s' % (path, e))
        return 1

    results = list(checks(manifest, app_id, os.path.dirname(os.path.abspath(path))))
    print('1..%d' % (len(results) + 1))
    print('ok 1 - %s is valid JSON' % os.path.basename(path))
    for n, (ok, what) in enumerate(results, 2):
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, what))
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
