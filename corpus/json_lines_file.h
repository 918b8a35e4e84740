// JsonLinesFile: the records of a .jsonl file, each read when it is taken. Ingest shares a
// large file's records among its workers holding only the pieces of the file whose records are
// still to be taken, instead of the whole file and then every article read from it (issue 16: a
// 100 MB corpus in two .jsonl files).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/article_reader.h"
#include "pipeline/status.h"

namespace newsfacts {

// Records are taken from any thread, each at most once; the rest is read-only.
class JsonLinesFile {
 public:
  // Checks and repairs a file's bytes as ReadArticleBytes does, with the same errors, and finds
  // the records: one per non-blank line. The file comes whole or in pieces that end after a
  // line feed (ReadFilePieces).
  static StatusOr<JsonLinesFile> Open(std::string_view name, std::string bytes);
  static StatusOr<JsonLinesFile> Open(std::string_view name, std::vector<std::string> pieces);

  // The number of records: non-blank lines.
  size_t RecordCount() const { return records_.size(); }
  // What opening the file found to say of all of it ("name: invalid UTF-8 repaired (...)").
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Reads record `index` (below RecordCount(), taken once) as ReadArticleBytes reads it: its
  // article, or InvalidArgument "name:LINE: why it is skipped". Taking the last record of a
  // piece lets go of the piece.
  StatusOr<RawArticle> TakeRecord(size_t index);
  // Takes every record, as ReadArticleBytes returns them.
  FileReadResult TakeAll();
  // The bytes of the file still held. Not to be asked while other threads take records.
  size_t HeldBytes() const;

 private:
  // Where a record's line is: its piece, where it starts there, and its number in the file
  // (from 1). Twelve bytes a record, as files are at most kMaxArticleFileBytes: a file of
  // millions of short lines costs little more than its bytes.
  struct Record {
    uint32_t piece;
    uint32_t begin;
    uint32_t line;
  };

  std::string name_;
  std::vector<std::string> pieces_;
  std::unique_ptr<std::atomic<uint32_t>[]> untaken_;  // per piece: its records not yet taken
  std::vector<Record> records_;
  size_t repaired_ = 0;  // invalid UTF-8 sequences replaced in the file
  std::vector<std::string> warnings_;
};

}  // namespace newsfacts
