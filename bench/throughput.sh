#!/bin/sh
# bench/throughput.sh DIR [BUILD]: throughput of newsfacts over any corpus folder, for
# extraction alone (stage_bench: per stage, one thread) and for ingest into a fresh database
# with --jobs 1 and 2, then a re-ingest of the unchanged corpus. Prints MB/s and articles/s
# by wall clock and per CPU second (user + sys, which other work on a shared machine barely
# changes), with peak RSS. BUILD is the build folder (default: build).
set -eu

if [ $# -lt 1 ]; then
  echo "usage: bench/throughput.sh DIR [BUILD]" >&2
  exit 2
fi
dir=$1
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
bytes=$(find "$dir" -type f ! -name '*.facts.json' ! -name '.*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
echo "corpus: $dir, $(awk -v b="$bytes" 'BEGIN {printf "%.2f", b / 1e6}') MB of files; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== extraction, one thread, each stage alone (stage_bench --passes 3, after a first pass)"
"$stage_bench" "$dir" --passes 3
echo

# run LABEL ARGS...: runs newsfacts ARGS under /usr/bin/time and prints one table row.
run() {
  label=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$newsfacts" "$@" >"$work/out" 2>"$work/err" || true
  articles=$(sed -n 's/.*files, \([0-9]*\) articles.*/\1/p' "$work/out")
  read -r wall user sys rss_kb <"$work/time"
  awk -v label="$label" -v bytes="$bytes" -v n="${articles:-0}" -v wall="$wall" -v user="$user" \
    -v sys="$sys" -v rss="$rss_kb" 'BEGIN {
      cpu = user + sys; if (wall <= 0) wall = 0.001; if (cpu <= 0) cpu = 0.001
      printf "%-22s %8.2f %8.2f %9.1f %11.1f %11.0f %13.0f %8.0f\n", label, wall, cpu,
        bytes / 1e6 / wall, bytes / 1e6 / cpu, n / wall, n / cpu, rss / 1024 }'
}

echo "== ingest ($newsfacts ingest DIR --db fresh.db --jobs N)"
printf '%-22s %8s %8s %9s %11s %11s %13s %8s\n' run "wall s" "CPU s" "MB/s" "MB/CPU-s" \
  "articles/s" "articles/CPU-s" "RSS MB"
run "ingest --jobs 1" ingest "$dir" --db "$work/one.db" --jobs 1
run "ingest --jobs 2" ingest "$dir" --db "$work/two.db" --jobs 2
run "re-ingest unchanged" ingest "$dir" --db "$work/two.db" --jobs 2
