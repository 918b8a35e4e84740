// FileArticles: a file read whole, or a .jsonl file's records read as they are taken.
#include "cli/file_articles.h"

namespace newsfacts {

StatusOr<std::unique_ptr<FileArticles>> FileArticles::Read(std::shared_ptr<const FileRead> file,
                                                           std::vector<std::string> pieces) {
  if (IsJsonLinesFile(file->path)) {
    StatusOr<JsonLinesFile> records = JsonLinesFile::Open(file->path, std::move(pieces));
    if (!records.ok()) return records.status();
    std::unique_ptr<FileArticles> articles(
        new FileArticles(std::move(file), records->RecordCount(), /*has_errors=*/false));
    articles->messages_ = records->warnings();
    articles->records_.emplace(std::move(*records));
    return articles;
  }
  StatusOr<FileReadResult> read = ReadArticleBytes(file->path, std::move(pieces.front()));
  if (!read.ok()) return read.status();
  std::unique_ptr<FileArticles> articles(
      new FileArticles(std::move(file), read->articles.size(), !read->errors.empty()));
  articles->messages_ = std::move(read->warnings);
  for (std::string& error : read->errors) articles->messages_.push_back(std::move(error));
  articles->articles_ = std::move(read->articles);
  return articles;
}

StatusOr<RawArticle> FileArticles::Take(size_t index) {
  if (records_) return records_->TakeRecord(index);
  return std::move(articles_[index]);
}

}  // namespace newsfacts
