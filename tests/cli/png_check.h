// A tiny PNG reader for the browser test: the image size and how many distinct scanlines it
// has (as filtered bytes), which is 1 or 2 for an image of one single colour.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace newsfacts::testing {

struct PngSummary {
  bool ok = false;
  std::string error;
  uint32_t width = 0;
  uint32_t height = 0;
  size_t distinct_rows = 0;
};

inline uint32_t BigEndian32(const std::string& bytes, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

// Reads the 8-bit RGB or RGBA PNG at `path` (what Chromium writes) and summarises it.
inline PngSummary SummarizePng(const std::string& path) {
  PngSummary summary;
  std::ifstream in(path, std::ios::binary);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < 33 || file.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
    summary.error = "not a PNG file";
    return summary;
  }
  std::string compressed;
  size_t channels = 0;
  for (size_t at = 8; at + 8 <= file.size();) {
    const uint32_t length = BigEndian32(file, at);
    const std::string type = file.substr(at + 4, 4);
    if (at + 12 + length > file.size()) break;
    if (type == "IHDR") {
      summary.width = BigEndian32(file, at + 8);
      summary.height = BigEndian32(file, at + 12);
      const int depth = file[at + 16];
      const int colour = file[at + 17];
      channels = colour == 6 ? 4 : colour == 2 ? 3 : 0;
      if (depth != 8 || channels == 0 || file[at + 20] != 0) {
        summary.error = "not an 8-bit non-interlaced RGB(A) PNG";
        return summary;
      }
    } else if (type == "IDAT") {
      compressed += file.substr(at + 8, length);
    }
    at += 12 + length;
  }
  const size_t stride = 1 + summary.width * channels;
  std::string raw(stride * summary.height, '\0');
  uLongf raw_size = raw.size();
  if (raw.empty() ||
      uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_size,
                 reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()) != Z_OK ||
      raw_size != raw.size()) {
    summary.error = "image data does not inflate to width x height";
    return summary;
  }
  std::set<std::string> rows;
  for (uint32_t y = 0; y < summary.height; ++y) rows.insert(raw.substr(y * stride, stride));
  summary.distinct_rows = rows.size();
  summary.ok = true;
  return summary;
}

}  // namespace newsfacts::testing
