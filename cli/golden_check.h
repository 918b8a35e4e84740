// The golden regression check behind `newsfacts check`: run the pipeline over every article
// under a folder, compare with the `*.facts.json` file beside each, score, and update.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/fact_diff.h"
#include "cli/golden_facts.h"
#include "pipeline/pipeline.h"
#include "pipeline/status.h"

namespace newsfacts {

// Returns the golden file that belongs to `article`: the article path plus ".facts.json".
std::filesystem::path GoldenPathFor(const std::filesystem::path& article);

// What a check run compares and whether it rewrites golden files.
struct CheckOptions {
  std::filesystem::path dir = "corpus";  // searched recursively for articles; default "corpus"
  bool update = false;                   // rewrite the golden files that differ; default no
  std::optional<FactKind> only;          // compare and update one kind; default all three
};

// What the check found for one article file. Plain value type.
struct ArticleCheck {
  std::string path;                // the article file as found under CheckOptions::dir
  std::vector<std::string> lines;  // "path: + ...", "path#2: ~ ...", or a message naming path
  size_t articles = 0;             // articles in the file (records of a .json/.jsonl file)
  size_t articles_differing = 0;   // of those, articles whose facts differ from the golden file
  bool failed = false;             // the file could not be read or processed
  bool golden_written = false;     // --update wrote its golden file
};

// The outcome of a check run. Plain value type.
struct CheckReport {
  std::vector<ArticleCheck> files;                       // every article file, sorted by path
  std::array<MatchCounts, kFactKinds.size()> strict{};   // indexed by FactKind
  std::array<MatchCounts, kFactKinds.size()> lenient{};  // indexed by FactKind
  size_t articles = 0;
  size_t articles_differing = 0;
  size_t golden_files_written = 0;

  // Whether any file failed to be read or processed.
  bool AnyFailed() const;
  // Whether every article matched its golden file and none failed.
  bool AllMatch() const { return articles_differing == 0 && !AnyFailed(); }
};

// Runs `pipeline` over every article file under options.dir (see FindArticleFiles; build
// files named CMakeLists.txt are skipped because `corpus/` holds sources as well as samples),
// compares each with its golden file, and with options.update rewrites the golden files that
// differ (with `only`, just that kind's facts; the rest of the file is kept). An unreadable
// article, a missing or malformed golden file count as differences, not errors. Scores cover
// the files that have a readable golden file. Returns NotFound when options.dir does not
// exist, IoError when the folder cannot be listed or a golden file cannot be written.
StatusOr<CheckReport> RunGoldenCheck(const Pipeline& pipeline, const CheckOptions& options);

// Returns the report as text for a terminal: the diff lines of every file that differs, a
// table of strict and lenient precision/recall/F1 per extractor (only the `only` kind when
// set), and a last line `check: N articles, M differ` (plus what --update wrote).
std::string FormatCheckReport(const CheckReport& report, const CheckOptions& options);

}  // namespace newsfacts
