// ReadCappedLine and IsBlankLine: line input with a length cap.
#include "cli/line_reader.h"

namespace newsfacts {

bool ReadCappedLine(std::FILE* in, size_t cap, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  char chunk[1 << 16];
  bool read_any = false;
  while (std::fgets(chunk, sizeof(chunk), in) != nullptr) {
    read_any = true;
    std::string_view part(chunk);
    const bool ends = !part.empty() && part.back() == '\n';
    if (ends) part.remove_suffix(1);
    if (!too_long && line.size() + part.size() <= cap) {
      line.append(part);
    } else {
      too_long = true;
      line.clear();
    }
    if (ends) break;
  }
  return read_any;
}

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r\f\v") == std::string_view::npos;
}

}  // namespace newsfacts
