// TextArena: bytes that outlive their builder at stable addresses, for the word texts of one
// entity word view that are no bytes of the document (issue 16: no allocation per word).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace newsfacts {

// Hands out byte ranges from a few large blocks; a range never moves while the arena lives,
// moving the arena included. Not thread-safe: one word view owns it.
class TextArena {
 public:
  // Returns `size` writable bytes of unspecified contents (an empty view's pointer when `size`
  // is 0).
  char* Allocate(size_t size) {
    if (free_ < size) {
      const size_t block = std::max(size, next_block_);
      // Not zeroed: the caller writes every byte it is handed (zeroing each document's first
      // block was a tenth of the cost of the word view's new forms, issue 16).
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
      top_ = blocks_.back().get();
      free_ = block;
      next_block_ = std::min(next_block_ * 2, kMaxBlock);
    }
    char* bytes = top_;
    top_ += size;
    free_ -= size;
    return bytes;
  }

  // Returns a view of a copy of `bytes` kept in the arena.
  std::string_view Store(std::string_view bytes) {
    char* copy = Allocate(bytes.size());
    if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
    return {copy, bytes.size()};
  }

 private:
  static constexpr size_t kMaxBlock = size_t{1} << 20;

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* top_ = nullptr;
  size_t free_ = 0;
  size_t next_block_ = 4096;
};

}  // namespace newsfacts
