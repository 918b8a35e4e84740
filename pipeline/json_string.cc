// JSON string literals: valid UTF-8 is copied in runs between the bytes that need escaping,
// checked eight bytes at a time and validated in the same pass; invalid UTF-8, rare in
// extracted facts (Document repairs article text), goes through nlohmann::json so that its
// replacement rule stays the one authority.
#include "pipeline/json_string.h"

#include <nlohmann/json.hpp>

#include "pipeline/byte_words.h"
#include "pipeline/text.h"

namespace newsfacts {

namespace {

// True when one of the eight bytes at `p` is not copied as it is: a control, `"`, `\` or a
// byte of a multi-byte sequence, which must be checked.
bool WordNeedsLook(const char* p) {
  const uint64_t word = LoadWord(p);
  return HasNonAsciiByte(word) || HasByteBelow(word, 0x20) || HasByte(word, '"') ||
         HasByte(word, '\\');
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const size_t out_start = out->size();
  out->push_back('"');
  size_t run = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && !WordNeedsLook(text.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        out->resize(out_start);
        out->append(nlohmann::json(std::string(text))
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(text.substr(run, i - run));
    run = ++i;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.substr(run));
  out->push_back('"');
}

}  // namespace newsfacts
