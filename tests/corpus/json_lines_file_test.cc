// JsonLinesFile: records read one at a time are the articles and errors ReadArticleBytes gives
// for the same bytes, whichever order they are read in and however the file is cut in pieces;
// ReadFilePieces cuts a file after line feeds.
#include "corpus/json_lines_file.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

// Records and blank lines of every kind, CRLF and lone CR line ends, and invalid UTF-8.
constexpr std::string_view kFile =
    "\xEF\xBB\xBF{\"title\": \"A\", \"text\": \"Alpha \xC3 rose.\", \"source\": \"S1\"}\r\n"
    "\n"
    "{\"title\": \"B\", \"text\": \"Beta\r"
    "  {\"headline\": \"C\", \"body\": \"Gamma.\", \"url\": \"u3\"}  \n"
    "   \n"
    "{\"title\": \"D\"}\n"
    "[1, 2]\n"
    "{\"content\": \"Epsilon.\", \"date\": \"2020-01-01\"}";

TEST(JsonLinesFileTest, RecordsReadOneByOneAreWhatTheWholeFileReads) {
  StatusOr<JsonLinesFile> file = JsonLinesFile::Open("wire.jsonl", std::string(kFile));
  ASSERT_TRUE(file.ok()) << file.status().message();
  StatusOr<FileReadResult> whole = ReadArticleBytes("wire.jsonl", std::string(kFile));
  ASSERT_TRUE(whole.ok()) << whole.status().message();
  ASSERT_EQ(file->RecordCount(), 6u);
  EXPECT_EQ(file->warnings(), whole->warnings);
  ASSERT_EQ(file->warnings().size(), 1u);
  EXPECT_EQ(file->warnings()[0],
            "wire.jsonl: invalid UTF-8 repaired (1 sequence replaced with U+FFFD)");
  // Backwards, as workers sharing a file may take them.
  std::vector<RawArticle> articles;
  std::vector<std::string> errors;
  for (size_t i = file->RecordCount(); i-- > 0;) {
    StatusOr<RawArticle> record = file->TakeRecord(i);
    if (record.ok()) {
      articles.insert(articles.begin(), std::move(*record));
    } else {
      errors.insert(errors.begin(), record.status().message());
    }
  }
  EXPECT_EQ(errors, whole->errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_TRUE(errors[0].starts_with("wire.jsonl:3: malformed JSON (")) << errors[0];
  EXPECT_EQ(errors[1], "wire.jsonl:6: record has no text, body or content field; skipped");
  EXPECT_EQ(errors[2], "wire.jsonl:7: record is not a JSON object; skipped");
  ASSERT_EQ(articles.size(), whole->articles.size());
  ASSERT_EQ(articles.size(), 3u);
  const int indexes[] = {0, 2, 5};
  for (size_t i = 0; i < articles.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(articles[i].meta.record_index, indexes[i]);
    EXPECT_EQ(articles[i].meta.record_index, whole->articles[i].meta.record_index);
    EXPECT_EQ(articles[i].meta.title, whole->articles[i].meta.title);
    EXPECT_EQ(articles[i].meta.url, whole->articles[i].meta.url);
    EXPECT_EQ(articles[i].meta.repaired_sequences, 1u);
    EXPECT_EQ(articles[i].text, whole->articles[i].text);
  }
  EXPECT_EQ(articles[0].text, "A\n\nAlpha \xEF\xBF\xBD rose.");
  EXPECT_EQ(articles[1].meta.url, "u3");
}

// The text of every article and error of `read`, in order.
std::vector<std::string> Outcome(const FileReadResult& read) {
  std::vector<std::string> outcome = read.warnings;
  for (const RawArticle& article : read.articles) {
    outcome.push_back(std::to_string(article.meta.record_index) + " " + article.meta.title + "|" +
                      article.text + "|" + std::to_string(article.meta.repaired_sequences));
  }
  outcome.insert(outcome.end(), read.errors.begin(), read.errors.end());
  return outcome;
}

TEST(JsonLinesFileTest, PiecesCutAfterAnyLineFeedsReadAsTheWholeFile) {
  StatusOr<FileReadResult> whole = ReadArticleBytes("wire.jsonl", std::string(kFile));
  ASSERT_TRUE(whole.ok());
  std::vector<size_t> line_ends;
  for (size_t i = 0; i < kFile.size(); ++i) {
    if (kFile[i] == '\n') line_ends.push_back(i + 1);
  }
  // Every way of cutting the file after some of its line feeds.
  for (unsigned cuts = 0; cuts < (1u << line_ends.size()); ++cuts) {
    SCOPED_TRACE(cuts);
    std::vector<std::string> pieces;
    size_t begin = 0;
    for (size_t c = 0; c < line_ends.size(); ++c) {
      if ((cuts & (1u << c)) == 0) continue;
      pieces.emplace_back(kFile.substr(begin, line_ends[c] - begin));
      begin = line_ends[c];
    }
    pieces.emplace_back(kFile.substr(begin));
    StatusOr<JsonLinesFile> file = JsonLinesFile::Open("wire.jsonl", std::move(pieces));
    ASSERT_TRUE(file.ok()) << file.status().message();
    EXPECT_EQ(Outcome(file->TakeAll()), Outcome(*whole));
    EXPECT_EQ(file->HeldBytes(), 0u);
  }
}

TEST(JsonLinesFileTest, ReadFilePiecesCutsAfterLineFeedsOnly) {
  testing::TempDir dir;
  const std::string bytes = "one\ntwo two two two\nthree\n\nfour";
  const auto path = dir.Write("feed.jsonl", bytes);
  FileStamp stamp;
  StatusOr<std::vector<std::string>> pieces = ReadFilePieces(path, stamp, /*piece_bytes=*/6);
  ASSERT_TRUE(pieces.ok()) << pieces.status().message();
  // A piece ends at its last line feed once it holds 6 bytes; a longer line stays whole.
  ASSERT_EQ(pieces->size(), 3u);
  EXPECT_EQ((*pieces)[0], "one\n");
  EXPECT_TRUE((*pieces)[1].starts_with("two two two two\n")) << (*pieces)[1];
  EXPECT_TRUE((*pieces)[1].ends_with("\n")) << (*pieces)[1];
  EXPECT_EQ((*pieces)[0] + (*pieces)[1] + (*pieces)[2], bytes);
  EXPECT_EQ(stamp.size, static_cast<int64_t>(bytes.size()));
  StatusOr<std::vector<std::string>> whole =
      ReadFilePieces(path, stamp, std::numeric_limits<size_t>::max());
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(*whole, std::vector<std::string>{bytes});
}

TEST(JsonLinesFileTest, UnusableFilesFailAsReadArticleBytesFails) {
  for (const std::string& bytes : {std::string(" \n\n  \n"), std::string("%PDF-1.4 {}\n"),
                                   std::string("{\"text\": \"a\0b\"}\n", 17)}) {
    SCOPED_TRACE(bytes);
    StatusOr<JsonLinesFile> file = JsonLinesFile::Open("feed.jsonl", bytes);
    StatusOr<FileReadResult> whole = ReadArticleBytes("feed.jsonl", bytes);
    ASSERT_FALSE(file.ok());
    ASSERT_FALSE(whole.ok());
    EXPECT_EQ(file.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(file.status().message(), whole.status().message());
  }
}

}  // namespace
}  // namespace newsfacts
