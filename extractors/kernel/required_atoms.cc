// A reader of RE2 syntax that computes, bottom up, what each piece of a pattern requires: an
// exact piece (a literal, a small class, a short alternation of literals) matches one of a few
// strings, which neighbouring exact pieces multiply out ("acquir" + "e|es|ed" gives "acquire",
// "acquires", "acquired"); any other piece requires groups of atoms, which a concatenation
// joins and an alternation distributes (a group takes one group of each branch). A string too
// short to look for is lengthened by the characters the pattern puts right before it, when
// those are known: "VP" among forty role words, after a space or "co-", is " vp" or "-vp"
// (issue 16: it cost the role rules their role words). A word that only ever follows a space
// keeps it: " put" is not in "computer".
#include "extractors/kernel/required_atoms.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

#include "extractors/kernel/pattern_group.h"
#include "extractors/kernel/required_atom_pieces.h"

namespace newsfacts {
namespace {

using required_atoms::Anything;
using required_atoms::AtomTable;
using required_atoms::Exact;
using required_atoms::Group;
using required_atoms::Info;
using required_atoms::ReadClass;
using required_atoms::ReadEscape;
using required_atoms::Recalled;
using required_atoms::Remembered;
using required_atoms::Strings;

// An exact piece stops being one beyond this many strings: its neighbours would multiply them.
constexpr size_t kMaxExactStrings = 16;
// An alternation of exact branches stays exact up to this many strings.
constexpr size_t kMaxAlternativeStrings = 64;
// An alternation of pieces that are not exact yields at most this many groups.
constexpr size_t kMaxAlternationGroups = 32;
// A group of more atoms than this is too common to be worth looking for, and costly to carry.
constexpr size_t kMaxGroupAtoms = 64;
// The characters (whole, ASCII ones lower-cased) one of which comes right before a point of
// every match, as the exact pieces before it end; an empty one among them: anything may.
using Tails = Strings;
// More characters than this before a point are not worth telling apart: any may come.
constexpr size_t kMaxTails = 4;
// A group keeps its short strings, lengthened, only while at most one in this many is short:
// "is|was" gives " is", in nearly every sentence; "vp" among forty role words is as rare.
constexpr size_t kMaxShortShare = 4;

// A group shorter than this is read again rather than looked up: the lookup would cost as much.
constexpr size_t kMinRememberedGroupBytes = 64;

const Tails& AnyTail() {
  static const Tails any = {""};
  return any;
}

// The characters right after one of `strings`, which come right after one of `before`.
Tails TailsAfter(const Tails& before, const Strings& strings) {
  Tails tails;
  for (const std::string& s : strings) {
    if (s.empty()) {
      tails.insert(tails.end(), before.begin(), before.end());
      continue;
    }
    size_t last = s.size() - 1;  // the last character's first byte
    while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80) --last;
    tails.push_back(s.substr(last));
  }
  std::sort(tails.begin(), tails.end());
  tails.erase(std::unique(tails.begin(), tails.end()), tails.end());
  return tails.empty() || tails.size() > kMaxTails ? AnyTail() : tails;
}

bool IsShort(const std::string& s) { return s.size() < kMinRequiredAtomLength; }

// How many of `strings` are too short to look for.
size_t ShortCount(const Strings& strings) {
  return static_cast<size_t>(std::count_if(strings.begin(), strings.end(), IsShort));
}

// The group of `strings`, which come right after one of `before`: each too short to look for,
// and each word when a space alone comes before, is lengthened by the characters that may come
// before it; strings that hold another are left out (a text holding "acquires" holds
// "acquire"). No group when there are no strings or one of them stays too short.
Info GroupOf(const Strings& strings, AtomTable& atoms, const Tails& before) {
  Info out;
  if (strings.empty()) return out;
  const bool after_space = before.size() == 1 && before[0] == " ";
  const auto lengthens = [&](const std::string& s) {
    return IsShort(s) || (after_space && std::isalpha(static_cast<unsigned char>(s[0])));
  };
  Strings lengthened;
  if (std::any_of(strings.begin(), strings.end(), lengthens)) {
    for (const std::string& s : strings) {
      if (!lengthens(s)) {
        lengthened.push_back(s);
        continue;
      }
      for (const std::string& tail : before) {
        if (tail.size() + s.size() < kMinRequiredAtomLength) return out;
        lengthened.push_back(tail + s);
      }
    }
    lengthened = Exact(std::move(lengthened)).strings;
  }
  const Strings& atom_strings = lengthened.empty() ? strings : lengthened;
  Group group;
  group.reserve(atom_strings.size());
  for (const std::string& s : atom_strings) {
    const bool holds_another =
        std::any_of(atom_strings.begin(), atom_strings.end(), [&](const std::string& t) {
          return &t != &s && t.size() < s.size() && s.find(t) != std::string::npos;
        });
    if (!holds_another) group.push_back(atoms.Id(s));
  }
  std::sort(group.begin(), group.end());
  out.groups.push_back(std::move(group));
  return out;
}

// `info`, which comes right after one of `before`, as groups: an exact piece becomes the group
// of its strings (GroupOf), or none when too many of them are short.
Info Demoted(Info info, AtomTable& atoms, const Tails& before) {
  if (!info.exact) return info;
  if (ShortCount(info.strings) * kMaxShortShare > info.strings.size()) return Info{};
  return GroupOf(info.strings, atoms, before);
}

// The rarer of two groups to look for: more letters in its atom with fewest (a word is rarer
// than punctuation, and a long word rarer than a short one), then fewer atoms.
bool Rarer(const Group& a, const Group& b, const AtomTable& atoms) {
  const auto fewest_letters = [&](const Group& group) {
    size_t fewest = SIZE_MAX;
    for (const int atom : group) fewest = std::min(fewest, atoms.Letters(atom));
    return fewest;
  };
  const size_t letters_a = fewest_letters(a);
  const size_t letters_b = fewest_letters(b);
  if (letters_a != letters_b) return letters_a > letters_b;
  return a.size() < b.size();
}

std::optional<Info> ReadAlternation(std::string_view p, size_t* pos, AtomTable& atoms,
                                    RequiredAtomsMemo* memo, const Tails& before);

// The end of the UTF-8 character starting at `pos`.
size_t CharEnd(std::string_view p, size_t pos) {
  const auto lead = static_cast<unsigned char>(p[pos]);
  const size_t length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return std::min(p.size(), pos + length);
}

// The element at `*pos` (character, escape, class or group), right after one of `before`,
// advancing past it; a large group is looked up in `memo` (when not null) first.
std::optional<Info> ReadElement(std::string_view p, size_t* pos, AtomTable& atoms,
                                RequiredAtomsMemo* memo, const Tails& before) {
  const size_t begin = *pos;
  const char c = p[begin];
  if (c == '\\') return ReadEscape(p, begin, pos);
  if (c == '[') return ReadClass(p, begin, pos);
  if (c == '^' || c == '$') {
    *pos = begin + 1;
    return Exact({""});
  }
  if (c == '.') {
    *pos = begin + 1;
    return Anything();
  }
  if (c == '(') {
    const size_t end = GroupEnd(p, begin);
    std::string key;
    if (memo != nullptr && end != std::string_view::npos &&
        end - begin >= kMinRememberedGroupBytes) {
      key = RequiredAtomsMemo::Key(p.substr(begin, end - begin), before);
      if (const auto reading = memo->Find(key)) {
        *pos = end;
        return Recalled(*reading, atoms);
      }
    }
    size_t body = begin + 1;
    if (p.substr(begin, 3) == "(?P" || p.substr(begin, 3) == "(?<") {
      body = p.find('>', begin);
      if (body == std::string_view::npos) return std::nullopt;
      ++body;
    } else if (p.substr(begin, 2) == "(?") {
      const size_t colon = p.find_first_of(":)", begin + 2);
      if (colon == std::string_view::npos) return std::nullopt;
      if (p[colon] == ')') {  // a flag setting such as (?i)
        *pos = colon + 1;
        return Exact({""});
      }
      body = colon + 1;
    }
    std::optional<Info> inner = ReadAlternation(p, &body, atoms, memo, before);
    if (!inner || body >= p.size() || p[body] != ')') return std::nullopt;
    *pos = body + 1;
    if (!key.empty() && *pos == end) memo->Add(std::move(key), Remembered(*inner, atoms));
    return inner;
  }
  *pos = CharEnd(p, begin);
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x80) return Exact({std::string(1, static_cast<char>(std::tolower(byte)))});
  return Exact({std::string(p.substr(begin, *pos - begin))});
}

// True when a repetition operator starts at `pos`: "?", "*", "+", or "{" and a digit
// (another "{" is a literal, as ReadRepetition reads it).
bool RepetitionAt(std::string_view p, size_t pos) {
  if (pos >= p.size()) return false;
  const char c = p[pos];
  if (c == '?' || c == '*' || c == '+') return true;
  return c == '{' && pos + 1 < p.size() && std::isdigit(static_cast<unsigned char>(p[pos + 1]));
}

// The end of the plain character at `pos` (no escape, class, group, anchor, dot, operator
// or branch end) when no repetition follows it, or 0. ReadElement reads one as an exact piece
// of itself, lower-cased if ASCII.
size_t PlainCharacterEnd(std::string_view p, size_t pos) {
  switch (p[pos]) {
    case '\\':
    case '[':
    case '(':
    case ')':
    case '|':
    case '^':
    case '$':
    case '.':
    case '?':
    case '*':
    case '+':
      return 0;
    default:
      break;
  }
  const size_t end = CharEnd(p, pos);
  return RepetitionAt(p, end) ? 0 : end;
}

// Appends the plain character `character` to `string` as ReadElement's piece spells it.
void AppendFolded(std::string_view character, std::string* string) {
  const auto byte = static_cast<unsigned char>(character[0]);
  if (byte < 0x80) {
    string->push_back(static_cast<char>(std::tolower(byte)));
  } else {
    string->append(character);
  }
}

// Applies the repetition at `*pos`, if any, to `info` (right after one of `before`), advancing
// past it and a lazy "?".
Info ReadRepetition(std::string_view p, size_t* pos, Info info, AtomTable& atoms,
                    const Tails& before) {
  size_t i = *pos;
  if (i >= p.size()) return info;
  size_t min = 1;
  size_t max = 1;
  if (p[i] == '?') {
    min = 0;
    ++i;
  } else if (p[i] == '*') {
    min = 0;
    max = 2;
    ++i;
  } else if (p[i] == '+') {
    max = 2;
    ++i;
  } else if (p[i] == '{') {
    size_t j = i + 1;
    while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
    if (j == i + 1) return info;  // a literal "{"
    min = std::stoul(std::string(p.substr(i + 1, j - i - 1)));
    max = min;
    if (j < p.size() && p[j] == ',') {
      const size_t max_begin = ++j;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
      max = j == max_begin ? 2 : std::stoul(std::string(p.substr(max_begin, j - max_begin)));
    }
    if (j >= p.size() || p[j] != '}') return info;  // a literal "{"
    i = j + 1;
  } else {
    return info;
  }
  if (i < p.size() && p[i] == '?') ++i;
  *pos = i;
  if (min == 0 && max == 1 && info.exact && info.strings.size() < kMaxExactStrings) {
    info.strings.push_back("");
    return Exact(std::move(info.strings));
  }
  if (min == 0) return Anything();
  if (max == 1) return info;
  // Copies may come between the piece and its neighbours; the first comes after `before`.
  return Demoted(std::move(info), atoms, before);
}

// The concatenation at `*pos`, right after one of `before`, up to a "|" or ")" at its level or
// the end.
std::optional<Info> ReadConcatenation(std::string_view p, size_t* pos, AtomTable& atoms,
                                      RequiredAtomsMemo* memo, const Tails& before) {
  Info out;
  std::optional<Strings> run;  // the exact pieces read since the last other one, multiplied out
  // What comes right before the run, or before the next piece: `before`, or `later_before`.
  // (Pointers and the storage they may point to, rather than copies: a concatenation is read
  // per branch of every alternation, and copies were a sixth of the reading's allocations.)
  const Tails* run_before = &before;
  Tails later_before;
  bool all_exact = true;
  const auto end_run = [&] {
    if (!run) return;
    for (Group& group : Demoted(Exact(std::move(*run)), atoms, *run_before).groups) {
      out.groups.push_back(std::move(group));
    }
    run.reset();
  };
  while (*pos < p.size() && p[*pos] != '|' && p[*pos] != ')') {
    // Most of a pattern's pieces are plain characters: one extends each string of the run in
    // place, as the product below would, without building a piece of its own (issue 16: that
    // was most of the reading's cost, a fifth of the claim rules' compiling).
    if (const size_t end = PlainCharacterEnd(p, *pos);
        end != 0 && (!run || run->size() <= kMaxExactStrings)) {
      const std::string_view character = p.substr(*pos, end - *pos);
      if (!run) run.emplace(1);
      for (std::string& string : *run) AppendFolded(character, &string);
      *pos = end;
      continue;
    }
    // Only a group and a repeated piece read what comes before them: found for those alone.
    std::optional<Tails> tails_after_run;
    const auto tails_before = [&]() -> const Tails& {
      if (!run) return *run_before;
      if (!tails_after_run) tails_after_run = TailsAfter(*run_before, *run);
      return *tails_after_run;
    };
    std::optional<Info> element =
        ReadElement(p, pos, atoms, memo, p[*pos] == '(' ? tails_before() : AnyTail());
    if (!element) return std::nullopt;
    Info info = ReadRepetition(p, pos, std::move(*element), atoms,
                               RepetitionAt(p, *pos) ? tails_before() : AnyTail());
    if (info.exact && (!run || run->size() * info.strings.size() <= kMaxExactStrings)) {
      if (!run) {
        run = std::move(info.strings);
        continue;
      }
      Strings product;
      for (const std::string& a : *run) {
        for (const std::string& b : info.strings) product.push_back(a + b);
      }
      run = std::move(product);
      continue;
    }
    all_exact = false;
    if (info.exact) {  // a new run, right after the one it could not multiply
      Tails after = tails_before();
      end_run();
      later_before = std::move(after);
      run_before = &later_before;
      run = std::move(info.strings);
    } else {
      end_run();
      for (Group& group : info.groups) out.groups.push_back(std::move(group));
      run_before = &AnyTail();
    }
  }
  if (all_exact) return Exact(run ? std::move(*run) : Strings{""});
  end_run();
  return out;
}

// The alternation at `*pos`, right after one of `before`, up to a ")" at its level or the end.
std::optional<Info> ReadAlternation(std::string_view p, size_t* pos, AtomTable& atoms,
                                    RequiredAtomsMemo* memo, const Tails& before) {
  std::vector<Info> branches;
  branches.reserve(4);  // most alternations are short: one allocation, not three
  while (true) {
    std::optional<Info> branch = ReadConcatenation(p, pos, atoms, memo, before);
    if (!branch) return std::nullopt;
    branches.push_back(std::move(*branch));
    if (*pos >= p.size() || p[*pos] != '|') break;
    ++*pos;
  }
  if (branches.size() == 1) return std::move(branches.front());
  size_t exact_strings = 0;
  bool all_exact = true;
  for (const Info& branch : branches) {
    all_exact = all_exact && branch.exact;
    exact_strings += branch.strings.size();
  }
  if (all_exact && exact_strings <= kMaxAlternativeStrings) {
    Strings strings;
    strings.reserve(exact_strings);
    for (Info& branch : branches) {
      std::move(branch.strings.begin(), branch.strings.end(), std::back_inserter(strings));
    }
    return Exact(std::move(strings));
  }
  // Whether the exact branches' short strings are few is told among all the branches' strings:
  // "VP" is one branch of forty roles.
  size_t count = 0;
  size_t short_count = 0;
  for (const Info& branch : branches) {
    count += branch.exact ? branch.strings.size() : 1;
    if (branch.exact) short_count += ShortCount(branch.strings);
  }
  const bool few_short = short_count * kMaxShortShare <= count;
  // A text matching the alternation matches a branch, so it holds an atom of one group of
  // each branch: of every group made by taking one group from each branch (distributing
  // "or" over "and"). Too many such groups keep only the rarest of each branch.
  std::vector<std::vector<Group>> offered;
  for (Info& branch : branches) {
    std::vector<Group> groups = few_short && branch.exact
                                    ? GroupOf(branch.strings, atoms, before).groups
                                    : Demoted(std::move(branch), atoms, before).groups;
    if (groups.empty()) return Anything();
    std::sort(groups.begin(), groups.end(),
              [&](const Group& a, const Group& b) { return Rarer(a, b, atoms); });
    offered.push_back(std::move(groups));
  }
  const auto combinations = [&] {
    size_t product = 1;
    for (const std::vector<Group>& groups : offered) {
      product = std::min(product * groups.size(), kMaxAlternationGroups + 1);
    }
    return product;
  };
  while (combinations() > kMaxAlternationGroups) {
    std::max_element(offered.begin(), offered.end(),
                     [](const std::vector<Group>& a, const std::vector<Group>& b) {
                       return a.size() < b.size();
                     })
        ->pop_back();
  }
  Info out;
  std::vector<size_t> choice(offered.size(), 0);
  while (true) {
    Group merged;
    size_t merged_size = 0;
    for (size_t b = 0; b < offered.size(); ++b) merged_size += offered[b][choice[b]].size();
    merged.reserve(merged_size);
    for (size_t b = 0; b < offered.size(); ++b) {
      const Group& group = offered[b][choice[b]];
      merged.insert(merged.end(), group.begin(), group.end());
    }
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    if (merged.size() <= kMaxGroupAtoms) out.groups.push_back(std::move(merged));
    size_t b = 0;
    while (b < offered.size() && ++choice[b] == offered[b].size()) choice[b++] = 0;
    if (b == offered.size()) break;
  }
  return out;
}

// `groups` without the ones that hold all the atoms of another (they say nothing more), the
// rarest first, so that a text without them is turned away soonest.
std::vector<Group> Simplified(std::vector<Group> groups, const AtomTable& atoms) {
  std::sort(groups.begin(), groups.end(),
            [](const Group& a, const Group& b) { return a.size() < b.size(); });
  std::vector<Group> kept;
  for (Group& group : groups) {
    const bool implied = std::any_of(kept.begin(), kept.end(), [&](const Group& smaller) {
      return std::includes(group.begin(), group.end(), smaller.begin(), smaller.end());
    });
    if (!implied) kept.push_back(std::move(group));
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [&](const Group& a, const Group& b) { return Rarer(a, b, atoms); });
  return kept;
}

}  // namespace

RequiredAtomAlternatives RequiredAtoms(std::string_view pattern, RequiredAtomsMemo* memo) {
  AtomTable atoms;
  while (const std::optional<size_t> body = WholeGroupBody(pattern)) {
    pattern = pattern.substr(*body, pattern.size() - *body - 1);
  }
  std::vector<std::vector<std::vector<std::string>>> alternatives;
  size_t pos = 0;
  while (true) {
    std::optional<Info> branch = ReadConcatenation(pattern, &pos, atoms, memo, AnyTail());
    if (!branch) return {};
    const std::vector<Group> groups =
        Simplified(Demoted(std::move(*branch), atoms, AnyTail()).groups, atoms);
    if (groups.empty()) return {};  // this branch may match any text
    std::vector<std::vector<std::string>>& spelled = alternatives.emplace_back();
    for (const Group& group : groups) {
      std::vector<std::string>& words = spelled.emplace_back();
      for (const int atom : group) words.push_back(atoms.Atom(atom));
      std::sort(words.begin(), words.end());
    }
    if (pos >= pattern.size()) break;
    if (pattern[pos] != '|') return {};  // an unbalanced ")"
    ++pos;
  }
  return alternatives;
}

}  // namespace newsfacts
