// Building the mention-abstracted view of a sentence and mapping its bytes back to the text.
#include "extractors/claims/claim_abstraction.h"

#include <algorithm>
#include <array>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsfacts {
namespace {

// A byte sequence of the document replaced by a simpler one in the abstract text.
struct Replacement {
  std::string_view from;
  std::string_view to;
};

// Typography folded so that patterns need only ASCII quotes, apostrophes and hyphens.
constexpr Replacement kFolds[] = {
    {"\u2019", "'"},  {"\u2018", "'"}, {"\u201C", "\""},
    {"\u201D", "\""}, {"\u2013", "-"}, {"\u2014", "-"},
};

// Length of the whitespace character at `pos` (ASCII space/tab/newline or NBSP), 0 if none.
size_t WhitespaceAt(std::string_view text, size_t pos) {
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (text.substr(pos, 2) == "\u00A0") return 2;
  return 0;
}

// False when the byte cannot start whitespace (WhitespaceAt) or a fold (kFolds): ASCII
// whitespace, and the lead bytes of NBSP (C2) and of every kFolds entry (E2).
// A table, so that the copy runs of Emit test each byte with one load.
constexpr std::array<bool, 256> kMayStartSpecial = [] {
  std::array<bool, 256> table{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v', '\xC2', '\xE2'}) table[c] = true;
  return table;
}();

bool MayStartSpecial(char c) { return kMayStartSpecial[static_cast<unsigned char>(c)]; }

// True when byte `pos` of `text` is a lone ASCII space inside `sentence` that Emit's
// whitespace folding would write as it is (a copied byte): the next byte starts no
// whitespace, fold or punctuation that drops the space. The copy runs then take whole
// stretches of words at once (issue 16: a piece per word was a tenth of the claim stage).
bool IsSpaceBetweenWords(std::string_view text, size_t pos, const Span& sentence) {
  if (text[pos] != ' ' || pos + 1 >= sentence.end) return false;
  const char next = text[pos + 1];
  return !MayStartSpecial(next) && next != ',' && next != ';';
}

// The end of the run of bytes Emit copies as they are from `text`, looking from byte `end` on:
// the first byte before `limit` that may start whitespace or a fold and is no space between
// words (IsSpaceBetweenWords), else `limit`. Where SSE2 is at hand, sixteen bytes are tested at
// once (issue 16: the test per byte was a tenth of the claim stage's instructions); the bytes
// after a block's last need reading, so the last few bytes of the document go one at a time.
size_t CopyRunEnd(std::string_view text, size_t end, size_t limit, const Span& sentence) {
#if defined(__SSE2__)
  const auto splat = [](char c) { return _mm_set1_epi8(c); };
  // Bytes in [9, 13], the ASCII whitespace other than the space, as 0xFF.
  const auto control_space = [&](__m128i bytes) {
    const __m128i offset = _mm_sub_epi8(bytes, splat('\t'));
    return _mm_cmpeq_epi8(_mm_min_epu8(offset, splat('\r' - '\t')), offset);
  };
  const auto lead = [&](__m128i bytes) {  // the lead bytes of NBSP and of the kFolds entries
    return _mm_or_si128(_mm_cmpeq_epi8(bytes, splat('\xC2')), _mm_cmpeq_epi8(bytes, splat('\xE2')));
  };
  while (end < limit && end + 17 <= text.size()) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + end + 1));
    const __m128i space = _mm_cmpeq_epi8(bytes, splat(' '));
    // What ends a space's run: MayStartSpecial, a comma or a semicolon after it.
    const __m128i ends_space =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(next, splat(' ')), control_space(next)),
                     _mm_or_si128(lead(next), _mm_or_si128(_mm_cmpeq_epi8(next, splat(',')),
                                                           _mm_cmpeq_epi8(next, splat(';')))));
    const __m128i stop = _mm_or_si128(_mm_or_si128(control_space(bytes), lead(bytes)),
                                      _mm_and_si128(space, ends_space));
    auto stops = static_cast<uint32_t>(_mm_movemask_epi8(stop));
    // A space right before the sentence's end, and `limit`, stop the run too.
    if (sentence.end - end <= 16) {
      stops |= static_cast<uint32_t>(_mm_movemask_epi8(space)) & (1u << (sentence.end - end - 1));
    }
    if (limit - end < 16) stops |= 1u << (limit - end);
    if (stops != 0) return end + static_cast<size_t>(__builtin_ctz(stops));
    end += 16;
  }
#endif
  while (end < limit && (!MayStartSpecial(text[end]) || IsSpaceBetweenWords(text, end, sentence))) {
    ++end;
  }
  return end;
}

// The sentence of `doc` whose span contains `span`, or nullopt. Sentences are sorted and
// disjoint, so a binary search finds it.
std::optional<size_t> SentenceOf(const Document& doc, const Span& span) {
  const std::vector<Sentence>& sentences = doc.sentences();
  auto after = std::upper_bound(
      sentences.begin(), sentences.end(), span.begin,
      [](size_t begin, const Sentence& sentence) { return begin < sentence.span.begin; });
  if (after == sentences.begin()) return std::nullopt;
  const size_t index = static_cast<size_t>(after - sentences.begin()) - 1;
  if (!sentences[index].span.Contains(span)) return std::nullopt;
  return index;
}

}  // namespace

bool AbstractSentence::MayOverlapPlaceholder(std::string_view atom, std::string_view type) {
  const auto fold = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const int n = static_cast<int>(atom.size());
  // A placeholder as Emit writes it, its number a run of `digits` digits ('#' below): runs
  // longer than the atom add no way to overlap it.
  for (int digits = 1; digits <= n + 1; ++digits) {
    const std::string placeholder = "\u27E8" + std::string(type) + ":" +
                                    std::string(static_cast<size_t>(digits), '#') + "\u27E9";
    const int m = static_cast<int>(placeholder.size());
    // The atom starting `offset` bytes into the placeholder (before it when negative).
    for (int offset = 1 - n; offset < m; ++offset) {
      bool fits = true;
      for (int i = std::max(0, -offset); i < n && offset + i < m && fits; ++i) {
        const char want = placeholder[static_cast<size_t>(offset + i)];
        const char c = atom[static_cast<size_t>(i)];
        const char letter = fold(want);
        // A byte outside ASCII against a letter may match it by Unicode case folding ("K",
        // KELVIN SIGN, for "k"): it may fit.
        fits = want == '#'
                   ? c >= '0' && c <= '9'
                   : fold(c) == letter || ((c & 0x80) != 0 && letter >= 'a' && letter <= 'z');
      }
      if (fits) return true;
    }
  }
  return false;
}

// By counting: an array and its offsets per document, not vectors per sentence.
template <typename Annotation>
AbstractSentence::Grouped AbstractSentence::GroupBySentence(
    const Document& doc, const std::vector<Annotation>& annotations, size_t count) {
  constexpr size_t kNone = ~size_t{0};
  Grouped grouped;
  grouped.begin.assign(doc.sentences().size() + 1, 0);
  std::vector<size_t> sentence_of(count, kNone);
  for (size_t i = 0; i < count; ++i) {
    if (const std::optional<size_t> s = SentenceOf(doc, annotations[i].span)) {
      sentence_of[i] = *s;
      ++grouped.begin[*s + 1];
    }
  }
  for (size_t s = 1; s < grouped.begin.size(); ++s) grouped.begin[s] += grouped.begin[s - 1];
  grouped.indices.resize(grouped.begin.back());
  std::vector<size_t> next(grouped.begin.begin(), grouped.begin.end() - 1);
  for (size_t i = 0; i < count; ++i) {
    if (sentence_of[i] != kNone) grouped.indices[next[sentence_of[i]]++] = i;
  }
  return grouped;
}

AbstractSentence::MemberTable AbstractSentence::MembersBySentence(const Document& doc,
                                                                  bool with_name_candidates) {
  MemberTable table;
  table.mentions = GroupBySentence(doc, doc.mentions(), doc.mentions().size());
  table.amounts = GroupBySentence(doc, doc.amounts(), doc.amounts().size());
  table.name_candidates = GroupBySentence(doc, doc.name_candidates(),
                                          with_name_candidates ? doc.name_candidates().size() : 0);
  return table;
}

std::vector<AbstractSentence> AbstractSentence::BuildAll(const Document& doc) {
  const MemberTable members = MembersBySentence(doc, false);
  std::vector<AbstractSentence> out;
  out.reserve(doc.sentences().size());
  for (size_t s = 0; s < doc.sentences().size(); ++s) out.push_back(Build(doc, s, members.Of(s)));
  return out;
}

std::vector<AbstractSentence> AbstractSentence::BuildWithNameCandidates(
    const Document& doc, const std::vector<bool>& wanted) {
  std::vector<AbstractSentence> out;
  // Most documents want no view: their members are not grouped for nothing.
  if (doc.name_candidates().empty() ||
      std::find(wanted.begin(), wanted.end(), true) == wanted.end()) {
    return out;
  }
  const MemberTable members = MembersBySentence(doc, true);
  for (size_t s = 0; s < doc.sentences().size(); ++s) {
    const Members of = members.Of(s);
    if (!of.name_candidates.empty() && wanted[s]) out.push_back(Build(doc, s, of));
  }
  return out;
}

AbstractSentence AbstractSentence::Build(const Document& doc, size_t sentence_index) {
  return Build(doc, sentence_index, MembersBySentence(doc, false).Of(sentence_index));
}

AbstractSentence AbstractSentence::Build(const Document& doc, size_t sentence_index,
                                         const Members& members) {
  const Span sentence = doc.sentences()[sentence_index].span;
  const std::string& text = doc.text();
  std::vector<AbstractSlot> candidates;
  candidates.reserve(members.mentions.size() + members.name_candidates.size() +
                     members.amounts.size());
  for (const size_t i : members.mentions) {
    const Mention& m = doc.mentions()[i];
    if (m.span.empty() || !sentence.Contains(m.span)) continue;
    candidates.push_back({AbstractSlot::Kind::kMention, i, EntityTypeName(m.type), m.span, 0, 0});
  }
  for (const size_t i : members.name_candidates) {
    const Span span = doc.name_candidates()[i].span;
    if (!span.empty() && sentence.Contains(span)) {
      candidates.push_back({AbstractSlot::Kind::kNameCandidate, i, "ORG", span, 0, 0});
    }
  }
  // Elided restatements: document ranges such as " (£5bn)" that vanish from the view.
  std::vector<Span> elided;
  for (const size_t i : members.amounts) {
    const Amount& a = doc.amounts()[i];
    if (a.span.empty() || !sentence.Contains(a.span)) continue;
    if (a.restates.has_value()) {
      size_t begin = a.span.begin;
      size_t end = a.span.end;
      while (begin > sentence.begin && text[begin - 1] != '(' && WhitespaceAt(text, begin - 1)) {
        --begin;
      }
      if (begin > sentence.begin && text[begin - 1] == '(' && end < sentence.end &&
          text[end] == ')') {
        --begin;
        ++end;
        while (begin > sentence.begin && WhitespaceAt(text, begin - 1)) --begin;
        elided.push_back({begin, end});
        continue;
      }
    }
    candidates.push_back({AbstractSlot::Kind::kAmount, i, "MONEY", a.span, 0, 0});
  }
  std::sort(candidates.begin(), candidates.end(), [](const AbstractSlot& a, const AbstractSlot& b) {
    if (a.doc_span.begin != b.doc_span.begin) return a.doc_span.begin < b.doc_span.begin;
    return a.doc_span.end > b.doc_span.end;
  });
  // The slots: the candidates that overlap none kept before them, compacted in place.
  size_t kept = 0;
  for (AbstractSlot& slot : candidates) {
    if (kept > 0 && slot.doc_span.begin < candidates[kept - 1].doc_span.end) continue;
    if (&slot != &candidates[kept]) candidates[kept] = std::move(slot);
    ++kept;
  }
  candidates.resize(kept);
  std::sort(elided.begin(), elided.end());

  return Emit(doc, sentence_index, std::move(candidates), elided);
}

AbstractSentence AbstractSentence::Emit(const Document& doc, size_t sentence_index,
                                        std::vector<AbstractSlot> slots,
                                        const std::vector<Span>& elided) {
  AbstractSentence out;
  out.sentence_ = sentence_index;
  const Span sentence = doc.sentences()[sentence_index].span;
  out.text_.reserve(sentence.size() + 8 * slots.size());
  out.pieces_.reserve(2 * slots.size() + 2);
  // The slots are numbered in place, in `slots`'s own storage (no vector per sentence to fill);
  // those the text ends before reaching are dropped at the end.
  out.slots_ = std::move(slots);
  std::vector<AbstractSlot>& placed = out.slots_;
  const std::string& text = doc.text();
  // Placeholders are numbered per type; a sentence has few types, so a short list serves,
  // one per thread.
  thread_local std::vector<std::pair<std::string_view, int>> ordinals;
  ordinals.clear();
  const auto next_ordinal = [](std::string_view type) {
    for (auto& [known, count] : ordinals) {
      if (known == type) return ++count;
    }
    ordinals.emplace_back(type, 1);
    return 1;
  };
  auto emit = [&out](std::string_view bytes, size_t doc_begin, size_t doc_end) {
    out.Append(bytes, doc_begin, doc_end);
  };
  size_t next_slot = 0;
  size_t next_elided = 0;
  size_t pos = sentence.begin;
  while (pos < sentence.end) {
    if (next_elided < elided.size() && pos >= elided[next_elided].begin) {
      pos = std::max(pos, elided[next_elided].end);
      ++next_elided;
      continue;
    }
    if (next_slot < placed.size() && pos >= placed[next_slot].doc_span.begin) {
      AbstractSlot& slot = placed[next_slot++];
      slot.abstract_begin = out.text_.size();
      out.pieces_.push_back({out.text_.size(), slot.doc_span.begin, slot.doc_span.end, false});
      out.text_.append("\u27E8").append(slot.type).push_back(':');
      out.text_.append(std::to_string(next_ordinal(slot.type))).append("\u27E9");
      slot.abstract_end = out.text_.size();
      pos = slot.doc_span.end;
      continue;
    }
    if (const size_t ws = WhitespaceAt(text, pos); ws > 0) {
      size_t end = pos + ws;
      while (end < sentence.end && WhitespaceAt(text, end) > 0) end += WhitespaceAt(text, end);
      end = std::min(end, sentence.end);
      // Whitespace at the edges of the sentence is dropped, and so is whitespace before a comma
      // or semicolon ("Ambrit Inc , has agreed" in wire copy); elsewhere it becomes one space.
      const bool before_punctuation = end < sentence.end && (text[end] == ',' || text[end] == ';');
      if (!out.text_.empty() && end < sentence.end && !before_punctuation) emit(" ", pos, end);
      pos = end;
      continue;
    }
    bool folded = false;
    for (const Replacement& fold : kFolds) {
      // The first byte decides most positions without a comparison call (issue 16: six
      // comparisons at every word were a tenth of the claim stage's instructions).
      if (text[pos] != fold.from[0]) continue;
      if (std::string_view(text).substr(pos, fold.from.size()) == fold.from) {
        emit(fold.to, pos, pos + fold.from.size());
        pos += fold.from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    // A run of bytes copied as they are, up to the next byte that may start a placeholder, an
    // elided range, whitespace or folded typography (issue 16: one Append per byte was a fifth
    // of the claim stage).
    const size_t limit = std::min(
        {sentence.end, next_slot < placed.size() ? placed[next_slot].doc_span.begin : sentence.end,
         next_elided < elided.size() ? elided[next_elided].begin : sentence.end});
    const size_t end = CopyRunEnd(text, pos + 1, limit, sentence);
    out.AppendCopy(std::string_view(text).substr(pos, end - pos), pos);
    pos = end;
  }
  placed.resize(next_slot);
  return out;
}

void AbstractSentence::AppendCopy(std::string_view bytes, size_t doc_begin) {
  if (bytes.empty()) return;
  if (!pieces_.empty() && pieces_.back().copied && pieces_.back().doc_end == doc_begin) {
    pieces_.back().doc_end += bytes.size();  // extends the copied piece before it
  } else {
    pieces_.push_back({text_.size(), doc_begin, doc_begin + bytes.size(), true});
  }
  text_.append(bytes);
}

void AbstractSentence::Append(std::string_view bytes, size_t doc_begin, size_t doc_end) {
  if (bytes.empty()) return;
  const bool copied = bytes.size() == 1 && doc_end == doc_begin + 1;
  if (copied && !pieces_.empty() && pieces_.back().copied && pieces_.back().doc_end == doc_begin) {
    ++pieces_.back().doc_end;  // extends the copied piece before it
  } else {
    pieces_.push_back({text_.size(), doc_begin, doc_end, copied});
  }
  text_.append(bytes);
}

const AbstractSentence::Piece& AbstractSentence::PieceAt(size_t k) const {
  auto after = std::upper_bound(pieces_.begin(), pieces_.end(), k, [](size_t byte, const Piece& p) {
    return byte < p.abstract_begin;
  });
  return *(after - 1);
}

size_t AbstractSentence::PieceEnd(const Piece& piece) const {
  const size_t index = static_cast<size_t>(&piece - pieces_.data());
  return index + 1 < pieces_.size() ? pieces_[index + 1].abstract_begin : text_.size();
}

size_t AbstractSentence::DocBegin(const Piece& piece, size_t k) const {
  if (piece.copied) return piece.doc_begin + (k - piece.abstract_begin);
  return k == piece.abstract_begin ? piece.doc_begin : piece.doc_end;
}

size_t AbstractSentence::DocEnd(const Piece& piece, size_t k) const {
  if (piece.copied) return piece.doc_begin + (k - piece.abstract_begin) + 1;
  return k + 1 == PieceEnd(piece) ? piece.doc_end : piece.doc_begin;
}

Span AbstractSentence::ToDocument(size_t begin, size_t end) const {
  return {DocBegin(PieceAt(begin), begin), DocEnd(PieceAt(end - 1), end - 1)};
}

std::pair<size_t, size_t> AbstractSentence::ToAbstract(const Span& span) const {
  size_t first = text_.size();
  size_t last = 0;
  for (const Piece& piece : pieces_) {
    const size_t end = PieceEnd(piece);
    for (size_t k = piece.abstract_begin; k < end; ++k) {
      if (DocBegin(piece, k) >= span.begin && DocEnd(piece, k) <= span.end) {
        first = std::min(first, k);
        last = k + 1;
      }
    }
  }
  if (last <= first) return {0, 0};
  return {first, last};
}

std::vector<const AbstractSlot*> AbstractSentence::SlotsIn(size_t begin, size_t end) const {
  std::vector<const AbstractSlot*> out;
  for (const AbstractSlot& slot : slots_) {
    if (slot.abstract_begin >= begin && slot.abstract_end <= end) out.push_back(&slot);
  }
  return out;
}

}  // namespace newsfacts
