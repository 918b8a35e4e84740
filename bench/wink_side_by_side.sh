#!/bin/sh
# bench/wink_side_by_side.sh RECORDS.jsonl [BUILD] [ROUNDS]: newsfacts beside wink-nlp, the
# JavaScript NLP library issue 16 states its speed targets against, on the same text and the same
# machine, so that the targets can be read apart from the machine's speed. Each of ROUNDS
# (default 3) alternating rounds times wink-nlp (bench/wink_side_by_side.js: one thread, tokens
# and entities), `newsfacts extract --input jsonl --jobs 1` (facts to /dev/null) and `newsfacts
# ingest --jobs 2` into a fresh database, and prints their MB/s; the medians follow, with
# newsfacts' speed as a multiple of wink-nlp's beside the issue's targets in the same terms.
# newsfacts is timed by the wall clock of the whole command, start-up included; wink-nlp over
# its documents only, without loading its model or parsing the file. The first run installs
# wink-nlp with npm into BUILD/wink-nlp; without Node.js and npm, or when the install fails, the
# script says it skipped and exits 77. BUILD is the build folder (default: build).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: bench/wink_side_by_side.sh RECORDS.jsonl [BUILD] [ROUNDS]" >&2
  exit 2
fi
records=$1
build=${2:-build}
rounds=${3:-3}
newsfacts=$build/newsfacts
runner=$(dirname "$0")/wink_side_by_side.js
if [ ! -x "$newsfacts" ]; then
  echo "bench/wink_side_by_side.sh: $newsfacts not found; build it first" >&2
  exit 2
fi
case $rounds in
  '' | *[!0-9]* | 0)
    echo "bench/wink_side_by_side.sh: ROUNDS must be a whole number of 1 or more, not '$rounds'" >&2
    exit 2
    ;;
esac
if [ ! -f "$records" ]; then
  echo "bench/wink_side_by_side.sh: $records not found; give a .jsonl file of article records" >&2
  exit 2
fi

# Issue 16's targets, and wink-nlp's speed on the issue's machine: newsfacts extract at
# 4.4 MB/s was 1.3 times wink-nlp there.
wink_then=3.4
extract_target=25
ingest_target=15

skip() {
  echo "wink_side_by_side skipped: $1"
  exit 77
}
command -v node >/dev/null 2>&1 || skip "no node on the PATH (apt-get install -y nodejs npm)"
command -v npm >/dev/null 2>&1 || skip "no npm on the PATH (apt-get install -y npm)"
modules=$build/wink-nlp/node_modules
if [ ! -d "$modules/wink-eng-lite-web-model" ]; then
  npm install --prefix "$build/wink-nlp" --no-audit --no-fund --loglevel=error --fetch-retries=1 \
    --fetch-timeout=30000 wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1 >/dev/null 2>&1 ||
    skip "npm could not install wink-nlp into $build/wink-nlp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# timed LABEL ARGS...: runs newsfacts ARGS, its output to /dev/null, and appends its wall
# seconds to $work/LABEL. Exit status 1 (some articles failed) still counts; any other failure
# stops the benchmark with newsfacts' error.
timed() {
  label=$1
  shift
  start=$(date +%s.%N)
  status=0
  "$newsfacts" "$@" >/dev/null 2>"$work/err" || status=$?
  end=$(date +%s.%N)
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "bench/wink_side_by_side.sh: newsfacts $* failed (exit status $status):" >&2
    cat "$work/err" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", e - s}' >>"$work/$label"
}

# mbps SECONDS: the text's MB per second, in SECONDS (bytes from the wink-nlp run).
mbps() {
  awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.2f", b / 1e6 / s}'
}

echo "records: $records; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %12s %12s %12s\n' round wink-nlp extract ingest
round=1
while [ "$round" -le "$rounds" ]; do
  if ! NODE_PATH=$modules node "$runner" "$records" >"$work/wink.out" 2>"$work/err"; then
    echo "bench/wink_side_by_side.sh: wink-nlp failed on $records:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  read -r bytes wink_seconds tokens entities <"$work/wink.out"
  if [ "$bytes" -eq 0 ]; then
    echo "bench/wink_side_by_side.sh: $records holds no record with text" >&2
    exit 1
  fi
  echo "$wink_seconds" >>"$work/wink"
  timed extract extract --input jsonl "$records" --jobs 1
  rm -f "$work/fresh.db" "$work/fresh.db-wal" "$work/fresh.db-shm"
  timed ingest ingest "$records" --db "$work/fresh.db" --jobs 2
  printf '%-7s %12s %12s %12s\n' "$round" "$(mbps "$wink_seconds") MB/s" \
    "$(mbps "$(tail -n 1 "$work/extract")") MB/s" "$(mbps "$(tail -n 1 "$work/ingest")") MB/s"
  round=$((round + 1))
done

# median FILE: the median of the seconds in FILE, one a line.
median() {
  sort -g "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
wink=$(mbps "$(median "$work/wink")")
extract=$(mbps "$(median "$work/extract")")
ingest=$(mbps "$(median "$work/ingest")")
echo
echo "text: $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1e6}') MB; wink-nlp found $tokens tokens and $entities entities"
echo "median wink-nlp: $wink MB/s"
awk -v n="$extract" -v w="$wink" -v t="$extract_target" -v then="$wink_then" 'BEGIN {
  printf "median extract: %s MB/s, %.2fx wink-nlp (target %s MB/s, %.2fx)\n", n, n / w, t, t / then }'
awk -v n="$ingest" -v w="$wink" -v t="$ingest_target" -v then="$wink_then" 'BEGIN {
  printf "median ingest: %s MB/s, %.2fx wink-nlp (target %s MB/s, %.2fx)\n", n, n / w, t, t / then }'
