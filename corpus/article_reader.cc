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
#include <limits>
#include <optional>

#include "corpus/format_readers.h"
#include "corpus/json_lines_file.h"
#include "pipeline/freed_memory.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

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
  const Format format = FormatOf(name);
  if (format == Format::kJsonLines) {
    StatusOr<JsonLinesFile> file = JsonLinesFile::Open(name, std::move(bytes));
    if (!file.ok()) return file.status();
    return file->TakeAll();
  }
  const size_t input_bytes = bytes.size();
  std::vector<std::string> pieces;
  pieces.push_back(std::move(bytes));
  StatusOr<size_t> repaired = corpus_internal::PrepareText(name, pieces);
  if (!repaired.ok()) return repaired.status();
  std::string& text = pieces.front();
  StatusOr<FileReadResult> result = [&]() -> StatusOr<FileReadResult> {
    switch (format) {
      case Format::kMarkdown:
        return corpus_internal::ReadMarkdown(name, text);
      case Format::kHtml:
        return corpus_internal::ReadHtml(name, std::move(text));
      case Format::kJson:
        return corpus_internal::ReadJson(name, text);
      case Format::kJsonLines:  // read above
      case Format::kTxt:
        break;
    }
    return corpus_internal::ReadTxt(name, std::move(text));
  }();
  const size_t replaced = *repaired;
  if (result.ok() && replaced > 0) {
    for (RawArticle& article : result->articles) article.meta.repaired_sequences = replaced;
    result->warnings.insert(result->warnings.begin(),
                            corpus_internal::RepairWarning(name, replaced));
  }
  // The reader's parse of the file is freed by now (an HTML tree is twice the page's text):
  // kept for reuse, it would sit under the peak that extracting a large article reaches.
  if (input_bytes >= kLargeFreeingBytes) ReturnFreedMemory();
  return result;
}

bool IsJsonLinesFile(const std::filesystem::path& path) {
  return FormatOf(path.string()) == Format::kJsonLines;
}

StatusOr<FileStamp> StampOfFile(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::IoError(path.string() + ": cannot stat: " + std::strerror(errno));
  }
  return StampOf(info);
}

StatusOr<std::vector<std::string>> ReadFilePieces(
    const std::filesystem::path& path, FileStamp& stamp, size_t piece_bytes,
    const std::function<void(const FileStamp&)>& before_reading) {
  const std::string name = path.string();
  piece_bytes = std::max<size_t>(piece_bytes, 1);
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
  // Read with a cap, so pipes and growing files cannot exhaust memory. A regular file is read
  // into a buffer of its size, and a byte more to see it end, or of a piece.
  std::vector<std::string> pieces;
  std::string piece(S_ISREG(info.st_mode) ? std::min(expected + 1, piece_bytes) : size_t{1} << 16,
                    '\0');
  size_t size = 0;   // bytes read into `piece`
  size_t total = 0;  // bytes read
  // The size of a buffer for `wanted` bytes, `kept` of them read: a regular file's is no larger
  // than the rest of the file and a byte to see it end (a string's own growth doubles its
  // buffer: a one-line file of 60 MB took 64 MB), unless the file grew while read.
  const auto room = [&](size_t kept, size_t wanted) {
    if (!S_ISREG(info.st_mode) || total > expected) return wanted;
    return std::min(wanted, kept + (expected - total) + 1);
  };
  while (true) {
    if (size == piece.size()) {
      // Full: a piece of `piece_bytes` or more ends after its last line feed, and the bytes
      // after it start the next one; a line longer than a piece stays whole in a larger one.
      const size_t line_end = size >= piece_bytes ? piece.rfind('\n') : std::string::npos;
      const size_t next_from = line_end == std::string::npos ? 0 : line_end + 1;
      const size_t kept = size - next_from;
      std::string next(room(kept, next_from == 0 ? 2 * size : std::max(piece_bytes, 2 * kept)),
                       '\0');
      std::memcpy(next.data(), piece.data() + next_from, kept);
      if (next_from > 0) {
        piece.resize(next_from);
        pieces.push_back(std::move(piece));
      }
      piece = std::move(next);
      size = kept;
    }
    const ssize_t n = read(fd, piece.data() + size, piece.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(name + ": read failed: " + std::strerror(errno));
    if (n == 0) break;
    size += static_cast<size_t>(n);
    total += static_cast<size_t>(n);
    if (total > kMaxArticleFileBytes) return TooLarge(name, total);
  }
  piece.resize(size);
  pieces.push_back(std::move(piece));
  return pieces;
}

StatusOr<std::string> ReadFileBytes(const std::filesystem::path& path, FileStamp& stamp,
                                    const std::function<void(const FileStamp&)>& before_reading) {
  StatusOr<std::vector<std::string>> pieces =
      ReadFilePieces(path, stamp, std::numeric_limits<size_t>::max(), before_reading);
  if (!pieces.ok()) return pieces.status();
  return std::move(pieces->front());
}

StatusOr<FileReadResult> ReadArticleFile(const std::filesystem::path& path) {
  FileStamp stamp;
  StatusOr<std::string> bytes = ReadFileBytes(path, stamp);
  if (!bytes.ok()) return bytes.status();
  return ReadArticleBytes(path.string(), std::move(*bytes));
}

namespace corpus_internal {

StatusOr<size_t> PrepareText(std::string_view name, std::vector<std::string>& pieces) {
  size_t bytes = 0;
  for (const std::string& piece : pieces) bytes += piece.size();
  if (bytes > kMaxArticleFileBytes) return TooLarge(name, bytes);
  // A piece holds a line at least: the first holds a BOM whole.
  if (std::string_view(pieces.front()).starts_with(kUtf8Bom)) {
    pieces.front().erase(0, kUtf8Bom.size());
  }
  // The file's first bytes are sniffed: the first piece's, unless it is shorter than what is
  // sniffed and others follow (pieces of a few bytes, in tests).
  std::string joined_head;
  std::string_view head = pieces.front();
  if (head.size() < kSniffBytes && pieces.size() > 1) {
    for (const std::string& piece : pieces) {
      if (joined_head.size() == kSniffBytes) break;
      joined_head.append(piece, 0, kSniffBytes - joined_head.size());
    }
    head = joined_head;
  }
  if (std::optional<std::string> reason = BinaryReason(head)) {
    return Status::DataLoss(std::string(name) + ": binary file (" + *reason + "); skipped");
  }
  if (std::all_of(pieces.begin(), pieces.end(),
                  [](const std::string& piece) { return TrimWhitespace(piece).empty(); })) {
    return Status::DataLoss(std::string(name) + ": empty file; nothing to ingest");
  }
  // Changed in place (issue 16: a 60 MB file; a copy of the bytes while they were still held
  // put two of them in memory at once). Pieces end after a line feed, which ends any UTF-8
  // sequence and any CRLF: each is repaired as it would be within the whole file.
  size_t repaired = 0;
  for (std::string& piece : pieces) {
    repaired += RepairUtf8InPlace(piece);
    NormalizeNewlinesInPlace(piece);
  }
  return repaired;
}

std::string RepairWarning(std::string_view name, size_t repaired) {
  return std::string(name) + ": invalid UTF-8 repaired (" + std::to_string(repaired) +
         (repaired == 1 ? " sequence" : " sequences") + " replaced with U+FFFD)";
}

std::string_view TrimWhitespace(std::string_view text) {
  const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

void TrimWhitespaceInPlace(std::string& text) {
  const std::string_view trimmed = TrimWhitespace(text);
  const size_t begin = static_cast<size_t>(trimmed.data() - text.data());
  text.resize(begin + trimmed.size());
  text.erase(0, begin);
}

std::string JoinTitleAndBody(std::string_view title, std::string_view body) {
  std::string text(TrimWhitespace(body));
  JoinTitleAndBodyInPlace(title, text);
  return text;
}

void JoinTitleAndBodyInPlace(std::string_view title, std::string& body) {
  title = TrimWhitespace(title);
  TrimWhitespaceInPlace(body);
  // The body repeats the headline only when its whole first line is the headline: "Apple"
  // must not swallow a body starting "Apple's shares".
  const bool repeated =
      body.starts_with(title) && (body.size() == title.size() || body[title.size()] == '\n');
  if (title.empty() || repeated) return;
  if (body.empty()) {
    body.assign(title);
    return;
  }
  const size_t size = title.size() + 2 + body.size();
  if (body.capacity() < size) {
    // A buffer of the text's size: growing the body's own would double it, and the articles of
    // a .json array of 50 MB held 25 MB more.
    std::string text;
    text.reserve(size);
    text.append(title).append("\n\n").append(body);
    body.swap(text);
    return;
  }
  // One move of the body, to make room for the title and the blank line after it.
  body.insert(0, title.size() + 2, '\n');
  std::copy(title.begin(), title.end(), body.begin());
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
