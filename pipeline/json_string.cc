// JSON string literals: valid UTF-8 is copied in runs between the bytes that need escaping;
// invalid UTF-8, rare in extracted facts (Document repairs article text), goes through
// nlohmann::json so that its replacement rule stays the one authority.
#include "pipeline/json_string.h"

#include <nlohmann/json.hpp>

#include "pipeline/text.h"

namespace newsfacts {

void AppendJsonString(std::string_view text, std::string* out) {
  if (!IsValidUtf8(text)) {
    out->append(nlohmann::json(std::string(text))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.substr(run, i - run));
    run = i + 1;
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
