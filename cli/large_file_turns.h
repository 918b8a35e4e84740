// LargeFileTurns: the ingest workers read large article files one at a time (and parse them, but
// for a .jsonl file, whose records are parsed as they are taken: cli/file_articles.h), so two
// of them never hold two large files at once (issue 16: each reading one of a 100 MB corpus's
// two .jsonl files, two workers took a re-ingest to 440 MB).
#pragma once

#include <cstdint>
#include <mutex>

namespace newsfacts {

// Thread-safe.
class LargeFileTurns {
 public:
  // The size from which a file is large by default: as much text as the queue from the
  // workers to the writer holds (IngestOptions::queue_text_bytes).
  static constexpr int64_t kDefaultLargeFileBytes = int64_t{8} << 20;

  explicit LargeFileTurns(int64_t large_file_bytes = kDefaultLargeFileBytes)
      : large_file_bytes_(large_file_bytes) {}

  // The turn to read and parse a file of `bytes`, held until the lock returned is let go: a
  // large file's waits until no other large file's is held; a small file's is an empty lock,
  // at once. Who holds a turn must wait for nothing that another turn's holder may hold.
  std::unique_lock<std::mutex> TurnFor(int64_t bytes) {
    if (bytes < large_file_bytes_) return {};
    return std::unique_lock<std::mutex>(large_file_);
  }

 private:
  const int64_t large_file_bytes_;
  std::mutex large_file_;
};

}  // namespace newsfacts
