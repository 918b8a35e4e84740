// UTF-8 repair (hand-written decoder, follows the Unicode maximal-subpart practice) and NFC via
// ICU.
#include "pipeline/text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "pipeline/byte_words.h"

namespace newsfacts {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed sequence starting at `i`, or 0 when ill-formed. On 0, `*skip`
// is the length of the maximal subpart to replace with one U+FFFD (at least 1).
size_t WellFormedLength(std::string_view s, size_t i, size_t* skip) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  *skip = 1;
  if (b0 < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) return 0;
    const unsigned char b = byte(i + k);
    const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) return 0;
    *skip = k + 1;
  }
  return need;
}

// Length of the run of ASCII bytes at the start of `s`, found eight bytes at a time.
size_t AsciiPrefixLength(std::string_view s) {
  size_t i = 0;
  while (i + 8 <= s.size() && !HasNonAsciiByte(LoadWord(s.data() + i))) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

bool IsAscii(std::string_view s) { return AsciiPrefixLength(s) == s.size(); }

}  // namespace

RepairedText RepairUtf8(std::string_view bytes) {
  RepairedText out;
  if (IsValidUtf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + 16);
  size_t i = 0;
  while (i < bytes.size()) {
    size_t skip = 1;
    const size_t len = WellFormedLength(bytes, i, &skip);
    if (len > 0) {
      out.text.append(bytes.substr(i, len));
      i += len;
    } else {
      out.text.append(kReplacement);
      ++out.replaced;
      i += skip;
    }
  }
  return out;
}

size_t RepairUtf8InPlace(std::string& text) {
  if (IsValidUtf8(text)) return 0;
  RepairedText repaired = RepairUtf8(text);
  text = std::move(repaired.text);
  return repaired.replaced;
}

bool IsValidUtf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    i += AsciiPrefixLength(bytes.substr(i));
    if (i == bytes.size()) break;
    const size_t len = Utf8SequenceLength(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

size_t Utf8SequenceLength(std::string_view bytes, size_t i) {
  size_t skip = 1;
  return WellFormedLength(bytes, i, &skip);
}

bool IsNfc(std::string_view utf8) {
  if (IsAscii(utf8)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return true;
  const bool normalized = nfc->isNormalizedUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), status);
  return U_FAILURE(status) || normalized;
}

std::string NormalizeNfc(std::string_view utf8) {
  if (IsNfc(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // Straight from UTF-8 to UTF-8: a UTF-16 copy of a 60 MB article would take 120 MB more.
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                     nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

}  // namespace newsfacts
