// AbstractSentence: a sentence with every mention and amount replaced by a typed placeholder
// ("⟨ORG:1⟩ has invested ⟨MONEY:1⟩ in ⟨ORG:2⟩"), with an exact map back to document bytes.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/document.h"

namespace newsfacts {

// Whether `claim` names an object, as an entity or as a described span.
inline bool HasObject(const Claim& claim) {
  return claim.object.has_value() || !claim.object_span.empty();
}

// One placeholder of an abstracted sentence and the annotation it stands for.
struct AbstractSlot {
  enum class Kind { kMention, kAmount, kNameCandidate };
  Kind kind = Kind::kMention;
  size_t index = 0;           // into Document::mentions(), amounts() or name_candidates()
  std::string_view type;      // "ORG", "PERSON", "PRODUCT", "LOCATION" or "MONEY" (static
                              // strings); a name candidate stands as an "ORG"
  Span doc_span;              // the annotation's bytes in the document
  size_t abstract_begin = 0;  // the placeholder's bytes in AbstractSentence::text()
  size_t abstract_end = 0;
};

// The abstracted view of one sentence. Besides placeholders, runs of whitespace become one
// space (none before a comma or semicolon), curly quotes and apostrophes become straight ones, en
// and em dashes become "-", and a parenthesised amount that restates the one before it ("$9.3bn
// (£5bn)") is elided, so rule patterns stay short. Immutable value; thread-compatible.
class AbstractSentence {
 public:
  // Builds the view of sentence `sentence_index` of `doc`. Mentions and amounts are taken by
  // span containment; where two overlap, the earlier (then the longer) one wins.
  static AbstractSentence Build(const Document& doc, size_t sentence_index);
  // The views of every sentence of `doc`, in order; linear in the number of annotations.
  static std::vector<AbstractSentence> BuildAll(const Document& doc);
  // The views of the sentences that hold a name candidate and that `wanted` (by sentence
  // index) marks, in order, with each candidate in an "ORG" placeholder of kind
  // kNameCandidate: what the claim rules would read if the candidate were an organization.
  static std::vector<AbstractSentence> BuildWithNameCandidates(const Document& doc,
                                                               const std::vector<bool>& wanted);

  // Whether `atom`, matched as RE2 matches a quoted atom ignoring case, can occur in a view
  // overlapping (by one byte or more) a placeholder of type `type` ("⟨ORG:12⟩", any number):
  // where a view differs from another only by such placeholders, an atom that cannot lies in
  // bytes both views hold.
  static bool MayOverlapPlaceholder(std::string_view atom, std::string_view type);

  const std::string& text() const { return text_; }
  const std::vector<AbstractSlot>& slots() const { return slots_; }
  size_t sentence() const { return sentence_; }

  // Returns the document span that abstract bytes [begin, end) stand for; a placeholder
  // maps to its whole annotation. Requires begin < end <= text().size().
  Span ToDocument(size_t begin, size_t end) const;

  // Returns the abstract bytes [first, second) that document span `span` covers: from the
  // first abstract byte starting at or after span.begin to the last ending at or before
  // span.end (a span inside the sentence; {0, 0} when it covers no byte).
  std::pair<size_t, size_t> ToAbstract(const Span& span) const;

  // Returns the slots whose placeholders lie inside abstract bytes [begin, end), in order.
  std::vector<const AbstractSlot*> SlotsIn(size_t begin, size_t end) const;

 private:
  // The mentions, amounts and name candidates (indices, ascending) whose spans lie in one
  // sentence.
  struct Members {
    std::span<const size_t> mentions;
    std::span<const size_t> amounts;
    std::span<const size_t> name_candidates;
  };
  // The members of every sentence of a document, each kind as one array grouped by sentence
  // (issue 16: three vectors per sentence, grown a push at a time, were some 20,000
  // allocations per pass over a 400-article benchmark).
  struct Grouped {
    std::vector<size_t> indices;  // those of sentence s: [begin[s], begin[s + 1])
    std::vector<size_t> begin;
    std::span<const size_t> Of(size_t s) const {
      return std::span<const size_t>(indices).subspan(begin[s], begin[s + 1] - begin[s]);
    }
  };
  struct MemberTable {
    Grouped mentions;
    Grouped amounts;
    Grouped name_candidates;
    Members Of(size_t s) const { return {mentions.Of(s), amounts.Of(s), name_candidates.Of(s)}; }
  };
  static MemberTable MembersBySentence(const Document& doc, bool with_name_candidates);
  // The first `count` of `annotations` grouped by the sentence holding each.
  template <typename Annotation>
  static Grouped GroupBySentence(const Document& doc, const std::vector<Annotation>& annotations,
                                 size_t count);
  static AbstractSentence Build(const Document& doc, size_t sentence_index, const Members& members);
  // Writes the view: placeholders for `slots`, `elided` ranges dropped, whitespace and
  // typography folded.
  static AbstractSentence Emit(const Document& doc, size_t sentence_index,
                               std::vector<AbstractSlot> slots, const std::vector<Span>& elided);

  size_t sentence_ = 0;
  std::string text_;
  std::vector<AbstractSlot> slots_;
  // The map from abstract bytes to document bytes, as pieces in abstract order: a copied
  // piece maps byte k to document byte doc_begin + (k - abstract_begin); any other piece (a
  // placeholder, folded typography, folded whitespace) maps its first byte to start at
  // doc_begin and its last to end at doc_end, so a range cut inside it stays inside it.
  struct Piece {
    size_t abstract_begin = 0;
    size_t doc_begin = 0;
    size_t doc_end = 0;
    bool copied = false;
  };
  // Appends `bytes` standing for document bytes [doc_begin, doc_end).
  void Append(std::string_view bytes, size_t doc_begin, size_t doc_end);
  // Appends `bytes` copied from document byte `doc_begin` on: the same pieces as one Append
  // per byte.
  void AppendCopy(std::string_view bytes, size_t doc_begin);
  // The piece holding abstract byte `k` (< text_.size()) and the document offsets where the
  // byte starts and ends.
  const Piece& PieceAt(size_t k) const;
  size_t DocBegin(const Piece& piece, size_t k) const;
  size_t DocEnd(const Piece& piece, size_t k) const;
  size_t PieceEnd(const Piece& piece) const;

  std::vector<Piece> pieces_;
};

}  // namespace newsfacts
