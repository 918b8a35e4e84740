// Behaviour shared by every format: size limit, binary and empty files, UTF-8 repair, BOM,
// line ends, unreadable paths and format dispatch by extension.
#include "corpus/article_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "corpus/format_readers.h"
#include "tests/temp_dir.h"

namespace newsfacts {
namespace {

using testing::TempDir;

struct RejectCase {
  std::string name;
  std::string bytes;
  StatusCode code;
  std::string message;
};

TEST(ArticleReaderTest, RejectsBinaryAndEmptyInput) {
  std::string random_with_nul = "\x13\x8e\x00\xfa\x41\x00\x07\x99\xc3";
  random_with_nul.resize(600, '\x00');
  const RejectCase cases[] = {
      {"report.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", StatusCode::kDataLoss,
       "report.txt: binary file (looks like PDF); skipped"},
      {"slides.html", std::string("PK\x03\x04\x14\x00\x06\x00", 8), StatusCode::kDataLoss,
       "slides.html: binary file (looks like ZIP (or DOCX/EPUB)); skipped"},
      {"chart.md", "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", StatusCode::kDataLoss,
       "chart.md: binary file (looks like PNG); skipped"},
      {"feed.jsonl", "\x1F\x8B\x08\x00\x00\x00", StatusCode::kDataLoss,
       "feed.jsonl: binary file (looks like gzip); skipped"},
      {"noise.txt", random_with_nul, StatusCode::kDataLoss,
       "noise.txt: binary file (contains NUL bytes); skipped"},
      {"ctrl.txt", "\x01\x02\x03\x04 ab \x05\x06\x07\x08\x0E\x0F", StatusCode::kDataLoss,
       "ctrl.txt: binary file (mostly control bytes); skipped"},
      {"utf16.txt", "\xFF\xFEH\x00i\x00", StatusCode::kDataLoss,
       "utf16.txt: binary file (looks like UTF-16 text; save it as UTF-8); skipped"},
      {"empty.txt", "", StatusCode::kDataLoss, "empty.txt: empty file; nothing to ingest"},
      {"blank.md", " \n\t\n  \r\n", StatusCode::kDataLoss,
       "blank.md: empty file; nothing to ingest"},
      {"bom-only.json", "\xEF\xBB\xBF\n", StatusCode::kDataLoss,
       "bom-only.json: empty file; nothing to ingest"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes(c.name, c.bytes);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), c.code);
    EXPECT_EQ(result.status().message(), c.message);
  }
}

TEST(ArticleReaderTest, BinaryFilesOnDiskAreSkipped) {
  TempDir dir;
  const auto pdf = dir.Write("paper.txt", "%PDF-1.4\nbinary stream follows");
  StatusOr<FileReadResult> result = ReadArticleFile(pdf);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(result.status().message(), pdf.string() + ": binary file (looks like PDF); skipped");
}

TEST(ArticleReaderTest, AccentedTextIsNotBinary) {
  // Many bytes >= 0x80 are UTF-8, not control bytes.
  StatusOr<FileReadResult> result =
      ReadArticleBytes("zh.txt", "\xE5\x8D\x8E\xE4\xB8\xBA\xE5\x8F\x91\xE5\xB8\x83\xE3\x80\x82");
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_TRUE(result->warnings.empty());
}

TEST(ArticleReaderTest, RepairsInvalidUtf8AndWarns) {
  struct Case {
    std::string bytes;
    std::string text;
    std::string warning;
  };
  const std::string fffd = "\xEF\xBF\xBD";
  const Case cases[] = {
      {"Caf\xE9 chain raises $5m", "Caf" + fffd + " chain raises $5m",
       "in.txt: invalid UTF-8 repaired (1 sequence replaced with U+FFFD)"},
      {"Bad \xC0\xAF and \xFF bytes", "Bad " + fffd + fffd + " and " + fffd + " bytes",
       "in.txt: invalid UTF-8 repaired (3 sequences replaced with U+FFFD)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes);
    StatusOr<FileReadResult> result = ReadArticleBytes("in.txt", c.bytes);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    EXPECT_EQ(result->articles[0].text, c.text);
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_EQ(result->warnings[0], c.warning);
  }
}

TEST(ArticleReaderTest, RepairsInvalidUtf8BeforeParsingJson) {
  StatusOr<FileReadResult> result = ReadArticleBytes(
      "feed.jsonl", "{\"title\": \"M\xFCnchen\", \"text\": \"Deal in M\xFCnchen.\"}\n");
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(result->articles.size(), 1u);
  EXPECT_TRUE(result->errors.empty());
  EXPECT_EQ(result->articles[0].meta.title, "M\xEF\xBF\xBDnchen");
  ASSERT_EQ(result->warnings.size(), 1u);
}

TEST(ArticleReaderTest, StripsBomAndNormalizesLineEnds) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string title;
    std::string text;
  };
  const Case cases[] = {
      {"crlf.txt", "\xEF\xBB\xBFVendor wins deal\r\n\r\nFirst line.\r\nSecond line.\r\n",
       "Vendor wins deal", "Vendor wins deal\n\nFirst line.\nSecond line."},
      {"cr.txt", "Old Mac file\r\rBody one.\rBody two.", "Old Mac file",
       "Old Mac file\n\nBody one.\nBody two."},
      {"bom.md", "\xEF\xBB\xBF---\r\ntitle: Chipmaker expands\r\n---\r\nFabs grow.\r\n",
       "Chipmaker expands", "Chipmaker expands\n\nFabs grow."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes(c.name, c.bytes);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    EXPECT_EQ(result->articles[0].meta.title, c.title);
    EXPECT_EQ(result->articles[0].text, c.text);
    EXPECT_TRUE(result->warnings.empty());
  }
}

TEST(ArticleReaderTest, RejectsFilesOverTheSizeLimit) {
  TempDir dir;
  const auto big = dir.path() / "huge.txt";
  { std::ofstream touch(big); }
  // Sparse: costs no disk space, but its size is over the limit.
  std::filesystem::resize_file(big, kMaxArticleFileBytes + (1u << 20));
  StatusOr<FileReadResult> result = ReadArticleFile(big);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(result.status().message(),
            big.string() + ": file is 65 MB, larger than the 64 MB limit; split it");
}

TEST(ArticleReaderTest, RejectsBytesOverTheSizeLimit) {
  const std::string bytes(kMaxArticleFileBytes + 1, 'a');
  StatusOr<FileReadResult> result = ReadArticleBytes("-", bytes);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "-: file is 65 MB, larger than the 64 MB limit; split it");
}

TEST(ArticleReaderTest, UnreadablePathsAreIoErrors) {
  TempDir dir;
  const auto missing = dir.path() / "missing.txt";
  StatusOr<FileReadResult> result = ReadArticleFile(missing);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIoError);
  EXPECT_TRUE(result.status().message().starts_with(missing.string() + ": cannot open"))
      << result.status().message();

  StatusOr<FileReadResult> folder = ReadArticleFile(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().code(), StatusCode::kIoError);
  EXPECT_TRUE(folder.status().message().starts_with(dir.path().string() + ": "));
}

// The hook runs once per file read, with the file's stamp, and not for a file refused before
// its bytes are read.
TEST(ArticleReaderTest, ReadFileBytesCallsItsHookBeforeReading) {
  TempDir dir;
  const auto story = dir.path() / "story.txt";
  { std::ofstream(story) << "Acme buys Beta."; }
  std::vector<int64_t> sizes;
  const auto hook = [&](const FileStamp& opened) { sizes.push_back(opened.size); };
  FileStamp stamp;
  StatusOr<std::string> bytes = ReadFileBytes(story, stamp, hook);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, "Acme buys Beta.");
  ASSERT_EQ(sizes.size(), 1u);
  EXPECT_EQ(sizes[0], 15);
  EXPECT_EQ(stamp.size, 15);

  const auto big = dir.path() / "huge.txt";
  { std::ofstream touch(big); }
  std::filesystem::resize_file(big, kMaxArticleFileBytes + 1);
  EXPECT_FALSE(ReadFileBytes(big, stamp, hook).ok());
  EXPECT_FALSE(ReadFileBytes(dir.path() / "missing.txt", stamp, hook).ok());
  EXPECT_EQ(sizes.size(), 1u);
}

TEST(ArticleReaderTest, PicksTheFormatByExtension) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string text;
  };
  const std::string markdown = "# Big *news*\n\nBody.";
  const Case cases[] = {
      {"a.md", markdown, "Big news\n\nBody."},
      {"a.MARKDOWN", markdown, "Big news\n\nBody."},
      {"a.txt", markdown, markdown},
      {"a.text", markdown, markdown},
      {"a.rst", markdown, markdown},
      {"-", markdown, markdown},
      {"a.htm", "<p>Para &amp; more</p>", "Para & more"},
      {"a.HTML", "<p>Para &amp; more</p>", "Para & more"},
      {"a.json", R"({"text": "Json body"})", "Json body"},
      {"a.jsonl", "{\"text\": \"Line body\"}\n", "Line body"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    StatusOr<FileReadResult> result = ReadArticleBytes(c.name, c.bytes);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ASSERT_EQ(result->articles.size(), 1u);
    EXPECT_EQ(result->articles[0].text, c.text);
    EXPECT_EQ(result->articles[0].meta.path, c.name);
  }
}

TEST(ArticleReaderTest, MetaPathIsThePathAsGiven) {
  TempDir dir;
  const auto file = dir.Write("sub/story.txt", "Headline here\n\nBody text.");
  StatusOr<FileReadResult> result = ReadArticleFile(file);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->articles[0].meta.path, file.string());
  EXPECT_EQ(result->articles[0].meta.record_index, -1);
}

TEST(ArticleReaderTest, JoinTitleAndBodyAddsTheHeadlineOnce) {
  struct Case {
    std::string title;
    std::string body;
    std::string text;
  };
  const Case cases[] = {
      {"Deal done", "The deal closed.", "Deal done\n\nThe deal closed."},
      {"Deal done", "Deal done\n\nThe deal closed.", "Deal done\n\nThe deal closed."},
      {"Deal done", "Deal done", "Deal done"},
      {"", "  Body only. ", "Body only."},
      {" Headline ", "", "Headline"},
      // Former bug: a title that is a prefix of the first word was taken as repeated.
      {"Apple", "Apple's shares rose.", "Apple\n\nApple's shares rose."},
      {"A", "Alpha.", "A\n\nAlpha."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.title + " | " + c.body);
    EXPECT_EQ(corpus_internal::JoinTitleAndBody(c.title, c.body), c.text);
    // In place, as the .json, .md and .html readers make an article's text: in a new buffer
    // of the text's size, or in the body's own when it has room.
    std::string body = c.body;
    body.shrink_to_fit();
    corpus_internal::JoinTitleAndBodyInPlace(c.title, body);
    EXPECT_EQ(body, c.text);
    std::string roomy = c.body;
    roomy.reserve(c.body.size() + c.title.size() + 64);
    corpus_internal::JoinTitleAndBodyInPlace(c.title, roomy);
    EXPECT_EQ(roomy, c.text);
  }
}

// A long body without room for the title goes into a buffer of the text's size: a string's own
// growth would have doubled it.
TEST(ArticleReaderTest, JoinTitleAndBodyInPlaceTakesNoMoreRoomThanTheText) {
  std::string body(100000, 'x');
  body.shrink_to_fit();
  corpus_internal::JoinTitleAndBodyInPlace("Headline", body);
  EXPECT_EQ(body.size(), 100010u);
  EXPECT_EQ(body.capacity(), body.size());
  EXPECT_TRUE(body.starts_with("Headline\n\nxxx"));
}

TEST(ArticleReaderTest, TrimWhitespaceInPlaceKeepsTheMiddle) {
  for (const auto& [text, trimmed] : std::vector<std::pair<std::string, std::string>>{
           {"", ""}, {" \n\t ", ""}, {"a", "a"}, {"  a b \n", "a b"}, {"\n\nx\n\n", "x"}}) {
    std::string in_place = text;
    corpus_internal::TrimWhitespaceInPlace(in_place);
    EXPECT_EQ(in_place, trimmed) << "[" << text << "]";
  }
}

}  // namespace
}  // namespace newsfacts
