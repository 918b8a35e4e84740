// Name helpers of the entity stage: Unicode case folding, letter-case shape of a word, the
// canonical key that lets the same entity meet itself across articles, and the flat string
// tables (WordTable, WordMap) its once-per-word lookups go through.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

// Hash of std::string keys that also accepts std::string_view, so that hash tables of the
// entity stage are probed without building a string (with std::equal_to<>).
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// A read-only set of strings, each with a dense index: open addressing over one flat array,
// so that the entity stage's once-per-word lookups cost one short hash and one probe run;
// most lookups miss, and a bit filter an eighth the size of the slots (in cache where
// the slots are not) rejects most misses before any slot is read.
// Build with Insert, then read-only: Find is safe from many threads at once.
class WordTable {
 public:
  static constexpr size_t kNotFound = static_cast<size_t>(-1);

  // Returns the index of `word`, adding it when new (indexes count up from 0).
  size_t Insert(std::string_view word);
  // Returns the index of `word`, or kNotFound.
  size_t Find(std::string_view word) const;
  // The same, given Hash(word) already computed.
  size_t Find(std::string_view word, uint64_t hash) const;
  size_t size() const { return words_.size(); }
  const std::string& word(size_t index) const { return words_[index]; }

  // The hash the table files `word` under: eight bytes at a time, the same in every run.
  static uint64_t Hash(std::string_view word);

 private:
  void Grow();

  struct Slot {
    uint32_t entry = 0;      // 0: empty; else 1 + index into words_
    uint32_t hash_high = 0;  // high half of the word's Hash, compared before the word
  };

  // The filter bit of a word's hash: drawn from other bits than the slot.
  size_t FilterBit(uint64_t hash) const { return (hash >> 40) & (filter_.size() * 64 - 1); }

  std::vector<std::string> words_;
  std::vector<uint64_t> hashes_;  // Hash of each word
  std::vector<Slot> slots_;
  std::vector<uint64_t> filter_;  // bit FilterBit(hash) set for the hash of every word
};

// A WordTable with one value per word. Same thread-safety as WordTable.
template <typename T>
class WordMap {
 public:
  // The value of `word`, value-initialized when new.
  T& operator[](std::string_view word) {
    const size_t index = keys_.Insert(word);
    if (index == values_.size()) values_.emplace_back();
    return values_[index];
  }
  // The value of `word`, or nullptr.
  const T* Find(std::string_view word) const {
    const size_t index = keys_.Find(word);
    return index == WordTable::kNotFound ? nullptr : &values_[index];
  }
  size_t size() const { return values_.size(); }
  const std::string& key(size_t index) const { return keys_.word(index); }
  const T& value(size_t index) const { return values_[index]; }

 private:
  WordTable keys_;
  std::vector<T> values_;
};

// Returns `text` in Unicode lowercase (full case mapping, locale-independent).
std::string FoldCase(std::string_view text);

// The letter case of a word, judged by its cased letters.
enum class WordShape {
  kLower,     // "apple", "meta", "of"
  kCapital,   // "Apple", "McDonald", "O'Neil": first letter uppercase, some lowercase after
  kUpper,     // "AWS", "IBM", "LEICESTER": every cased letter uppercase (at least one)
  kInnerCap,  // "eBay", "iPhone": lowercase first letter, uppercase later
  kUncased,   // "2024", "&", "-": no cased letter
};

// Returns the shape of `word` (valid UTF-8).
WordShape ShapeOf(std::string_view word);

// Sets `shape` to ShapeOf(word) and returns true when `word` is ASCII without whitespace (most
// words of news text: one scan decides both); returns false for any other word.
bool PlainAsciiShape(std::string_view word, WordShape* shape);

// Returns the canonical key of an entity name: Unicode lowercase, whitespace and hyphens
// become "-", every other punctuation or symbol character is dropped, and runs of "-" are
// collapsed and trimmed ("Brightwave Labs" -> "brightwave-labs", "J&J" -> "jj"). Legal
// designators are removed by the caller, which knows them from the rule files. Returns ""
// when `name` has no letter or digit.
std::string CanonicalKey(std::string_view name);

// Returns the first (last) word of a phrase as a word tokenizer keeps it: letters and
// digits, joined by "." or "'" only between letters or digits ("Amazon.com", "J.P", "O'Neil");
// a phrase starting (ending) with another character yields that one character.
std::string_view FirstWordOf(std::string_view phrase);
std::string_view LastWordOf(std::string_view phrase);

}  // namespace newsfacts
