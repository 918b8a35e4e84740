// FactStore's layer writer: the rows of an article's layers (sentences, entities, mentions,
// entity names, amounts, claims, quotes) and the votes of its entities, written with cached
// prepared statements under a given article id (fact_store_write.cc decides which).
#include <optional>
#include <unordered_map>
#include <utility>

#include "db/fact_store_impl.h"
#include "db/sentence_text.h"

namespace newsfacts {
namespace {

// The article's texts are bound unowned (no copy) to the statements run once per sentence,
// mention or entity: `doc` outlives each Run.

// The row id of the layer element `index` points at, or nullopt when it points nowhere.
std::optional<int64_t> RowId(const std::optional<size_t>& index, const std::vector<int64_t>& ids) {
  if (!index.has_value()) return std::nullopt;
  return ids[*index];
}

}  // namespace

Status FactStore::Impl::WriteLayers(const Document& doc, int64_t article_id, int64_t run_id) {
  chars.Build(doc.text());
  NEWSFACTS_RETURN_IF_ERROR(WriteSentences(doc, article_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteEntities(doc));
  NEWSFACTS_RETURN_IF_ERROR(WriteMentions(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteEntityNames(doc, article_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteAmounts(doc, article_id, run_id));
  NEWSFACTS_RETURN_IF_ERROR(WriteClaims(doc, article_id, run_id));
  return WriteQuotes(doc, article_id, run_id);
}

Status FactStore::Impl::WriteSentences(const Document& doc, int64_t article_id) {
  sentence_ids.clear();
  const bool stores_text = StoresSentenceText(doc.text().size());
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Sentence& sentence = doc.sentences()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, static_cast<int64_t>(i));
    insert.BindInt64(before + 3, sentence.paragraph);
    BindSpan(insert, before + 4, sentence.span);
    if (stores_text) {
      insert.BindTextUnowned(before + 8, doc.Text(sentence.span));
    } else {
      insert.BindNull(before + 8);
    }
  };
  NEWSFACTS_RETURN_IF_ERROR(
      insert_sentences.Insert(*connection, doc.sentences().size(), bind_row, &sentence_ids));
  if (!sentence_ids.empty()) {
    if (first_unindexed_sentence == 0) first_unindexed_sentence = sentence_ids.front();
    last_unindexed_sentence = sentence_ids.back();
  }
  return Status::Ok();
}

Status FactStore::Impl::UpsertEntity(const Entity& entity, CachedEntity& row) {
  select_entity.BindText(1, entity.key);
  StatusOr<bool> found = select_entity.Step();
  if (!found.ok()) return found.status();
  if (*found) {
    row.id = select_entity.ColumnInt64(0);
    row.parent_key = select_entity.ColumnText(1);
    select_entity.Reset();
    if (entity.parent_key.empty() || entity.parent_key == row.parent_key) return Status::Ok();
    set_entity_parent.BindInt64(1, row.id);
    set_entity_parent.BindText(2, entity.parent_key);
    NEWSFACTS_RETURN_IF_ERROR(set_entity_parent.Run());
    row.parent_key = entity.parent_key;
    return Status::Ok();
  }
  select_entity.Reset();
  insert_entity.BindText(1, entity.key);
  insert_entity.BindText(2, entity.name);
  insert_entity.BindText(3, EntityTypeName(entity.type));
  insert_entity.BindTextOrNull(4, entity.parent_key);
  NEWSFACTS_RETURN_IF_ERROR(insert_entity.Run());
  row.id = connection->LastInsertRowId();
  row.parent_key = entity.parent_key;
  return Status::Ok();
}

Status FactStore::Impl::WriteEntities(const Document& doc) {
  entity_ids.clear();
  for (const Entity& entity : doc.entities()) {
    auto cached = entity_cache.find(entity.key);
    const bool unchanged =
        cached != entity_cache.end() &&
        (entity.parent_key.empty() || cached->second.parent_key == entity.parent_key);
    int64_t id = 0;
    if (unchanged) {
      id = cached->second.id;
    } else {
      CachedEntity row;
      NEWSFACTS_RETURN_IF_ERROR(UpsertEntity(entity, row));
      id = row.id;
      entity_cache[entity.key] = std::move(row);
    }
    entity_ids.push_back(id);
    for (const std::string& alias : entity.aliases) {
      if (alias.empty()) continue;
      std::string alias_key = std::to_string(id);
      alias_key.push_back('\0');
      alias_key += alias;
      if (alias_cache.count(alias_key) > 0) continue;
      insert_alias.BindInt64(1, id);
      insert_alias.BindText(2, alias);
      NEWSFACTS_RETURN_IF_ERROR(insert_alias.Run());
      alias_cache.insert(std::move(alias_key));
    }
  }
  return list_entities.Insert(*connection, entity_ids.size(),
                              [&](sqlite::Statement& insert, int before, size_t e) {
                                insert.BindInt64(before + 1, entity_ids[e]);
                              });
}

// The article's row is new, so its names can only clash among themselves: the first of its
// entities stored under an id names it.
Status FactStore::Impl::WriteEntityNames(const Document& doc, int64_t article_id) {
  name_written.assign(doc.entities().size(), false);
  named_entities.clear();
  written_names.clear();
  for (size_t e = 0; e < doc.entities().size(); ++e) {
    if (!named_entities.insert(entity_ids[e]).second) continue;
    name_written[e] = true;
    written_names.push_back(e);
  }
  return insert_entity_names.Insert(*connection, written_names.size(),
                                    [&](sqlite::Statement& insert, int before, size_t i) {
                                      const size_t e = written_names[i];
                                      insert.BindInt64(before + 1, entity_ids[e]);
                                      insert.BindInt64(before + 2, article_id);
                                      insert.BindTextUnowned(before + 3, doc.entities()[e].name);
                                    });
}

// Each mention votes for its type; each entity_names row votes for its name with the
// article's mentions of that entity (any of the article's entities stored under its id).
void FactStore::Impl::AddVotes(const Document& doc) {
  std::unordered_map<int64_t, std::pair<int64_t, int64_t>> mentions_of;  // id: all, gazetteer
  for (const Mention& mention : doc.mentions()) {
    const int64_t id = entity_ids[mention.entity];
    const bool gazetteer = mention.rule.view().starts_with("gazetteer:");
    votes.AddMention(id, EntityTypeName(mention.type), gazetteer);
    std::pair<int64_t, int64_t>& counts = mentions_of[id];
    ++counts.first;
    counts.second += gazetteer ? 1 : 0;
  }
  for (size_t e = 0; e < doc.entities().size(); ++e) {
    if (!name_written[e]) continue;
    const std::pair<int64_t, int64_t>& counts = mentions_of[entity_ids[e]];
    votes.AddName(entity_ids[e], doc.entities()[e].name, counts.first, counts.second);
  }
}

Status FactStore::Impl::WriteMentions(const Document& doc, int64_t article_id, int64_t run_id) {
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Mention& mention = doc.mentions()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, sentence_ids[mention.sentence]);
    insert.BindInt64(before + 3, static_cast<int64_t>(i));
    insert.BindInt64(before + 4, entity_ids[mention.entity]);
    insert.BindTextUnowned(before + 5, EntityTypeName(mention.type));
    insert.BindTextUnowned(before + 6, doc.Text(mention.span));
    BindSpan(insert, before + 7, mention.span);
    insert.BindTextUnowned(before + 11, mention.rule.view());  // interned: outlives the Run
    insert.BindInt64(before + 12, run_id);
  };
  return insert_mentions.Insert(*connection, doc.mentions().size(), bind_row);
}

Status FactStore::Impl::WriteAmounts(const Document& doc, int64_t article_id, int64_t run_id) {
  amount_ids.clear();
  for (size_t i = 0; i < doc.amounts().size(); ++i) {
    const Amount& amount = doc.amounts()[i];
    insert_amount.BindInt64(1, article_id);
    insert_amount.BindInt64(2, sentence_ids[amount.sentence]);
    insert_amount.BindInt64(3, static_cast<int64_t>(i));
    insert_amount.BindText(4, doc.Text(amount.span));
    insert_amount.BindOptionalText(5, amount.value);
    insert_amount.BindOptionalText(6, amount.low);
    insert_amount.BindOptionalText(7, amount.high);
    insert_amount.BindOptionalText(8, amount.currency);
    insert_amount.BindText(9, amount.currency_evidence);
    insert_amount.BindText(10, amount.qualifier);
    insert_amount.BindInt64(11, amount.vague ? 1 : 0);
    BindSpan(insert_amount, 12, amount.span);
    insert_amount.BindText(16, amount.rule);
    insert_amount.BindInt64(17, run_id);
    NEWSFACTS_RETURN_IF_ERROR(insert_amount.Run());
    amount_ids.push_back(connection->LastInsertRowId());
  }
  // Restated amounts may come later in the text than their conversion, so the links are
  // set once every amount has its row id.
  for (size_t i = 0; i < doc.amounts().size(); ++i) {
    const std::optional<size_t>& restates = doc.amounts()[i].restates;
    if (!restates.has_value()) continue;
    set_restates.BindInt64(1, amount_ids[*restates]);
    set_restates.BindInt64(2, amount_ids[i]);
    NEWSFACTS_RETURN_IF_ERROR(set_restates.Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::WriteClaims(const Document& doc, int64_t article_id, int64_t run_id) {
  for (size_t i = 0; i < doc.claims().size(); ++i) {
    const Claim& claim = doc.claims()[i];
    insert_claim.BindInt64(1, article_id);
    insert_claim.BindInt64(2, sentence_ids[claim.sentence]);
    insert_claim.BindInt64(3, static_cast<int64_t>(i));
    insert_claim.BindText(4, claim.predicate);
    insert_claim.BindOptionalInt64(5, RowId(claim.subject, entity_ids));
    insert_claim.BindOptionalInt64(6, RowId(claim.object, entity_ids));
    insert_claim.BindTextOrNull(7, doc.Text(claim.subject_span));
    insert_claim.BindTextOrNull(8, doc.Text(claim.object_span));
    insert_claim.BindOptionalInt64(9, RowId(claim.amount, amount_ids));
    insert_claim.BindTextOrNull(10, claim.role);
    insert_claim.BindText(11, ClaimStatusName(claim.status));
    insert_claim.BindTextOrNull(12, claim.speaker);
    insert_claim.BindTextOrNull(13, claim.venue);
    BindSpan(insert_claim, 14, claim.span);
    insert_claim.BindText(18, claim.rule);
    insert_claim.BindInt64(19, run_id);
    insert_claim.BindTextOrNull(20, claim.amount_role);
    insert_claim.BindTextOrNull(21, claim.stage);
    insert_claim.BindTextOrNull(22, claim.event_date);
    insert_claim.BindTextOrNull(23, claim.event_date_text);
    insert_claim.BindTextOrNull(24, claim.event_date_rule);
    NEWSFACTS_RETURN_IF_ERROR(insert_claim.Run());
  }
  return Status::Ok();
}

Status FactStore::Impl::WriteQuotes(const Document& doc, int64_t article_id, int64_t run_id) {
  const auto bind_row = [&](sqlite::Statement& insert, int before, size_t i) {
    const Quote& quote = doc.quotes()[i];
    insert.BindInt64(before + 1, article_id);
    insert.BindInt64(before + 2, sentence_ids[quote.sentence]);
    insert.BindInt64(before + 3, static_cast<int64_t>(i));
    insert.BindTextUnowned(before + 4, doc.Text(quote.span));
    insert.BindTextOrNull(before + 5, quote.speaker);
    insert.BindOptionalInt64(before + 6, RowId(quote.speaker_entity, entity_ids));
    BindSpan(insert, before + 7, quote.span);
    insert.BindInt64(before + 11, run_id);
    insert.BindTextOrNull(before + 12, quote.venue);
  };
  return insert_quotes.Insert(*connection, doc.quotes().size(), bind_row);
}

}  // namespace newsfacts
