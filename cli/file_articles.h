// FileArticles: the articles of one article file as ingest hands them on, by index, from one
// worker or shared among all of them. A .jsonl file is read in pieces and its records as they
// are taken, each piece let go once its records are taken: a large file is held as the pieces
// whose records are still to be taken, not whole and then as every article read from it
// (issue 16). Files of other formats are read whole.
#pragma once

#include <atomic>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/ingest_writer.h"
#include "corpus/json_lines_file.h"

namespace newsfacts {

// Articles are taken and finished from any thread, each index once; the rest is read-only.
class FileArticles {
 public:
  // The piece size to read the file at `path` in (ReadFilePieces): 1 MB for a .jsonl file;
  // any other file comes in one piece.
  static size_t PieceBytesFor(const std::filesystem::path& path) {
    return IsJsonLinesFile(path) ? size_t{1} << 20 : std::numeric_limits<size_t>::max();
  }

  // Reads `pieces`, the bytes of the file `file` names, read in pieces of PieceBytesFor its
  // path: a .jsonl file's records stay to be read as they are taken (JsonLinesFile), any other
  // file is read now (ReadArticleBytes). Errors: theirs, for a file that is unusable as a whole.
  static StatusOr<std::unique_ptr<FileArticles>> Read(std::shared_ptr<const FileRead> file,
                                                      std::vector<std::string> pieces);

  // The number of articles, counting records that fail when taken.
  size_t size() const { return size_; }
  // What reading the file found to say before any article was taken: warnings, then the
  // errors of records skipped (of a .json array, read whole).
  const std::vector<std::string>& messages() const { return messages_; }
  // True when `messages` holds errors.
  bool has_errors() const { return has_errors_; }

  // Takes article `index`: the article, or why its record is skipped ("path:LINE: ...").
  // Taking the last record of a piece lets go of the piece.
  StatusOr<RawArticle> Take(size_t index);
  // True for the first failure of the file's records (an error in `messages` counts), false
  // after: a file counts once among failed articles, however many of its records are
  // skipped, whether its records are read whole or as they are taken.
  bool FirstFailure() { return !failed_.exchange(true); }
  // Marks one article handed on; true for the last one.
  bool Finish() { return ++finished_ == size_; }
  // The bytes of a .jsonl file still held: its pieces with records not yet taken. Not to be
  // asked while other threads take articles.
  size_t HeldBytes() const { return records_ ? records_->HeldBytes() : 0; }

  const std::shared_ptr<const FileRead> file;
  // The next index to take, for workers sharing the file.
  std::atomic<size_t> next{0};

 private:
  FileArticles(std::shared_ptr<const FileRead> read_file, size_t size, bool has_errors)
      : file(std::move(read_file)), size_(size), has_errors_(has_errors), failed_(has_errors) {}

  const size_t size_;
  const bool has_errors_;
  std::vector<std::string> messages_;
  std::vector<RawArticle> articles_;      // a file read whole
  std::optional<JsonLinesFile> records_;  // a .jsonl file
  std::atomic<size_t> finished_{0};
  std::atomic<bool> failed_;
};

}  // namespace newsfacts
