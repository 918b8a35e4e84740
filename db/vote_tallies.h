// VoteTallies: the votes of the mentions and entity_names rows a FactStore wrote since it last
// stored them, added up in memory and added to entity_type_votes and entity_name_votes in one
// upsert per (entity, type) and (entity, name) (migration 0013; issue 16).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "db/sqlite.h"
#include "pipeline/status.h"

namespace newsfacts {

class VoteTallies {
 public:
  // Prepares the upserts on `connection`, which must outlive this object.
  Status Prepare(sqlite::Connection& connection);

  // One mention of `entity_id` typed `type`; `gazetteer` when the gazetteer found it.
  void AddMention(int64_t entity_id, std::string_view type, bool gazetteer);
  // An entity_names row giving `entity_id` the name `name` in an article holding `mentions`
  // mentions of it, `gazetteer` of them found by the gazetteer (a row with no mentions still
  // creates its tally, at zero, as the trigger of 0010 did).
  void AddName(int64_t entity_id, std::string_view name, int64_t mentions, int64_t gazetteer);

  // Adds the held votes to the tables and forgets them.
  Status Store();
  // Forgets the held votes (their rows were rolled back).
  void Clear();

 private:
  struct Votes {
    int64_t mentions = 0;
    int64_t gazetteer = 0;
  };
  using Key = std::pair<int64_t, std::string>;  // entity id, type or name

  static Status Upsert(sqlite::Statement& upsert, const std::map<Key, Votes>& votes);

  sqlite::Statement upsert_type_;
  sqlite::Statement upsert_name_;
  std::map<Key, Votes> type_votes_;
  std::map<Key, Votes> name_votes_;
};

}  // namespace newsfacts
