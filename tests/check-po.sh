#!/bin/sh
# check-po.sh SRCDIR: every catalogue in ui/po/LINGUAS compiles with
# msgfmt's checks, is complete (nothing untranslated or fuzzy), and has
# every string the sources mark today (a new _() without a translation
# fails here, before a Turkish user sees English).
set -eu

src=$1
po="$src/ui/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The strings the sources mark now, extracted as the build's
# principle-check-pot target does (meson's "glib" preset).
grep -v '^#' "$po/POTFILES" | grep . >"$tmp/files"
(cd "$src" && xgettext --package-name=principle-check --from-code=UTF-8 \
    --add-comments=Translators --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
    --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 -f "$tmp/files" -o "$tmp/now.pot" 2>"$tmp/xgettext.log") || {
  cat "$tmp/xgettext.log" >&2
  echo "check-po: xgettext could not read the files in ui/po/POTFILES (above)" >&2
  exit 1
}

failed=0

# Every source file that marks a string is in POTFILES, or its strings
# would never reach a translator.
missing=$(cd "$src" && {
    grep -l -E '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext) ?\(' app/*.c app/*/*.c
    grep -l 'translatable="yes"' ui/*.ui ui/gtk/*.ui
  } | while read -r file; do
    grep -qx "$file" "$tmp/files" || echo "$file"
  done)
if [ -n "$missing" ]; then
  echo "not ok: these files mark strings but are not in ui/po/POTFILES: $(echo $missing)"
  failed=1
fi

for lang in $(grep -v '^#' "$po/LINGUAS"); do
  file="$po/$lang.po"
  if ! msgfmt --check --check-accelerators=_ -o "$tmp/$lang.mo" "$file"; then
    echo "not ok: ui/po/$lang.po does not compile (msgfmt's messages above)"
    failed=1
    continue
  fi
  untranslated=$(msgattrib --untranslated --no-obsolete "$file" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$file" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry with anything it finds.
  if [ "$untranslated" -gt 1 ] || [ "$fuzzy" -gt 1 ]; then
    echo "not ok: ui/po/$lang.po has $((untranslated > 0 ? untranslated - 1 : 0)) untranslated and $((fuzzy > 0 ? fuzzy - 1 : 0)) fuzzy strings: translate them, then run 'msgattrib --clear-fuzzy'"
    failed=1
    continue
  fi
  if ! msgcmp "$file" "$tmp/now.pot" 2>"$tmp/msgcmp.log"; then
    head -n 20 "$tmp/msgcmp.log"
    echo "not ok: ui/po/$lang.po lacks strings the sources mark: run 'meson compile principle-check-update-po' and translate them"
    failed=1
    continue
  fi
  echo "ok: ui/po/$lang.po is complete ($(msgfmt --statistics -o /dev/null "$file" 2>&1))"
done

exit $failed
