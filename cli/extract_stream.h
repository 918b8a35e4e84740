// The streaming filter behind `newsfacts extract --input jsonl`: article records in, one facts
// line per record out, in input order, for engines that pipe data through a process.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "pipeline/pipeline_build.h"

namespace newsfacts {

struct ExtractStreamOptions {
  std::string name = "-";  // the input's name: meta.path of records without a "path" field
  int jobs = 1;            // extraction workers
  // Records in flight (read, not yet written); 0 = two batches (pipeline.h) per worker, and
  // room for those a worker takes through the first stages while the rest are built.
  size_t window = 0;
  std::string tool_version;       // written into each facts line
  std::string rules_fingerprint;  // written into each facts line
};

struct ExtractStreamSummary {
  int64_t records = 0;         // non-blank lines read
  int64_t failed = 0;          // records answered with an error line
  bool output_closed = false;  // the reader of `out` went away; the rest was not read
};

// Reads `in` line by line (blank lines are skipped; a line longer than kMaxArticleFileBytes
// is an error) and writes to `out`, flushed after each record, one line per record in input
// order: DocumentToFactsLine of the extracted article, or {"error": "...", "line": N} (N the
// 1-based line number) for a record that cannot be read or extracted, also reported through
// `on_message` as "name:N: ...". Memory is bounded by options.window, whatever the stream's
// length. Stops early when `out` fails (a closed pipe).
// Records go through the first stages of `pipeline` while the rest are being built; no line
// is written before the build ends. When the build fails, no line is written at all and the
// reading stops: the caller reports the build's error (PipelineBuild::Whole).
ExtractStreamSummary RunExtractStream(std::FILE* in, std::FILE* out, const PipelineBuild& pipeline,
                                      const ExtractStreamOptions& options,
                                      const std::function<void(const std::string&)>& on_message);

}  // namespace newsfacts
