// The pieces of a pattern's reading: exact pieces, escapes, classes and remembered groups.
#include "extractors/kernel/required_atom_pieces.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace newsfacts::required_atoms {

int AtomTable::Id(const std::string& atom) {
  auto [known, added] = ids_.try_emplace(atom, static_cast<int>(atoms_.size()));
  if (added) {
    atoms_.push_back(atom);
    letters_.push_back(static_cast<size_t>(std::count_if(atom.begin(), atom.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c));
    })));
  }
  return known->second;
}

Info Exact(Strings strings) {
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  return Info{true, std::move(strings), {}};
}

Info Anything() { return Info{}; }

std::optional<Info> ReadEscape(std::string_view p, size_t pos, size_t* end) {
  if (pos + 1 >= p.size()) return std::nullopt;
  const char c = p[pos + 1];
  if (c == 'Q') return std::nullopt;
  if (c == 'x' || c == 'p' || c == 'P') {
    size_t stop = pos + (c == 'x' ? 4 : 3);
    std::string_view hex = p.substr(pos + 2, 2);
    if (pos + 2 < p.size() && p[pos + 2] == '{') {
      const size_t close = p.find('}', pos + 2);
      if (close == std::string_view::npos) return std::nullopt;
      stop = close + 1;
      hex = p.substr(pos + 3, close - pos - 3);
    }
    *end = std::min(stop, p.size());
    if (c != 'x') return Anything();  // a Unicode class
    const uint32_t cp = static_cast<uint32_t>(std::stoul(std::string(hex), nullptr, 16));
    std::string utf8;
    if (cp < 0x80) {
      utf8 = std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (cp < 0x800) {
      utf8 = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    } else if (cp < 0x10000) {
      utf8 = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
              static_cast<char>(0x80 | (cp & 0x3F))};
    } else {
      return Anything();
    }
    return Exact({utf8});
  }
  *end = pos + 2;
  switch (c) {
    case 'b':
    case 'B':
    case 'A':
    case 'z':
      return Exact({""});
    case 'n':
      return Exact({"\n"});
    case 't':
      return Exact({"\t"});
    case 'r':
      return Exact({"\r"});
    case 'f':
      return Exact({"\f"});
    case 'v':
      return Exact({"\v"});
    default:
      if (std::isalnum(static_cast<unsigned char>(c))) return Anything();  // \d \w \s \C ...
      return Exact({std::string(1, c)});
  }
}

std::optional<Info> ReadClass(std::string_view p, size_t pos, size_t* end) {
  size_t i = pos + 1;
  const bool negated = i < p.size() && p[i] == '^';
  if (negated) ++i;
  bool plain = !negated;
  Strings members;
  if (i < p.size() && p[i] == ']') {
    members.push_back("]");
    ++i;
  }
  while (i < p.size() && p[i] != ']') {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '\\') {
      size_t escape_end = i;
      const std::optional<Info> escaped = ReadEscape(p, i, &escape_end);
      if (!escaped) return std::nullopt;
      if (escaped->exact && escaped->strings.size() == 1 && !escaped->strings[0].empty()) {
        members.push_back(escaped->strings[0]);
      } else {
        plain = false;
      }
      i = escape_end;
    } else if (p.substr(i, 2) == "[:") {
      const size_t close = p.find(":]", i + 2);
      if (close == std::string_view::npos) return std::nullopt;
      plain = false;
      i = close + 2;
    } else if (c == '-' && !members.empty() && i + 1 < p.size() && p[i + 1] != ']') {
      plain = false;  // a range
      ++i;
    } else if (c >= 0x80) {
      plain = false;
      ++i;
    } else {
      members.push_back(std::string(1, static_cast<char>(std::tolower(c))));
      ++i;
    }
  }
  if (i >= p.size()) return std::nullopt;
  *end = i + 1;
  Info info = Exact(std::move(members));
  if (!plain || info.strings.size() > kMaxClassCharacters) return Anything();
  return info;
}

std::shared_ptr<const RequiredAtomsMemo::Reading> Remembered(const Info& info,
                                                             const AtomTable& atoms) {
  auto reading = std::make_shared<RequiredAtomsMemo::Reading>();
  reading->exact = info.exact;
  reading->strings = info.strings;
  for (const Group& group : info.groups) {
    std::vector<std::string>& words = reading->groups.emplace_back();
    for (const int atom : group) words.push_back(atoms.Atom(atom));
  }
  return reading;
}

Info Recalled(const RequiredAtomsMemo::Reading& reading, AtomTable& atoms) {
  Info info{reading.exact, reading.strings, {}};
  info.groups.reserve(reading.groups.size());
  for (const std::vector<std::string>& words : reading.groups) {
    Group& group = info.groups.emplace_back();
    group.reserve(words.size());
    for (const std::string& word : words) group.push_back(atoms.Id(word));
    std::sort(group.begin(), group.end());
  }
  return info;
}

}  // namespace newsfacts::required_atoms
