// The passes of the entity stage, in the order EntityStage::Process runs them over one
// WordView, each with what it reads and writes. Each pass lives in its own file here.
#pragma once

#include <cstddef>

#include "extractors/entities/word_view.h"
#include "pipeline/document.h"

namespace newsfacts {

// 1. Gazetteer names, longest phrase first (gazetteer_pass.cc).
// Reads: words, sentence modes, cased facts. Writes: appends one typed candidate (rule
// "gazetteer:<id>", priority kGazetteerPriority, `entry` set) per match, sentence by
// sentence, with trailing designators; marks its words `covered`. An ambiguous one-word
// match is `provisional`. A place in capitals opening a prose sentence as a wire dateline
// ("NEW YORK (Reuters) -") is matched case-blind. Leaves uncovered: a place glued to a
// currency sign ("US$"), one that opens or sits inside a designator-anchored name, one after
// a `place_name_openers` word, an ambiguous word that opens a run an `org_words` word ends
// or a first name opening a run; in prose, an ambiguous word after a first name ("Maria
// Apple"), an ambiguous one-word place beside another name word ("Cambridge United") and a
// written-out place opening an institution name ("Hong Kong Tramway Authority").
void MatchGazetteer(const PassRules& rules, WordView& view);

// 2a. Names in an ALL CAPS sentence, read backward from a designator
// (upper_designator_names_pass.cc). Reads: words and `covered` of sentence `s`, cased facts.
// Writes: appends an untyped candidate per name ("QUELLMARK CORP"), its designators after
// `name_end`. Run for every kUpper sentence, in sentence order with 2b.
void FindUpperDesignatorNames(const PassRules& rules, WordView& view, size_t s);

// 2b. Runs of capitalized words in any sentence (capitalized_runs_pass.cc). Reads: words and
// `covered` of sentence `s`, its mode, cased facts, the candidates 2a found in it. Writes:
// appends an untyped candidate per designator-anchored name or run of name words (with
// connectors, hyphens, initials, trailing designators) outside 2a's names, and keeps the
// sentence's candidates in text order. Run for every sentence, after 2a, in sentence order.
void FindCapitalizedRuns(const PassRules& rules, WordView& view, size_t s);

// 3. Context rules type runs (typing_pass.cc). Reads: words, sentences, cased facts,
// `covered`, the rules of the patterns. Writes: every candidate without a gazetteer entry
// gets `typed`, `type`, `priority`, `order` and `rule` from its best rule, or stays untyped;
// a sentence-initial run may lose its first word (`begin` moves past it, `full_begin` stays).
// Every candidate a `names_sides` rule types gets `side`.
void TypeRuns(const PassRules& rules, WordView& view);

// 4. Ambiguous gazetteer words ("Apple") stand or fall (ambiguous_names_pass.cc). Reads:
// candidates, words, sentences. Writes: a provisional candidate glued to a name (`glued`,
// `common_noun` for a lowercase phrase in a headline) or without evidence in the article
// stays provisional and becomes untyped; one with evidence stops being provisional. An
// ambiguous word that ends a person's name or a longer name elsewhere in the article loses
// its entry and becomes an untyped run, a surname for propagation.
void ResolveAmbiguousNames(const PassRules& rules, WordView& view);

// 5. Company names of several words found again where runs could not rebuild them
// (repeated_names_pass.cc). Reads: typed ORG candidates, words of prose sentences. Writes:
// appends a candidate (rule "propagate.same_name") per exact repeat; removes the candidates
// without gazetteer entry inside a repeat.
void FindRepeatedNames(const PassRules& rules, WordView& view);

// 6. In-document propagation (propagation_pass.cc): the same words take the type of their
// strongest rule, short forms link to their long form (surname, acronym, first word, name
// before org words), untyped runs adopt a known name, and known names are found inside ALL
// CAPS and Title Case sentences. Reads: everything in the view. Writes: candidates' typing
// fields and `link`; appends candidates in non-prose sentences and marks them `covered`.
void PropagateNames(const PassRules& rules, WordView& view);

// 6b. Sports sides named for a place (sides_pass.cc). Reads: candidates, their `side`, words,
// the `names_sides` rules. Writes: a gazetteer place that is no `nation` becomes an ORG side
// (entry and link dropped, `side` set) where a `names_sides` rule matches its context; an
// untyped run or such a place listed beside a side (only commas, "and", "or" between) becomes
// a side ("propagate.listed_side"); so does every one with a side's name
// ("propagate.side"), except in a wire dateline or after "at"/"in" (`place_prepositions`); in
// an article with a side, a place glued to a name run in prose grows over it and becomes a
// side ("Dynamo Moscow", "propagate.side_place_name"). Does nothing outside a sports report
// (`WordView::sports_report`).
void NameSides(const PassRules& rules, WordView& view);

// 7. The mentions and entities of the document (emit_pass.cc). Reads: typed candidates,
// words, sentences. Writes: replaces `doc`'s entities and mentions: overlapping candidates
// are resolved (longest, then priority, then rule order), each kept one becomes a mention
// of the entity of its gazetteer entry or of the name at the end of its link chain.
void EmitMentions(const PassRules& rules, const WordView& view, Document& doc);

}  // namespace newsfacts
