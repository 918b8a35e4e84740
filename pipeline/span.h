// Span: a half-open [begin, end) range of UTF-8 byte offsets into a Document's text.
// Every annotation in newsfacts is a Span; code-point offsets exist only at the edges.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsfacts {

struct Span {
  size_t begin = 0;  // first byte, inclusive
  size_t end = 0;    // one past the last byte

  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  // The bytes of `text` this span covers. Requires end <= text.size().
  std::string_view Slice(std::string_view text) const { return text.substr(begin, end - begin); }

  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace newsfacts
