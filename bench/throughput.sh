#!/bin/sh
# bench/throughput.sh CORPUS [BUILD]: throughput of newsfacts over a corpus folder or a .jsonl
# file of article records, for extraction alone (stage_bench: per stage, one thread) and for
# ingest into a fresh database with --jobs 1 and 2, then a re-ingest of the unchanged corpus; a
# .jsonl file also goes through the streaming filter on one thread (`extract --input jsonl
# FILE --jobs 1`, facts to /dev/null), five times. Prints MB of article text and articles per
# second by wall clock and per CPU second (user + sys, which other work on a shared machine
# barely changes), with peak RSS. BUILD is the build folder (default: build).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: bench/throughput.sh CORPUS [BUILD]" >&2
  exit 2
fi
corpus=$1
build=${2:-build}
newsfacts=$build/newsfacts
stage_bench=$build/bench/stage_bench
for program in "$newsfacts" "$stage_bench" /usr/bin/time; do
  if [ ! -x "$program" ]; then
    echo "bench/throughput.sh: $program not found; build it first (apt-get install -y time for /usr/bin/time)" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$stage_bench" "$corpus" --passes 3 >"$work/stages"
# The article text the pipeline reads, as stage_bench counts it: "N articles, X MB (B bytes)".
articles=$(sed -n '1s/^\([0-9]*\) articles.*/\1/p' "$work/stages")
bytes=$(sed -n '1s/.*(\([0-9]*\) bytes).*/\1/p' "$work/stages")
echo "corpus: $corpus, $articles articles, $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1e6}') MB of text; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== extraction, one thread, each stage alone (stage_bench --passes 3, after a first pass)"
cat "$work/stages"
echo

# time_run ARGS...: runs newsfacts ARGS under /usr/bin/time, its output to /dev/null, leaving
# "wall user sys rss_kb" in $work/time. Exit status 1 (some articles failed) is reported and
# the run still counts; any other failure stops the benchmark with newsfacts' error.
time_run() {
  status=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/timed" "$newsfacts" "$@" >/dev/null 2>"$work/err" ||
    status=$?
  # After a failure, /usr/bin/time writes a line saying so before the times.
  tail -n 1 "$work/timed" >"$work/time"
  if [ "$status" -eq 1 ]; then
    echo "bench/throughput.sh: newsfacts $*: some articles failed:" >&2
    cat "$work/err" >&2
  elif [ "$status" -ne 0 ]; then
    echo "bench/throughput.sh: newsfacts $* failed (exit status $status):" >&2
    cat "$work/err" >&2
    exit 1
  fi
}

# row LABEL: prints one table row from $work/time. /usr/bin/time counts hundredths of a second:
# a time below one is taken as one, and the rates from it are marked as lower bounds (">").
row() {
  read -r wall user sys rss_kb <"$work/time"
  awk -v label="$1" -v bytes="$bytes" -v n="$articles" -v wall="$wall" -v user="$user" \
    -v sys="$sys" -v rss="$rss_kb" '
    function rate(amount, seconds, format) {
      return seconds < 0.01 ? sprintf(">" format, amount / 0.01) : sprintf(format, amount / seconds)
    }
    BEGIN {
      cpu = user + sys
      printf "%-26s %8.2f %8.2f %9s %11s %11s %13s %8.0f\n", label, wall, cpu,
        rate(bytes / 1e6, wall, "%.1f"), rate(bytes / 1e6, cpu, "%.1f"), rate(n, wall, "%.0f"),
        rate(n, cpu, "%.0f"), rss / 1024 }'
}

header() {
  printf '%-26s %8s %8s %9s %11s %11s %13s %8s\n' run "wall s" "CPU s" "MB/s" "MB/CPU-s" \
    "articles/s" "articles/CPU-s" "RSS MB"
}

case $corpus in
  *.jsonl)
    if [ -f "$corpus" ]; then
      echo "== the streaming filter, one thread ($newsfacts extract --input jsonl FILE --jobs 1)"
      header
      for run in 1 2 3 4 5; do
        time_run extract --input jsonl "$corpus" --jobs 1
        cp "$work/time" "$work/extract.$run"
      done
      # The five runs by wall clock: the fastest and the median.
      sorted=$(for run in 1 2 3 4 5; do echo "$(cut -d' ' -f1 "$work/extract.$run") $run"; done |
        sort -n | cut -d' ' -f2)
      cp "$work/extract.$(echo "$sorted" | sed -n 1p)" "$work/time"
      row "extract, fastest of 5"
      cp "$work/extract.$(echo "$sorted" | sed -n 3p)" "$work/time"
      row "extract, median of 5"
      echo
    fi
    ;;
esac

echo "== ingest ($newsfacts ingest CORPUS --db fresh.db --jobs N)"
header
time_run ingest "$corpus" --db "$work/one.db" --jobs 1
row "ingest --jobs 1"
time_run ingest "$corpus" --db "$work/two.db" --jobs 2
row "ingest --jobs 2"
time_run ingest "$corpus" --db "$work/two.db" --jobs 2
row "re-ingest unchanged"
