// RequiredAtomsMemo: what RequiredAtoms has read of the large groups of earlier patterns, kept
// by each group's text and the characters that may come before it, so that a group met again (a
// macro's expansion, in many rules) is not read again (issue 16).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsfacts {

// Thread-safe; one per rule load (RulePrefilterBuilder::ShareMemoOf).
class RequiredAtomsMemo {
 public:
  // One group's reading, its atoms spelled out: the numbers RequiredAtoms gives atoms are per
  // pattern.
  struct Reading {
    bool exact = false;
    std::vector<std::string> strings;              // exact: the group matches one of these
    std::vector<std::vector<std::string>> groups;  // otherwise: an atom of each is required
  };

  // The key of the group `text` right after one of the characters `before`: each with its
  // length first, so that no two contexts spell the same key.
  static std::string Key(std::string_view text, const std::vector<std::string>& before);

  // The reading kept under `key`, or null.
  std::shared_ptr<const Reading> Find(const std::string& key) const;
  // Keeps `reading` under `key`, unless one is kept there already.
  void Add(std::string key, std::shared_ptr<const Reading> reading);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Reading>> readings_;
};

}  // namespace newsfacts
