// Internal to corpus/: one reader per article format plus the text helpers they share.
// Each reader gets text that is already valid UTF-8, without a BOM, with LF line ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/article_reader.h"
#include "pipeline/status.h"

namespace newsfacts::corpus_internal {

// Each reader returns the articles in `text`, or InvalidArgument/DataLoss with a message
// starting with "name: " (or "name:LINE: ") when the whole file is unusable. `name` is the
// path as given; it becomes meta.path and prefixes every message.

// .txt: the first line is the headline when a blank line follows it and it looks like one.
// Takes `text` over and works on it in place, so a large file is not copied again.
StatusOr<FileReadResult> ReadTxt(std::string_view name, std::string text);
// .md: optional YAML front matter, Markdown body converted to plain text.
StatusOr<FileReadResult> ReadMarkdown(std::string_view name, std::string_view text);
// .html: visible article text and meta tags, parsed with gumbo. Takes `text` over and lets
// it go once parsed.
StatusOr<FileReadResult> ReadHtml(std::string_view name, std::string text);
// .json: one object or an array of objects; record_index is the array index.
StatusOr<FileReadResult> ReadJson(std::string_view name, std::string_view text);
// .jsonl (JsonLinesFile): one object per non-blank line. Reads the record on line
// `line_number` of the file, trimmed, as article `record_index`: non-blank lines counted from 0,
// so a record keeps its index when a malformed line before it is fixed. Errors:
// InvalidArgument "name:LINE: why it is skipped".
StatusOr<RawArticle> ReadJsonLinesRecord(std::string_view name, std::string_view line,
                                         size_t line_number, int record_index);

// Makes a file's bytes ready for a reader (ReadArticleBytes, JsonLinesFile), in place: the
// file in pieces (ReadFilePieces; one piece for the whole file), each ending after a line feed
// but the last. Drops a BOM, repairs invalid UTF-8 and makes line ends LF. Returns the number
// of invalid UTF-8 sequences replaced with U+FFFD. Errors: InvalidArgument for a file over
// kMaxArticleFileBytes, DataLoss for a binary or empty one; each message starts with "name: ".
StatusOr<size_t> PrepareText(std::string_view name, std::vector<std::string>& pieces);
// The warning of a file whose invalid UTF-8 was repaired: "name: invalid UTF-8 repaired (...)".
std::string RepairWarning(std::string_view name, size_t repaired);

// Returns `text` without leading and trailing ASCII whitespace.
std::string_view TrimWhitespace(std::string_view text);
// The same in place.
void TrimWhitespaceInPlace(std::string& text);

// Returns the article text for a headline and a body (both trimmed): the body alone when
// the title is empty or is the body's whole first line, else title + "\n\n" + body.
std::string JoinTitleAndBody(std::string_view title, std::string_view body);
// The same in place: `body` becomes the article text (`title` must not view it).
void JoinTitleAndBodyInPlace(std::string_view title, std::string& body);

// Returns `text` with CRLF and lone CR turned into LF.
std::string NormalizeNewlines(std::string_view text);
// The same in place.
void NormalizeNewlinesInPlace(std::string& text);

// Returns Markdown converted to plain text, line by line: heading, emphasis, blockquote and
// list markers dropped, links reduced to their text, images and HTML comments removed, code
// kept verbatim, lines of one paragraph joined with spaces, paragraphs separated by "\n\n".
std::string MarkdownToPlainText(std::string_view markdown);

// Returns hard-wrapped text (wire copy, e-mail: most lines end mid-sentence) with the line
// breaks inside paragraphs replaced by spaces, byte for byte, so offsets do not move. Text
// whose lines are whole paragraphs comes back unchanged. A paragraph ends at a blank line
// or before an indented line.
std::string UnwrapHardLineBreaks(std::string_view text);
// The same in place.
void UnwrapHardLineBreaksInPlace(std::string& text);

}  // namespace newsfacts::corpus_internal
