// Builds the entity stage's word view of a document: tokens as words with possessive endings
// split off, each sentence's casing mode, and what the article writes in lowercase.
#include "extractors/entities/word_view.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

namespace newsfacts {
namespace {

bool IsApostrophe(std::string_view text) { return text == "'" || text == "\xE2\x80\x99"; }

bool EndsWithPossessive(std::string_view text, size_t* suffix) {
  for (const std::string_view ending :
       {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (text.size() > ending.size() && text.substr(text.size() - ending.size()) == ending) {
      *suffix = ending.size();
      return true;
    }
  }
  return false;
}

// The cased words of one sentence by shape, counted as its words are built: what its mode is
// judged by (ModeOf). A word is cased when it is a word token (no possessive ending, no
// punctuation) holding a cased letter.
struct CaseCounts {
  size_t cased = 0;
  size_t upper = 0;          // ALL CAPS words of two or more bytes
  size_t capital = 0;        // Capitalized words
  size_t lower = 0;          // lowercase words
  size_t lower_content = 0;  // lowercase words that are no `function_words`
};

SentenceMode ModeOf(const CaseCounts& n) {
  if (n.cased >= 3 && n.upper * 10 >= n.cased * 7) return SentenceMode::kUpper;
  if (n.cased >= 3 && n.lower == n.cased) return SentenceMode::kUpper;  // all lowercase
  if (n.cased >= 3 && n.lower_content == 0 && n.capital >= 3) return SentenceMode::kTitle;
  return SentenceMode::kNormal;
}

// Builds the words of one document into a view: each word's text (the document's bytes, or
// their key in the arena), shape, folded form, form id and word facts, computed once here for
// every pass. A plain ASCII word of up to 8 bytes is folded all at once and finds its form by
// one integer probe (ShortWordIds); only a form seen for the first time is hashed and looked
// up in the word index. A folded form is copied to the arena once, when first seen; a
// lowercase word is its own.
class WordBuilder {
 public:
  WordBuilder(const Document& doc, const PassRules& rules, WordView& view)
      : doc_(doc),
        patterns_(*rules.patterns),
        indexed_(patterns_.HasWordIndex()),
        function_words_(*rules.function_words),
        view_(view),
        words_(view.words),
        short_forms_(ReusedShortForms()),
        scratch_(64) {
    // About one word in two is a form of its own in a news article; few are longer than 8
    // bytes (a table of them that grew from empty would be filed anew at each doubling).
    forms_.reserve(doc.tokens().size() / 2);
    view_.cased_facts.reserve(doc.tokens().size() / 2);
    short_forms_.Reserve(doc.tokens().size() / 2);
    long_forms_.Reserve(doc.tokens().size() / 16);
  }
  ~WordBuilder() { short_forms_.Clear(); }
  WordBuilder(const WordBuilder&) = delete;
  WordBuilder& operator=(const WordBuilder&) = delete;

  // Appends the words of tokens [first, last) of one sentence, possessive endings split off.
  void AddSentenceWords(size_t first, size_t last) {
    const std::vector<Token>& tokens = doc_.tokens();
    for (size_t t = first; t < last; ++t) {
      const Token& token = tokens[t];
      const bool space = t == first || tokens[t - 1].span.end != token.span.begin;
      const std::string_view text = doc_.Text(token.span);
      // Every possessive ending or apostrophe ends in "s" or starts with one of these bytes.
      const bool may_be_possessive =
          !text.empty() && (text.back() == 's' || text.front() == '\'' || text.front() == '\xE2');
      if (!may_be_possessive) {
        AddWordInline(token.span, text, token.kind, space);
        continue;
      }
      size_t suffix = 0;
      if (token.kind == TokenKind::kWord && EndsWithPossessive(text, &suffix)) {
        AddWord({token.span.begin, token.span.end - suffix}, token.kind, space);
        AddWord({token.span.end - suffix, token.span.end}, TokenKind::kPunctuation, false)
            .possessive = true;
        continue;
      }
      if (IsApostrophe(text) && !words_.empty() && !space) {
        const bool s_follows = t + 1 < last && tokens[t + 1].span.begin == token.span.end &&
                               doc_.Text(tokens[t + 1].span) == "s";
        const bool after_s = !words_.back().folded.empty() && words_.back().folded.back() == 's';
        if (s_follows || after_s) {
          const Span span{token.span.begin, s_follows ? tokens[t + 1].span.end : token.span.end};
          AddWord(span, TokenKind::kPunctuation, false).possessive = true;
          if (s_follows) ++t;
          continue;
        }
      }
      if ((text == "'s" || text == "\xE2\x80\x99s") && !words_.empty()) {
        AddWord(token.span, TokenKind::kPunctuation, space).possessive = true;
        continue;
      }
      AddWord(token.span, token.kind, space);
    }
  }

  // The number of distinct folded forms so far.
  size_t FormCount() const { return forms_.size(); }
  // The counts of the words added since the last call. Possessive endings are added as
  // punctuation, so they count as no word here either.
  CaseCounts TakeCounts() { return std::exchange(counts_, CaseCounts{}); }

 private:
  // What the words of one distinct folded form share.
  struct Form {
    std::string_view folded;  // a view of the document's text or of the view's arena
    uint64_t poly = 0;        // KeyHash::PartOf(folded).poly
    const WordFacts* facts = nullptr;
  };

  // The table of this thread's word builders' short forms, empty between documents. It is
  // kept from one document to the next and emptied of the last one's keys only: a fresh
  // table of a slot a token cost more to clear than all of its probes.
  static ShortWordIds& ReusedShortForms() {
    thread_local ShortWordIds table;
    return table;
  }

  // Appends the word of `span`, built in place: AddWordInline, called.
  [[gnu::noinline]] EntityWord& AddWord(Span span, TokenKind kind, bool space_before) {
    return AddWordInline(span, doc_.Text(span), kind, space_before);
  }

  // Appends the word of `span`, built in place. A plain ASCII word of up to 8 bytes of a
  // form already seen (most words) takes the inline path: folded all at once, its form found
  // by the folded bytes as one integer. New forms and other words take calls of their own,
  // which keeps this path small enough to inline at the token loop's common case (no
  // possessive), saving a call's register saves per word.
  // `text` is doc_.Text(span), which the token loop has at hand.
  [[gnu::always_inline]] EntityWord& AddWordInline(Span span, std::string_view text, TokenKind kind,
                                                   bool space_before) {
    EntityWord& word = words_.emplace_back();
    word.span = span;
    word.kind = kind;
    word.space_before = space_before;
    word.text = text;
    word.indexed = indexed_;
    uint64_t key = 0;
    if (text.size() - 1 < 8 && FoldShortPlainAscii(text, &key, &word.shape)) {
      uint32_t form = short_forms_.Find(key);
      if (form == ShortWordIds::kNotFound) form = NewShortForm(word, key, text.size());
      SetForm(word, form);
      Count(word);
      return word;
    }
    AddOtherWord(word);
    Count(word);
    return word;
  }

  // Sets the shape and form of `word`, which is no plain ASCII word of up to 8 bytes.
  [[gnu::noinline]] void AddOtherWord(EntityWord& word) {
    uint64_t key = 0;
    if (scratch_.size() < word.text.size()) scratch_.resize(word.text.size() * 2);
    KeyHash::Part part;
    std::string_view folded;
    const bool short_word = word.text.size() - 1 < 8;  // 1 to 8 bytes
    if (!short_word && FoldPlainAscii(word.text, scratch_.data(), &word.shape, &part)) {
      folded = {scratch_.data(), word.text.size()};
    } else {
      folded = FoldOther(word);
      part = KeyHash::PartOf(folded);
    }
    SetForm(word, ShortWordIds::KeyOf(folded, &key) ? ShortFormOf(word, key, folded.size())
                                                    : LongFormOf(word, folded, part));
  }

  // The form of `word`, whose shape is set and whose folded form of `length` bytes has the
  // ShortWordIds key `key`; added when new.
  uint32_t ShortFormOf(const EntityWord& word, uint64_t key, size_t length) {
    if (const uint32_t form = short_forms_.Find(key); form != ShortWordIds::kNotFound) {
      return form;
    }
    return NewShortForm(word, key, length);
  }

  // Adds the form of `word` of ShortWordIds key `key`, which short_forms_ does not hold yet.
  [[gnu::noinline]] uint32_t NewShortForm(const EntityWord& word, uint64_t key, size_t length) {
    std::memcpy(scratch_.data(), &key, 8);
    const std::string_view folded(scratch_.data(), length);
    const uint32_t form = AddForm(word, folded, KeyHash::PartOf(folded).poly,
                                  indexed_ ? patterns_.ShortFactsOf(key) : nullptr);
    short_forms_.Add(key, form);
    return form;
  }

  // The form of `word`, whose shape is set and whose text folds to `folded` (of KeyHash part
  // `part`, no ShortWordIds key); added when new.
  uint32_t LongFormOf(const EntityWord& word, std::string_view folded, KeyHash::Part part) {
    const uint64_t hash = KeyHash::Finish(part);
    if (const size_t at = long_forms_.Find(folded, hash); at != FormTable::kNotFound) {
      return long_form_ids_[at];
    }
    const uint32_t form =
        AddForm(word, folded, part.poly, indexed_ ? patterns_.FactsOf(folded, hash) : nullptr);
    long_forms_.Add(forms_[form].folded, hash);
    long_form_ids_.push_back(form);
    return form;
  }

  // Adds the form `folded` of `word`, of KeyHash polynomial `poly`, with its word facts
  // `facts`; returns its id. A lowercase or uncased word is its own folded form; another's is
  // copied to the arena.
  uint32_t AddForm(const EntityWord& word, std::string_view folded, uint64_t poly,
                   const WordFacts* facts) {
    const bool own_form = word.shape == WordShape::kLower || word.shape == WordShape::kUncased;
    forms_.push_back(Form{own_form ? word.text : view_.arena.Store(folded), poly, facts});
    return static_cast<uint32_t>(forms_.size() - 1);
  }

  // Counts `word`, built, in counts_ (a switch on the shape it has just been given: cheaper
  // than a loop over the sentence's words afterwards).
  void Count(const EntityWord& word) {
    if (word.kind != TokenKind::kWord) return;
    switch (word.shape) {
      case WordShape::kUncased:
        return;
      case WordShape::kUpper:
        if (word.text.size() > 1) ++counts_.upper;
        break;
      case WordShape::kCapital:
        ++counts_.capital;
        break;
      case WordShape::kLower:
        ++counts_.lower;
        if (!function_words_.ContainsWord(word)) ++counts_.lower_content;
        break;
      case WordShape::kInnerCap:
        break;
    }
    ++counts_.cased;
  }

  // Sets what `word` takes from its form `form`.
  void SetForm(EntityWord& word, uint32_t form) const {
    word.folded = forms_[form].folded;
    word.folded_poly = forms_[form].poly;
    word.form = form;
    word.facts = forms_[form].facts;
  }

  // Sets the shape of `word`, not plain ASCII, and returns its folded form, until the next
  // call. Whitespace or U+2019 (first byte 0xE2) make its text a key of its own, kept in the
  // arena.
  std::string_view FoldOther(EntityWord& word) {
    const bool plain = std::none_of(word.text.begin(), word.text.end(), [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xE2';
    });
    if (!plain) {
      const std::string key = Gazetteer::PhraseKey(word.text);
      if (!key.empty()) word.text = view_.arena.Store(key);
    }
    word.shape = ShapeOf(word.text);
    if (word.shape == WordShape::kLower || word.shape == WordShape::kUncased) return word.text;
    other_folded_ = FoldCase(word.text);
    return other_folded_;
  }

  const Document& doc_;
  const EntityPatterns& patterns_;
  const bool indexed_;  // the patterns have a word index: words take their facts from it
  const PhraseList& function_words_;
  CaseCounts counts_;  // of the words added since TakeCounts
  WordView& view_;
  std::vector<EntityWord>& words_;
  std::vector<Form> forms_;  // by form id, in order of first use
  // The forms that have a ShortWordIds key (most words), by it; the others by their folded
  // text, with their ids.
  ShortWordIds& short_forms_;  // ReusedShortForms()
  FormTable long_forms_;
  std::vector<uint32_t> long_form_ids_;
  // A plain ASCII word folded, before its form is known (64 bytes or more: FoldPlainAscii
  // writes 8 at least).
  std::vector<char> scratch_;
  std::string other_folded_;  // any other word folded (FoldOther)
};

// Sets what the view knows of the words of `sentence`, just built and still in cache, in one
// loop where each fact once took a loop over the whole document: the longest role or title
// phrase at each word, whether the article is a sports report, and the cased facts of the
// words' folded forms. Only the article's words written with capitals ask about their form
// (cased_id), and those of the lines whose case says nothing (sentence mode kUpper, an
// all-lowercase headline). `bare_pending` carries a capitalized word ending the previous
// sentence, whose kBareCapitalized waits for the word after it.
void IndexSentence(const PassRules& rules, const SentenceWords& sentence, WordView& view,
                   size_t* bare_pending) {
  const std::vector<EntityWord>& words = view.words;
  const bool caseless = sentence.mode == SentenceMode::kUpper;
  const PhraseList& roles = *rules.roles;
  const PhraseList& titles = *rules.titles;
  const PhraseList& sports_words = *rules.sports_words;
  // Most words start no role or title and are no sports word: when every word is indexed
  // and the three lists have their bits, one test of a word's facts says so for all three.
  const uint64_t start_bits = roles.Bit() | titles.Bit();
  const uint64_t sports_bit = sports_words.Bit();
  const bool by_bits =
      rules.patterns->HasWordIndex() && roles.Bit() != 0 && titles.Bit() != 0 && sports_bit != 0;
  size_t pending = *bare_pending;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    const EntityWord& word = words[i];
    if (pending != WordTable::kNotFound && !word.possessive) {
      view.cased_facts[words[pending].form] |= kBareCapitalized;
    }
    pending = WordTable::kNotFound;
    const WordFacts* facts = word.facts;
    if (!by_bits ||
        (facts != nullptr && ((facts->starts & start_bits) | (facts->is & sports_bit)) != 0)) {
      if (roles.EitherMayStartWith(titles, word)) {
        view.role_or_title_words[i] =
            std::max(roles.MatchAt(words, i, sentence.end), titles.MatchAt(words, i, sentence.end));
      }
      if (!view.sports_report && sports_words.ContainsWord(word)) view.sports_report = true;
    }
    if (word.possessive || word.shape == WordShape::kUncased) continue;
    if (word.shape == WordShape::kLower && !caseless) {
      // Only capitalized words ask about their form: marking it here answers them.
      view.cased_facts[word.form] |= kLowerSeen;
      continue;
    }
    view.cased_id[i] = word.form;
    if (word.shape == WordShape::kCapital) pending = i;
  }
  *bare_pending = pending;
}

// Builds the word view of every sentence: tokens, with possessive endings split off, then
// each sentence's mode and the facts IndexSentence sets. Title Case counts as a headline only
// in the lines that open the article (headline, standfirst, byline); past the first prose
// sentence it is a list of names (a team line-up, a scorer list) and is read as prose.
void BuildWords(const Document& doc, const PassRules& rules, WordView& view) {
  const std::vector<Token>& tokens = doc.tokens();
  std::vector<EntityWord>& words = view.words;
  words.reserve(tokens.size() + tokens.size() / 8);
  view.sentences.reserve(doc.sentences().size());
  // Grown sentence by sentence below; room for as many words as `words` holds.
  view.cased_id.reserve(words.capacity());
  view.role_or_title_words.reserve(words.capacity());
  WordBuilder builder(doc, rules, view);
  bool in_body = false;
  size_t bare_pending = WordTable::kNotFound;
  for (const Sentence& sentence : doc.sentences()) {
    SentenceWords range;
    range.begin = words.size();
    const size_t last = std::min(tokens.size(), sentence.first_token + sentence.token_count);
    builder.AddSentenceWords(sentence.first_token, last);
    range.end = words.size();
    range.first_word = range.end;
    for (size_t i = range.begin; i < range.end; ++i) {
      const TokenKind kind = words[i].kind;
      if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
        range.first_word = i;
        break;
      }
    }
    range.mode = ModeOf(builder.TakeCounts());
    if (in_body && range.mode == SentenceMode::kTitle) range.mode = SentenceMode::kNormal;
    in_body = in_body || range.mode == SentenceMode::kNormal;
    view.cased_facts.resize(builder.FormCount(), 0);
    view.cased_id.resize(range.end, WordTable::kNotFound);
    view.role_or_title_words.resize(range.end, 0);
    IndexSentence(rules, range, view, &bare_pending);
    view.sentences.push_back(range);
  }
  // The article's last word has no word after it.
  if (bare_pending != WordTable::kNotFound) {
    view.cased_facts[words[bare_pending].form] |= kBareCapitalized;
  }
}

}  // namespace

PassRules PassRules::Of(const Gazetteer& gazetteer, const EntityPatterns& patterns) {
  return PassRules{&gazetteer,
                   &patterns,
                   &patterns.List("designators"),
                   &patterns.List("name_connectors"),
                   &patterns.List("of_heads"),
                   &patterns.List("person_titles"),
                   &patterns.List("role_words"),
                   &patterns.List("stop_words"),
                   &patterns.List("function_words"),
                   &patterns.List("first_names"),
                   &patterns.List("evidence_after"),
                   &patterns.List("name_adjectives"),
                   &patterns.List("org_words"),
                   &patterns.List("headline_words"),
                   &patterns.List("institution_nouns"),
                   &patterns.List("currency_signs"),
                   &patterns.List("lowercase_designators"),
                   &patterns.List("name_openers"),
                   &patterns.List("singular_verbs"),
                   &patterns.List("place_name_openers"),
                   &patterns.List("and_words"),
                   &patterns.List("of_words"),
                   &patterns.List("headline_verbs"),
                   &patterns.List("descriptor_nouns"),
                   &patterns.List("funding_words"),
                   &patterns.List("sports_words")};
}

bool WordView::AnyWordIn(const PhraseList& list, size_t begin, size_t end) const {
  for (size_t k = begin; k < end; ++k) {
    if (list.ContainsWord(words[k])) return true;
  }
  return false;
}

size_t WordView::WordCount(size_t begin, size_t end) const {
  size_t count = 0;
  for (size_t k = begin; k < end; ++k) count += words[k].kind == TokenKind::kWord ? 1 : 0;
  return count;
}

WordView BuildWordView(const Document& doc, const PassRules& rules) {
  WordView view;
  BuildWords(doc, rules, view);
  view.covered.assign(view.words.size(), false);
  // Room for the candidates the passes add to most articles (a news article's names take
  // well under a quarter of its words), so that they are not moved at each doubling.
  view.candidates.reserve(view.words.size() / 4);
  return view;
}

void Adopt(const WordView& view, Candidate& c, size_t source, std::string_view rule) {
  const Candidate& from = view.candidates[source];
  c.typed = true;
  c.provisional = false;
  c.type = from.type;
  c.priority = from.priority;
  c.order = from.order;
  c.rule = rule;
  // One key built, the other's words compared to it in place.
  const bool same_words =
      IsKeyOfWords(FoldedKey(view.words, from.begin, from.name_end), view.words, c.begin,
                   c.name_end, [](const EntityWord& word) { return word.folded; });
  c.entry = same_words ? from.entry : std::nullopt;
  // The same words stand for the same entity: a copy of a short form shares its long form.
  c.link = same_words ? from.link : std::nullopt;
}

}  // namespace newsfacts
