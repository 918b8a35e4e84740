// The progress line `ingest` shows on a terminal: percent of files done, articles/s, MB/s
// and time left.
#pragma once

#include <cstdint>
#include <string>

#include "cli/ingest_runner.h"

namespace newsfacts {

// "37% · 150/401 files · 412 articles/s · 1.3 MB/s · 0:12 left" for `so_far` after
// `elapsed_seconds`: articles and bytes are those stored (and re-extracted); the work done is
// files, then stored articles extracted again ("· 20/300 re-extracted" once they are known);
// the time left is the elapsed time scaled by the work still to do ("--:--" before any).
std::string ProgressLine(const IngestSummary& so_far, int64_t files_total, double elapsed_seconds);

// `articles` per second over `seconds`, as the progress line and the summary print it: whole
// from 10 up ("412"), else two significant digits ("3.5", "0.11"), so that a run of a few
// large articles does not read "0 articles/s".
std::string ArticleRate(double articles, double seconds);

}  // namespace newsfacts
