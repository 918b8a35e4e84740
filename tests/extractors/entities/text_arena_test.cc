// TextArena: stored bytes keep their address and content while the arena grows and moves.
#include "extractors/entities/text_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace newsfacts {
namespace {

TEST(TextArenaTest, StoredBytesStayPutAsTheArenaGrowsAndMoves) {
  TextArena arena;
  std::vector<std::string> texts;
  std::vector<std::string_view> stored;
  for (int k = 0; k < 3000; ++k) {
    texts.push_back("word" + std::to_string(k) + std::string(static_cast<size_t>(k % 40), 'x'));
    stored.push_back(arena.Store(texts.back()));
  }
  stored.push_back(arena.Store(std::string(10000, 'y')));  // larger than a block
  texts.push_back(std::string(10000, 'y'));
  const TextArena moved = std::move(arena);
  for (size_t k = 0; k < texts.size(); ++k) EXPECT_EQ(stored[k], texts[k]) << k;
  EXPECT_TRUE(TextArena().Store("").empty());
}

}  // namespace
}  // namespace newsfacts
