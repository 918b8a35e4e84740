// The atom automaton: a trie over the atoms' bytes, ASCII folded to lower case, completed into
// a table of transitions over byte classes, plus the characters RE2 would fold into an atom's
// character that the table cannot (found by asking RE2 once, at construction).
#include "extractors/kernel/atom_matcher.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <set>

#include "extractors/kernel/regex.h"
#include "pipeline/text.h"

namespace newsfacts {
namespace {

char FoldAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// `code_point` with ASCII upper case folded to lower case.
uint32_t FoldAscii(uint32_t code_point) {
  return code_point >= 'A' && code_point <= 'Z' ? code_point - 'A' + 'a' : code_point;
}

// The code point starting at byte `*pos` of `text`, advancing `*pos` past it; a byte that does
// not start a valid sequence stands for itself.
uint32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto lead = static_cast<unsigned char>(text[*pos]);
  const size_t length = lead < 0x80    ? 1
                        : lead >= 0xF0 ? 4
                        : lead >= 0xE0 ? 3
                        : lead >= 0xC0 ? 2
                                       : 1;
  if (length == 1 || *pos + length > text.size()) {
    ++*pos;
    return lead;
  }
  uint32_t code_point = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[*pos + i]) & 0x3F);
  }
  *pos += length;
  return code_point;
}

// Every character from U+0001 to `last` but the surrogates, in order, in UTF-8.
std::string EveryCharacterUpTo(uint32_t last) {
  std::string every;
  for (uint32_t code_point = 1; code_point <= last; ++code_point) {
    if (code_point < 0xD800 || code_point > 0xDFFF) AppendUtf8(code_point, &every);
  }
  return every;
}

// EveryCharacterUpTo(0xFFFF), built once per process: every prefilter's matcher asks RE2 over
// it (issue 16: building it anew for each was 19M instructions of start-up).
const std::string& EveryCharacterOfTheFirstPlane() {
  static const std::string every = EveryCharacterUpTo(0xFFFF);
  return every;
}

// The characters that RE2, ignoring case, takes for one of `atom_code_points` but that are no
// ASCII case variant of one: Unicode case partners such as KELVIN SIGN for 'k'. RE2 is asked
// over every character of the Basic Multilingual Plane, and of the others too when an atom
// holds one (Unicode pairs no character of the first plane with one of the others by case).
std::set<uint32_t> CaseFoldPartners(const std::set<uint32_t>& atom_code_points) {
  std::set<uint32_t> partners;
  if (atom_code_points.empty()) return partners;
  std::string any_of = "[";
  char escaped[16];
  for (const uint32_t code_point : atom_code_points) {
    std::snprintf(escaped, sizeof(escaped), "\\x{%X}", code_point);
    any_of += escaped;
  }
  any_of += "]";
  StatusOr<std::unique_ptr<Regex>> regex = Regex::Compile(any_of, {.case_sensitive = false});
  if (!regex.ok()) return partners;
  std::string all_planes;
  if (*atom_code_points.rbegin() >= 0x10000) all_planes = EveryCharacterUpTo(0x10FFFF);
  const std::string& every = all_planes.empty() ? EveryCharacterOfTheFirstPlane() : all_planes;
  std::set<uint32_t> folded;
  for (const uint32_t code_point : atom_code_points) folded.insert(FoldAscii(code_point));
  std::vector<std::string_view> match;
  for (size_t pos = 0; pos < every.size() && (*regex)->Find(every, pos, every.size(), &match);) {
    size_t end = static_cast<size_t>(match[0].data() - every.data());
    const uint32_t code_point = NextCodePoint(every, &end);
    if (!folded.count(FoldAscii(code_point))) partners.insert(code_point);
    pos = end;
  }
  return partners;
}

}  // namespace

AtomMatcher::AtomMatcher(const std::vector<std::string>& atoms)
    : atom_count_(static_cast<int>(atoms.size())) {
  std::set<uint32_t> code_points;
  for (const std::string& atom : atoms) {
    for (size_t pos = 0; pos < atom.size();) code_points.insert(NextCodePoint(atom, &pos));
  }
  std::vector<std::string> paths = atoms;
  for (const uint32_t partner : CaseFoldPartners(code_points)) {
    std::string bytes;
    AppendUtf8(partner, &bytes);
    paths.push_back(bytes);
  }
  path_count_ = paths.size();
  for (const std::string& path : paths) longest_path_ = std::max(longest_path_, path.size());
  for (const std::string& path : paths) {
    for (const char c : path) {
      uint8_t& byte_class = byte_class_[static_cast<unsigned char>(FoldAscii(c))];
      if (byte_class == 0) byte_class = static_cast<uint8_t>(classes_++);
    }
  }
  for (char c = 'A'; c <= 'Z'; ++c) {
    byte_class_[static_cast<unsigned char>(c)] =
        byte_class_[static_cast<unsigned char>(FoldAscii(c))];
  }
  next_.assign(classes_, 0);  // the root
  std::vector<std::vector<int>> ends(1);
  for (size_t i = 0; i < paths.size(); ++i) {
    const uint32_t state = AddPath(paths[i]);
    if (ends.size() <= state) ends.resize(state + 1);
    ends[state].push_back(static_cast<int>(i));
  }
  Complete(ends);
}

uint32_t AtomMatcher::AddPath(std::string_view atom) {
  uint32_t state = 0;
  for (const char c : atom) {
    const size_t slot = state * classes_ + byte_class_[static_cast<unsigned char>(FoldAscii(c))];
    if (next_[slot] == 0) {
      next_[slot] = static_cast<uint32_t>(next_.size() / classes_);
      next_.resize(next_.size() + classes_, 0);
    }
    state = next_[slot];
  }
  return state;
}

void AtomMatcher::Complete(const std::vector<std::vector<int>>& ends) {
  const size_t states = next_.size() / classes_;
  std::vector<std::vector<int>> outputs(states);
  std::vector<uint32_t> failure(states, 0);
  std::vector<uint32_t> depth(states, 0);  // in bytes from the root
  // Breadth first, so a state's failure (shorter) is complete before the state.
  std::vector<uint32_t> order = {0};
  std::deque<uint32_t> queue;
  for (uint32_t c = 0; c < classes_; ++c) {
    if (next_[c] != 0) {
      depth[next_[c]] = 1;
      queue.push_back(next_[c]);
    }
  }
  while (!queue.empty()) {
    const uint32_t state = queue.front();
    queue.pop_front();
    order.push_back(state);
    for (uint32_t c = 0; c < classes_; ++c) {
      uint32_t& target = next_[state * classes_ + c];
      const uint32_t fallback = next_[failure[state] * classes_ + c];
      if (target == 0) {
        target = fallback;
      } else {
        failure[target] = fallback;
        depth[target] = depth[state] + 1;
        queue.push_back(target);
      }
    }
  }
  for (const uint32_t state : order) {
    if (state < ends.size()) outputs[state] = ends[state];
    if (state == 0) continue;
    const std::vector<int>& inherited = outputs[failure[state]];
    outputs[state].insert(outputs[state].end(), inherited.begin(), inherited.end());
  }
  // States renumbered breadth first, so the shallow ones that most bytes of a text visit share
  // a few cache lines of each column; the root first, then the states that end no atom, then
  // those that do, so that a state's number tells whether it ends one (first_output_).
  std::vector<uint32_t> ranked = {0};
  for (const bool with_outputs : {false, true}) {
    for (const uint32_t state : order) {
      if (state != 0 && outputs[state].empty() != with_outputs) ranked.push_back(state);
    }
    if (!with_outputs) first_output_ = static_cast<uint32_t>(ranked.size());
  }
  if (!outputs[0].empty()) first_output_ = 0;  // an empty atom ends at the root
  std::vector<uint32_t> renumbered(states);
  for (uint32_t rank = 0; rank < ranked.size(); ++rank) renumbered[ranked[rank]] = rank;
  std::vector<uint32_t> wide(next_.size());
  output_begin_.assign(1, 0);
  depth_.clear();
  for (uint32_t rank = 0; rank < ranked.size(); ++rank) {
    const uint32_t state = ranked[rank];
    for (uint32_t c = 0; c < classes_; ++c) {
      wide[c * states + rank] = renumbered[next_[state * classes_ + c]];
    }
    outputs_.insert(outputs_.end(), outputs[state].begin(), outputs[state].end());
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    depth_.push_back(depth[state]);
  }
  if (states <= kMaxNarrowStates) {
    narrow_next_.assign(wide.begin(), wide.end());
  } else {
    wide_next_ = std::move(wide);
  }
  for (size_t byte = 0; byte < 256; ++byte) {
    column_[byte] = static_cast<uint32_t>(byte_class_[byte] * states);
  }
  next_ = std::vector<uint32_t>();
}

namespace {

// One walk of the automaton of transitions `next` (columns at `column`, entries of type Entry,
// the target states): the states reached that end an atom (numbered `first_output` on) are
// written to `ends`, without a branch: atoms end at a fifth of the bytes of news text, at
// random, and a branch there was mispredicted as often. The comparison with `first_output`
// costs fewer instructions per byte than a flag bit in the entry that needs masking off.
template <typename Entry>
struct Walk {
  void Step(const Entry* next, const uint32_t* column, char c) {
    state = next[column[static_cast<unsigned char>(c)] + state];
    ends[count] = state;
    count += state >= first_output ? 1 : 0;
  }

  uint32_t* ends;
  uint32_t first_output;
  uint32_t state = 0;
  size_t count = 0;
};

// Walks `first` and `second` (no shorter) side by side, so that the load of one walk's next
// transition overlaps the other's (issue 16: each byte waited on its transition's load).
template <typename Entry>
void WalkPair(const Entry* next, const uint32_t* column, std::string_view first,
              std::string_view second, Walk<Entry>* first_walk, Walk<Entry>* second_walk) {
  size_t i = 0;
  for (; i < first.size(); ++i) {
    first_walk->Step(next, column, first[i]);
    second_walk->Step(next, column, second[i]);
  }
  for (; i < second.size(); ++i) second_walk->Step(next, column, second[i]);
}

// The states reached in `text` that end an atom, in `ends` (room for the bytes of `text` and
// `longest` more), as ranges [0, first count) and [second begin, second begin + second count).
// `depth[s]` is how many bytes state s lies from the root, `longest` the most. A text at least
// twice `longest` is walked as two halves, the second from the root. The first walk then goes on
// into the second half only while its state is deeper than the bytes of that half read: while it
// may be inside an atom that began in the first half. A state no deeper is the second walk's
// state there (the longest suffix read that a path holds lies in the second half), and the
// second walk finds every atom ending after it. Most bytes of news text leave a shallow state,
// so this costs a byte or two where starting the second walk the longest atom early cost that
// atom's length in bytes.
template <typename Entry>
std::array<size_t, 3> WalkText(const Entry* next, const uint32_t* column, uint32_t first_output,
                               const uint32_t* depth, size_t longest, std::string_view text,
                               uint32_t* ends) {
  const size_t half = text.size() / 2;
  if (half < longest) {
    Walk<Entry> walk{ends, first_output};
    for (const char c : text) walk.Step(next, column, c);
    return {walk.count, 0, 0};
  }
  Walk<Entry> first_walk{ends, first_output};
  Walk<Entry> second_walk{ends + half + longest, first_output};
  WalkPair<Entry>(next, column, text.substr(0, half), text.substr(half), &first_walk, &second_walk);
  // Ends within `longest` bytes, as no state lies deeper.
  for (size_t read = 0; depth[first_walk.state] > read; ++read) {
    first_walk.Step(next, column, text[half + read]);
  }
  return {first_walk.count, half + longest, second_walk.count};
}

}  // namespace

bool AtomMatcher::Find(std::string_view text, std::vector<int>* found) const {
  // An empty atom (RequiredAtoms makes none) occurs everywhere: it ends at the root.
  found->assign(outputs_.begin(), outputs_.begin() + output_begin_[1]);
  // Per-thread buffers, only ever grown: resizing down and up again zeroed the bytes between
  // at every call.
  thread_local std::vector<uint32_t> ends;
  if (ends.size() < text.size() + longest_path_) ends.resize(text.size() + longest_path_);
  const auto [first_count, second_begin, second_count] =
      narrow() ? WalkText(narrow_next_.data(), column_, first_output_, depth_.data(), longest_path_,
                          text, ends.data())
               : WalkText(wide_next_.data(), column_, first_output_, depth_.data(), longest_path_,
                          text, ends.data());
  // Each atom is kept once, as a flag per atom says: most ends repeat an atom found before.
  thread_local std::vector<char> seen;  // all zero between calls
  if (seen.size() < path_count_) seen.resize(path_count_);
  // Plain pointers, which found->push_back cannot be taken to change: through the vectors,
  // each access reloaded their data pointers.
  char* const seen_flags = seen.data();
  const uint32_t* const ends_data = ends.data();
  const uint32_t* const output_begin = output_begin_.data();
  const int* const outputs = outputs_.data();
  for (const int atom : *found) seen_flags[atom] = 1;
  const auto add_outputs = [&](size_t begin, size_t count) {
    for (size_t k = begin; k < begin + count; ++k) {
      const uint32_t state = ends_data[k];
      for (uint32_t o = output_begin[state], last = output_begin[state + 1]; o < last; ++o) {
        const int atom = outputs[o];
        if (seen_flags[atom] == 0) {
          seen_flags[atom] = 1;
          found->push_back(atom);
        }
      }
    }
  };
  add_outputs(0, first_count);
  add_outputs(second_begin, second_count);
  for (const int atom : *found) seen_flags[atom] = 0;
  return std::none_of(found->begin(), found->end(), [&](int atom) { return atom >= atom_count_; });
}

}  // namespace newsfacts
