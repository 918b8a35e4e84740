// Phrase lists of entity_patterns.h: adding a phrase, and finding phrases among a document's
// words by hashes extended word by word, so no phrase key is built to probe.
#include <algorithm>
#include <array>
#include <cctype>

#include "extractors/entities/entity_patterns.h"
#include "extractors/entities/gazetteer.h"

namespace newsfacts {
namespace {

std::string_view FoldedOf(const EntityWord& word) { return word.folded; }

}  // namespace

std::string FoldedKey(const std::vector<EntityWord>& words, size_t begin, size_t end) {
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && words[i].space_before) key += ' ';
    key += words[i].folded;
  }
  return key;
}

void PhraseList::Add(std::string_view phrase) {
  const std::string key = FoldCase(Gazetteer::PhraseKey(phrase));
  if (key.empty()) return;
  phrases_.Insert(key);
  first_words_.Insert(FirstWordOf(key));
  last_words_.Insert(LastWordOf(key));
  // Words as a tokenizer may split them, erring high: runs of letters and digits, and each
  // other visible character.
  size_t words = 0;
  bool in_word = false;
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    const bool word_char = std::isalnum(u) || u >= 0x80;
    if (word_char) {
      if (!in_word) ++words;
    } else if (c != ' ') {
      ++words;
    }
    in_word = word_char;
  }
  max_words_ = std::max(max_words_, words);
}

uint64_t FoldedKeyHash(const std::vector<EntityWord>& words, size_t begin, size_t end) {
  KeyHash key;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && words[i].space_before) key.Append(' ');
    key.Append(words[i].FoldedPart());
  }
  return key.Finish();
}

bool PhraseList::ContainsWords(const std::vector<EntityWord>& words, size_t begin,
                               size_t end) const {
  const auto is_key = [&](std::string_view phrase) {
    return IsKeyOfWords(phrase, words, begin, end, FoldedOf);
  };
  return phrases_.FindIf(FoldedKeyHash(words, begin, end), is_key) != WordTable::kNotFound;
}

// Probes the longest phrase first: the hash of each shorter phrase extends that of the one
// word shorter (or, ending at `end`, is extended by a word in front), so no key is built.
size_t PhraseList::LongestAt(const std::vector<EntityWord>& words, size_t begin,
                             size_t limit) const {
  const size_t max_n = std::min({max_words_, limit - begin, kMaxProbeWords});
  std::array<uint64_t, kMaxProbeWords> hashes{};  // hashes[n - 1]: the key of n words
  KeyHash key;
  for (size_t n = 0; n < max_n; ++n) {
    const EntityWord& word = words[begin + n];
    if (n > 0 && word.space_before) key.Append(' ');
    key.Append(word.FoldedPart());
    hashes[n] = key.Finish();
  }
  for (size_t n = max_n; n > 0; --n) {
    const auto is_key = [&](std::string_view phrase) {
      return IsKeyOfWords(phrase, words, begin, begin + n, FoldedOf);
    };
    if (phrases_.FindIf(hashes[n - 1], is_key) != WordTable::kNotFound) return n;
  }
  return 0;
}

size_t PhraseList::LongestEndingAt(const std::vector<EntityWord>& words, size_t end,
                                   size_t limit) const {
  const size_t max_n = std::min({max_words_, end - limit, kMaxProbeWords});
  std::array<uint64_t, kMaxProbeWords> hashes{};  // hashes[n - 1]: the key of n words
  KeyHash key;
  for (size_t n = 0; n < max_n; ++n) {
    if (n > 0 && words[end - n].space_before) key.Prepend(' ');
    key.Prepend(words[end - 1 - n].FoldedPart());
    hashes[n] = key.Finish();
  }
  for (size_t n = max_n; n > 0; --n) {
    const auto is_key = [&](std::string_view phrase) {
      return IsKeyOfWords(phrase, words, end - n, end, FoldedOf);
    };
    if (phrases_.FindIf(hashes[n - 1], is_key) != WordTable::kNotFound) return n;
  }
  return 0;
}

}  // namespace newsfacts
