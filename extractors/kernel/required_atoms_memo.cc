// RequiredAtomsMemo: a map under a mutex.
#include "extractors/kernel/required_atoms_memo.h"

namespace newsfacts {

std::string RequiredAtomsMemo::Key(std::string_view text, const std::vector<std::string>& before) {
  std::string key;
  for (const std::string& tail : before) {
    key += static_cast<char>(tail.size());
    key += tail;
  }
  key += '\0';
  key += text;
  return key;
}

std::shared_ptr<const RequiredAtomsMemo::Reading> RequiredAtomsMemo::Find(
    const std::string& key) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto found = readings_.find(key);
  return found == readings_.end() ? nullptr : found->second;
}

void RequiredAtomsMemo::Add(std::string key, std::shared_ptr<const Reading> reading) {
  const std::lock_guard<std::mutex> lock(mutex_);
  readings_.emplace(std::move(key), std::move(reading));
}

}  // namespace newsfacts
