// EscapeBytes: one pass over the bytes, each code point checked with the pipeline's UTF-8
// validator.
#include "db/escaped_text.h"

#include <cstdio>

#include "pipeline/text.h"

namespace newsfacts {
namespace {

// The byte length of the well-formed code point at `bytes[at]`, 0 when there is none.
size_t CodePointLength(std::string_view bytes, size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (at + length > bytes.size()) return 0;
  return IsValidUtf8(bytes.substr(at, length)) ? length : 0;
}

void AppendHex(std::string& out, const char* format, unsigned value) {
  char buffer[8];
  std::snprintf(buffer, sizeof(buffer), format, value);
  out += buffer;
}

}  // namespace

std::string EscapeBytes(std::string_view bytes, bool controls) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t at = 0; at < bytes.size();) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    const size_t length = CodePointLength(bytes, at);
    if (length == 0) {
      AppendHex(out, "\\x%02X", byte);
      ++at;
      continue;
    }
    const bool c1 = length == 2 && byte == 0xC2 && static_cast<unsigned char>(bytes[at + 1]) < 0xA0;
    if (controls && (byte < 0x20 || byte == 0x7F)) {
      if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte == '\t') {
        out += "\\t";
      } else {
        AppendHex(out, "\\x%02X", byte);
      }
    } else if (controls && c1) {
      AppendHex(out, "\\u%04X", static_cast<unsigned char>(bytes[at + 1]));
    } else {
      out.append(bytes.substr(at, length));
    }
    at += length;
  }
  return out;
}

}  // namespace newsfacts
