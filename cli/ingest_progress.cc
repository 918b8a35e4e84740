// ProgressLine: rates from what was stored so far, time left from the share of files done.
#include "cli/ingest_progress.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace newsfacts {
namespace {

// "0:12", "12:05", "1:02:03"; "--:--" when unknown.
std::string Duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "--:--";
  const int64_t total = static_cast<int64_t>(std::llround(seconds));
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof(text), "%" PRId64 ":%02d:%02d", total / 3600,
                  static_cast<int>(total / 60 % 60), static_cast<int>(total % 60));
  } else {
    std::snprintf(text, sizeof(text), "%d:%02d", static_cast<int>(total / 60),
                  static_cast<int>(total % 60));
  }
  return text;
}

}  // namespace

std::string ProgressLine(const IngestSummary& so_far, int64_t files_total, double elapsed_seconds) {
  const double seconds = std::max(elapsed_seconds, 1e-9);
  const int64_t articles =
      so_far.articles_added + so_far.articles_replaced + so_far.articles_reextracted;
  // Work is counted in files, then in stored articles extracted again.
  const int64_t done = so_far.files + so_far.articles_reextracted;
  const int64_t total = files_total + so_far.articles_to_reextract;
  const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
  const double left =
      done > 0 ? elapsed_seconds * static_cast<double>(total - done) / static_cast<double>(done)
               : -1;
  std::string again;
  if (so_far.articles_to_reextract > 0) {
    again = " · " + std::to_string(so_far.articles_reextracted) + "/" +
            std::to_string(so_far.articles_to_reextract) + " re-extracted";
  }
  char text[200];
  std::snprintf(text, sizeof(text),
                "%3d%% · %" PRId64 "/%" PRId64 " files%s · %s articles/s · %.1f MB/s · %s left",
                percent, so_far.files, files_total, again.c_str(),
                ArticleRate(static_cast<double>(articles), seconds).c_str(),
                static_cast<double>(so_far.bytes) / 1e6 / seconds, Duration(left).c_str());
  return text;
}

std::string ArticleRate(double articles, double seconds) {
  const double rate = articles / std::max(seconds, 1e-9);
  char text[32];
  std::snprintf(text, sizeof(text), rate >= 10 ? "%.0f" : "%.2g", rate);
  return text;
}

}  // namespace newsfacts
