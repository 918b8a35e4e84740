// Markdown articles: YAML front matter (title, date, source, url) parsed with yaml-cpp and a
// cheap line-based conversion of the Markdown body to plain text.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "corpus/format_readers.h"

namespace newsfacts::corpus_internal {
namespace {

// Splits `text` into lines without their '\n'.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    const size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(begin));
      break;
    }
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool IsAsciiPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool IsSpaceOrEdge(int c) { return c < 0 || std::isspace(c) != 0; }
bool IsWordChar(int c) { return c >= 0 && (std::isalnum(c) != 0 || c >= 0x80); }

// Longest code span or autolink recognised; the bound keeps a paragraph of unmatched "`"
// or "<" linear instead of quadratic.
constexpr size_t kMaxInlineSpanBytes = 4096;

// Links nested deeper than this keep their inner syntax; bounds the recursion.
constexpr int kMaxLinkNesting = 8;

// Returns `s` cut kMaxInlineSpanBytes after `from`.
std::string_view Window(std::string_view s, size_t from) {
  return s.substr(0, std::min(s.size(), from + kMaxInlineSpanBytes));
}

// For each "[" and "(" in `s`, the index just past its matching "]" or ")", else npos;
// backslash-escaped characters are skipped. One pass with a stack per bracket kind.
std::vector<size_t> MatchBrackets(std::string_view s) {
  std::vector<size_t> close_of(s.size(), std::string_view::npos);
  std::vector<size_t> squares;
  std::vector<size_t> rounds;
  for (size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case '\\':
        ++i;
        break;
      case '[':
        squares.push_back(i);
        break;
      case '(':
        rounds.push_back(i);
        break;
      case ']':
        if (!squares.empty()) {
          close_of[squares.back()] = i + 1;
          squares.pop_back();
        }
        break;
      case ')':
        if (!rounds.empty()) {
          close_of[rounds.back()] = i + 1;
          rounds.pop_back();
        }
        break;
      default:
        break;
    }
  }
  return close_of;
}

// Markdown inline syntax to plain text: see MarkdownToPlainText.
std::string CleanInline(std::string_view s, int nesting) {
  const std::vector<size_t> close_of = MatchBrackets(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      out.push_back(s[i + 1]);
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') ++run;
      const size_t close = Window(s, i).find(std::string(run, '`'), i + run);
      if (close == std::string_view::npos) {
        out.append(s.substr(i, run));
        i += run;
        continue;
      }
      out.append(TrimWhitespace(s.substr(i + run, close - i - run)));
      i = close + run;
      continue;
    }
    if (s.substr(i).starts_with("<!--")) {
      const size_t close = s.find("-->", i + 4);
      i = close == std::string_view::npos ? s.size() : close + 3;
      continue;
    }
    if (c == '<') {
      const size_t close = Window(s, i).find('>', i);
      const std::string_view inner =
          close == std::string_view::npos ? std::string_view() : s.substr(i + 1, close - i - 1);
      if ((inner.starts_with("http://") || inner.starts_with("https://") ||
           inner.starts_with("mailto:")) &&
          inner.find(' ') == std::string_view::npos) {
        out.append(inner);
        i = close + 1;
        continue;
      }
    }
    const bool image = c == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (c == '[' || image) {
      const size_t open = image ? i + 1 : i;
      const size_t text_end = close_of[open];
      if (text_end != std::string_view::npos && text_end < s.size() &&
          (s[text_end] == '(' || s[text_end] == '[')) {
        const size_t target_end = close_of[text_end];
        if (target_end != std::string_view::npos) {
          const std::string_view link_text = s.substr(open + 1, text_end - open - 2);
          if (!image) {
            out.append(nesting < kMaxLinkNesting ? CleanInline(link_text, nesting + 1)
                                                 : std::string(link_text));
          }
          i = target_end;
          continue;
        }
      }
    }
    if (c == '*' || c == '_' || c == '~') {
      size_t run = 0;
      while (i + run < s.size() && s[i + run] == c) ++run;
      const int before = i == 0 ? -1 : static_cast<unsigned char>(s[i - 1]);
      const int after = i + run >= s.size() ? -1 : static_cast<unsigned char>(s[i + run]);
      // Emphasis markers touch text on one side; "5 * 3", snake_case and "~$4bn" stay.
      bool marker = !(IsSpaceOrEdge(before) && IsSpaceOrEdge(after));
      if (c == '_' && IsWordChar(before) && IsWordChar(after)) marker = false;
      if (c == '~' && run != 2) marker = false;
      if (!marker) out.append(s.substr(i, run));
      i += run;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// True for "---", "***", "___" (3 or more of one character, spaces allowed) and setext
// underlines ("===").
bool IsRuleLine(std::string_view line) {
  line = TrimWhitespace(line);
  if (line.size() < 3) return false;
  const char c = line.front();
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  for (char ch : line) {
    if (ch != c && ch != ' ') return false;
  }
  return true;
}

// True for a table separator row such as "|---|:--:|".
bool IsTableSeparator(std::string_view line) {
  line = TrimWhitespace(line);
  if (!line.starts_with('|') && !line.starts_with("-")) return false;
  if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos) {
    return false;
  }
  for (char ch : line) {
    if (ch != '|' && ch != '-' && ch != ':' && ch != ' ') return false;
  }
  return true;
}

// Returns the heading text of an ATX heading line ("## Title ##"), or nullopt.
std::optional<std::string_view> AtxHeading(std::string_view line) {
  size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 6) return std::nullopt;
  if (level < line.size() && line[level] != ' ' && line[level] != '\t') return std::nullopt;
  std::string_view heading = TrimWhitespace(line.substr(level));
  while (heading.ends_with('#')) heading.remove_suffix(1);
  return TrimWhitespace(heading);
}

// Returns the item text when `line` is a list item ("- x", "* x", "+ x", "12. x", "3) x").
std::optional<std::string_view> ListItem(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
      (line[1] == ' ' || line[1] == '\t')) {
    return TrimWhitespace(line.substr(2));
  }
  size_t digits = 0;
  while (digits < line.size() && digits < 10 &&
         std::isdigit(static_cast<unsigned char>(line[digits]))) {
    ++digits;
  }
  if (digits > 0 && digits < 10 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t')) {
    return TrimWhitespace(line.substr(digits + 2));
  }
  return std::nullopt;
}

// True for a link reference definition: "[id]: https://...".
bool IsReferenceDefinition(std::string_view line) {
  if (!line.starts_with('[')) return false;
  const size_t close = MatchBrackets(line)[0];
  return close != std::string_view::npos && close < line.size() && line[close] == ':';
}

// Collects output paragraphs; lines of one paragraph are joined with spaces. Not
// thread-safe; one per conversion.
class ParagraphBuilder {
 public:
  void AddLine(std::string_view line) { pending_.emplace_back(TrimWhitespace(line)); }
  void AddVerbatim(const std::string& block) {
    Flush();
    if (!TrimWhitespace(block).empty()) Append(block);
  }
  void Flush() {
    if (pending_.empty()) return;
    std::string joined;
    for (const std::string& line : pending_) {
      if (!joined.empty()) joined.push_back(' ');
      joined.append(line);
    }
    pending_.clear();
    const std::string cleaned = CleanInline(joined, 0);
    if (!TrimWhitespace(cleaned).empty()) Append(TrimWhitespace(cleaned));
  }
  std::string Finish() {
    Flush();
    return std::move(out_);
  }

 private:
  // Adds a paragraph to the text, after a blank line (paragraphs are not kept apart as well:
  // a 60 MB article held its text twice at the end).
  void Append(std::string_view paragraph) {
    if (!out_.empty()) out_.append("\n\n");
    out_.append(paragraph);
  }

  std::vector<std::string> pending_;
  std::string out_;
};

struct FrontMatter {
  std::string title;
  std::string published;
  std::string source;
  std::string url;
};

Status FrontMatterError(std::string_view name, int line, std::string_view what) {
  return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line) +
                                 ": malformed front matter: " + std::string(what));
}

// Parses the YAML between the "---" lines; `first_line` is its 1-based line in the file.
StatusOr<FrontMatter> ParseFrontMatter(std::string_view name, const std::string& yaml,
                                       int first_line) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    return FrontMatterError(name, line, e.msg);
  }
  FrontMatter front;
  if (root.IsNull()) return front;
  if (!root.IsMap()) return FrontMatterError(name, first_line, "expected key: value lines");
  const YAML::Node& fields = root;
  const auto field = [&](std::initializer_list<const char*> keys, std::string& target) -> Status {
    for (const char* key : keys) {
      const YAML::Node node = fields[key];
      if (!node.IsDefined() || node.IsNull()) continue;
      if (!node.IsScalar()) {
        return FrontMatterError(name, first_line + node.Mark().line,
                                std::string("field '") + key + "' must be a single value");
      }
      target = std::string(TrimWhitespace(node.Scalar()));
      return Status::Ok();
    }
    return Status::Ok();
  };
  NEWSFACTS_RETURN_IF_ERROR(field({"title"}, front.title));
  NEWSFACTS_RETURN_IF_ERROR(field({"date", "published"}, front.published));
  NEWSFACTS_RETURN_IF_ERROR(field({"source", "outlet"}, front.source));
  NEWSFACTS_RETURN_IF_ERROR(field({"url"}, front.url));
  return front;
}

// The plain text of the Markdown lines [begin, end): see MarkdownToPlainText.
std::string PlainTextOfLines(std::vector<std::string_view>::const_iterator begin,
                             std::vector<std::string_view>::const_iterator end) {
  ParagraphBuilder builder;
  std::string fence;  // the opening fence ("```", "~~~~") while inside a code block
  std::string code;
  bool in_comment = false;
  for (; begin != end; ++begin) {
    const std::string_view raw = *begin;
    std::string_view line = TrimLeft(raw);
    if (!fence.empty()) {
      if (line.starts_with(fence) &&
          TrimWhitespace(line.substr(fence.size())).find_first_not_of(fence[0]) ==
              std::string_view::npos) {
        builder.AddVerbatim(code);
        code.clear();
        fence.clear();
      } else {
        code.append(code.empty() ? "" : "\n").append(raw);
      }
      continue;
    }
    if (in_comment) {
      const size_t close = line.find("-->");
      if (close == std::string_view::npos) continue;
      in_comment = false;
      line = TrimLeft(line.substr(close + 3));
    }
    if (line.starts_with("<!--") && line.find("-->") == std::string_view::npos) {
      in_comment = true;
      continue;
    }
    while (line.starts_with('>')) line = TrimLeft(line.substr(1));
    if (line.starts_with("```") || line.starts_with("~~~")) {
      builder.Flush();
      const size_t run = line.find_first_not_of(line[0]);
      fence = std::string(line.substr(0, run));
      continue;
    }
    if (TrimWhitespace(line).empty() || IsRuleLine(line) || IsTableSeparator(line) ||
        IsReferenceDefinition(line)) {
      builder.Flush();
      continue;
    }
    if (const auto heading = AtxHeading(line)) {
      builder.Flush();
      builder.AddLine(*heading);
      builder.Flush();
      continue;
    }
    if (const auto item = ListItem(line)) {
      builder.Flush();
      builder.AddLine(*item);
      continue;
    }
    builder.AddLine(line);
  }
  if (!fence.empty()) builder.AddVerbatim(code);
  return builder.Finish();
}

}  // namespace

std::string MarkdownToPlainText(std::string_view markdown) {
  const std::vector<std::string_view> lines = SplitLines(markdown);
  return PlainTextOfLines(lines.begin(), lines.end());
}

StatusOr<FileReadResult> ReadMarkdown(std::string_view name, std::string_view text) {
  std::vector<std::string_view> lines = SplitLines(text);
  FrontMatter front;
  size_t body_line = 0;
  if (!lines.empty() && TrimWhitespace(lines[0]) == "---") {
    size_t close = 1;
    while (close < lines.size() && TrimWhitespace(lines[close]) != "---" &&
           TrimWhitespace(lines[close]) != "...") {
      ++close;
    }
    if (close == lines.size()) {
      return Status::InvalidArgument(std::string(name) +
                                     ":1: front matter opened with --- is never closed");
    }
    std::string yaml;
    for (size_t i = 1; i < close; ++i) yaml.append(lines[i]).push_back('\n');
    StatusOr<FrontMatter> parsed = ParseFrontMatter(name, yaml, 2);
    if (!parsed.ok()) return parsed.status();
    front = std::move(*parsed);
    body_line = close + 1;
  }
  // The body's lines, as the body's text with a line feed after each line would split: with an
  // empty line at the end. Lines, not a copy of the body: a 60 MB article held it once more.
  const std::string_view body_markdown =
      body_line < lines.size()
          ? text.substr(static_cast<size_t>(lines[body_line].data() - text.data()))
          : std::string_view();
  lines.emplace_back();
  std::string body =
      PlainTextOfLines(lines.begin() + static_cast<std::ptrdiff_t>(body_line), lines.end());
  if (body.empty()) {
    return Status::DataLoss(std::string(name) + ": no article text found in Markdown");
  }
  RawArticle article;
  article.meta.path = std::string(name);
  article.meta.title = front.title;
  article.meta.published = front.published;
  article.meta.source = front.source;
  article.meta.url = front.url;
  if (article.meta.title.empty()) {
    // Without front matter, a leading "# Heading" is the headline.
    const std::string_view first = TrimWhitespace(body_markdown);
    if (first.starts_with("# ")) {
      article.meta.title = body.substr(0, body.find("\n\n"));
    }
  }
  JoinTitleAndBodyInPlace(article.meta.title, body);
  article.text = std::move(body);
  FileReadResult result;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsfacts::corpus_internal
