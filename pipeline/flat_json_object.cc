// The flat JSON object reader: a hand-written scanner for the one shape of record that JSON
// Lines corpora and the gazetteer's lines nearly always hold, falling back (nullopt) on
// anything it does not know.
#include "pipeline/flat_json_object.h"

#include <string>

#include "pipeline/byte_words.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

using Json = nlohmann::json;

class FlatObjectScanner {
 public:
  explicit FlatObjectScanner(std::string_view text) : text_(text) {}

  std::optional<Json> Object() {
    SkipWhitespace();
    if (!Consume('{')) return std::nullopt;
    Json object = Json::object();
    SkipWhitespace();
    if (!Consume('}')) {
      while (true) {
        std::string key;
        SkipWhitespace();
        if (!String(&key)) return std::nullopt;
        SkipWhitespace();
        if (!Consume(':')) return std::nullopt;
        SkipWhitespace();
        std::optional<Json> value = Value();
        if (!value) return std::nullopt;
        object[key] = std::move(*value);
        SkipWhitespace();
        if (Consume('}')) break;
        if (!Consume(',')) return std::nullopt;
      }
    }
    SkipWhitespace();
    if (at_ != text_.size()) return std::nullopt;
    return object;
  }

 private:
  // A member's value: a scalar, or an array of scalars.
  std::optional<Json> Value() {
    if (!Consume('[')) return Scalar();
    Json array = Json::array();
    SkipWhitespace();
    if (Consume(']')) return array;
    while (true) {
      SkipWhitespace();
      std::optional<Json> element = Scalar();
      if (!element) return std::nullopt;
      array.push_back(std::move(*element));
      SkipWhitespace();
      if (Consume(']')) return array;
      if (!Consume(',')) return std::nullopt;
    }
  }

  std::optional<Json> Scalar() {
    if (at_ == text_.size()) return std::nullopt;
    const char c = text_[at_];
    if (c == '"') {
      std::string value;
      if (!String(&value)) return std::nullopt;
      return Json(std::move(value));
    }
    if (Literal("true")) return Json(true);
    if (Literal("false")) return Json(false);
    if (Literal("null")) return Json(nullptr);
    if (c == '-' || (c >= '0' && c <= '9')) return Number();
    return std::nullopt;  // an array, an object or a syntax error
  }

  // A number, read by nlohmann itself so that its type (unsigned, signed, float) and its
  // checks are the parser's own.
  std::optional<Json> Number() {
    const size_t start = at_;
    while (at_ < text_.size() && IsNumberChar(text_[at_])) ++at_;
    try {
      return Json::parse(text_.substr(start, at_ - start));
    } catch (const Json::exception&) {
      return std::nullopt;
    }
  }

  static bool IsNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  // A string literal into `out`; false on a raw control character, a bad escape or invalid
  // UTF-8, which nlohmann rejects too.
  bool String(std::string* out) {
    if (!Consume('"')) return false;
    size_t run = at_;
    while (true) {
      while (at_ + 8 <= text_.size()) {
        const uint64_t word = LoadWord(text_.data() + at_);
        if (HasNonAsciiByte(word) || HasByteBelow(word, 0x20) || HasByte(word, '"') ||
            HasByte(word, '\\')) {
          break;
        }
        at_ += 8;
      }
      if (at_ == text_.size()) return false;
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        out->append(text_.substr(run, at_ - run));
        ++at_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const size_t length = Utf8SequenceLength(text_, at_);
        if (length == 0) return false;
        at_ += length;
        continue;
      }
      if (c != '\\') {
        ++at_;
        continue;
      }
      out->append(text_.substr(run, at_ - run));
      ++at_;
      if (!Escape(out)) return false;
      run = at_;
    }
  }

  // The escape after a backslash.
  bool Escape(std::string* out) {
    if (at_ == text_.size()) return false;
    const char c = text_[at_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        return CodePointEscape(out);
      default:
        return false;
    }
  }

  // \uXXXX, or a surrogate pair \uD8XX\uDCXX, written as UTF-8; a lone surrogate fails.
  bool CodePointEscape(std::string* out) {
    std::optional<uint32_t> unit = Hex4();
    if (!unit) return false;
    uint32_t code_point = *unit;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (!Consume('\\') || !Consume('u')) return false;
      const std::optional<uint32_t> low = Hex4();
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
    }
    AppendUtf8(code_point, out);
    return true;
  }

  std::optional<uint32_t> Hex4() {
    if (at_ + 4 > text_.size()) return std::nullopt;
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      uint32_t digit;
      if (c >= '0' && c <= '9') {
        digit = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool Consume(char c) {
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  void SkipWhitespace() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  const std::string_view text_;
  size_t at_ = 0;
};

}  // namespace

std::optional<nlohmann::json> ParseFlatJsonObject(std::string_view text) {
  return FlatObjectScanner(text).Object();
}

}  // namespace newsfacts
