// VoteTallies: entity votes held per batch and added to the tally tables in one upsert each.
#include "db/vote_tallies.h"

namespace newsfacts {
namespace {

constexpr std::string_view kUpsertTypeVotes =
    "INSERT INTO entity_type_votes (entity_id, type, mentions, gazetteer) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entity_id, type) DO UPDATE "
    "SET mentions = mentions + excluded.mentions, gazetteer = gazetteer + excluded.gazetteer";
constexpr std::string_view kUpsertNameVotes =
    "INSERT INTO entity_name_votes (entity_id, name, mentions, gazetteer) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (entity_id, name) DO UPDATE "
    "SET mentions = mentions + excluded.mentions, gazetteer = gazetteer + excluded.gazetteer";

}  // namespace

Status VoteTallies::Prepare(sqlite::Connection& connection) {
  StatusOr<sqlite::Statement> type = connection.Prepare(kUpsertTypeVotes);
  if (!type.ok()) return type.status();
  StatusOr<sqlite::Statement> name = connection.Prepare(kUpsertNameVotes);
  if (!name.ok()) return name.status();
  upsert_type_ = std::move(*type);
  upsert_name_ = std::move(*name);
  return Status::Ok();
}

void VoteTallies::AddMention(int64_t entity_id, std::string_view type, bool gazetteer) {
  Votes& votes = type_votes_[Key(entity_id, std::string(type))];
  ++votes.mentions;
  votes.gazetteer += gazetteer ? 1 : 0;
}

void VoteTallies::AddName(int64_t entity_id, std::string_view name, int64_t mentions,
                          int64_t gazetteer) {
  Votes& votes = name_votes_[Key(entity_id, std::string(name))];
  votes.mentions += mentions;
  votes.gazetteer += gazetteer;
}

Status VoteTallies::Upsert(sqlite::Statement& upsert, const std::map<Key, Votes>& votes) {
  for (const auto& [key, counts] : votes) {
    upsert.BindInt64(1, key.first);
    upsert.BindText(2, key.second);
    upsert.BindInt64(3, counts.mentions);
    upsert.BindInt64(4, counts.gazetteer);
    NEWSFACTS_RETURN_IF_ERROR(upsert.Run());
  }
  return Status::Ok();
}

Status VoteTallies::Store() {
  NEWSFACTS_RETURN_IF_ERROR(Upsert(upsert_type_, type_votes_));
  NEWSFACTS_RETURN_IF_ERROR(Upsert(upsert_name_, name_votes_));
  Clear();
  return Status::Ok();
}

void VoteTallies::Clear() {
  type_votes_.clear();
  name_votes_.clear();
}

}  // namespace newsfacts
