// Article readers: turn one file (.txt, .md, .html, .json, .jsonl) into raw articles, and
// find article files under folders.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/file_stamp.h"
#include "pipeline/status.h"

namespace newsfacts {

// One article as read from a file: metadata and the text to analyse. When the format has a
// separate headline (.md, .html, .json), the text starts with it, then a blank line, then the
// body, so headline facts are extracted too. The text is valid UTF-8 but not yet NFC.
struct RawArticle {
  ArticleMeta meta;
  std::string text;
};

// What reading one file produced. `problems` are per-record or repair messages already
// prefixed with "path:" or "path:line:"; a file can yield articles and problems at once
// (a .jsonl file with one malformed line).
struct FileReadResult {
  std::vector<RawArticle> articles;
  std::vector<std::string> warnings;  // e.g. "x.txt: invalid UTF-8 repaired (3 sequences)"
  std::vector<std::string> errors;    // e.g. "x.jsonl:7: malformed JSON (...); record skipped"
};

// Largest file the readers accept, in bytes; larger files are reported and skipped.
inline constexpr size_t kMaxArticleFileBytes = 64u << 20;

// Reads one article file. The format is chosen by extension (.txt, .text, .md, .markdown,
// .html, .htm, .json, .jsonl); any other extension is read as .txt. Errors (the whole file
// is unusable) are DataLoss for binary or empty files, InvalidArgument for malformed
// content, IoError when the file cannot be read; each message starts with "path: ".
StatusOr<FileReadResult> ReadArticleFile(const std::filesystem::path& path);

// Returns the stamp of the file at `path` (following links). Errors: IoError naming it.
StatusOr<FileStamp> StampOfFile(const std::filesystem::path& path);

// Returns the bytes of one file, as ReadArticleFile reads them before parsing, and in
// `stamp` the file's stamp taken before reading them. Errors: IoError when it cannot be
// read or is a folder, InvalidArgument when it is larger than kMaxArticleFileBytes; each
// message starts with "path: ".
// `before_reading`, when given, is called with that stamp once the file is known to be
// readable and within the limit, before its bytes are read (ingest takes a large file's turn
// there, without a stat of its own).
StatusOr<std::string> ReadFileBytes(
    const std::filesystem::path& path, FileStamp& stamp,
    const std::function<void(const FileStamp&)>& before_reading = nullptr);

// Same as ReadFileBytes, in pieces: once a piece holds `piece_bytes`, it ends after its last
// line feed (a line longer than a piece stays whole in one). What a .jsonl file is read as, so
// that each piece can be let go once its records are read (JsonLinesFile).
StatusOr<std::vector<std::string>> ReadFilePieces(
    const std::filesystem::path& path, FileStamp& stamp, size_t piece_bytes,
    const std::function<void(const FileStamp&)>& before_reading = nullptr);

// Same as ReadArticleFile, for bytes already in memory (stdin); `name` picks the format
// and prefixes messages ("-" is read as .txt). The bytes become the text the articles are read
// from, repaired in place: a caller done with them moves them in, and the file is held once.
StatusOr<FileReadResult> ReadArticleBytes(std::string_view name, std::string bytes);

// True for a .jsonl file, whose records ingest reads one at a time (JsonLinesFile).
bool IsJsonLinesFile(const std::filesystem::path& path);

// Reads one line of a JSON Lines stream (`extract --input jsonl`) as an article, exactly as
// the .jsonl reader reads that line of a file, after repairing invalid UTF-8 (counted in
// meta.repaired_sequences). meta.path is `name` and meta.record_index `record_index`, unless
// the record carries its own identity in a string "path" field (streams cut into partitions
// by an engine): then that path and the record's integer "record_index" (-1 when absent).
// Errors: InvalidArgument saying why the record is skipped, without a "name:line: " prefix.
StatusOr<RawArticle> ReadJsonLine(std::string_view name, std::string_view line, int record_index);

// What FindArticleFiles found: the article files, and the entries it passed over with the
// reason (named so that nothing is skipped silently).
struct FoundFiles {
  struct Skipped {
    std::filesystem::path path;
    std::string reason;
  };
  std::vector<std::filesystem::path> files;  // sorted, without duplicates
  std::vector<Skipped> skipped;
};

// Returns the article files under `roots`, recursively: files with a supported extension
// (see ReadArticleFile), skipping hidden entries and golden fact files (`*.facts.json`). A
// root that is a regular file is returned as is, whatever its extension. Links to files are
// followed, links to folders are not; broken or looping links, FIFOs and unreadable folders
// go to `skipped`. NotFound when a root does not exist.
StatusOr<FoundFiles> FindArticleFiles(const std::vector<std::filesystem::path>& roots);

}  // namespace newsfacts
