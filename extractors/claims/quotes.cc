// Quotes: pairs of quotation marks inside a paragraph, long enough to count, with the
// speaker and venue of the sentences around them.
#include "extractors/claims/quotes.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace newsfacts {
namespace {

// A quotation mark at `pos`: its byte length and whether it opens (1), closes (-1) or is
// straight (0); {0, 0} when there is none.
std::pair<size_t, int> QuoteMarkAt(std::string_view text, size_t pos) {
  if (text[pos] == '"') return {1, 0};
  if (text.substr(pos, 3) == "\u201C") return {3, 1};
  if (text.substr(pos, 3) == "\u201D") return {3, -1};
  return {0, 0};
}

// The bytes that may start a quotation mark, '"' and E2 (the lead byte of the curly ones),
// found by memchr rather than a test per byte (issue 16: the byte loop was a twentieth of the
// claim stage). Next() must be called with ascending positions.
class MarkStarts {
 public:
  // The marks of `text` from byte `begin` on.
  MarkStarts(std::string_view text, size_t begin)
      : text_(text), next_straight_(Find('"', begin)), next_lead_(Find('\xE2', begin)) {}

  // The first byte at or after `pos` (no less than the last asked for, or `begin`) that is '"'
  // or E2, or text.size().
  size_t Next(size_t pos) {
    if (next_straight_ < pos) next_straight_ = Find('"', pos);
    if (next_lead_ < pos) next_lead_ = Find('\xE2', pos);
    return std::min(next_straight_, next_lead_);
  }

 private:
  size_t Find(char c, size_t pos) const {
    if (pos >= text_.size()) return text_.size();
    const void* found = std::memchr(text_.data() + pos, c, text_.size() - pos);
    return found == nullptr ? text_.size()
                            : static_cast<size_t>(static_cast<const char*>(found) - text_.data());
  }

  std::string_view text_;
  size_t next_straight_;  // the first '"' at or after the last position asked for
  size_t next_lead_;      // the first E2 likewise
};

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The index of the sentence holding byte `offset`, or sentences.size().
size_t SentenceAt(const std::vector<Sentence>& sentences, size_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](size_t value, const Sentence& s) { return value < s.span.begin; });
  if (it == sentences.begin()) return sentences.size();
  --it;
  return offset < it->span.end ? static_cast<size_t>(it - sentences.begin()) : sentences.size();
}

// The index of the first sentence ending after byte `offset`, or sentences.size().
size_t SentenceAtOrAfter(const std::vector<Sentence>& sentences, size_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](size_t value, const Sentence& s) { return value < s.span.end; });
  return static_cast<size_t>(it - sentences.begin());
}

}  // namespace

std::vector<Quote> FindQuotes(const Document& doc, Attributions& attributions, size_t min_words) {
  std::vector<Quote> quotes;
  const std::vector<Sentence>& sentences = doc.sentences();
  const std::string_view text = doc.text();
  size_t first = 0;
  while (first < sentences.size()) {
    size_t last = first;
    while (last + 1 < sentences.size() &&
           sentences[last + 1].paragraph == sentences[first].paragraph) {
      ++last;
    }
    bool is_open = false;
    size_t open = 0;  // first byte after the opening mark, when is_open
    const size_t paragraph_end = sentences[last].span.end;
    MarkStarts starts(text.substr(0, paragraph_end), sentences[first].span.begin);
    for (size_t pos = starts.Next(sentences[first].span.begin); pos < paragraph_end;
         pos = starts.Next(pos + 1)) {
      const auto [length, direction] = QuoteMarkAt(text, pos);
      if (length == 0) continue;
      if (!is_open && direction >= 0) {
        is_open = true;
        open = pos + length;
      } else if (is_open && direction <= 0) {
        size_t end = pos;
        while (end > open && (text[end - 1] == ',' || text[end - 1] == ' ')) --end;
        const Span span{open, end};
        is_open = false;
        if (span.empty() || CountWords(span.Slice(text)) < min_words) {
          pos += length - 1;
          continue;
        }
        Quote quote;
        quote.span = span;
        // The quote's first byte can sit in the gap between two sentences (`said: " Next`).
        quote.sentence = SentenceAtOrAfter(sentences, span.begin);
        if (quote.sentence >= sentences.size()) {
          pos += length - 1;
          continue;
        }
        const size_t closing = SentenceAt(sentences, pos);
        for (size_t candidate : {closing, quote.sentence, closing + 1}) {
          if (candidate >= attributions.size()) continue;
          const Attribution& attribution = attributions.Of(candidate);
          if (attribution.empty()) continue;
          if (quote.speaker.empty() && !attribution.speaker.empty()) {
            quote.speaker = attribution.speaker;
            quote.speaker_entity = attribution.speaker_entity;
          }
          if (quote.venue.empty()) quote.venue = attribution.venue;
        }
        quotes.push_back(std::move(quote));
      }
      pos += length - 1;
    }
    first = last + 1;
  }
  return quotes;
}

}  // namespace newsfacts
