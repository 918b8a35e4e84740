// Reading article files: size limit, binary and empty detection, UTF-8 repair, BOM and
// newline cleanup, then dispatch to the reader of the file's format.
#include "corpus/article_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

#include "corpus/format_readers.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

using corpus_internal::NormalizeNewlines;
using corpus_internal::NormalizeNewlinesInPlace;
using corpus_internal::TrimWhitespace;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kSniffBytes = 8192;
constexpr size_t kMaxControlPercent = 30;

// File signatures of formats people drop into article folders by mistake.
struct Magic {
  std::string_view prefix;
  std::string_view format;
};
constexpr std::array<Magic, 13> kMagics = {{
    {"%PDF-", "PDF"},
    {"PK\x03\x04", "ZIP (or DOCX/EPUB)"},
    {"\x89PNG\r\n\x1A\n", "PNG"},
    {"\x1F\x8B", "gzip"},
    {"\xFF\xD8\xFF", "JPEG"},
    {"GIF87a", "GIF"},
    {"GIF89a", "GIF"},
    {std::string_view("SQLite format 3\0", 16), "SQLite database"},
    {"\x7F"
     "ELF",
     "ELF executable"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "old Microsoft Office"},
    {"7z\xBC\xAF\x27\x1C", "7-Zip"},
    {"\xFD"
     "7zXZ",
     "xz"},
    {"\x28\xB5\x2F\xFD", "zstd"},
}};

enum class Format { kTxt, kMarkdown, kHtml, kJson, kJsonLines };

Format FormatOf(std::string_view name) {
  const std::string ext = [&] {
    std::string e = std::filesystem::path(name).extension().string();
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
  }();
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".json") return Format::kJson;
  if (ext == ".jsonl") return Format::kJsonLines;
  return Format::kTxt;
}

bool IsControlByte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F;
}

// Returns why `bytes` look binary ("looks like PDF", "contains NUL bytes"), or nullopt.
std::optional<std::string> BinaryReason(std::string_view bytes) {
  for (const Magic& magic : kMagics) {
    if (bytes.starts_with(magic.prefix)) return "looks like " + std::string(magic.format);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return "looks like UTF-16 text; save it as UTF-8";
  }
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find('\0') != std::string_view::npos) return "contains NUL bytes";
  const size_t controls = std::count_if(head.begin(), head.end(), [](char c) {
    return IsControlByte(static_cast<unsigned char>(c));
  });
  if (controls * 100 > head.size() * kMaxControlPercent) return "mostly control bytes";
  return std::nullopt;
}

FileStamp StampOf(const struct stat& info) {
  constexpr int64_t kNanosPerSecond = 1'000'000'000;
  FileStamp stamp;
  stamp.size = static_cast<int64_t>(info.st_size);
  stamp.mtime_ns =
      static_cast<int64_t>(info.st_mtim.tv_sec) * kNanosPerSecond + info.st_mtim.tv_nsec;
  stamp.ctime_ns =
      static_cast<int64_t>(info.st_ctim.tv_sec) * kNanosPerSecond + info.st_ctim.tv_nsec;
  stamp.inode = static_cast<int64_t>(info.st_ino);
  return stamp;
}

std::string SizeInMb(size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20); }

Status TooLarge(std::string_view name, size_t bytes) {
  return Status::InvalidArgument(std::string(name) + ": file is " + SizeInMb(bytes) +
                                 " MB, larger than the " + SizeInMb(kMaxArticleFileBytes) +
                                 " MB limit; split it");
}

}  // namespace

StatusOr<FileReadResult> ReadArticleBytes(std::string_view name, std::string bytes) {
  if (bytes.size() > kMaxArticleFileBytes) return TooLarge(name, bytes.size());
  if (std::string_view(bytes).starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
  if (std::optional<std::string> reason = BinaryReason(bytes)) {
    return Status::DataLoss(std::string(name) + ": binary file (" + *reason + "); skipped");
  }
  if (TrimWhitespace(bytes).empty()) {
    return Status::DataLoss(std::string(name) + ": empty file; nothing to ingest");
  }
  // The file's one copy from here on, changed in place (issue 16: a 60 MB file; a copy of
  // the bytes while they were still held put two of them in memory at once).
  std::string text = std::move(bytes);
  const size_t replaced = RepairUtf8InPlace(text);
  NormalizeNewlinesInPlace(text);

  StatusOr<FileReadResult> result = [&]() -> StatusOr<FileReadResult> {
    switch (FormatOf(name)) {
      case Format::kMarkdown:
        return corpus_internal::ReadMarkdown(name, text);
      case Format::kHtml:
        return corpus_internal::ReadHtml(name, text);
      case Format::kJson:
        return corpus_internal::ReadJson(name, text);
      case Format::kJsonLines:
        return corpus_internal::ReadJsonLines(name, text);
      case Format::kTxt:
        break;
    }
    return corpus_internal::ReadTxt(name, std::move(text));
  }();
  if (result.ok() && replaced > 0) {
    for (RawArticle& article : result->articles) article.meta.repaired_sequences = replaced;
    result->warnings.insert(
        result->warnings.begin(),
        std::string(name) + ": invalid UTF-8 repaired (" + std::to_string(replaced) +
            (replaced == 1 ? " sequence" : " sequences") + " replaced with U+FFFD)");
  }
  return result;
}

StatusOr<FileStamp> StampOfFile(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::IoError(path.string() + ": cannot stat: " + std::strerror(errno));
  }
  return StampOf(info);
}

StatusOr<std::string> ReadFileBytes(const std::filesystem::path& path, FileStamp& stamp,
                                    const std::function<void(const FileStamp&)>& before_reading) {
  const std::string name = path.string();
  // One open, one fstat and reads into a buffer of the file's size: a re-ingest of an
  // unchanged corpus reads every file, and three stats and a stream per file cost a third
  // of it (issue 16).
  const int fd = open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(name + ": cannot open: " + std::strerror(errno));
  struct CloseOnExit {
    int fd;
    ~CloseOnExit() { close(fd); }
  } close_on_exit{fd};
  struct stat info {};
  if (fstat(fd, &info) != 0)
    return Status::IoError(name + ": read failed: " + std::strerror(errno));
  if (S_ISDIR(info.st_mode)) return Status::IoError(name + ": is a folder, not an article file");
  stamp = StampOf(info);
  const size_t expected = S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
  if (expected > kMaxArticleFileBytes) return TooLarge(name, expected);
  if (before_reading) before_reading(stamp);
  // Read with a cap, so pipes and growing files cannot exhaust memory.
  std::string bytes(S_ISREG(info.st_mode) ? expected + 1 : size_t{1} << 16, '\0');
  size_t size = 0;
  while (true) {
    if (size == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t n = read(fd, bytes.data() + size, bytes.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(name + ": read failed: " + std::strerror(errno));
    if (n == 0) break;
    size += static_cast<size_t>(n);
    if (size > kMaxArticleFileBytes) return TooLarge(name, size);
  }
  bytes.resize(size);
  return bytes;
}

StatusOr<FileReadResult> ReadArticleFile(const std::filesystem::path& path) {
  FileStamp stamp;
  StatusOr<std::string> bytes = ReadFileBytes(path, stamp);
  if (!bytes.ok()) return bytes.status();
  return ReadArticleBytes(path.string(), std::move(*bytes));
}

namespace corpus_internal {

std::string_view TrimWhitespace(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string JoinTitleAndBody(std::string_view title, std::string_view body) {
  title = TrimWhitespace(title);
  body = TrimWhitespace(body);
  // The body repeats the headline only when its whole first line is the headline: "Apple"
  // must not swallow a body starting "Apple's shares".
  const bool repeated =
      body.starts_with(title) && (body.size() == title.size() || body[title.size()] == '\n');
  if (title.empty() || repeated) return std::string(body);
  if (body.empty()) return std::string(title);
  std::string text;
  text.reserve(title.size() + 2 + body.size());
  text.append(title).append("\n\n").append(body);
  return text;
}

std::string NormalizeNewlines(std::string_view text) {
  std::string out(text);
  NormalizeNewlinesInPlace(out);
  return out;
}

void NormalizeNewlinesInPlace(std::string& text) {
  // Text before the first CR (all of it, in nearly every article) stays where it is.
  size_t i = text.find('\r');
  if (i == std::string::npos) return;
  size_t out = i;
  for (; i < text.size(); ++i) {
    if (text[i] != '\r') {
      text[out++] = text[i];
    } else {
      text[out++] = '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  text.resize(out);
}

}  // namespace corpus_internal
}  // namespace newsfacts
