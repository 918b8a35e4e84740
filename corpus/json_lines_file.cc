// JsonLinesFile: a .jsonl file's pieces, checked and repaired once, where each record is, and
// which pieces still hold records to take.
#include "corpus/json_lines_file.h"

#include <limits>

#include "corpus/format_readers.h"

namespace newsfacts {

static_assert(kMaxArticleFileBytes <= std::numeric_limits<uint32_t>::max(),
              "JsonLinesFile keeps offsets in 32 bits");

StatusOr<JsonLinesFile> JsonLinesFile::Open(std::string_view name, std::string bytes) {
  std::vector<std::string> pieces;
  pieces.push_back(std::move(bytes));
  return Open(name, std::move(pieces));
}

StatusOr<JsonLinesFile> JsonLinesFile::Open(std::string_view name,
                                            std::vector<std::string> pieces) {
  StatusOr<size_t> repaired = corpus_internal::PrepareText(name, pieces);
  if (!repaired.ok()) return repaired.status();
  JsonLinesFile file;
  file.name_ = std::string(name);
  file.repaired_ = *repaired;
  if (file.repaired_ > 0) {
    file.warnings_.push_back(corpus_internal::RepairWarning(name, file.repaired_));
  }
  file.untaken_ = std::make_unique<std::atomic<uint32_t>[]>(pieces.size());
  uint32_t line = 0;
  for (size_t p = 0; p < pieces.size(); ++p) {
    const std::string_view text = pieces[p];
    uint32_t records = 0;
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find('\n', begin);
      if (end == std::string_view::npos) end = text.size();
      ++line;
      if (!corpus_internal::TrimWhitespace(text.substr(begin, end - begin)).empty()) {
        file.records_.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(begin), line});
        ++records;
      }
      begin = end + 1;
    }
    file.untaken_[p] = records;
    if (records == 0) std::string().swap(pieces[p]);
  }
  file.pieces_ = std::move(pieces);
  return file;
}

StatusOr<RawArticle> JsonLinesFile::TakeRecord(size_t index) {
  const Record& record = records_[index];
  std::string& piece = pieces_[record.piece];
  const std::string_view text = piece;
  size_t end = text.find('\n', record.begin);
  if (end == std::string_view::npos) end = text.size();
  StatusOr<RawArticle> article = corpus_internal::ReadJsonLinesRecord(
      name_, corpus_internal::TrimWhitespace(text.substr(record.begin, end - record.begin)),
      record.line, static_cast<int>(index));
  if (article.ok()) article->meta.repaired_sequences = repaired_;
  // The piece's last record lets go of it: every other read of it has ended by then.
  if (--untaken_[record.piece] == 0) std::string().swap(piece);
  return article;
}

FileReadResult JsonLinesFile::TakeAll() {
  FileReadResult result;
  result.warnings = warnings_;
  for (size_t i = 0; i < records_.size(); ++i) {
    StatusOr<RawArticle> article = TakeRecord(i);
    if (article.ok()) {
      result.articles.push_back(std::move(*article));
    } else {
      result.errors.push_back(article.status().message());
    }
  }
  return result;
}

size_t JsonLinesFile::HeldBytes() const {
  size_t bytes = 0;
  for (const std::string& piece : pieces_) bytes += piece.size();
  return bytes;
}

}  // namespace newsfacts
