// CellText: a query result cell as plain text (NULL empty, reals shortest, blobs hex).
#include "cli/cell_text.h"

#include <charconv>
#include <cmath>

namespace newsfacts {
namespace {

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0F]);
  }
  return hex;
}

}  // namespace

std::string RealText(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string text(buffer, result.ptr);
  if (std::isfinite(value) && text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string CellText(const Cell& cell) {
  switch (cell.type) {
    case CellType::kNull:
      return "";
    case CellType::kInteger:
      return std::to_string(cell.integer);
    case CellType::kFloat:
      return RealText(cell.real);
    case CellType::kBlob:
      return Hex(cell.bytes);
    case CellType::kText:
      return std::string(cell.bytes);
  }
  return "";
}

}  // namespace newsfacts
