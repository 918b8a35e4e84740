// Builds the entity stage's word view of a document: tokens as words with possessive endings
// split off, each sentence's casing mode, and what the article writes in lowercase.
#include "extractors/entities/word_view.h"

#include <algorithm>
#include <string_view>

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

// Appends the words of tokens [first, last) of one sentence, possessive endings split off.
void AddSentenceWords(const Document& doc, size_t first, size_t last,
                      std::vector<EntityWord>* words) {
  const std::vector<Token>& tokens = doc.tokens();
  for (size_t t = first; t < last; ++t) {
    const Token& token = tokens[t];
    const bool space = t == first || tokens[t - 1].span.end != token.span.begin;
    const std::string_view text = doc.Text(token.span);
    size_t suffix = 0;
    if (token.kind == TokenKind::kWord && EndsWithPossessive(text, &suffix)) {
      AddWord(doc, {token.span.begin, token.span.end - suffix}, token.kind, space, words);
      AddWord(doc, {token.span.end - suffix, token.span.end}, TokenKind::kPunctuation, false, words)
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
    AddSentenceWords(doc, sentence.first_token, last, words);
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
                    const PassRules& rules) {
  size_t cased = 0, upper = 0, capital = 0, lower = 0, lower_content = 0;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    const EntityWord& word = words[i];
    if (word.kind != TokenKind::kWord || word.possessive || word.shape == WordShape::kUncased) {
      continue;
    }
    ++cased;
    if (word.shape == WordShape::kUpper && word.text.size() > 1) ++upper;
    if (word.shape == WordShape::kCapital) ++capital;
    if (word.shape == WordShape::kLower) ++lower;
    if (word.shape == WordShape::kLower && !rules.function_words->ContainsWord(word)) {
      ++lower_content;
    }
  }
  if (cased >= 3 && upper * 10 >= cased * 7) return SentenceMode::kUpper;
  if (cased >= 3 && lower == cased) return SentenceMode::kUpper;  // all lowercase
  if (cased >= 3 && lower_content == 0 && capital >= 3) return SentenceMode::kTitle;
  return SentenceMode::kNormal;
}

// Sets the cased facts of the view's words. Only the article's words written with capitals
// are asked about, and those of the lines whose case says nothing (sentence mode kUpper, an
// all-lowercase headline): most lowercase words cost one lookup.
void FindCasedFacts(WordView& view) {
  WordTable cased;
  const std::vector<EntityWord>& words = view.words;
  std::vector<bool> caseless(words.size(), false);
  for (const SentenceWords& sentence : view.sentences) {
    if (sentence.mode != SentenceMode::kUpper) continue;
    for (size_t i = sentence.begin; i < sentence.end; ++i) caseless[i] = true;
  }
  view.cased_id.assign(words.size(), WordTable::kNotFound);
  for (size_t i = 0; i < words.size(); ++i) {
    const EntityWord& word = words[i];
    if (word.possessive || word.shape == WordShape::kUncased ||
        (word.shape == WordShape::kLower && !caseless[i])) {
      continue;
    }
    view.cased_id[i] = cased.Insert(word.folded);
    if (view.cased_id[i] == view.cased_facts.size()) view.cased_facts.push_back(0);
    if (word.shape == WordShape::kCapital && (i + 1 == words.size() || !words[i + 1].possessive)) {
      view.cased_facts[view.cased_id[i]] |= kBareCapitalized;
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const EntityWord& word = words[i];
    if (word.possessive || word.shape != WordShape::kLower || caseless[i]) continue;
    const size_t id = cased.Find(word.folded);
    if (id != WordTable::kNotFound) view.cased_facts[id] |= kLowerSeen;
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
  BuildWords(doc, &view.words, &view.sentences);
  rules.patterns->Index(view.words);
  view.covered.assign(view.words.size(), false);
  // Title Case counts as a headline only in the lines that open the article (headline,
  // standfirst, byline); past the first prose sentence it is a list of names (a team
  // line-up, a scorer list) and is read as prose.
  bool in_body = false;
  for (SentenceWords& sentence : view.sentences) {
    sentence.mode = ModeOf(view.words, sentence, rules);
    if (in_body && sentence.mode == SentenceMode::kTitle) sentence.mode = SentenceMode::kNormal;
    in_body = in_body || sentence.mode == SentenceMode::kNormal;
  }
  FindCasedFacts(view);
  view.sports_report = view.AnyWordIn(*rules.sports_words, 0, view.words.size());
  return view;
}

void Adopt(const WordView& view, Candidate& c, size_t source, std::string rule) {
  const Candidate& from = view.candidates[source];
  c.typed = true;
  c.provisional = false;
  c.type = from.type;
  c.priority = from.priority;
  c.order = from.order;
  c.rule = std::move(rule);
  const bool same_words = FoldedKey(view.words, c.begin, c.name_end) ==
                          FoldedKey(view.words, from.begin, from.name_end);
  c.entry = same_words ? from.entry : std::nullopt;
  // The same words stand for the same entity: a copy of a short form shares its long form.
  c.link = same_words ? from.link : std::nullopt;
}

}  // namespace newsfacts
