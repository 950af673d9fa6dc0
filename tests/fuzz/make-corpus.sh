#!/bin/sh
# make-corpus.sh CLI DIR: writes the seed corpus of fuzz-verify to DIR
# (which must exist): the summary of every revision of every example
# assessment of `CLI demo`, exported by CLI (a normal build's
# principle-check) from a temporary database, and the hand-written seeds
# of tests/fuzz/corpus/. Prints how many files it wrote; exits non-zero
# when a command fails.
set -eu

cli=$1
out=$2
seeds=$(cd "$(dirname "$0")" && pwd)/corpus

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" demo --db "$tmp/demo.db" >/dev/null

# "REF REVISION" for the latest revision of each reference.
"$cli" list --json --db "$tmp/demo.db" >"$tmp/list.json"
python3 -c '
import json, sys
for item in json.load(open(sys.argv[1])):
    print(item["reference"], item["revision"])
' "$tmp/list.json" >"$tmp/references"

n=0
while read -r ref latest; do
  rev=1
  while [ "$rev" -le "$latest" ]; do
    if [ "$rev" -eq "$latest" ]; then
      file="$out/$ref.json"
    else
      file="$out/$ref-r$rev.json"
    fi
    "$cli" export "$ref" --revision "$rev" --json "$file" --db "$tmp/demo.db" >/dev/null
    n=$((n + 1))
    rev=$((rev + 1))
  done
done <"$tmp/references"

for seed in "$seeds"/*; do
  [ -f "$seed" ] || continue
  cp "$seed" "$out/"
  n=$((n + 1))
done

echo "$n seeds in $out"
