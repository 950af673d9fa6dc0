#!/usr/bin/env python3
"""The layers of app/ (app/README.md), checked on what the build made.

For every object file of the given static libraries: which functions and
variables it defines and which it uses (nm). A file that uses a symbol
another file defines depends on that file. The test fails when

  - a file depends on a file of a layer above its own
    (core < cli, core < gui; cli and gui never use each other), or
  - files depend on each other in a circle (a file-level cycle), or
  - a layer's sources include a header of a layer they may not use.

Usage: check-layers.py NM SOURCE_ROOT LIB.a...
Prints TAP.
"""
import os
import re
import subprocess
import sys

LAYERS = {"core": 0, "cli": 1, "gui": 1}
MAY_USE = {"core": {"core"}, "cli": {"core", "cli"}, "gui": {"core", "gui"}}


def objects(nm, lib):
    out = subprocess.run([nm, "-A", "--defined-only", "-g", lib],
                         capture_output=True, text=True, check=True).stdout
    defined = {}
    for line in out.splitlines():
        m = re.match(r"^[^:]+:([^:]+):\s*[0-9a-f]*\s+([A-Za-z])\s+(\S+)$", line)
        if m and m.group(2) not in "Uw":
            defined.setdefault(m.group(1), set()).add(m.group(3))
    out = subprocess.run([nm, "-A", "--undefined-only", lib],
                         capture_output=True, text=True, check=True).stdout
    used = {}
    for line in out.splitlines():
        m = re.match(r"^[^:]+:([^:]+):\s+[Uw]\s+(\S+)$", line)
        if m:
            used.setdefault(m.group(1), set()).add(m.group(2))
    return defined, used


def source_name(lib, obj):
    # build/app/core/libpc-core.a, pc-store.c.o -> core/pc-store.c
    layer = os.path.basename(os.path.dirname(os.path.abspath(lib)))
    return layer + "/" + re.sub(r"\.o(bj)?$", "", os.path.basename(obj))


def cycles(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def include_problems(root):
    problems = []
    for layer in LAYERS:
        folder = os.path.join(root, "app", layer)
        for name in sorted(os.listdir(folder)):
            if not name.endswith((".c", ".h")):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                    if not m:
                        continue
                    header = m.group(1)
                    if "/" in header:
                        problems.append(f"app/{layer}/{name}:{n} includes {header} by path")
                        continue
                    owner = [l for l in LAYERS
                             if os.path.exists(os.path.join(root, "app", l, header))]
                    if owner and owner[0] not in MAY_USE[layer]:
                        problems.append(f"app/{layer}/{name}:{n} includes {header} of app/{owner[0]}/")
    return problems


def main():
    args = sys.argv[1:]
    nm, root, libs = args[0], args[1], args[2:]
    defined, used = {}, {}
    for lib in libs:
        d, u = objects(nm, lib)
        for obj, syms in d.items():
            defined[source_name(lib, obj)] = syms
        for obj, syms in u.items():
            used[source_name(lib, obj)] = syms
    owner = {}
    for src, syms in defined.items():
        for s in syms:
            owner[s] = src
    graph = {src: set() for src in defined}
    for src, syms in used.items():
        for s in syms:
            o = owner.get(s)
            if o and o != src:
                graph.setdefault(src, set()).add(o)

    tests = []
    upward = []
    for src, deps in sorted(graph.items()):
        layer = src.split("/")[0]
        for d in sorted(deps):
            dl = d.split("/")[0]
            if layer in MAY_USE and dl in LAYERS and dl not in MAY_USE[layer]:
                upward.append(f"{src} uses {d}")
    tests.append(("no file uses a layer it may not", upward))
    tests.append(("no file includes a header of a layer it may not", include_problems(root)))
    circles = [" ↔ ".join(c) for c in cycles(graph)]
    tests.append(("no file-level cycles", circles))

    print(f"1..{len(tests)}")
    failed = 0
    for i, (name, problems) in enumerate(tests, 1):
        if problems:
            failed += 1
            print(f"not ok {i} - {name}")
            for p in problems:
                print(f"# {p}")
        else:
            print(f"ok {i} - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
