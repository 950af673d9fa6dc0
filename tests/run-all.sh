#!/bin/sh
# Runs every test: the normal build (warnings are errors) under a
# virtual display and a private D-Bus session, then the same suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer. Ends with one
# line, "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0

# Runs meson test in build directory $1 and adds its counts.
run_suite () {
  log=$(mktemp)
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    meson test -C "$1" --print-errorlogs --num-processes 2 >"$log" 2>&1
  status=$?
  grep -E "^ *[0-9]+/[0-9]+ " "$log" | awk '!seen[$0]++'
  grep -E -A 40 '^Summary of Failures' "$log" || true
  ok=$(awk '/^Ok:/ { print $2 }' "$log")
  bad=$(awk '/^(Fail|Timeout|Unexpected Pass):/ { n += $NF } END { print n + 0 }' "$log")
  if [ -z "$ok" ]; then
    # meson did not get as far as running tests: show why.
    tail -40 "$log"
    ok=0
    bad=$((bad + 1))
  fi
  passed=$((passed + ok))
  failed=$((failed + bad))
  rm -f "$log"
  return $status
}

echo "== Build (warnings are errors) =="
if [ -d build/meson-private ]; then
  meson setup --reconfigure -Dwerror=true build >/dev/null
else
  meson setup -Dwerror=true build >/dev/null
fi
if meson compile -C build >build-log.txt 2>&1; then
  echo "== Tests =="
  run_suite build
else
  tail -40 build-log.txt
  failed=$((failed + 1))
fi

echo "== AddressSanitizer and UndefinedBehaviorSanitizer build =="
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0"
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
if [ -d build-sanitize/meson-private ]; then
  meson setup --reconfigure build-sanitize >/dev/null
else
  meson setup -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debug build-sanitize >/dev/null
fi
if meson compile -C build-sanitize >build-sanitize-log.txt 2>&1; then
  echo "== Tests under the sanitizers =="
  run_suite build-sanitize
else
  tail -40 build-sanitize-log.txt
  failed=$((failed + 1))
fi
rm -f build-log.txt build-sanitize-log.txt

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
