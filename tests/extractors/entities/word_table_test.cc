// KeyHash over concatenations and the open-addressing tables of the entity stage.
#include "extractors/entities/word_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsfacts {
namespace {

TEST(WordTableTest, SameBytesAtEveryLength) {
  const std::string text = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 0; n <= 12; ++n) {
    SCOPED_TRACE(n);
    const std::string copy = text.substr(0, n);
    EXPECT_TRUE(SameBytes(std::string_view(text).substr(0, n), copy));
    for (size_t k = 0; k < n; ++k) {
      std::string changed = copy;
      changed[k] = '#';
      EXPECT_FALSE(SameBytes(copy, changed)) << k;
    }
    EXPECT_FALSE(SameBytes(copy, text.substr(0, n + 1)));
    if (n > 0 && n <= 8) {
      EXPECT_EQ(LoadShortBytes(copy) >> (8 * (n - 1)), uint64_t(copy[n - 1]));
    }
  }
}

TEST(WordTableTest, KeyHashExtendsAtEitherEnd) {
  const std::string a = "chief";
  const std::string b = " executive officer of the board of directors, a long phrase";
  KeyHash appended;
  appended.Append(KeyHash::PartOf(a)).Append(KeyHash::PartOf(b));
  EXPECT_EQ(appended.Finish(), KeyHash::Of(a + b));
  KeyHash prepended;
  prepended.Prepend(KeyHash::PartOf(b)).Prepend(KeyHash::PartOf(a));
  EXPECT_EQ(prepended.Finish(), KeyHash::Of(a + b));
  KeyHash by_bytes;
  for (const char c : a + b) by_bytes.Append(c);
  EXPECT_EQ(by_bytes.Finish(), KeyHash::Of(a + b));
  KeyHash spaced;
  spaced.Prepend(KeyHash::PartOf("jones")).Prepend(' ').Prepend(KeyHash::PartOf("dow"));
  EXPECT_EQ(spaced.Finish(), KeyHash::Of("dow jones"));
  EXPECT_NE(KeyHash::Of("ab"), KeyHash::Of("ba"));
  EXPECT_NE(KeyHash::Of(""), KeyHash::Of(std::string(1, '\0')));
}

TEST(WordTableTest, WordTableFindsEveryInsertedWordAcrossGrowth) {
  WordTable table;
  EXPECT_EQ(table.Find("apple"), WordTable::kNotFound);
  std::vector<std::string> words;
  for (int i = 0; i < 500; ++i) {
    std::string word = std::to_string(i * 7919);
    word.append("w");
    words.push_back(std::move(word));
  }
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(table.Insert(words[i]), i);
  EXPECT_EQ(table.Insert(words[3]), 3u);  // a second insertion keeps the first index
  EXPECT_EQ(table.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(table.Find(words[i]), i);
    EXPECT_EQ(table.word(i), words[i]);
  }
  EXPECT_EQ(table.Find("1w"), WordTable::kNotFound);
  EXPECT_EQ(table.Find(""), WordTable::kNotFound);
}

TEST(WordTableTest, WordMapValuesStartEmptyAndStay) {
  WordMap<size_t> map;
  EXPECT_EQ(map.Find("aws"), nullptr);
  map["aws"] = 3;
  map["amazon"] += 2;
  ASSERT_NE(map.Find("aws"), nullptr);
  EXPECT_EQ(*map.Find("aws"), 3u);
  EXPECT_EQ(*map.Find("amazon"), 2u);
  EXPECT_EQ(map.size(), 2u);
}

TEST(WordTableTest, FindIfMatchesKeysNeverBuilt) {
  WordTable table;
  table.Insert("dow jones");
  table.Insert("dow");
  const auto is = [](std::string_view key) {
    return [key](std::string_view stored) { return stored == key; };
  };
  EXPECT_EQ(table.FindIf(KeyHash::Of("dow jones"), is("dow jones")), 0u);
  EXPECT_EQ(table.FindIf(KeyHash::Of("dow"), is("dow")), 1u);
  // The hash finds the slot; the test decides.
  EXPECT_EQ(table.FindIf(KeyHash::Of("dow"), is("jones")), WordTable::kNotFound);
  EXPECT_EQ(table.FindIf(KeyHash::Of("jones"), is("jones")), WordTable::kNotFound);
}

TEST(WordTableTest, FormTableViewsStringsKeptElsewhere) {
  const std::string text = "apple pie apple";
  FormTable forms;
  forms.Reserve(3);
  const std::string_view first(text.data(), 5);
  const std::string_view again(text.data() + 10, 5);
  EXPECT_EQ(forms.Find(again, KeyHash::Of(again)), FormTable::kNotFound);
  EXPECT_EQ(forms.Add(first, KeyHash::Of(first)), 0u);
  EXPECT_EQ(forms.Find(again, KeyHash::Of(again)), 0u);
  EXPECT_EQ(forms.word(0).data(), text.data());  // a view, not a copy
  EXPECT_EQ(forms.Insert(std::string_view(text.data() + 6, 3)), 1u);
  EXPECT_EQ(forms.size(), 2u);
}

TEST(WordTableTest, ShortWordIdsFindEveryKeyAcrossGrowth) {
  ShortWordIds ids;
  EXPECT_EQ(ids.Find(LoadShortBytes("apple")), ShortWordIds::kNotFound);  // before any room
  ids.Reserve(4);
  std::vector<uint64_t> keys;
  for (int i = 0; i < 700; ++i) {
    uint64_t key = 0;
    ASSERT_TRUE(ShortWordIds::KeyOf(std::to_string(i * 7919 % 100003) + "w", &key));
    keys.push_back(key);
    ids.Add(key, static_cast<uint32_t>(i));
  }
  EXPECT_EQ(ids.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(ids.Find(keys[i]), i);
  uint64_t absent = 0;
  ASSERT_TRUE(ShortWordIds::KeyOf("zz", &absent));
  EXPECT_EQ(ids.Find(absent), ShortWordIds::kNotFound);
}

// A table emptied by Clear (as the word view empties its per-thread one after each document)
// holds none of its keys, across a growth too, and takes them anew under other ids.
TEST(WordTableTest, ShortWordIdsClearForgetsEveryKeyAndTakesThemAgain) {
  ShortWordIds ids;
  std::vector<uint64_t> keys;
  for (int i = 0; i < 300; ++i) {  // from 64 slots, grown twice
    uint64_t key = 0;
    ASSERT_TRUE(ShortWordIds::KeyOf("k" + std::to_string(i * 31), &key));
    keys.push_back(key);
    ids.Add(key, static_cast<uint32_t>(i));
  }
  ids.Clear();
  EXPECT_EQ(ids.size(), 0u);
  for (const uint64_t key : keys) EXPECT_EQ(ids.Find(key), ShortWordIds::kNotFound);
  for (size_t i = 0; i < keys.size(); i += 2) ids.Add(keys[i], static_cast<uint32_t>(1000 + i));
  EXPECT_EQ(ids.size(), keys.size() / 2);
  for (size_t i = 0; i < keys.size(); ++i) {
    EXPECT_EQ(ids.Find(keys[i]), i % 2 == 0 ? 1000 + i : ShortWordIds::kNotFound);
  }
}

// An emptied table reserved for few keys probes as few slots as they need, of those a long
// document left it, and grows from there as a new table would.
TEST(WordTableTest, ShortWordIdsEmptiedProbeOnlyTheSlotsTheNextKeysNeed) {
  ShortWordIds ids;
  std::vector<uint64_t> keys;
  for (int i = 0; i < 5000; ++i) {
    uint64_t key = 0;
    ASSERT_TRUE(ShortWordIds::KeyOf("k" + std::to_string(i * 31), &key));
    keys.push_back(key);
  }
  ids.Reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) ids.Add(keys[i], static_cast<uint32_t>(i));
  EXPECT_EQ(ids.slots(), 16384u);
  ids.Clear();
  ids.Reserve(20);
  EXPECT_EQ(ids.slots(), 64u);
  for (const uint64_t key : keys) EXPECT_EQ(ids.Find(key), ShortWordIds::kNotFound);
  for (size_t i = 0; i < 300; ++i) ids.Add(keys[i * 7], static_cast<uint32_t>(i));
  EXPECT_EQ(ids.slots(), 1024u);
  for (size_t i = 0; i < 300; ++i) EXPECT_EQ(ids.Find(keys[i * 7]), i);
  EXPECT_EQ(ids.Find(keys[1]), ShortWordIds::kNotFound);
  ids.Clear();
  ids.Reserve(5000);
  EXPECT_EQ(ids.slots(), 16384u);
}

TEST(WordTableTest, ShortWordKeysAreTheBytesOfOneToEightNonZeroBytes) {
  uint64_t key = 0;
  ASSERT_TRUE(ShortWordIds::KeyOf("a", &key));
  EXPECT_EQ(key, uint64_t{'a'});
  ASSERT_TRUE(ShortWordIds::KeyOf("abcdefgh", &key));
  EXPECT_EQ(key, LoadShortBytes("abcdefgh"));
  uint64_t other = 0;
  ASSERT_TRUE(ShortWordIds::KeyOf("abcdefg", &other));
  EXPECT_NE(key, other);
  key = 7;
  EXPECT_FALSE(ShortWordIds::KeyOf("", &key));
  EXPECT_FALSE(ShortWordIds::KeyOf("abcdefghi", &key));
  // With a zero byte, "a\0" would share the key of "a".
  EXPECT_FALSE(ShortWordIds::KeyOf(std::string_view("a\0", 2), &key));
  EXPECT_EQ(key, 7u);
}

}  // namespace
}  // namespace newsfacts
