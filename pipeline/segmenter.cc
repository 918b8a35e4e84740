// ICU segmentation: lines -> ICU sentence breaks -> merge of false breaks (abbreviations,
// initials, URLs) -> ICU word breaks classified into token kinds. Offsets are UTF-8 bytes.
#include "pipeline/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <string_view>

namespace newsfacts {
namespace {

// Abbreviations after which ICU's sentence break is always wrong in news text.
constexpr std::array<std::string_view, 52> kAlwaysJoinAbbreviations = {
    "Mr.",   "Mrs.",  "Ms.",   "Dr.",   "Prof.", "Sr.",   "Jr.",   "St.",   "Mt.",
    "No.",   "Nos.",  "vs.",   "v.",    "e.g.",  "E.g.",  "i.e.",  "I.e.",  "approx.",
    "Gen.",  "Sen.",  "Rep.",  "Gov.",  "Lt.",   "Col.",  "Capt.", "Sgt.",  "Rev.",
    "Hon.",  "Fig.",  "Vol.",  "pp.",   "Jan.",  "Feb.",  "Mar.",  "Apr.",  "Jun.",
    "Jul.",  "Aug.",  "Sep.",  "Sept.", "Oct.",  "Nov.",  "Dec.",  "Ave.",  "Dept.",
    "Univ.", "Bros.", "est.",  "ca.",   "cf.",   "Ph.D.", "a.m."};

// Abbreviations that often end a sentence too ("... bought Acme Inc. The deal ..."): the
// break is joined unless the next word usually starts a sentence.
constexpr std::array<std::string_view, 18> kUsuallyJoinAbbreviations = {
    "Inc.", "Corp.", "Ltd.", "Co.", "Cos.", "LLC.", "Plc.", "plc.", "U.S.",
    "U.K.", "U.N.", "E.U.", "S.A.", "N.V.", "A.G.", "L.P.", "Int'l.", "Bhd."};

constexpr std::array<std::string_view, 40> kSentenceStarters = {
    "The",   "A",     "An",      "It",    "It's",  "Its",   "He",    "She",  "They", "We",
    "I",     "You",   "This",    "That",  "These", "Those", "There", "In",   "On",   "At",
    "But",   "And",   "However", "His",   "Her",   "Their", "Our",   "As",   "If",   "When",
    "While", "After", "Before",  "Since", "Shares", "Analysts", "Both", "For", "Last", "Earlier"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool IsLineBreakByte(char c) { return c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True when the code point at text[i] is white space (Unicode White_Space).
bool IsSpaceAt(std::string_view text, size_t i, size_t* length) {
  int32_t offset = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(offset) - i;
  return c >= 0 && u_isUWhiteSpace(c);
}

// Shrinks [begin, end) to exclude leading and trailing white space.
Span Trim(std::string_view text, size_t begin, size_t end) {
  size_t length;
  while (begin < end && IsSpaceAt(text, begin, &length)) begin += length;
  while (end > begin) {
    int32_t offset = static_cast<int32_t>(end);
    UChar32 c;
    U8_PREV(text.data(), 0, offset, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = static_cast<size_t>(offset);
  }
  return {begin, end};
}

// The whitespace-delimited chunk ending at `end`, without leading brackets or quotes.
std::string_view LastChunk(std::string_view text, size_t begin, size_t end) {
  size_t start = end;
  while (start > begin && text[start - 1] != ' ' && text[start - 1] != '\t') --start;
  std::string_view chunk = text.substr(start, end - start);
  while (!chunk.empty() && (chunk[0] == '(' || chunk[0] == '"' || chunk[0] == '\'')) {
    chunk.remove_prefix(1);
  }
  return chunk;
}

std::string_view FirstWord(std::string_view text, size_t begin, size_t end) {
  size_t stop = begin;
  while (stop < end && text[stop] != ' ' && text[stop] != ',' && text[stop] != '\t') ++stop;
  return text.substr(begin, stop - begin);
}

bool IsUpperAsciiInitial(std::string_view chunk) {
  return chunk.size() == 2 && chunk[1] == '.' && chunk[0] >= 'A' && chunk[0] <= 'Z';
}

// Byte ranges of URLs in [begin, end): from "http://", "https://" or "www." to white space.
std::vector<Span> FindUrls(std::string_view text, size_t begin, size_t end) {
  std::vector<Span> urls;
  const std::string_view line = text.substr(begin, end - begin);
  size_t from = 0;
  while (from < line.size()) {
    size_t hit = std::string_view::npos;
    for (std::string_view prefix : {"http://", "https://", "www."}) {
      hit = std::min(hit, line.find(prefix, from));
    }
    if (hit == std::string_view::npos) break;
    size_t stop = hit;
    while (stop < line.size() && line[stop] != ' ' && line[stop] != '\t') ++stop;
    urls.push_back({begin + hit, begin + stop});
    from = stop;
  }
  return urls;
}

// Whether ICU's sentence break between [prev_begin, prev_end) and the next sentence starting
// at `next_begin` (trimmed spans) is false and the two should be one sentence.
bool ShouldJoin(std::string_view text, Span prev, size_t next_begin, size_t line_end,
                const std::vector<Span>& urls) {
  for (const Span& url : urls) {
    if (url.begin < next_begin && next_begin < url.end) return true;
  }
  const std::string_view chunk = LastChunk(text, prev.begin, prev.end);
  if (Contains(kAlwaysJoinAbbreviations, chunk)) return true;
  const std::string_view next = FirstWord(text, next_begin, line_end);
  const bool next_is_upper = !next.empty() && next[0] >= 'A' && next[0] <= 'Z';
  if (IsUpperAsciiInitial(chunk) && next_is_upper) return true;  // "J. P. Morgan"
  if (Contains(kUsuallyJoinAbbreviations, chunk)) return !Contains(kSentenceStarters, next);
  return false;
}

TokenKind ClassifyNonWord(std::string_view text, size_t begin, size_t end, bool* is_gap) {
  int32_t offset = static_cast<int32_t>(begin);
  UChar32 c;
  U8_NEXT(text.data(), offset, static_cast<int32_t>(end), c);
  const int8_t type = c < 0 ? static_cast<int8_t>(U_OTHER_SYMBOL) : u_charType(c);
  *is_gap = c >= 0 && (u_isUWhiteSpace(c) || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR);
  return u_ispunct(c) ? TokenKind::kPunctuation : TokenKind::kSymbol;
}

std::atomic<uint64_t> next_stage_id{1};

}  // namespace

struct SegmenterStage::Impl {
  uint64_t id = next_stage_id++;
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word;

  // This thread's clones of the break iterators (ICU iterators are not thread-safe).
  struct ThreadIterators {
    uint64_t owner = 0;
    std::unique_ptr<icu::BreakIterator> sentence, word;
    UText* text = nullptr;
    ~ThreadIterators() { utext_close(text); }
  };
  ThreadIterators& ForThisThread() const {
    thread_local std::vector<std::unique_ptr<ThreadIterators>> cache;
    for (auto& entry : cache) {
      if (entry->owner == id) return *entry;
    }
    auto entry = std::make_unique<ThreadIterators>();
    entry->owner = id;
    entry->sentence.reset(sentence->clone());
    entry->word.reset(word->clone());
    cache.push_back(std::move(entry));
    return *cache.back();
  }
};

SegmenterStage::SegmenterStage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SegmenterStage::~SegmenterStage() = default;

StatusOr<std::unique_ptr<SegmenterStage>> SegmenterStage::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->sentence.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  impl->word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !impl->sentence || !impl->word) {
    return Status::Internal(std::string("cannot create ICU break iterators: ") +
                            u_errorName(status));
  }
  return std::unique_ptr<SegmenterStage>(new SegmenterStage(std::move(impl)));
}

Status SegmenterStage::Process(Document& doc) const {
  const std::string_view text = doc.text();
  Impl::ThreadIterators& it = impl_->ForThisThread();
  std::vector<Sentence>& sentences = doc.mutable_sentences();
  std::vector<Token>& tokens = doc.mutable_tokens();
  sentences.clear();
  tokens.clear();
  tokens.reserve(text.size() / 5);

  UErrorCode status = U_ZERO_ERROR;
  int paragraph = 0;
  size_t line_begin = 0;
  bool saw_text = false;
  std::vector<Span> pieces;
  while (line_begin < text.size()) {
    size_t line_end = line_begin;
    while (line_end < text.size() && !IsLineBreakByte(text[line_end])) ++line_end;
    const Span line = Trim(text, line_begin, line_end);

    if (!line.empty()) {
      // ICU sentence breaks over this line, then false breaks joined.
      it.text = utext_openUTF8(it.text, text.data() + line.begin,
                               static_cast<int64_t>(line.size()), &status);
      it.sentence->setText(it.text, status);
      if (U_FAILURE(status)) return Status::Internal(u_errorName(status));
      const std::vector<Span> urls = FindUrls(text, line.begin, line.end);
      pieces.clear();
      int32_t start = it.sentence->first();
      for (int32_t stop = it.sentence->next(); stop != icu::BreakIterator::DONE;
           start = stop, stop = it.sentence->next()) {
        const Span piece = Trim(text, line.begin + start, line.begin + stop);
        if (piece.empty()) continue;
        if (!pieces.empty() && ShouldJoin(text, pieces.back(), piece.begin, line.end, urls)) {
          pieces.back().end = piece.end;
        } else {
          pieces.push_back(piece);
        }
      }
      for (const Span& piece : pieces) {
        Sentence sentence{piece, tokens.size(), 0, paragraph};
        it.text = utext_openUTF8(it.text, text.data() + piece.begin,
                                 static_cast<int64_t>(piece.size()), &status);
        it.word->setText(it.text, status);
        if (U_FAILURE(status)) return Status::Internal(u_errorName(status));
        int32_t word_start = it.word->first();
        for (int32_t word_stop = it.word->next(); word_stop != icu::BreakIterator::DONE;
             word_start = word_stop, word_stop = it.word->next()) {
          const size_t begin = piece.begin + static_cast<size_t>(word_start);
          const size_t end = piece.begin + static_cast<size_t>(word_stop);
          const int32_t rule = it.word->getRuleStatus();
          TokenKind kind = TokenKind::kWord;
          // ICU calls "1.75bn" a letter token; anything starting with a digit is a number.
          if ((rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) ||
              (text[begin] >= '0' && text[begin] <= '9')) {
            kind = TokenKind::kNumber;
          } else if (rule < UBRK_WORD_NONE_LIMIT) {
            bool is_gap = false;
            kind = ClassifyNonWord(text, begin, end, &is_gap);
            if (is_gap) continue;
          }
          tokens.push_back({{begin, end}, kind});
        }
        sentence.token_count = tokens.size() - sentence.first_token;
        sentences.push_back(sentence);
      }
      saw_text = true;
    }

    // A run of line breaks ends the paragraph (a single newline too: headlines, list items).
    line_begin = line_end;
    if (line_begin < text.size()) {
      while (line_begin < text.size() && IsLineBreakByte(text[line_begin])) ++line_begin;
      if (saw_text) ++paragraph;
      saw_text = false;
    }
  }
  return Status::Ok();
}

}  // namespace newsfacts
