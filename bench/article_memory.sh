#!/bin/sh
# bench/article_memory.sh TEXT [BUILD]: peak memory of newsfacts over one article in every
# format it reads. TEXT is a plain text file (the 60 MB article of issue 16: bbc-tech's texts
# concatenated 50 times); its first line is the headline. The script writes the article as
# .txt, .md, .html (a <p> per paragraph), .json and .jsonl (one record), then ingests each
# into a fresh database, extracts it again from the database (ingest --force: the stored
# article deleted and written anew) and extracts it to /dev/null, printing wall seconds and
# peak RSS of each.
# BUILD is the build folder (default: build).
set -eu

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "usage: bench/article_memory.sh TEXT [BUILD]  (TEXT: a plain text file)" >&2
  exit 2
fi
text=$1
newsfacts=${2:-build}/newsfacts
for program in "$newsfacts" /usr/bin/time; do
  if [ ! -x "$program" ]; then
    echo "bench/article_memory.sh: $program not found; build it first" \
      "(apt-get install -y time for /usr/bin/time)" >&2
    exit 2
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
title=$(head -n 1 "$text")
cp "$text" "$work/article.txt"
{ printf '# %s\n\n' "$title"; tail -n +2 "$text"; } >"$work/article.md"
# HTML: the text escaped, a paragraph per run of lines between blank lines. The headline goes in
# through the environment, where awk reads no escape sequences.
TITLE=$title awk '
  function escape(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s
  }
  BEGIN {
    printf "<html><head><title>%s</title></head><body><article>\n", escape(ENVIRON["TITLE"])
  }
  NR == 1 { next }
  /^[ \t\r]*$/ { if (open) printf "</p>\n"; open = 0; next }
  { if (!open) printf "<p>"; else printf " "; printf "%s", escape($0); open = 1 }
  END { if (open) printf "</p>\n"; printf "</article></body></html>\n" }
' "$text" >"$work/article.html"
# JSON: one record, the text's lines joined with \n escapes (control bytes other than tab and CR
# are dropped: they cannot stand in a JSON string unescaped).
TITLE=$title awk '
  function escape(s,   out, at) {
    # Backslashes doubled by hand: awks disagree on backslashes in a gsub replacement.
    while ((at = index(s, "\\")) > 0) {
      out = out substr(s, 1, at) "\\"
      s = substr(s, at + 1)
    }
    s = out s
    gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
    gsub(/[\001-\037]/, "", s); return s
  }
  BEGIN { printf "{\"title\": \"%s\", \"text\": \"", escape(ENVIRON["TITLE"]) }
  NR == 1 { next }
  { printf "%s%s", (NR > 2 ? "\\n" : ""), escape($0) }
  END { printf "\"}\n" }' "$text" >"$work/article.jsonl"
cp "$work/article.jsonl" "$work/article.json"

echo "article: $text, $(wc -c <"$text") bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %14s %14s %14s %14s %14s %14s\n' format "ingest wall s" "ingest RSS MB" \
  "again wall s" "again RSS MB" "extract wall s" "extract RSS MB"
for format in txt md html json jsonl; do
  file=$work/article.$format
  /usr/bin/time -f '%e %M' -o "$work/ingest" "$newsfacts" ingest "$file" --db "$work/$format.db" \
    >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  /usr/bin/time -f '%e %M' -o "$work/again" "$newsfacts" ingest --force "$file" \
    --db "$work/$format.db" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  /usr/bin/time -f '%e %M' -o "$work/extract" "$newsfacts" extract "$file" >/dev/null \
    2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r ingest_s ingest_kb <"$work/ingest"
  read -r again_s again_kb <"$work/again"
  read -r extract_s extract_kb <"$work/extract"
  awk -v f="$format" -v is="$ingest_s" -v ik="$ingest_kb" -v as="$again_s" -v ak="$again_kb" \
    -v es="$extract_s" -v ek="$extract_kb" 'BEGIN {
      printf "%-8s %14.2f %14.0f %14.2f %14.0f %14.2f %14.0f\n", f, is, ik / 1024, as, ak / 1024,
        es, ek / 1024
    }'
done
