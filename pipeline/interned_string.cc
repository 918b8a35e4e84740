// The process-wide pool of interned strings, and each thread's index of what it interned.
#include "pipeline/interned_string.h"

#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace newsfacts {
namespace {

// Every string interned so far. A node set: an element never moves, so its address names it.
struct Pool {
  std::mutex mutex;
  std::unordered_set<std::string> strings;
};

Pool& ThePool() {
  static Pool* pool = new Pool();  // never destroyed: interned strings outlive static objects
  return *pool;
}

const std::string* Empty() {
  static const std::string* empty = new std::string();
  return empty;
}

const std::string* Intern(std::string_view text) {
  if (text.empty()) return Empty();
  // Most strings repeat on the thread that first interned them (one worker's mentions).
  thread_local std::unordered_map<std::string_view, const std::string*> seen;
  if (const auto it = seen.find(text); it != seen.end()) return it->second;
  Pool& pool = ThePool();
  const std::string* interned;
  {
    std::lock_guard<std::mutex> lock(pool.mutex);
    interned = &*pool.strings.emplace(text).first;
  }
  seen.emplace(*interned, interned);
  return interned;
}

}  // namespace

InternedString::InternedString() : text_(Empty()) {}

InternedString::InternedString(std::string_view text) : text_(Intern(text)) {}

}  // namespace newsfacts
