// The entity stage's string tables: KeyHash, a hash that extends over concatenation (so the
// hash of a phrase of words is built from its words' parts, never from a joined string), and
// one open-addressing table over it, which either owns its strings (WordTable, WordMap: the
// rules' words and phrases) or views strings kept alive elsewhere (FormTable: the distinct
// folded forms of one document's words), with the inline byte comparison their probes use;
// and a table of ids of words of up to 8 bytes keyed by their bytes as one integer
// (ShortWordIds).
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacts {

// The bytes of `word` (1 to 8 of them) as a little-endian integer, zero above: two loads of
// four bytes that may overlap, or three single bytes, never past the word.
inline uint64_t LoadShortBytes(std::string_view word) {
  static_assert(std::endian::native == std::endian::little, "bytes load low byte first");
  const auto* bytes = reinterpret_cast<const unsigned char*>(word.data());
  const size_t n = word.size();
  if (n >= 4) {
    uint32_t low = 0;
    uint32_t high = 0;
    std::memcpy(&low, bytes, 4);
    std::memcpy(&high, bytes + n - 4, 4);
    return uint64_t{low} | (uint64_t{high} << (8 * (n - 4)));
  }
  return uint64_t{bytes[0]} | (uint64_t{bytes[n / 2]} << (8 * (n / 2))) |
         (uint64_t{bytes[n - 1]} << (8 * (n - 1)));
}

// True when `a` and `b` hold the same bytes; words of up to 8 bytes compare inline.
inline bool SameBytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() - 1 < 8) return LoadShortBytes(a) == LoadShortBytes(b);  // 1 to 8 bytes
  return a == b;
}

// The hash of a byte string, built byte by byte or from the parts of a concatenation, at
// either end: Append(PartOf(a)) then Append(PartOf(b)), or Prepend(PartOf(b)) then
// Prepend(PartOf(a)), gives the hash Of(a + b). The same in every run.
class KeyHash {
 public:
  // What Append needs of a string: its polynomial over the bytes and its length.
  struct Part {
    uint64_t poly = 0;
    size_t length = 0;
  };

  static Part PartOf(std::string_view bytes) {
    Part part{0, bytes.size()};
    for (const char c : bytes) part.poly = part.poly * kBase + static_cast<unsigned char>(c);
    return part;
  }
  // The hash of `bytes`: KeyHash().Append(PartOf(bytes)).Finish().
  static uint64_t Of(std::string_view bytes) { return Finish(PartOf(bytes)); }
  // The hash of the string whose part is `part`.
  static uint64_t Finish(Part part) {
    // A murmur3 finalizer: every bit of the polynomial and the length reaches the low bits
    // (the slot), the bits above 32 (compared before the string) and 40 (the filter).
    uint64_t hash = part.poly ^ (part.length * 0x9e3779b97f4a7c15ull);
    hash ^= hash >> 33;
    hash *= 0xff51afd7ed558ccdull;
    hash ^= hash >> 33;
    hash *= 0xc4ceb9fe1a85ec53ull;
    return hash ^ (hash >> 33);
  }

  // Extends the hashed string by one byte, or by a string whose part is `part`.
  KeyHash& Append(char c) {
    part_.poly = part_.poly * kBase + static_cast<unsigned char>(c);
    ++part_.length;
    return *this;
  }
  KeyHash& Append(Part part) {
    part_.poly = part_.poly * Power(part.length) + part.poly;
    part_.length += part.length;
    return *this;
  }
  // Extends the hashed string in front, by one byte or by a string whose part is `part`.
  KeyHash& Prepend(char c) {
    part_.poly += static_cast<unsigned char>(c) * Power(part_.length);
    ++part_.length;
    return *this;
  }
  KeyHash& Prepend(Part part) {
    part_.poly += part.poly * Power(part_.length);
    part_.length += part.length;
    return *this;
  }
  uint64_t Finish() const { return Finish(part_); }
  // The part of the hashed string, to append it to another.
  Part part() const { return part_; }

 private:
  static constexpr uint64_t kBase = 0xbf58476d1ce4e5b9ull;  // odd: every power is odd too
  static constexpr size_t kTabledPowers = 64;

  // kBase to the power `length` (mod 2^64): a table for words, squaring for longer strings.
  static uint64_t Power(size_t length) {
    static constexpr std::array<uint64_t, kTabledPowers> kPowers = [] {
      std::array<uint64_t, kTabledPowers> powers{};
      powers[0] = 1;
      for (size_t k = 1; k < kTabledPowers; ++k) powers[k] = powers[k - 1] * kBase;
      return powers;
    }();
    if (length < kTabledPowers) return kPowers[length];
    uint64_t power = 1;
    for (uint64_t base = kBase; length > 0; length >>= 1, base *= base) {
      if ((length & 1) != 0) power *= base;
    }
    return power;
  }

  Part part_;
};

// A set of distinct strings, each with a dense index in order of insertion: open addressing
// over one flat array, so that a lookup costs one probe run. Most lookups of the rules'
// tables miss; a bit filter an eighth the size of the slots (in cache where the slots are
// not) rejects most misses before any slot is read. `Text` is std::string (the table owns
// its strings) or std::string_view (the caller keeps them alive). Find is safe from many
// threads at once once the table is built; Insert is not.
template <typename Text>
class BasicWordTable {
 public:
  static constexpr size_t kNotFound = static_cast<size_t>(-1);

  // Makes room for `words` strings without growing.
  void Reserve(size_t words) {
    size_t slots = slots_.empty() ? 64 : slots_.size();
    while (slots < words * 2) slots *= 2;
    if (slots != slots_.size()) Rebuild(slots);
  }

  // Returns the index of `word`, adding it when new (indexes count up from 0).
  size_t Insert(std::string_view word) { return Insert(word, KeyHash::Of(word)); }
  // The same, given KeyHash::Of(word) already computed.
  size_t Insert(std::string_view word, uint64_t hash) {
    if (const size_t found = Find(word, hash); found != kNotFound) return found;
    return Add(word, hash);
  }
  // Adds `word`, which the table does not hold, with its hash; returns its index.
  size_t Add(std::string_view word, uint64_t hash) {
    if ((words_.size() + 1) * 2 > slots_.size()) Rebuild(slots_.empty() ? 64 : slots_.size() * 2);
    const size_t mask = slots_.size() - 1;
    size_t slot = hash & mask;
    while (slots_[slot].entry != 0) slot = (slot + 1) & mask;
    words_.emplace_back(word);
    hashes_.push_back(hash);
    slots_[slot] = Slot{static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(hash >> 32)};
    SetFilterBit(hash);
    return words_.size() - 1;
  }

  // Returns the index of `word`, or kNotFound.
  size_t Find(std::string_view word) const { return Find(word, KeyHash::Of(word)); }
  // The same, given KeyHash::Of(word) already computed.
  size_t Find(std::string_view word, uint64_t hash) const {
    return FindIf(hash, [word](std::string_view stored) { return SameBytes(stored, word); });
  }
  // Returns the index of the string of hash `hash` for which `equal(string)` holds, or
  // kNotFound: a lookup of a key that was never built as a string.
  template <typename Equal>
  size_t FindIf(uint64_t hash, const Equal& equal) const {
    if (slots_.empty()) return kNotFound;
    const size_t bit = FilterBit(hash);
    if ((filter_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return kNotFound;
    const size_t mask = slots_.size() - 1;
    const auto high = static_cast<uint32_t>(hash >> 32);
    for (size_t slot = hash & mask; slots_[slot].entry != 0; slot = (slot + 1) & mask) {
      if (slots_[slot].hash_high != high) continue;
      const size_t index = slots_[slot].entry - 1;
      if (equal(std::string_view(words_[index]))) return index;
    }
    return kNotFound;
  }

  size_t size() const { return words_.size(); }
  const Text& word(size_t index) const { return words_[index]; }

 private:
  struct Slot {
    uint32_t entry = 0;      // 0: empty; else 1 + index into words_
    uint32_t hash_high = 0;  // high half of the word's hash, compared before the word
  };

  // The filter bit of a hash: drawn from other bits than the slot.
  size_t FilterBit(uint64_t hash) const { return (hash >> 40) & (filter_.size() * 64 - 1); }
  void SetFilterBit(uint64_t hash) {
    const size_t bit = FilterBit(hash);
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }

  // Files every string again in `slots` slots (a power of two, at least 64).
  void Rebuild(size_t slots) {
    slots_.assign(slots, Slot{});
    const size_t mask = slots - 1;
    for (size_t index = 0; index < words_.size(); ++index) {
      size_t slot = hashes_[index] & mask;
      while (slots_[slot].entry != 0) slot = (slot + 1) & mask;
      slots_[slot] =
          Slot{static_cast<uint32_t>(index + 1), static_cast<uint32_t>(hashes_[index] >> 32)};
    }
    // Sixteen filter bits a string at most load: about one miss in sixteen reads the slots.
    filter_.assign(slots / 8, 0);
    for (const uint64_t hash : hashes_) SetFilterBit(hash);
  }

  std::vector<Text> words_;
  std::vector<uint64_t> hashes_;  // KeyHash of each string
  std::vector<Slot> slots_;
  std::vector<uint64_t> filter_;  // bit FilterBit(hash) set for the hash of every string
};

// The rules' words and phrases: a table that owns its strings.
using WordTable = BasicWordTable<std::string>;
// The distinct folded forms of one document's words: views of the document's text or of
// the arena of its word view.
using FormTable = BasicWordTable<std::string_view>;

// Ids of words of 1 to 8 bytes, none of them zero, keyed by the word itself as an integer
// (LoadShortBytes, which is never 0 for such a word): a lookup hashes with one multiply and
// compares one integer, never bytes. The entity word view finds the form of most words here
// before its FormTable (issue 16). Not thread-safe.
class ShortWordIds {
 public:
  static constexpr uint32_t kNotFound = static_cast<uint32_t>(-1);

  // Sets `key` to the key of `word` and returns true when it has one: 1 to 8 bytes, no zero
  // byte among them.
  static bool KeyOf(std::string_view word, uint64_t* key) {
    if (word.empty() || word.size() > 8 || word.find('\0') != std::string_view::npos) return false;
    *key = LoadShortBytes(word);
    return true;
  }

  // Makes room for `words` keys without growing. An empty table takes as few slots as that
  // needs, of those it has: a table reused for document after document probes a small one's
  // keys within a few cache lines, not across the slots a long one needed.
  void Reserve(size_t words) {
    size_t slots = 64;
    while (slots < words * 2) slots *= 2;
    if (count_ == 0 && slots <= keys_.size()) {
      UseSlots(slots);
    } else if (slots > slots_) {
      Rebuild(slots);
    }
  }
  // The id of `key`, or kNotFound.
  uint32_t Find(uint64_t key) const {
    if (slots_ == 0) return kNotFound;
    for (size_t slot = SlotOf(key);; slot = (slot + 1) & mask_) {
      if (keys_[slot] == key) return ids_[slot];
      if (keys_[slot] == 0) return kNotFound;
    }
  }
  // Gives `key` (not 0, not yet held) the id `id`.
  void Add(uint64_t key, uint32_t id) {
    if ((count_ + 1) * 2 > slots_) Rebuild(slots_ == 0 ? 64 : slots_ * 2);
    size_t slot = SlotOf(key);
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = key;
    ids_[slot] = id;
    filled_.push_back(static_cast<uint32_t>(slot));
    ++count_;
  }
  // Removes every key at a cost of the keys held, not of the slots: a table reused for
  // document after document is emptied so.
  void Clear() {
    for (const uint32_t slot : filled_) keys_[slot] = 0;
    filled_.clear();
    count_ = 0;
  }
  size_t size() const { return count_; }
  // The slots a probe may visit.
  size_t slots() const { return slots_; }

 private:
  // The high bits of a Fibonacci hash: every byte of the key reaches them.
  size_t SlotOf(uint64_t key) const {
    return static_cast<size_t>((key * 0x9e3779b97f4a7c15ull) >> shift_);
  }
  // Probes the first `slots` slots (a power of two, at least 64, at most those allocated).
  void UseSlots(size_t slots) {
    slots_ = slots;
    mask_ = slots - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
  }
  // Files every key again in `slots` slots (a power of two, at least 64).
  void Rebuild(size_t slots) {
    std::vector<uint64_t> old_keys(slots);
    std::vector<uint32_t> old_ids(slots);
    old_keys.swap(keys_);
    old_ids.swap(ids_);
    const size_t old_slots = slots_;
    UseSlots(slots);
    filled_.clear();
    for (size_t k = 0; k < old_slots; ++k) {
      if (old_keys[k] == 0) continue;
      size_t at = SlotOf(old_keys[k]);
      while (keys_[at] != 0) at = (at + 1) & mask_;
      keys_[at] = old_keys[k];
      ids_[at] = old_ids[k];
      filled_.push_back(static_cast<uint32_t>(at));
    }
  }

  // Slot by slot, apart: a probe reads keys alone.
  std::vector<uint64_t> keys_;  // 0: empty
  std::vector<uint32_t> ids_;
  std::vector<uint32_t> filled_;  // the slots that hold a key, for Clear
  size_t count_ = 0;
  size_t slots_ = 0;  // those probed: the first of keys_ and ids_, the rest empty
  size_t mask_ = 0;
  unsigned shift_ = 64;
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
  const T* Find(std::string_view word) const { return ValueAt(keys_.Find(word)); }
  // The value of the key of hash `hash` that `equal` accepts (BasicWordTable::FindIf), or
  // nullptr.
  template <typename Equal>
  const T* FindIf(uint64_t hash, const Equal& equal) const {
    return ValueAt(keys_.FindIf(hash, equal));
  }
  size_t size() const { return values_.size(); }
  const std::string& key(size_t index) const { return keys_.word(index); }
  const T& value(size_t index) const { return values_[index]; }

 private:
  const T* ValueAt(size_t index) const {
    return index == WordTable::kNotFound ? nullptr : &values_[index];
  }

  WordTable keys_;
  std::vector<T> values_;
};

}  // namespace newsfacts
