// Line-break runs and the abbreviation policy that undoes ICU sentence breaks after "Mr.",
// "Inc.", "U.S." and initials.
#include "pipeline/segment_rules.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace newsfacts::segment_internal {
namespace {

// Tokenizer data, not extraction patterns, so it lives here rather than in extractors/rules
// (which pipeline/ cannot read): abbreviations compared in lower case without the final period.
// Titles and Latin abbreviations: always followed by more of the same sentence.
constexpr auto kAlwaysJoin = std::to_array<std::string_view>(
    {"mr",  "mrs",  "ms",  "messrs", "dr",  "prof", "gen",  "sen",   "rep",
     "gov", "lt",   "col", "capt",   "sgt", "adm",  "cmdr", "hon",   "rev",
     "fr",  "supt", "e.g", "i.e",    "vs",  "cf",   "viz",  "approx"});
// Joined only before a number: "No. 3", "Jan. 5", "Fig. 2"; "in Jan. The" still ends.
constexpr auto kJoinBeforeNumber = std::to_array<std::string_view>(
    {"no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
     "dec", "fig", "vol", "pp", "ca", "est"});
// Corporate designators, name parts and the wire's "pct." that also end sentences ("bought
// Acme Inc. The deal closed", "rose 4 pct. Shares fell"): joined unless the next word usually
// starts a sentence ("Buys 4.3 Pct. Sears Stake" is one headline, issue 12). Dotted
// initialisms ("U.S.", "E.F.") and single initials ("J.") follow the same policy.
constexpr auto kJoinUnlessStarter = std::to_array<std::string_view>(
    {"inc", "corp", "ltd", "co", "cos", "plc",  "llc",  "llp",  "lp",   "bros", "bhd", "jr",
     "sr",  "st",   "mt",  "ft", "ave", "dept", "intl", "assn", "univ", "ph.d", "pct"});
// Words that usually open a sentence, in lower case. After "Inc." or "U.S." one of these
// means the period was a full stop; any other capitalised word continues a name
// ("U.S. Steel", "Apple Inc. Chief Executive Tim Cook").
constexpr auto kSentenceStarters = std::to_array<std::string_view>(
    {"the",      "a",         "an",      "it",         "its",      "it's",     "he",      "she",
     "they",     "we",        "i",       "you",        "his",      "her",      "their",   "our",
     "my",       "your",      "this",    "that",       "these",    "those",    "there",   "here",
     "in",       "on",        "at",      "by",         "for",      "from",     "with",    "to",
     "of",       "as",        "but",     "and",        "or",       "so",       "yet",     "if",
     "when",     "while",     "after",   "before",     "since",    "although", "though",  "because",
     "however",  "meanwhile", "also",    "still",      "now",      "then",     "last",    "earlier",
     "later",    "other",     "some",    "many",       "most",     "both",     "each",    "all",
     "such",     "according", "under",   "over",       "about",    "among",    "during",  "until",
     "unlike",   "despite",   "instead", "separately", "moreover", "overall",  "neither", "not",
     "no",       "what",      "who",     "why",        "how",      "where",    "which",   "shares",
     "analysts", "terms"});

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table, std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string AsciiLower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Byte length of the line break starting at `i`, 0 when there is none. CRLF is one break.
size_t LineBreakLength(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
    return 2;  // NEL
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
    if (c2 == 0xA8 || c2 == 0xA9) return 3;  // LINE SEPARATOR, PARAGRAPH SEPARATOR
  }
  return 0;
}

// False when none of the eight bytes at `bytes` can start a line break: all are ASCII above
// CR. A word-at-a-time test, as FindLineBreakRuns reads every byte of every article.
bool MayHoldLineBreak(const char* bytes) {
  uint64_t eight = 0;
  std::memcpy(&eight, bytes, sizeof eight);
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  // With no high bit set, a byte below 0x0E borrows into its own high bit when 0x0E is
  // subtracted from every byte, and no byte at or above it does.
  return (eight & kHighBits) != 0 || ((eight - kOnes * 0x0E) & ~eight & kHighBits) != 0;
}

// True when `word` is single ASCII letters separated by periods: "U.S", "e.g", "a.m".
bool IsDottedInitialism(std::string_view word) {
  if (word.size() < 3 || word.size() % 2 == 0) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(word[i]) : word[i] != '.') return false;
  }
  return true;
}

// True when the chunk before an abbreviation leaves it standing alone: "(Inc." yes, "B2B." no.
bool OpensWord(char c) {
  return c == ' ' || c == '\t' || c == '(' || c == '[' || c == '"' || c == '\'';
}

}  // namespace

std::vector<Span> FindLineBreakRuns(std::string_view text) {
  std::vector<Span> runs;
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && !MayHoldLineBreak(text.data() + i)) {
      i += 8;
      continue;
    }
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte > '\r' && byte < 0xC2) {  // printable ASCII and continuation bytes: no break
      ++i;
      continue;
    }
    size_t length = LineBreakLength(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    Span run{i, i + length};
    size_t j = run.end;
    while (j < text.size()) {
      length = LineBreakLength(text, j);
      if (length > 0) {
        j += length;
        run.end = j;
      } else if (text[j] == ' ' || text[j] == '\t') {
        ++j;
      } else {
        break;
      }
    }
    runs.push_back(run);
    i = j;
  }
  return runs;
}

bool ContinuesSentence(std::string_view text, Span prev, Span next) {
  if (prev.end == next.begin) return true;  // no space: "?x=1" in a URL
  const std::string_view a = prev.Slice(text);
  const std::string_view b = next.Slice(text);
  const char first = b.front();
  if (IsAsciiLower(first)) return true;  // `"Why?" he asked`
  if (a.back() != '.') return false;

  // The abbreviation: ASCII letters and periods before the final period, standing alone.
  size_t start = a.size() - 1;
  while (start > 0 && (IsAsciiLetter(a[start - 1]) || a[start - 1] == '.')) --start;
  if (start > 0 && !OpensWord(a[start - 1])) return false;  // "3.5.", a URL, a non-ASCII word
  const std::string_view word = a.substr(start, a.size() - 1 - start);
  if (word.empty() || word.front() == '.' || word.back() == '.') return false;  // ellipsis
  const std::string lower = AsciiLower(word);

  if (Contains(kAlwaysJoin, lower)) return true;
  if (Contains(kJoinBeforeNumber, lower)) return IsAsciiDigit(first);
  if (word.size() > 1 && !IsDottedInitialism(word) && !Contains(kJoinUnlessStarter, lower)) {
    return false;
  }
  if (IsAsciiDigit(first) || first == '(') return true;
  if (!IsAsciiUpper(first)) return false;  // a quote or symbol opens a new sentence
  size_t end = 0;
  while (end < b.size() && (IsAsciiLetter(b[end]) || b[end] == '\'')) ++end;
  const bool next_is_initial = end == 1 && b.size() > 1 && b[1] == '.';
  return next_is_initial || !Contains(kSentenceStarters, AsciiLower(b.substr(0, end)));
}

}  // namespace newsfacts::segment_internal
