// The entity stage: gazetteer longest match, capitalized-name runs typed by context rules,
// in-document propagation and alias resolution, then one Entity per canonical key.
#include "extractors/entities/entity_stage.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/pipeline.h"
#include "pipeline/segmenter.h"

namespace newsfacts {
namespace {

constexpr int kGazetteerPriority = 100;

// How a sentence is cased: ordinary prose, a Title Case headline, or ALL CAPS (wire
// headlines such as "TECH FIRM BUYS RIVAL"), where capitals say nothing about names.
enum class SentenceMode { kNormal, kTitle, kUpper };

struct SentenceWords {
  size_t begin = 0;       // first word index
  size_t end = 0;         // one past the last word
  size_t first_word = 0;  // index of the first letter or digit word (sentence-initial)
  SentenceMode mode = SentenceMode::kNormal;
};

// A candidate mention over words [begin, end) of one sentence.
struct Candidate {
  size_t sentence = 0;
  size_t begin = 0;
  size_t end = 0;
  size_t name_end = 0;    // end of the name proper, before trailing designators
  size_t full_begin = 0;  // begin before a sentence-initial word was dropped
  bool typed = false;
  EntityType type = EntityType::kOrg;
  int priority = 0;
  size_t order = 0;
  std::string rule;
  std::optional<size_t> entry;  // gazetteer entry
  bool provisional = false;     // ambiguous gazetteer word still waiting for evidence
  bool glued = false;           // ambiguous word glued to another capitalized word
  bool common_noun = false;     // ambiguous word of a lowercase phrase ("Apple Orchard")
  std::optional<size_t> link;   // candidate whose entity this one is a short form of
};

// The named word lists the stage itself consults (see FORMAT.md).
struct Lists {
  const PhraseList* designators;
  const PhraseList* connectors;
  const PhraseList* of_heads;
  const PhraseList* titles;
  const PhraseList* roles;
  const PhraseList* stop_words;
  const PhraseList* function_words;
  const PhraseList* first_names;
  const PhraseList* evidence_after;
  const PhraseList* name_adjectives;
  const PhraseList* org_words;
  const PhraseList* headline_words;
  const PhraseList* institution_nouns;
  const PhraseList* currency_signs;
  const PhraseList* lowercase_designators;
  const PhraseList* name_openers;
  const PhraseList* singular_verbs;
  const PhraseList* place_name_openers;
};

Lists ListsOf(const EntityPatterns& patterns) {
  return Lists{&patterns.List("designators"),
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
               &patterns.List("place_name_openers")};
}

// True for one capital letter or several joined by periods, as a tokenizer leaves initials
// before their last period: "J", "K.R", "H.J".
bool IsInitials(std::string_view text) {
  for (size_t k = 0; k < text.size(); ++k) {
    const bool letter_expected = k % 2 == 0;
    if (letter_expected ? !(text[k] >= 'A' && text[k] <= 'Z') : text[k] != '.') return false;
  }
  return text.size() % 2 == 1;
}

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

// Appends the word of `span` to `words`, built in place.
EntityWord& AddWord(const Document& doc, Span span, TokenKind kind, bool space_before,
                    std::vector<EntityWord>* words) {
  EntityWord& word = words->emplace_back();
  word.span = span;
  const std::string_view text = doc.Text(span);
  // A token rarely holds whitespace or U+2019 (first byte 0xE2): copy it as it is then.
  const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xE2';
  });
  if (plain) {
    word.text.assign(text);
  } else {
    word.text = Gazetteer::PhraseKey(text);
    if (word.text.empty()) word.text.assign(text);
  }
  word.shape = ShapeOf(word.text);
  if (word.shape == WordShape::kLower || word.shape == WordShape::kUncased) {
    word.folded = word.text;  // already folded; FoldCase would copy it as it is
  } else {
    word.folded = FoldCase(word.text);
  }
  word.kind = kind;
  word.space_before = space_before;
  return word;
}

// Builds the word view of every sentence: tokens, with possessive endings split off.
void BuildWords(const Document& doc, std::vector<EntityWord>* words,
                std::vector<SentenceWords>* sentences) {
  const std::vector<Token>& tokens = doc.tokens();
  words->reserve(tokens.size() + tokens.size() / 8);
  sentences->reserve(doc.sentences().size());
  for (const Sentence& sentence : doc.sentences()) {
    SentenceWords range;
    range.begin = words->size();
    const size_t last = std::min(tokens.size(), sentence.first_token + sentence.token_count);
    for (size_t t = sentence.first_token; t < last; ++t) {
      const Token& token = tokens[t];
      const bool space = t == sentence.first_token || tokens[t - 1].span.end != token.span.begin;
      const std::string_view text = doc.Text(token.span);
      size_t suffix = 0;
      if (token.kind == TokenKind::kWord && EndsWithPossessive(text, &suffix)) {
        AddWord(doc, {token.span.begin, token.span.end - suffix}, token.kind, space, words);
        AddWord(doc, {token.span.end - suffix, token.span.end}, TokenKind::kPunctuation, false,
                words)
            .possessive = true;
        continue;
      }
      if (IsApostrophe(text) && !words->empty() && !space) {
        const bool s_follows = t + 1 < last && tokens[t + 1].span.begin == token.span.end &&
                               doc.Text(tokens[t + 1].span) == "s";
        const bool after_s = !words->back().folded.empty() && words->back().folded.back() == 's';
        if (s_follows || after_s) {
          const Span span{token.span.begin, s_follows ? tokens[t + 1].span.end : token.span.end};
          AddWord(doc, span, TokenKind::kPunctuation, false, words).possessive = true;
          if (s_follows) ++t;
          continue;
        }
      }
      if ((text == "'s" || text == "\xE2\x80\x99s") && !words->empty()) {
        AddWord(doc, token.span, TokenKind::kPunctuation, space, words).possessive = true;
        continue;
      }
      AddWord(doc, token.span, token.kind, space, words);
    }
    range.end = words->size();
    range.first_word = range.end;
    for (size_t i = range.begin; i < range.end; ++i) {
      const TokenKind kind = (*words)[i].kind;
      if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
        range.first_word = i;
        break;
      }
    }
    sentences->push_back(range);
  }
}

SentenceMode ModeOf(const std::vector<EntityWord>& words, const SentenceWords& sentence,
                    const Lists& lists) {
  size_t cased = 0, upper = 0, capital = 0, lower_content = 0;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    const EntityWord& word = words[i];
    if (word.kind != TokenKind::kWord || word.possessive || word.shape == WordShape::kUncased) {
      continue;
    }
    ++cased;
    if (word.shape == WordShape::kUpper && word.text.size() > 1) ++upper;
    if (word.shape == WordShape::kCapital) ++capital;
    if (word.shape == WordShape::kLower && !lists.function_words->ContainsWord(word)) {
      ++lower_content;
    }
  }
  if (cased >= 3 && upper * 10 >= cased * 7) return SentenceMode::kUpper;
  if (cased >= 3 && lower_content == 0 && capital >= 3) return SentenceMode::kTitle;
  return SentenceMode::kNormal;
}

// Per-document state of one Process() call.
class Annotator {
 public:
  Annotator(const Gazetteer& gazetteer, const EntityPatterns& patterns, Document& doc)
      : gazetteer_(gazetteer), patterns_(patterns), lists_(ListsOf(patterns)), doc_(doc) {}

  void Run() {
    BuildWords(doc_, &words_, &sentences_);
    patterns_.Index(words_);
    covered_.assign(words_.size(), false);
    // Facts of the article's words written with capitals, the only ones asked about: most
    // lowercase words cost one lookup.
    WordTable cased;
    cased_id_.assign(words_.size(), WordTable::kNotFound);
    for (size_t i = 0; i < words_.size(); ++i) {
      const EntityWord& word = words_[i];
      if (word.possessive || word.shape == WordShape::kLower || word.shape == WordShape::kUncased) {
        continue;
      }
      cased_id_[i] = cased.Insert(word.folded);
      if (cased_id_[i] == cased_facts_.size()) cased_facts_.push_back(0);
      if (word.shape == WordShape::kCapital &&
          (i + 1 == words_.size() || !words_[i + 1].possessive)) {
        cased_facts_[cased_id_[i]] |= kBareCapitalized;
      }
    }
    for (const EntityWord& word : words_) {
      if (word.possessive || word.shape != WordShape::kLower) continue;
      const size_t id = cased.Find(word.folded);
      if (id != WordTable::kNotFound) cased_facts_[id] |= kLowerSeen;
    }
    // Title Case counts as a headline only in the lines that open the article (headline,
    // standfirst, byline); past the first prose sentence it is a list of names (a team
    // line-up, a scorer list) and is read as prose.
    bool in_body = false;
    for (SentenceWords& sentence : sentences_) {
      sentence.mode = ModeOf(words_, sentence, lists_);
      if (in_body && sentence.mode == SentenceMode::kTitle) sentence.mode = SentenceMode::kNormal;
      in_body = in_body || sentence.mode == SentenceMode::kNormal;
    }
    for (size_t s = 0; s < sentences_.size(); ++s) MatchGazetteer(s);
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (sentences_[s].mode == SentenceMode::kUpper) {
        FindUpperDesignatorNames(s);
      } else {
        FindRuns(s);
      }
    }
    for (Candidate& candidate : candidates_) {
      if (!candidate.entry) TypeRun(candidate);
    }
    ResolveAmbiguous();
    FindKnownNames();
    Propagate();
    Emit();
  }

 private:
  const SentenceWords& SentenceOf(const Candidate& c) const { return sentences_[c.sentence]; }

  // Facts of a capitalized word's folded form across the article.
  static constexpr uint8_t kLowerSeen = 1;        // also written in lowercase
  static constexpr uint8_t kBareCapitalized = 2;  // capitalized somewhere without a possessive
  bool HasFact(size_t i, uint8_t fact) const {
    return cased_id_[i] != WordTable::kNotFound && (cased_facts_[cased_id_[i]] & fact) != 0;
  }

  // Words of the legal designator starting at `at` ("Corp", "Pty", "and Co"), or 0. The
  // designator's last word is capitalized ("and Co" holds its lowercase joiner), or it is a
  // lowercase abbreviation of `lowercase_designators` right after a name word ("Norton co",
  // "Greyhound corp"), not glued to a hyphen ("co-op").
  size_t DesignatorAt(size_t at, const SentenceWords& sentence) const {
    const size_t n = lists_.designators->MatchAt(words_, at, sentence.end);
    if (n == 0) return 0;
    size_t last = at + n - 1;
    while (last > at && words_[last].kind != TokenKind::kWord) --last;
    if (words_[last].shape != WordShape::kLower) return n;
    const bool after_name = at > sentence.begin && words_[at - 1].kind == TokenKind::kWord &&
                            words_[at - 1].shape != WordShape::kLower;
    const bool hyphen_follows =
        at + n < sentence.end && words_[at + n].text == "-" && !words_[at + n].space_before;
    const bool lowercase_ok = n == 1 && after_name && !hyphen_follows &&
                              lists_.lowercase_designators->ContainsWord(words_[at]);
    return lowercase_ok ? n : 0;
  }

  // End of the legal designators (", Inc.", "Corp", "Ltd.", "and Co") starting at `pos`, or
  // `pos`.
  size_t DesignatorEnd(size_t pos, const SentenceWords& sentence) const {
    size_t at = pos;
    if (at + 1 < sentence.end && words_[at].text == "," && DesignatorAt(at + 1, sentence) > 0) {
      ++at;
    }
    // Designators chain: "Holding Co Ltd", "Norvik Co Pty Ltd".
    for (size_t n = DesignatorAt(at, sentence); n > 0; n = DesignatorAt(at, sentence)) {
      at += n;
      if (at + 1 < sentence.end && words_[at].text == "." && !words_[at].space_before) ++at;
    }
    return at;
  }

  // True when word `k` may be part of a name that a designator ends: a capitalized word that
  // is no role, title or sentence word, though it may be an adjective such as "American" or
  // "Western" ("American Nursery Products Inc", "South Western Engineering Co").
  bool IsAnchoredNameWord(size_t k, const SentenceWords& sentence) const {
    const EntityWord& word = words_[k];
    if (covered_[k] || word.kind != TokenKind::kWord || word.possessive) return false;
    if (word.shape != WordShape::kCapital && word.shape != WordShape::kUpper &&
        word.shape != WordShape::kInnerCap) {
      return false;
    }
    if (lists_.stop_words->ContainsWord(word) && !lists_.name_adjectives->ContainsWord(word)) {
      return false;
    }
    return lists_.roles->MatchAt(words_, k, sentence.end) == 0 &&
           lists_.titles->MatchAt(words_, k, sentence.end) == 0;
  }

  // Designator-anchored company names, wherever they stand (sentence-initial too, where the
  // first word may also be an ordinary word: "Video Display Corp"): capitalized words joined
  // by connectors ("Norvane Oil and Gas Plc", "Harlow & Rowe Inc"), hyphens or initials
  // ("J.R. Palloway Inc"), a possessive after the first word when that word never stands
  // alone in the article ("Nordvik's Bakery Inc", "Borman's Inc"), then designators. Returns
  // the end of the designators and sets `name_end` to their start; 0 when no such name
  // starts at `begin`.
  size_t AnchoredEnd(size_t begin, const SentenceWords& sentence, size_t* name_end) const {
    constexpr size_t kMaxNameWords = 8;
    if (!IsAnchoredNameWord(begin, sentence)) return 0;
    size_t j = begin + 1;
    if (j + 1 < sentence.end && words_[j].possessive && !words_[j].space_before &&
        !HasFact(begin, kBareCapitalized)) {
      ++j;
    }
    // "Wagner and Brask and Tollund Industries Inc" lists names: a name holding "and" is
    // neither the second member of such a list nor holds two "and".
    const bool listed = begin >= sentence.begin + 2 && words_[begin - 1].folded == "and" &&
                        words_[begin - 2].kind == TokenKind::kWord &&
                        words_[begin - 2].shape != WordShape::kLower;
    size_t ands = 0;
    for (size_t count = 1; j < sentence.end && count <= kMaxNameWords;) {
      if (const size_t end = DesignatorEnd(j, sentence); end > j) {
        if (ands > 1 || (ands == 1 && listed)) return 0;
        *name_end = j;
        return end;
      }
      // "Air U.K. Ltd": the period that ends an abbreviation, then designators.
      if (words_[j].text == "." && !words_[j].space_before && j + 1 < sentence.end) {
        if (const size_t end = DesignatorEnd(j + 1, sentence); end > j + 1) {
          *name_end = j + 1;
          return end;
        }
      }
      if (IsAnchoredNameWord(j, sentence)) {
        ++j;
        ++count;
        continue;
      }
      if (j + 1 < sentence.end && !covered_[j] && IsAnchoredNameWord(j + 1, sentence)) {
        const EntityWord& link = words_[j];
        const bool connector =
            (lists_.connectors->ContainsWord(link) || link.folded == "and") &&
            (link.folded != "of" || lists_.of_heads->ContainsWord(words_[j - 1]));
        const bool joined = (link.text == "-" || link.text == ".") && !link.space_before;
        if (connector || joined) {
          if (link.folded == "and") ++ands;
          j += 2;
          ++count;
          continue;
        }
      }
      break;
    }
    return 0;
  }

  // End of a designator-anchored name holding words [i, i + n) and more than them: starting
  // at `i` or at a capitalized word before it that the article never writes in lowercase;
  // 0 when there is none.
  size_t AnchoredEndAround(size_t i, size_t n, const SentenceWords& sentence) const {
    constexpr size_t kMaxWordsBefore = 3;
    size_t first = i;
    while (first > sentence.begin && i - first < kMaxWordsBefore &&
           IsAnchoredNameWord(first - 1, sentence) && !HasFact(first - 1, kLowerSeen)) {
      --first;
    }
    for (size_t begin = first; begin <= i; ++begin) {
      size_t name_end = 0;
      const size_t end = AnchoredEnd(begin, sentence, &name_end);
      if (end > 0 && (begin < i || name_end > i + n)) return end;
    }
    return 0;
  }

  // In ALL CAPS lines ("QUELLMARK CORP TO ACQUIRE STRAVEN SOFTWARE INC") a name is the words
  // right before a designator, back to a sentence word, a `headline_words` word ("ACQUIRE",
  // "UNIT") or a word the article also writes in lowercase, unless that word is an
  // organization word such as SOFTWARE.
  void FindUpperDesignatorNames(size_t s) {
    constexpr size_t kMaxNameWords = 4;
    const SentenceWords& sentence = sentences_[s];
    for (size_t j = sentence.begin + 1; j < sentence.end; ++j) {
      if (covered_[j] || lists_.designators->MatchAt(words_, j, sentence.end) == 0) continue;
      size_t begin = j;
      while (begin > sentence.begin && j - begin < kMaxNameWords) {
        const size_t k = begin - 1;
        const EntityWord& word = words_[k];
        if (!IsAnchoredNameWord(k, sentence) || lists_.function_words->ContainsWord(word) ||
            lists_.headline_words->ContainsWord(word) || lists_.designators->ContainsWord(word)) {
          break;
        }
        if (HasFact(k, kLowerSeen) && !lists_.org_words->ContainsWord(word) &&
            !lists_.name_adjectives->ContainsWord(word)) {
          break;
        }
        begin = k;
      }
      if (begin == j) continue;
      Candidate candidate;
      candidate.sentence = s;
      candidate.begin = candidate.full_begin = begin;
      candidate.name_end = j;
      candidate.end = DesignatorEnd(j, sentence);
      if (candidate.end == j) continue;
      j = candidate.end - 1;
      candidates_.push_back(std::move(candidate));
    }
  }

  void MatchGazetteer(size_t s) {
    const SentenceWords& sentence = sentences_[s];
    const size_t first_candidate = candidates_.size();
    size_t i = sentence.begin;
    while (i < sentence.end) {
      const EntityWord& word = words_[i];
      if (word.kind == TokenKind::kPunctuation || word.possessive) {
        ++i;
        continue;
      }
      // No phrase starts with this word in any case (a word ending in "." may still start
      // one without its period).
      if (word.indexed && (word.facts == nullptr || word.facts->gazetteer_words == 0) &&
          (word.text.empty() || word.text.back() != '.')) {
        ++i;
        continue;
      }
      // Exact-case phrases start with the word as written; any_case ones (stored folded)
      // start with its folded form; ALL CAPS sentences try every phrase case-blind.
      const bool upper = sentence.mode == SentenceMode::kUpper;
      const bool ends_with_period = word.text.size() > 1 && word.text.back() == '.';
      size_t max_words = 0;
      if (!upper && !ends_with_period && word.indexed && word.text == word.folded) {
        // A word written in lowercase: both lookups below are the one the index holds.
        max_words = word.facts->gazetteer_lower_words;
      } else {
        max_words =
            std::max(gazetteer_.MaxWordsStartingWith(upper ? word.folded : word.text, upper),
                     upper ? 0 : gazetteer_.MaxWordsStartingWith(word.folded, false));
      }
      if (ends_with_period) {
        const std::string_view bare =
            std::string_view(upper ? word.folded : word.text).substr(0, word.text.size() - 1);
        max_words = std::max(max_words, gazetteer_.MaxWordsStartingWith(bare, upper));
      }
      max_words = std::min(max_words, sentence.end - i);
      std::optional<GazetteerPhrase> found;
      size_t n = max_words;
      if (n > 0) BuildKeys(i, i + n);
      for (; n > 0 && !found; --n) {
        if (words_[i + n - 1].possessive) continue;
        found = Lookup(n, sentence.mode);
        if (found) break;
      }
      if (!found) {
        ++i;
        continue;
      }
      const GazetteerEntry& entry = gazetteer_.entries()[found->entry];
      if (entry.type == EntityType::kLocation && i + n < sentence.end &&
          !words_[i + n].space_before && lists_.currency_signs->ContainsWord(words_[i + n])) {
        // "US$42m", "HK$3bn": the place is a currency prefix, not a mention.
        i += n;
        continue;
      }
      size_t anchored_name_end = 0;
      if (entry.type == EntityType::kLocation && sentence.mode != SentenceMode::kUpper &&
          AnchoredEnd(i, sentence, &anchored_name_end) > i + n) {
        // A place that opens a company name ("Harwick Steel Corp") is part of that name.
        i = AnchoredEnd(i, sentence, &anchored_name_end);
        continue;
      }
      if (entry.type == EntityType::kLocation && i > sentence.begin &&
          words_[i - 1].shape == WordShape::kCapital &&
          lists_.place_name_openers->ContainsWord(words_[i - 1])) {
        // "Air Tarrowland", "Banco Verlia": an organization named for a place.
        i += n;
        continue;
      }
      if ((entry.ambiguous || entry.type == EntityType::kLocation) &&
          sentence.mode != SentenceMode::kUpper) {
        // A common-word name or a place inside a longer company name ("Orchard Pantries Inc",
        // "Hunt Orchard Co", "Air Harwick Ltd") is a word of that name.
        if (const size_t end = AnchoredEndAround(i, n, sentence)) {
          i = end;
          continue;
        }
      }
      if (entry.ambiguous && sentence.mode != SentenceMode::kUpper) {
        // ... and so is one opening a run that an organization word ends ("Orchard
        // Combustion Division").
        size_t run_end = i + n;
        while (run_end < sentence.end && IsNameWord(run_end, sentence)) ++run_end;
        if (run_end > i + n && lists_.org_words->ContainsWord(words_[run_end - 1])) {
          i = run_end;
          continue;
        }
        // A first name before a surname opens a person's name ("Claude Varga").
        if (run_end > i + n && n == 1 && lists_.first_names->ContainsWord(word)) {
          i = run_end;
          continue;
        }
      }
      Candidate candidate;
      candidate.sentence = s;
      candidate.begin = candidate.full_begin = i;
      candidate.name_end = i + n;
      candidate.end = DesignatorEnd(i + n, sentence);
      candidate.typed = true;
      candidate.type = entry.type;
      candidate.priority = kGazetteerPriority;
      candidate.rule = "gazetteer:" + entry.id;
      candidate.entry = found->entry;
      const bool one_cased_word = n == 1 && word.shape == WordShape::kCapital;
      candidate.provisional = entry.ambiguous &&
                              (one_cased_word || sentence.mode == SentenceMode::kUpper) &&
                              candidate.end == candidate.name_end;
      for (size_t k = candidate.begin; k < candidate.end; ++k) covered_[k] = true;
      candidates_.push_back(std::move(candidate));
      i = candidates_.back().end;
    }
    if (sentence.mode == SentenceMode::kNormal) DropInstitutionPlaces(first_candidate, sentence);
  }

  // "Hong Kong Monetary Authority", "Tokyo Stock Exchange", "Harwick Steel Mills": a place
  // written out that opens the name of an institution or company is part of that name, which
  // FindRuns then finds whole. An abbreviated place stays apart ("U.S. Justice Department",
  // "U.K. Competition and Markets Authority"). Runs after the sentence's gazetteer matches, so
  // a known name after the place keeps the place apart too.
  void DropInstitutionPlaces(size_t first_candidate, const SentenceWords& sentence) {
    for (size_t k = candidates_.size(); k > first_candidate; --k) {
      const Candidate& c = candidates_[k - 1];
      if (c.type != EntityType::kLocation || c.end != c.name_end) continue;
      size_t end = InstitutionEnd(c.end, sentence);
      if (end == 0) end = OrgWordNameEnd(c.end, sentence);
      // The name must end at the institution noun, where org_words types it: "New York State
      // Department of Health" goes on past it, and its place stays a place.
      if (end == 0 || (end < sentence.end && words_[end].folded == "of")) continue;
      bool written_out = true;
      for (size_t w = c.begin; w < c.end; ++w) {
        written_out = written_out && words_[w].shape == WordShape::kCapital;
      }
      if (!written_out) continue;
      for (size_t w = c.begin; w < c.end; ++w) covered_[w] = false;
      candidates_.erase(candidates_.begin() + static_cast<std::ptrdiff_t>(k - 1));
    }
  }

  // Builds the exact and folded keys of words [begin, end) once; the key of the first n
  // words is then a prefix of each (see Lookup).
  void BuildKeys(size_t begin, size_t end) {
    exact_key_.clear();
    folded_key_.clear();
    exact_ends_.clear();
    folded_ends_.clear();
    for (size_t k = begin; k < end; ++k) {
      if (k > begin && words_[k].space_before) {
        exact_key_ += ' ';
        folded_key_ += ' ';
      }
      exact_key_ += words_[k].text;
      folded_key_ += words_[k].folded;
      exact_ends_.push_back(exact_key_.size());
      folded_ends_.push_back(folded_key_.size());
    }
  }

  // The phrase of the first `n` words of the last BuildKeys range.
  std::optional<GazetteerPhrase> Lookup(size_t n, SentenceMode mode) const {
    if (const auto* phrases =
            gazetteer_.FindExact(std::string_view(exact_key_).substr(0, exact_ends_[n - 1]))) {
      return phrases->front();
    }
    if (const auto* phrases =
            gazetteer_.FindFolded(std::string_view(folded_key_).substr(0, folded_ends_[n - 1]))) {
      for (const GazetteerPhrase& phrase : *phrases) {
        if (phrase.any_case || mode == SentenceMode::kUpper) return phrase;
      }
    }
    return std::nullopt;
  }

  // End of an institution name starting at `begin`: capitalized name words, possibly joined
  // by "and" ("Competition and Markets Authority"), ending in an `institution_nouns` word
  // ("Monetary Authority", "Stock Exchange"); 0 when none starts there.
  size_t InstitutionEnd(size_t begin, const SentenceWords& sentence) const {
    constexpr size_t kMaxWords = 5;
    size_t end = 0;
    for (size_t k = begin, count = 0; k < sentence.end && count < kMaxWords; ++k, ++count) {
      if (k > begin && words_[k].folded == "and" && k + 1 < sentence.end) ++k;
      if (!IsNameWord(k, sentence)) break;
      if (lists_.institution_nouns->ContainsWord(words_[k])) end = k + 1;
    }
    return end;
  }

  // True when word `i` is a `name_openers` stop word ("First", "Southern") followed by a name
  // word: it may open a run, which keeps it only when typed an organization.
  bool IsNameOpener(size_t i, const SentenceWords& sentence) const {
    const EntityWord& word = words_[i];
    return !covered_[i] && word.kind == TokenKind::kWord && word.shape == WordShape::kCapital &&
           lists_.name_openers->ContainsWord(word) && i + 1 < sentence.end &&
           IsNameWord(i + 1, sentence);
  }

  // True when the name words from `begin` are followed by a `singular_verbs` phrase: after
  // "Kestrel and Varga", "said it" or "has" make the pair one firm's name, where two names
  // would take "they" or "have".
  bool TakesSingularVerb(size_t begin, const SentenceWords& sentence) const {
    size_t end = begin;
    while (end < sentence.end && IsNameWord(end, sentence)) ++end;
    return end > begin && lists_.singular_verbs->MatchAt(words_, end, sentence.end) > 0;
  }

  // End of the run of name words starting at `begin` when an `org_words` word ends it
  // ("Steel Mills", "Southwest Airlines"); 0 otherwise.
  size_t OrgWordNameEnd(size_t begin, const SentenceWords& sentence) const {
    constexpr size_t kMaxWords = 4;
    size_t end = begin;
    while (end < sentence.end && end - begin < kMaxWords && IsNameWord(end, sentence)) ++end;
    const bool run_ends = end == sentence.end || !IsNameWord(end, sentence);
    return end > begin && run_ends && lists_.org_words->ContainsWord(words_[end - 1]) ? end : 0;
  }

  // True when word `i` can be part of a capitalized name.
  bool IsNameWord(size_t i, const SentenceWords& sentence) const {
    const EntityWord& word = words_[i];
    if (covered_[i] || word.kind != TokenKind::kWord || word.possessive) return false;
    if (word.shape != WordShape::kCapital && word.shape != WordShape::kUpper &&
        word.shape != WordShape::kInnerCap) {
      return false;
    }
    if (lists_.stop_words->ContainsWord(word)) return false;
    if (lists_.roles->MatchAt(words_, i, sentence.end) > 0) return false;
    if (lists_.titles->MatchAt(words_, i, sentence.end) > 0) return false;
    const bool common = HasFact(i, kLowerSeen);
    if (common && (sentence.mode == SentenceMode::kTitle || i == sentence.first_word)) return false;
    return true;
  }

  // End of the name words after a `name_adjectives` word at `j` inside a run, when an
  // organization word ends them ("KLM Royal Dutch Airlines"); `j` when none does, so that a
  // nationality between two names ("Kestrel Swedish unit") still splits them.
  size_t AdjectiveNameEnd(size_t j, const SentenceWords& sentence) const {
    const EntityWord& word = words_[j];
    if (covered_[j] || word.kind != TokenKind::kWord || word.shape == WordShape::kLower ||
        !lists_.name_adjectives->ContainsWord(word)) {
      return j;
    }
    size_t end = j + 1;
    while (end < sentence.end && IsNameWord(end, sentence)) ++end;
    return end > j + 1 && lists_.org_words->ContainsWord(words_[end - 1]) ? end : j;
  }

  // End of an `org_words` phrase joined by the lowercase word at `j` ("Savings and Loan",
  // "Oil and Gas") that starts at the run word before `j`, its words after `j` all name
  // words; `j` when none does.
  size_t JoinedOrgWordsEnd(size_t j, const SentenceWords& sentence) const {
    if (words_[j].shape != WordShape::kLower || j + 1 >= sentence.end) return j;
    const size_t n = lists_.org_words->MatchAt(words_, j - 1, sentence.end);
    if (n < 3) return j;
    const size_t end = j - 1 + n;
    for (size_t k = j + 1; k < end; ++k) {
      if (!IsNameWord(k, sentence)) return j;
    }
    return end;
  }

  void FindRuns(size_t s) {
    const SentenceWords& sentence = sentences_[s];
    size_t i = sentence.begin;
    while (i < sentence.end) {
      size_t anchored_name_end = 0;
      if (const size_t end = AnchoredEnd(i, sentence, &anchored_name_end)) {
        Candidate candidate;
        candidate.sentence = s;
        candidate.begin = candidate.full_begin = i;
        candidate.end = end;
        candidate.name_end = anchored_name_end;
        candidates_.push_back(std::move(candidate));
        i = end;
        continue;
      }
      if (!IsNameWord(i, sentence) && !IsNameOpener(i, sentence)) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      size_t name_end = 0;
      while (j < sentence.end) {
        if (const size_t end = DesignatorEnd(j, sentence); end > j) {
          name_end = j;
          j = end;
          break;
        }
        if (IsNameWord(j, sentence)) {
          ++j;
          continue;
        }
        if (const size_t end = AdjectiveNameEnd(j, sentence); end > j) {
          j = end;
          continue;
        }
        if (const size_t end = JoinedOrgWordsEnd(j, sentence); end > j) {
          j = end;
          continue;
        }
        if (j + 1 < sentence.end && IsNameWord(j + 1, sentence) && !covered_[j]) {
          const EntityWord& link = words_[j];
          const bool connector =
              (lists_.connectors->ContainsWord(link) &&
               (link.folded != "of" || lists_.of_heads->ContainsWord(words_[j - 1]))) ||
              (link.folded == "and" &&
               (InstitutionEnd(j + 1, sentence) > 0 || TakesSingularVerb(j + 1, sentence)));
          const bool joined = (link.text == "-" || link.text == ".") && !link.space_before &&
                              (link.text == "-" || IsInitials(words_[j - 1].text));
          if (connector || joined) {
            j += 2;
            continue;
          }
        }
        break;
      }
      // Designators alone ("Corp said", the "Co" of a split "X and Co") name nothing.
      if (name_end == 0 && DesignatorEnd(i, sentence) >= j) {
        i = j;
        continue;
      }
      Candidate candidate;
      candidate.sentence = s;
      candidate.begin = i;
      candidate.end = j;
      candidate.name_end = name_end > 0 ? name_end : j;
      candidate.full_begin = i;
      candidates_.push_back(std::move(candidate));
      i = j;
    }
  }

  // True when words [begin, end) are all Capitalized words of two or more letters.
  bool AllTitleWords(size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      const EntityWord& word = words_[k];
      if (word.kind != TokenKind::kWord || word.shape != WordShape::kCapital ||
          word.text.size() < 2) {
        return false;
      }
    }
    return true;
  }

  // True when a phrase of `heads` stands right before an "of" inside the name of `c`
  // ("Tarrow Savings Bank of Harlow").
  bool HasHeadBeforeOf(const PhraseList& heads, const Candidate& c) const {
    for (size_t k = c.begin + 1; k + 1 < c.name_end; ++k) {
      if (words_[k].folded == "of" && heads.MatchEndingAt(words_, k, c.begin) > 0) return true;
    }
    return false;
  }

  // True when `word` ends with a word of `endings` after at least three more letters
  // ("Tarrowcorp", "Nordvikbanken"), written as one word.
  static bool EndsWithListEnding(const PhraseList& endings, const EntityWord& word) {
    constexpr size_t kMinStemBytes = 3;
    if (word.kind != TokenKind::kWord) return false;
    const std::string& folded = word.folded;
    for (size_t stem = kMinStemBytes; stem < folded.size(); ++stem) {
      if (endings.Contains(std::string_view(folded).substr(stem))) return true;
    }
    return false;
  }

  bool AnyWordIn(const PhraseList& list, size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      if (list.ContainsWord(words_[k])) return true;
    }
    return false;
  }

  size_t WordCount(size_t begin, size_t end) const {
    size_t count = 0;
    for (size_t k = begin; k < end; ++k) count += words_[k].kind == TokenKind::kWord ? 1 : 0;
    return count;
  }

  // Types a run by the best rule. A run that starts a sentence and no rule types may
  // begin with an ordinary capitalized word ("Later Brandvold left"): the rest is tried.
  // A single word starting a sentence is typed only by rules marked sentence_initial
  // (strong contexts such as appositives), else left to propagation ("Investors bought").
  void TypeRun(Candidate& c) {
    const SentenceWords& sentence = SentenceOf(c);
    const bool initial = c.begin == sentence.first_word;
    TypeRunWithRules(c, initial && WordCount(c.begin, c.name_end) == 1);
    // An opener such as "First" stays only in an organization name ("First Orchard Bank").
    const bool opener = IsNameOpener(c.begin, sentence);
    if (opener && c.typed && c.type != EntityType::kOrg) c.typed = false;
    if (c.typed || !(initial || opener) || WordCount(c.begin, c.name_end) < 2) return;
    size_t rest = c.begin + 1;
    while (rest < c.name_end && words_[rest].kind != TokenKind::kWord) ++rest;
    if (rest >= c.name_end || !IsNameWord(rest, sentence)) return;
    c.begin = rest;
    TypeRun(c);
  }

  void TypeRunWithRules(Candidate& c, bool initial_single_word) {
    const SentenceWords& sentence = SentenceOf(c);
    const size_t words = WordCount(c.begin, c.name_end);
    const EntityRule* best = nullptr;
    // In a Title Case headline capitals are no evidence: only rules marked in_headlines
    // (designators) type a run there; body names reach it by propagation.
    const bool headline = sentence.mode == SentenceMode::kTitle;
    for (const EntityRule& rule : patterns_.rules()) {
      if (best != nullptr && rule.priority <= best->priority) continue;
      if (headline && !rule.in_headlines) continue;
      if (initial_single_word && !rule.sentence_initial) continue;
      if (words < rule.min_words || (rule.max_words > 0 && words > rule.max_words)) continue;
      if (rule.title_words && !AllTitleWords(c.begin, c.name_end)) continue;
      if (rule.name_excludes != nullptr && AnyWordIn(*rule.name_excludes, c.begin, c.end)) continue;
      if (rule.name_starts_with != nullptr &&
          rule.name_starts_with->MatchAt(words_, c.begin, c.name_end) == 0) {
        continue;
      }
      if (rule.name_ends_with != nullptr &&
          rule.name_ends_with->MatchEndingAt(words_, c.end, c.begin) == 0) {
        continue;
      }
      if (rule.name_head_before_of != nullptr && !HasHeadBeforeOf(*rule.name_head_before_of, c)) {
        continue;
      }
      if (rule.last_word_ending != nullptr &&
          !EndsWithListEnding(*rule.last_word_ending, words_[c.name_end - 1])) {
        continue;
      }
      if (!rule.before.empty() &&
          !EntityPatterns::MatchBefore(rule.before, words_, c.begin, sentence.begin)) {
        continue;
      }
      if (!rule.after.empty() &&
          !EntityPatterns::MatchAfter(rule.after, words_, c.end, sentence.end)) {
        continue;
      }
      best = &rule;
    }
    if (best == nullptr) return;
    c.typed = true;
    c.type = best->type;
    c.priority = best->priority;
    c.order = best->order + 1;
    c.rule = best->id;
  }

  // An ambiguous gazetteer word ("Apple") stands when it is not the first word of a plain
  // sentence, or is followed by a possessive, a designator or an evidence word ("said"),
  // or the same entry stands elsewhere in the article.
  void ResolveAmbiguous() {
    std::unordered_set<size_t> confirmed;
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (!c.entry) continue;
      if (!c.provisional) {
        confirmed.insert(*c.entry);
        continue;
      }
      const SentenceWords& sentence = SentenceOf(c);
      const bool followed_by_name = c.end < sentence.end && IsNameWord(c.end, sentence);
      const bool preceded_by_name = c.begin > sentence.begin && IsNameWord(c.begin - 1, sentence);
      // "Apple Orchard" in a headline over an article about apple orchards: both words are
      // written in lowercase in the body, so they are a common noun phrase.
      const bool common_phrase = sentence.mode == SentenceMode::kTitle && c.end < sentence.end &&
                                 words_[c.end].shape == WordShape::kCapital &&
                                 HasFact(c.end, kLowerSeen) && HasFact(c.begin, kLowerSeen);
      if (followed_by_name || preceded_by_name || common_phrase) {
        c.glued = true;
        c.common_noun = common_phrase;
        continue;
      }
      const bool evidence =
          (c.end < sentence.end && words_[c.end].possessive) ||
          lists_.evidence_after->MatchAt(words_, c.end, sentence.end) > 0 ||
          (sentence.mode == SentenceMode::kNormal && c.begin != sentence.first_word);
      if (evidence) {
        c.provisional = false;
        confirmed.insert(*c.entry);
      }
    }
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (c.provisional && !c.glued && confirmed.count(*c.entry) > 0) c.provisional = false;
    }
    for (Candidate& c : candidates_) {
      if (c.provisional) c.typed = false;
    }
  }

  // A company name of several words that a rule typed is found again wherever the article
  // repeats it exactly, in prose sentences where runs could not rebuild it: "Orlen and Vask
  // Shipping said" after "Orlen and Vask Shipping Plc", where "and" splits runs, "Plaid
  // Tarrow said" after "Plaid Tarrow Inc", where a gazetteer word opens it. Rule-typed
  // candidates inside a repeat give way to it, gazetteer ones to the overlap policy.
  void FindKnownNames() {
    std::unordered_map<std::string_view, std::vector<size_t>> known_by_first_word;
    for (size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (c.typed && !c.entry && c.type == EntityType::kOrg &&
          WordCount(c.begin, c.name_end) >= 2) {
        known_by_first_word[words_[c.begin].text].push_back(k);
      }
    }
    if (known_by_first_word.empty()) return;
    std::vector<Candidate> repeats;
    for (size_t s = 0; s < sentences_.size(); ++s) {
      const SentenceWords& sentence = sentences_[s];
      if (sentence.mode != SentenceMode::kNormal) continue;
      for (size_t i = sentence.begin; i < sentence.end; ++i) {
        const auto known = known_by_first_word.find(words_[i].text);
        if (known == known_by_first_word.end()) continue;
        for (const size_t k : known->second) {
          const size_t n = candidates_[k].name_end - candidates_[k].begin;
          if (!RepeatsName(i, n, candidates_[k], sentence) || HasCandidate(s, i, i + n)) continue;
          Candidate repeat;
          repeat.sentence = s;
          repeat.begin = repeat.full_begin = i;
          repeat.name_end = i + n;
          repeat.end = DesignatorEnd(i + n, sentence);
          Adopt(repeat, k, "propagate.same_name");
          repeats.push_back(std::move(repeat));
          i = repeats.back().end - 1;
          break;
        }
      }
    }
    if (repeats.empty()) return;
    const auto inside_repeat = [&](const Candidate& c) {
      if (c.entry) return false;
      return std::any_of(repeats.begin(), repeats.end(), [&](const Candidate& r) {
        return r.sentence == c.sentence && r.begin <= c.begin && c.end <= r.end;
      });
    };
    candidates_.erase(std::remove_if(candidates_.begin(), candidates_.end(), inside_repeat),
                      candidates_.end());
    for (Candidate& repeat : repeats) candidates_.push_back(std::move(repeat));
  }

  // True when words [i, i + n) of `sentence` are the name words of `known`, as written.
  bool RepeatsName(size_t i, size_t n, const Candidate& known,
                   const SentenceWords& sentence) const {
    if (i + n > sentence.end) return false;
    for (size_t k = 0; k < n; ++k) {
      if (words_[i + k].text != words_[known.begin + k].text) return false;
    }
    return true;
  }

  // True when a typed candidate of `sentence` has exactly the name words [begin, name_end).
  bool HasCandidate(size_t sentence, size_t begin, size_t name_end) const {
    return std::any_of(candidates_.begin(), candidates_.end(), [&](const Candidate& c) {
      return c.sentence == sentence && c.begin == begin && c.name_end == name_end && c.typed;
    });
  }

  std::string Initials(const Candidate& c) const {
    std::string initials;
    for (size_t k = c.begin; k < c.name_end; ++k) {
      const EntityWord& word = words_[k];
      if (word.kind != TokenKind::kWord || word.shape == WordShape::kLower) continue;
      if (lists_.designators->ContainsWord(word)) continue;
      initials += word.text[0];
    }
    return initials;
  }

  std::string AcronymOf(const Candidate& c) const {
    std::string letters;
    for (size_t k = c.begin; k < c.name_end; ++k) {
      const EntityWord& word = words_[k];
      if (word.kind != TokenKind::kWord) continue;
      if (word.shape != WordShape::kUpper) return "";
      letters += word.text;
    }
    return letters.size() >= 2 && letters.size() <= 6 ? letters : "";
  }

  // Finds the fuller earlier (or later) mention a short form stands for: a surname for a
  // person, initials or a first word for an organization. A name with a designator of its own
  // ("Gelco Corp") is a company in full, not a short form of another ("Gelco Express Ltd", its
  // unit).
  // True when `other` is `c` followed by organization words only ("Kowloon Tong" of
  // "Kowloon Tong Holdings").
  bool IsOrgPrefix(const Candidate& c, const Candidate& other) const {
    const size_t length = c.name_end - c.begin;
    if (other.name_end - other.begin <= length) return false;
    for (size_t k = 0; k < length; ++k) {
      if (words_[c.begin + k].folded != words_[other.begin + k].folded) return false;
    }
    for (size_t k = other.begin + length; k < other.name_end; ++k) {
      if (!lists_.org_words->ContainsWord(words_[k])) return false;
    }
    return true;
  }

  std::optional<size_t> FindLongForm(const Candidate& c, std::optional<EntityType> type) const {
    const size_t words = WordCount(c.begin, c.name_end);
    const std::string folded = FoldedKey(words_, c.begin, c.name_end);
    const std::string acronym = AcronymOf(c);
    std::optional<size_t> found;
    for (size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& other = candidates_[k];
      if (&other == &c || !other.typed || other.link || (type && other.type != *type)) continue;
      if (WordCount(other.begin, other.name_end) < 2) continue;
      bool match = false;
      if (other.type == EntityType::kPerson && words == 1) {
        match = words_[other.name_end - 1].folded == folded;
      } else if (other.type == EntityType::kOrg && c.end == c.name_end) {
        match = (!acronym.empty() && Initials(other) == acronym) ||
                (words == 1 && words_[other.begin].folded == folded &&
                 !lists_.first_names->Contains(folded)) ||
                (words >= 2 && IsOrgPrefix(c, other));
      }
      if (match && (!found || other.begin < candidates_[*found].begin)) found = k;
    }
    return found;
  }

  void Propagate() {
    // Names typed somewhere in the article keep their type everywhere (`Somerset` typed by
    // a rule in one sentence is an ORG in the others), short forms find their long form.
    // The same words typed twice by rules take the type of the stronger rule: "Vardel Orbis"
    // after "chief executive of Vardel Orbis" is no person where only the fallback typed it.
    // A designator is evidence of its own, and gazetteer places stay apart ("Canada" beside
    // "Tarrow Canada Ltd").
    std::unordered_map<std::string, size_t> by_surface;
    std::vector<const size_t*> strongest_of(candidates_.size(), nullptr);
    size_t max_known_words = 0;
    for (size_t k = 0; k < candidates_.size(); ++k) {
      const Candidate& c = candidates_[k];
      if (!c.typed) continue;
      const auto [it, inserted] = by_surface.emplace(FoldedKey(words_, c.begin, c.name_end), k);
      const Candidate& known = candidates_[it->second];
      if (!inserted && !c.entry && (known.entry || c.priority > known.priority)) it->second = k;
      strongest_of[k] = &it->second;  // unordered_map values keep their address
      max_known_words = std::max(max_known_words, c.name_end - c.begin);
    }
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (!c.typed || c.entry || c.end != c.name_end) continue;
      const size_t strongest = *strongest_of[k];
      const Candidate& source = candidates_[strongest];
      if (strongest != k && !source.entry && source.type != c.type &&
          source.priority > c.priority) {
        Adopt(c, strongest, "propagate.same_name");
      }
    }
    // Typed short forms first, so that the names adopting them below share their long form.
    // A short form takes the type of a long form typed on stronger evidence: "Robbins" of
    // "Chuck Robbins" is a person even where a rule read it as a company ("Robbins
    // announced").
    for (Candidate& c : candidates_) {
      if (!c.typed || c.entry || (c.type != EntityType::kPerson && c.type != EntityType::kOrg)) {
        continue;
      }
      const std::optional<size_t> long_form = FindLongForm(c, std::nullopt);
      if (long_form && candidates_[*long_form].type != c.type &&
          candidates_[*long_form].priority <= c.priority) {
        // A weaker long form ("Interactive Bafta" by the person fallback) does not retype
        // a short form its own context typed ("chief executive of Bafta").
        c.link = FindLongForm(c, c.type);
        continue;
      }
      if (long_form && candidates_[*long_form].type != c.type) {
        Adopt(c, *long_form,
              candidates_[*long_form].type == EntityType::kPerson ? "propagate.surname"
                                                                  : "propagate.short_form");
        c.link = long_form;
        continue;
      }
      c.link = long_form;  // the earliest long form of any type, here of c's own type
    }
    for (size_t k = 0; k < candidates_.size(); ++k) {
      Candidate& c = candidates_[k];
      if (c.typed || c.common_noun) continue;
      const auto full = by_surface.find(FoldedKey(words_, c.full_begin, c.name_end));
      if (full != by_surface.end() && full->second != k) {
        c.begin = c.full_begin;
        Adopt(c, full->second, "propagate.same_name");
        continue;
      }
      const auto same = by_surface.find(FoldedKey(words_, c.begin, c.name_end));
      if (same != by_surface.end() && same->second != k) {
        Adopt(c, same->second, "propagate.same_name");
        continue;
      }
      if (c.full_begin != c.begin) {
        // A sentence-initial run whose first word TypeRun dropped may still be a short form
        // as a whole ("Kestrel Bay said" of "Kestrel Bay Holdings").
        Candidate whole = c;
        whole.begin = c.full_begin;
        if (const std::optional<size_t> long_form = FindLongForm(whole, std::nullopt)) {
          c.begin = c.full_begin;
          Adopt(c, *long_form, "propagate.short_form");
          c.link = long_form;
          continue;
        }
      }
      if (const std::optional<size_t> long_form = FindLongForm(c, std::nullopt)) {
        if (c.entry) {
          // An ambiguous gazetteer name confirmed by a longer name of the article keeps its
          // own entry: "Amazon" beside "Amazon Web Services" is Amazon, not AWS.
          const std::optional<size_t> entry = c.entry;
          Adopt(c, *long_form, "propagate.short_form");
          c.type = gazetteer_.entries()[*entry].type;
          c.entry = entry;
          continue;
        }
        Adopt(c, *long_form,
              candidates_[*long_form].type == EntityType::kPerson ? "propagate.surname"
                                                                  : "propagate.short_form");
        c.link = long_form;
      }
    }
    // Names known from the article are found inside ALL CAPS lines and Title Case headlines,
    // where capitals alone type nothing ("Maker Pomely Raises" holds Pomely).
    for (size_t s = 0; s < sentences_.size(); ++s) {
      if (sentences_[s].mode != SentenceMode::kNormal)
        PropagateUpper(s, by_surface, max_known_words);
    }
  }

  void Adopt(Candidate& c, size_t source, std::string rule) {
    const Candidate& from = candidates_[source];
    c.typed = true;
    c.provisional = false;
    c.type = from.type;
    c.priority = from.priority;
    c.order = from.order;
    c.rule = std::move(rule);
    const bool same_words =
        FoldedKey(words_, c.begin, c.name_end) == FoldedKey(words_, from.begin, from.name_end);
    c.entry = same_words ? from.entry : std::nullopt;
    // The same words stand for the same entity: a copy of a short form shares its long form.
    c.link = same_words ? from.link : std::nullopt;
  }

  // In ALL CAPS sentences and Title Case headlines, names known from the rest of the article
  // are found case-blind among the words no gazetteer name covers.
  void PropagateUpper(size_t s, const std::unordered_map<std::string, size_t>& by_surface,
                      size_t max_known_words) {
    const SentenceWords& sentence = sentences_[s];
    for (size_t i = sentence.begin; i < sentence.end;) {
      bool matched = false;
      if (!covered_[i] && words_[i].kind == TokenKind::kWord) {
        for (size_t n = std::min(max_known_words, sentence.end - i); n > 0; --n) {
          bool free = true;
          for (size_t k = i; k < i + n; ++k) free = free && !covered_[k];
          if (!free) continue;
          const auto known = by_surface.find(FoldedKey(words_, i, i + n));
          if (known == by_surface.end()) continue;
          Candidate c;
          c.sentence = s;
          c.begin = c.full_begin = i;
          c.end = c.name_end = i + n;
          const size_t source = known->second;
          Adopt(c, source, "propagate.same_name");
          c.entry = candidates_[source].entry;
          c.link = candidates_[source].entry ? std::nullopt : std::optional<size_t>(source);
          for (size_t k = i; k < i + n; ++k) covered_[k] = true;
          candidates_.push_back(std::move(c));
          i += n;
          matched = true;
          break;
        }
      }
      if (!matched) ++i;
    }
  }

  // The display name of a pattern-found candidate: its words without trailing designators.
  std::string DisplayName(const Candidate& c) const {
    return std::string(doc_.Text({words_[c.begin].span.begin, words_[c.name_end - 1].span.end}));
  }

  // The bytes of a kept candidate. A designator's period that also ends the sentence
  // ("... agreed to buy Dunmore Plastics Corp.") is the full stop, not part of the name.
  Span MentionSpan(const Candidate& c) const {
    Span span{words_[c.begin].span.begin, words_[c.end - 1].span.end};
    const SentenceWords& sentence = SentenceOf(c);
    for (size_t k = c.end; k < sentence.end; ++k) {
      const std::string& text = words_[k].text;
      if (text != ")" && text != "\"" && text != "'" && text != "\xE2\x80\x9D") return span;
    }
    const std::string& last = words_[c.end - 1].text;
    if (c.end == c.name_end) return span;  // "U.S." keeps its period
    if (last == ".") {
      span.end = words_[c.end - 2].span.end;
    } else if (last.size() > 1 && last.back() == '.') {
      span.end -= 1;
    }
    return span;
  }

  void Emit() {
    std::vector<size_t> order;
    for (size_t k = 0; k < candidates_.size(); ++k) {
      if (candidates_[k].typed) order.push_back(k);
    }
    // Overlap policy: longest first, then priority, then rule order.
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Candidate& x = candidates_[a];
      const Candidate& y = candidates_[b];
      const size_t x_len = words_[x.end - 1].span.end - words_[x.begin].span.begin;
      const size_t y_len = words_[y.end - 1].span.end - words_[y.begin].span.begin;
      if (x_len != y_len) return x_len > y_len;
      if (x.priority != y.priority) return x.priority > y.priority;
      if (x.order != y.order) return x.order < y.order;
      return x.begin < y.begin;
    });
    std::vector<bool> taken(words_.size(), false);
    std::vector<size_t> kept;
    for (const size_t k : order) {
      const Candidate& c = candidates_[k];
      bool free = true;
      for (size_t w = c.begin; w < c.end; ++w) free = free && !taken[w];
      if (!free) continue;
      for (size_t w = c.begin; w < c.end; ++w) taken[w] = true;
      kept.push_back(k);
    }
    std::sort(kept.begin(), kept.end(), [&](size_t a, size_t b) {
      return words_[candidates_[a].begin].span.begin < words_[candidates_[b].begin].span.begin;
    });

    std::vector<Entity>& entities = doc_.mutable_entities();
    std::vector<Mention>& mentions = doc_.mutable_mentions();
    entities.clear();
    mentions.clear();
    std::unordered_map<std::string, size_t> by_key;
    const auto entity_for = [&](const Candidate& c) -> size_t {
      const Candidate* root = &c;
      for (int hops = 0; root->link && hops < 4; ++hops) root = &candidates_[*root->link];
      std::string key, name, parent;
      std::vector<std::string> aliases;
      EntityType type = root->type;
      if (root->entry) {
        const GazetteerEntry& entry = gazetteer_.entries()[*root->entry];
        key = entry.id;
        name = entry.name;
        parent = entry.parent;
        type = entry.type;
        aliases = entry.aliases;
      } else {
        name = DisplayName(*root);
        key = CanonicalKey(name);
      }
      const auto [it, inserted] = by_key.emplace(key, entities.size());
      if (inserted) {
        entities.push_back(Entity{key, name, type, parent, std::move(aliases)});
      } else if (!root->entry && ShapeOf(entities[it->second].name) == WordShape::kUpper &&
                 ShapeOf(name) != WordShape::kUpper) {
        // A name first seen in an ALL CAPS headline takes its body spelling ("Quellmark").
        entities[it->second].name = name;
      }
      return it->second;
    };
    for (const size_t k : kept) {
      const Candidate& c = candidates_[k];
      const size_t entity = entity_for(c);
      const Span span = MentionSpan(c);
      Entity& target = entities[entity];
      const std::string surface(doc_.Text(span));
      if (surface != target.name && std::find(target.aliases.begin(), target.aliases.end(),
                                              surface) == target.aliases.end()) {
        target.aliases.push_back(surface);
      }
      mentions.push_back(Mention{span, entity, target.type, c.sentence, c.rule});
    }
  }

  const Gazetteer& gazetteer_;
  const EntityPatterns& patterns_;
  const Lists lists_;
  Document& doc_;
  std::vector<EntityWord> words_;
  std::vector<SentenceWords> sentences_;
  std::vector<bool> covered_;
  std::vector<size_t> cased_id_;        // per word: id among capitalized folded forms
  std::vector<uint8_t> cased_facts_;    // per id: kLowerSeen, kBareCapitalized
  std::string exact_key_, folded_key_;  // BuildKeys scratch
  std::vector<size_t> exact_ends_, folded_ends_;
  std::vector<Candidate> candidates_;
};

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

StatusOr<std::unique_ptr<EntityStage>> EntityStage::Create(const RuleSources& rules) {
  std::unique_ptr<EntityStage> stage(new EntityStage());
  for (const RuleSource* file : rules.OfKind("gazetteer")) {
    NEWSFACTS_RETURN_IF_ERROR(stage->gazetteer_.AddFile(*file));
  }
  for (const RuleSource* file : rules.OfKind("entity_patterns")) {
    NEWSFACTS_RETURN_IF_ERROR(stage->patterns_.AddFile(*file));
  }
  stage->patterns_.BuildWordIndex(stage->gazetteer_);
  return stage;
}

Status EntityStage::Process(Document& doc) const {
  Annotator(gazetteer_, patterns_, doc).Run();
  return Status::Ok();
}

std::vector<std::string> EntityStage::CheckExamples() const {
  std::vector<std::string> failures;
  StatusOr<std::unique_ptr<SegmenterStage>> segmenter = SegmenterStage::Create();
  if (!segmenter.ok())
    return {"entities: cannot segment examples: " + segmenter.status().message()};
  for (const EntityRule& rule : patterns_.rules()) {
    for (const RuleExample& example : rule.examples) {
      const std::string prefix =
          rule.file + ": rule " + rule.id + ": example " + Quoted(example.text) + ": ";
      Document doc = Document::FromRaw({}, example.text);
      Status status = (*segmenter)->Process(doc);
      if (status.ok()) status = Process(doc);
      if (!status.ok()) {
        failures.push_back(prefix + "expected a result, got error " + status.message());
        continue;
      }
      std::string got;
      for (const Mention& mention : doc.mentions()) {
        if (!got.empty()) got += ", ";
        got += Quoted(doc.Text(mention.span)) + " " + std::string(EntityTypeName(mention.type)) +
               " " + doc.entities()[mention.entity].key;
      }
      if (got.empty()) got = "no mentions";
      for (const ExpectedMention& expected : example.expect) {
        bool found = false;
        for (const Mention& mention : doc.mentions()) {
          found = found ||
                  (doc.Text(mention.span) == expected.text &&
                   (!expected.type || mention.type == *expected.type) &&
                   (expected.key.empty() || doc.entities()[mention.entity].key == expected.key));
        }
        if (!found) {
          std::string want = Quoted(expected.text);
          if (expected.type) want += " " + std::string(EntityTypeName(*expected.type));
          if (!expected.key.empty()) want += " " + expected.key;
          failures.push_back(prefix + "expected " + want + ", got " + got);
        }
      }
      for (const std::string& absent : example.absent) {
        for (const Mention& mention : doc.mentions()) {
          if (doc.Text(mention.span).find(absent) != std::string_view::npos) {
            failures.push_back(prefix + "expected no mention of " + Quoted(absent) + ", got " +
                               got);
            break;
          }
        }
      }
    }
  }
  return failures;
}

}  // namespace newsfacts
