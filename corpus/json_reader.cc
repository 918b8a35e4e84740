// JSON and JSON Lines articles: records with title/headline, text/body/content, date,
// source/outlet and url. A bad record is reported and skipped; the others are read.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "corpus/format_readers.h"
#include "pipeline/flat_json_object.h"
#include "pipeline/text.h"

namespace newsfacts::corpus_internal {
namespace {

using Json = nlohmann::json;

// Returns nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string ParseMessage(const Json::exception& e) {
  std::string_view what = e.what();
  if (what.starts_with('[')) {
    const size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  return std::string(what);
}

// Parses one record as nlohmann::json::parse does (and throws as it does), by the quick
// reader when the record is a flat object.
Json ParseRecord(std::string_view text) {
  std::optional<Json> flat = ParseFlatJsonObject(text);
  return flat ? std::move(*flat) : Json::parse(text);
}

// Returns the first of `keys` present and not null in `record`.
Json* FirstField(Json& record, std::initializer_list<const char*> keys, const char** found_key) {
  for (const char* key : keys) {
    const auto it = record.find(key);
    if (it != record.end() && !it->is_null()) {
      *found_key = key;
      return &*it;
    }
  }
  return nullptr;
}

// Returns the string value of the first present key, or "" (non-strings are ignored).
std::string StringField(Json& record, std::initializer_list<const char*> keys) {
  const char* key = nullptr;
  const Json* value = FirstField(record, keys, &key);
  if (value == nullptr || !value->is_string()) return "";
  return NormalizeNewlines(TrimWhitespace(value->get_ref<const std::string&>()));
}

// Reads one record. On success appends an article; otherwise returns the reason the
// record is skipped (without the "path:LINE: " prefix). The record's text is taken from it and
// made the article's text in place: a record of 60 MB held four copies of it at once.
std::optional<std::string> ReadRecord(Json& record, std::string_view name, int index,
                                      FileReadResult& result) {
  if (!record.is_object()) return "record is not a JSON object; skipped";
  const char* key = nullptr;
  Json* text = FirstField(record, {"text", "body", "content"}, &key);
  if (text == nullptr) return "record has no text, body or content field; skipped";
  if (!text->is_string()) return std::string("field '") + key + "' is not a string; skipped";
  std::string body = std::move(text->get_ref<std::string&>());
  TrimWhitespaceInPlace(body);
  NormalizeNewlinesInPlace(body);
  UnwrapHardLineBreaksInPlace(body);
  if (TrimWhitespace(body).empty()) return std::string("field '") + key + "' is empty; skipped";
  RawArticle article;
  article.meta.path = std::string(name);
  article.meta.record_index = index;
  article.meta.title = StringField(record, {"title", "headline"});
  article.meta.published = StringField(record, {"date", "published", "published_at"});
  article.meta.source = StringField(record, {"source", "outlet"});
  article.meta.url = StringField(record, {"url"});
  JoinTitleAndBodyInPlace(article.meta.title, body);
  article.text = std::move(body);
  result.articles.push_back(std::move(article));
  return std::nullopt;
}

std::string Located(std::string_view name, size_t line, std::string_view message) {
  return std::string(name) + ":" + std::to_string(line) + ": " + std::string(message);
}

size_t LineAt(std::string_view text, size_t offset) {
  return 1 + static_cast<size_t>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// Returns the byte offset where each element of the top-level array in `text` starts.
// `text` must be valid JSON whose top level is an array.
std::vector<size_t> ArrayElementOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  int depth = 0;
  bool in_string = false;
  bool expect_element = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (depth == 1 && expect_element && c != ']') {
      offsets.push_back(i);
      expect_element = false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth == 1) expect_element = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_element = true;
    }
  }
  return offsets;
}

}  // namespace

StatusOr<FileReadResult> ReadJson(std::string_view name, std::string_view text) {
  Json root;
  try {
    root = ParseRecord(text);  // a single flat object (most files) without nlohmann's lexer
  } catch (const Json::parse_error& e) {
    return Status::InvalidArgument(Located(name, LineAt(text, e.byte == 0 ? 0 : e.byte - 1),
                                           "malformed JSON: " + ParseMessage(e)));
  } catch (const Json::exception& e) {  // a number out of range ("1e400")
    return Status::InvalidArgument(Located(name, 1, "malformed JSON: " + ParseMessage(e)));
  }
  FileReadResult result;
  if (root.is_object()) {
    if (auto problem = ReadRecord(root, name, 0, result)) {
      return Status::InvalidArgument(Located(name, LineAt(text, text.find('{')), *problem));
    }
    return result;
  }
  if (!root.is_array()) {
    return Status::InvalidArgument(
        Located(name, 1, "expected a JSON object or an array of objects"));
  }
  const std::vector<size_t> offsets = ArrayElementOffsets(text);
  for (size_t i = 0; i < root.size(); ++i) {
    if (auto problem = ReadRecord(root[i], name, static_cast<int>(i), result)) {
      const size_t line = i < offsets.size() ? LineAt(text, offsets[i]) : 1;
      result.errors.push_back(Located(name, line, *problem));
    }
  }
  return result;
}

StatusOr<RawArticle> ReadJsonLinesRecord(std::string_view name, std::string_view line,
                                         size_t line_number, int record_index) {
  Json record;
  try {
    record = ParseRecord(line);
  } catch (const Json::exception& e) {  // syntax, or a number out of range ("1e400")
    return Status::InvalidArgument(
        Located(name, line_number, "malformed JSON (" + ParseMessage(e) + "); skipped"));
  }
  FileReadResult read;
  if (auto problem = ReadRecord(record, name, record_index, read)) {
    return Status::InvalidArgument(Located(name, line_number, *problem));
  }
  return std::move(read.articles.front());
}

}  // namespace newsfacts::corpus_internal

namespace newsfacts {

StatusOr<RawArticle> ReadJsonLine(std::string_view name, std::string_view line, int record_index) {
  using corpus_internal::Json;
  const RepairedText repaired = RepairUtf8(line);
  Json record;
  try {
    record = corpus_internal::ParseRecord(corpus_internal::NormalizeNewlines(repaired.text));
  } catch (const Json::exception& e) {  // syntax, or a number out of range ("1e400")
    return Status::InvalidArgument("malformed JSON (" + corpus_internal::ParseMessage(e) +
                                   "); skipped");
  }
  FileReadResult read;
  if (auto problem = corpus_internal::ReadRecord(record, name, record_index, read)) {
    return Status::InvalidArgument(*problem);
  }
  RawArticle article = std::move(read.articles.front());
  article.meta.repaired_sequences = repaired.replaced;
  const auto path = record.find("path");
  if (path != record.end() && path->is_string() && !path->get_ref<const std::string&>().empty()) {
    article.meta.path = path->get<std::string>();
    const auto index = record.find("record_index");
    const bool has_index = index != record.end() && index->is_number_integer();
    article.meta.record_index = has_index ? index->get<int>() : -1;
  }
  return article;
}

}  // namespace newsfacts
