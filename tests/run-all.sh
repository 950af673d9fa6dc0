#!/bin/sh
# Runs every test: the normal build (warnings are errors) under a
# virtual display and a private D-Bus session, then the same suite built
# with AddressSanitizer and UndefinedBehaviorSanitizer, then fuzzes
# `verify` for 60 s (clang and libFuzzer). Ends with one line,
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0

# Runs meson test in build directory $1, with any further arguments
# given to meson test, and adds its counts.
run_suite () {
  log=$(mktemp)
  dir=$1
  shift
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" >"$log" 2>&1
  status=$?
  grep -E "^ *[0-9]+/[0-9]+ " "$log" | awk '!seen[$0]++'
  if [ "$status" -ne 0 ]; then
    # The failing tests' own output, which meson prints before its summary.
    sed -n '/^=\{20,\} [0-9]/,/^Summary of Failures/p' "$log" | tail -200
  fi
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
  # Tests run several times slower under the sanitizers: so may a test's
  # waits before it counts as hung (tests/pc-test-utils.h).
  export PC_TEST_TIMEOUT_MULTIPLIER=4
  run_suite build-sanitize --suite unit --timeout-multiplier 4
  # GTK, Pango and fontconfig keep caches for the life of the process,
  # which LeakSanitizer reports as leaks at exit: the widget tests run
  # with AddressSanitizer's memory checks and UBSan, without leak checks.
  with_leaks=$ASAN_OPTIONS
  export ASAN_OPTIONS="$with_leaks:detect_leaks=0"
  run_suite build-sanitize --suite ui --timeout-multiplier 4
  export ASAN_OPTIONS="$with_leaks"
else
  tail -40 build-sanitize-log.txt
  failed=$((failed + 1))
fi
rm -f build-log.txt build-sanitize-log.txt

# One test: libFuzzer (clang, with ASan and UBSan) on `verify` for 60 s,
# from the exports of `principle-check demo` (made by the normal build)
# and the seeds of tests/fuzz/corpus/. Passes when nothing crashes, leaks
# or takes over 10 s; otherwise the crashing inputs stay in a temporary
# folder whose files are listed.
echo "== Fuzzing verify for 60 s =="
fuzz_tmp=$(mktemp -d)
fuzz_ok=false
mkdir "$fuzz_tmp/corpus" "$fuzz_tmp/artifacts"
if [ -d build-fuzz/meson-private ]; then
  meson setup --reconfigure -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debug build-fuzz >/dev/null
else
  CC=clang meson setup -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debug build-fuzz >/dev/null
fi
if ! meson compile -C build-fuzz tests/fuzz/fuzz-verify >"$fuzz_tmp/build-log.txt" 2>&1; then
  tail -40 "$fuzz_tmp/build-log.txt"
elif [ ! -x build/app/principle-check ]; then
  echo "No build/app/principle-check to make the seed corpus with"
elif sh tests/fuzz/make-corpus.sh build/app/principle-check "$fuzz_tmp/corpus"; then
  # Not fast_unwind_on_malloc=0: it makes every allocation slow, and
  # libFuzzer needs the runs.
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
    timeout 150 build-fuzz/tests/fuzz/fuzz-verify -max_total_time=60 -timeout=10 \
      -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
      -dict=tests/fuzz/verify.dict -artifact_prefix="$fuzz_tmp/artifacts/" \
      "$fuzz_tmp/corpus" >"$fuzz_tmp/fuzz-log.txt" 2>&1
  status=$?
  if [ $status -eq 0 ] && [ -z "$(ls -A "$fuzz_tmp/artifacts")" ]; then
    fuzz_ok=true
    grep -E '^#[0-9]+.*DONE|^Done [0-9]+ runs|^stat::(number_of_executed_units|peak_rss_mb)' \
      "$fuzz_tmp/fuzz-log.txt"
  else
    # The report from its first line, then where the input went.
    start=$(grep -n -m 1 -E 'ERROR|runtime error|^fuzz-verify: ' "$fuzz_tmp/fuzz-log.txt" | cut -d: -f1)
    if [ -n "$start" ]; then
      sed -n "$start,$((start + 79))p" "$fuzz_tmp/fuzz-log.txt"
      grep -E '^artifact_prefix|^Base64' "$fuzz_tmp/fuzz-log.txt"
    else
      tail -60 "$fuzz_tmp/fuzz-log.txt"
    fi
    echo "fuzz-verify exited with status $status; its inputs that failed:"
    ls -l "$fuzz_tmp/artifacts"
  fi
fi
if $fuzz_ok; then
  echo "1/1 fuzz-verify OK"
  passed=$((passed + 1))
  rm -rf "$fuzz_tmp"
else
  echo "1/1 fuzz-verify FAIL (kept in $fuzz_tmp)"
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
