#!/bin/sh
# test-install.sh: what "meson install" puts down works on its own
#
# Copyright 2026 The Principle Check authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a scratch DESTDIR (without rebuilding), checks
# the files a desktop needs are there, then hides the source and build
# trees behind empty tmpfs mounts in a private mount namespace and runs the
# INSTALLED program: it must not need anything from either tree.
#
# Environment (set by tests/meson.build):
#   PC_SOURCE_ROOT PC_BUILD_ROOT   the two trees
#   PC_VERSION                     the project's version
#   PC_BINDIR PC_LIBDIR PC_DATADIR PC_MANDIR PC_LOCALEDIR
#                                  the install directories, with the prefix
#   PC_MESON                       the meson that configured the build
#
# Exit status: 0 pass, 1 fail, 77 skip (no unprivileged mount namespace).

set -eu

: "${PC_SOURCE_ROOT:?}" "${PC_BUILD_ROOT:?}" "${PC_VERSION:?}"
: "${PC_BINDIR:?}" "${PC_LIBDIR:?}" "${PC_DATADIR:?}" "${PC_MANDIR:?}" "${PC_LOCALEDIR:?}"

app_id=uk.nhs.beh.PrincipleCheck
src=$(cd "$PC_SOURCE_ROOT" && pwd -P)
build=$(cd "$PC_BUILD_ROOT" && pwd -P)

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

# The scratch folder must be outside both trees, or hiding them hides it.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pc-install.XXXXXX")
tmp=$(cd "$tmp" && pwd -P)
trap 'rm -rf "$tmp"' EXIT INT TERM
case "$tmp/" in
  "$src/"* | "$build/"*)
    fail "the scratch folder $tmp is inside the source or build tree: set TMPDIR elsewhere" ;;
esac

if ! unshare -rm true 2>/dev/null; then
  echo "SKIP: this system does not allow an unprivileged mount namespace (unshare -rm)," \
       "so the trees cannot be hidden from the installed program" >&2
  exit 77
fi

dest=$tmp/dest
# Only what is built already: another test may be running from this build.
"${PC_MESON:-meson}" install --destdir "$dest" -C "$build" --no-rebuild --quiet \
  || fail "meson install --destdir $dest -C $build failed (is everything built? ninja -C $build)"

# What a desktop, a software centre and man(1) look for.
check_file () {
  [ -s "$dest$1" ] || fail "not installed: $1"
  echo "ok: $1"
}
check_file "$PC_BINDIR/principle-check"
check_file "$PC_LIBDIR/principle-check/pc-gui.so"
check_file "$PC_DATADIR/applications/$app_id.desktop"
check_file "$PC_DATADIR/metainfo/$app_id.metainfo.xml"
check_file "$PC_DATADIR/icons/hicolor/scalable/apps/$app_id.svg"
check_file "$PC_DATADIR/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check_file "$PC_MANDIR/man1/principle-check.1"
check_file "$PC_DATADIR/principle-check/checklists/beh-clinical-principles.json"

# The command line does not load GTK: only the window module does.
if command -v ldd >/dev/null; then
  if ldd "$dest$PC_BINDIR/principle-check" | grep -E 'libgtk-4|libadwaita'; then
    fail "the installed program links GTK or libadwaita (the window module should)"
  fi
  echo "ok: the program does not link GTK or libadwaita"
fi

# The merged files carry the translations of every language in LINGUAS.
for lang in $(sed -e 's/#.*//' "$src/ui/po/LINGUAS" 2>/dev/null); do
  check_file "$PC_LOCALEDIR/$lang/LC_MESSAGES/principle-check.mo"
  grep -q "^Name\[$lang\]=" "$dest$PC_DATADIR/applications/$app_id.desktop" \
    || echo "note: the desktop file has no Name[$lang] yet (not translated)"
done

# The GSettings schema, once the project has one: installed, and it compiles.
if [ -e "$src/ui/$app_id.gschema.xml" ]; then
  check_file "$PC_DATADIR/glib-2.0/schemas/$app_id.gschema.xml"
  if command -v glib-compile-schemas >/dev/null; then
    mkdir "$tmp/schemas"
    glib-compile-schemas --strict --targetdir="$tmp/schemas" "$dest$PC_DATADIR/glib-2.0/schemas" \
      || fail "the installed GSettings schemas do not compile"
    [ -s "$tmp/schemas/gschemas.compiled" ] || fail "glib-compile-schemas wrote nothing"
    echo "ok: the installed schemas compile"
  fi
fi

# A sanitizer's suppressions file is in the source tree, which is about
# to be hidden: give the program a copy.
for var in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
  eval "value=\${$var:-}"
  file=$(printf '%s' "$value" | sed -n 's/.*suppressions=\([^:]*\).*/\1/p')
  if [ -n "$file" ] && [ -f "$file" ]; then
    cp "$file" "$tmp/$var.supp"
    export "$var=$(printf '%s' "$value" | sed "s|suppressions=[^:]*|suppressions=$tmp/$var.supp|")"
  fi
done

# Run the installed program with both trees hidden, in a home of its own.
cat > "$tmp/run-installed.sh" <<'EOF'
set -eu
# Out of both trees before they are hidden: programs that look at their
# working folder (a python3 shim, say) must find it.
cd "$tmp"
mount -t tmpfs none "$build"
mount -t tmpfs none "$src"
[ ! -e "$build/build.ninja" ] && [ ! -e "$src/meson.build" ] || { echo "FAIL: the trees are still visible" >&2; exit 1; }

export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
export XDG_STATE_HOME="$tmp/home/state" XDG_CACHE_HOME="$tmp/home/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
unset DISPLAY WAYLAND_DISPLAY
pc=$dest$PC_BINDIR/principle-check

version=$("$pc" --version) || { echo "FAIL: principle-check --version" >&2; exit 1; }
case "$version" in
  *"$PC_VERSION"*) echo "ok: $version" ;;
  *) echo "FAIL: principle-check --version says “$version”, not $PC_VERSION" >&2; exit 1 ;;
esac

"$pc" --help >/dev/null || { echo "FAIL: principle-check --help" >&2; exit 1; }
"$pc" demo --db "$tmp/demo.db" || { echo "FAIL: principle-check demo --db" >&2; exit 1; }
list=$("$pc" list --db "$tmp/demo.db") || { echo "FAIL: principle-check list --db" >&2; exit 1; }
printf '%s\n' "$list" | grep -q '^PC-' || { echo "FAIL: no PC- reference in the list:" >&2; printf '%s\n' "$list" >&2; exit 1; }
echo "ok: demo and list, $(printf '%s\n' "$list" | grep -c '^PC-') assessments"

# Without a command the installed program loads its window module (found
# beside it) and, with no display, says so.
said=$(GDK_BACKEND=x11 "$pc" 2>&1) && { echo "FAIL: the window opened with no display" >&2; exit 1; }
case "$said" in
  *"no display"*) echo "ok: the window module loads: $said" ;;
  *) echo "FAIL: without a command or display the installed program said “$said”" >&2; exit 1 ;;
esac

# The default database is under XDG_DATA_HOME, never in a tree.
"$pc" list >/dev/null || { echo "FAIL: principle-check list (default database)" >&2; exit 1; }
[ -f "$XDG_DATA_HOME/principle-check/assessments.db" ] || { echo "FAIL: no default database in $XDG_DATA_HOME" >&2; exit 1; }
echo "ok: default database in XDG_DATA_HOME"

# The installed catalogues, where the program looks for them: a Turkish
# session gets Turkish messages. Inside this namespace only, the locale
# folder is bound over (on an empty tmpfs when it does not exist here).
parent=$(dirname "$PC_LOCALEDIR")
if [ ! -d "$PC_LOCALEDIR" ] && [ -d "$parent" ]; then
  mount -t tmpfs none "$parent"
  mkdir "$PC_LOCALEDIR"
fi
if [ -d "$PC_LOCALEDIR" ]; then
  mount --bind "$dest$PC_LOCALEDIR" "$PC_LOCALEDIR"
  said=$(LANGUAGE=tr LC_ALL=C.UTF-8 "$pc" frobnicate 2>&1) && { echo "FAIL: an unknown command succeeded" >&2; exit 1; }
  case "$said" in
    *"bir komut değil"*) echo "ok: in Turkish: $said" ;;
    *) echo "FAIL: with LANGUAGE=tr the installed program said “$said”, not Turkish" >&2; exit 1 ;;
  esac
  # Columns line up in characters, not bytes ("İ" is two bytes).
  LANGUAGE=tr LC_ALL=C.UTF-8 "$pc" list --db "$tmp/demo.db" >"$tmp/list-tr.txt"
  python3 - "$tmp/list-tr.txt" <<'PY' || { echo "FAIL: the Turkish list's columns do not line up:" >&2; cat "$tmp/list-tr.txt" >&2; exit 1; }
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
dates = [m for line in lines[1:] for m in [re.search(r"\d{4}-\d\d-\d\d +", line)] if m]
starts = {m.start() for m in dates}
titles = {m.end() for m in dates}
sys.exit(0 if starts == {lines[0].find("GÜNCELLENME")} and titles == {lines[0].find("BAŞLIK")} else 1)
PY
  echo "ok: the Turkish list's columns line up"
else
  echo "note: $PC_LOCALEDIR does not exist here, so the installed catalogues were not tried"
fi
EOF

src=$src build=$build tmp=$tmp dest=$dest PC_LOCALEDIR=$PC_LOCALEDIR \
  unshare -rm sh "$tmp/run-installed.sh" || fail "the installed program did not work on its own"
echo "PASS"
