// The sample corpus (corpus/samples) as one JSON Lines stream of article records, for the
// streaming filter's and load's tests.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "corpus/article_reader.h"

namespace newsfacts::testing {

// Returns one record per sample article, {"title", "text", "date", "source", "url"}, as the
// readers read it, one per line.
inline std::string SampleCorpusJsonl() {
  StatusOr<FoundFiles> found =
      FindArticleFiles({std::filesystem::path(NEWSFACTS_SOURCE_DIR) / "corpus" / "samples"});
  EXPECT_TRUE(found.ok());
  std::string jsonl;
  if (!found.ok()) return jsonl;
  for (const std::filesystem::path& file : found->files) {
    StatusOr<FileReadResult> read = ReadArticleFile(file);
    EXPECT_TRUE(read.ok()) << file;
    if (!read.ok()) continue;
    for (const RawArticle& article : read->articles) {
      const nlohmann::json record = {{"title", article.meta.title},
                                     {"text", article.text},
                                     {"date", article.meta.published},
                                     {"source", article.meta.source},
                                     {"url", article.meta.url}};
      jsonl += record.dump() + "\n";
    }
  }
  return jsonl;
}

}  // namespace newsfacts::testing
