// InternedString: a string stored once per process and named by a pointer, for the rule ids that
// hundreds of thousands of mentions repeat (issue 16: a std::string per mention took 32 bytes in
// it and, for most ids, a heap block of its own; a 60 MB article holds 389,000 mentions).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace newsfacts {

// A view of a string interned for the life of the process: copies share it, equal strings
// are equal pointers. Cheap to copy; thread-safe (interning takes a lock only for a string
// this thread has not interned before).
class InternedString {
 public:
  InternedString();  // the empty string
  // Interns `text`; implicit, so that a rule id is assigned and compared like a string.
  InternedString(std::string_view text);  // NOLINT: implicit by design
  InternedString(const std::string& text) : InternedString(std::string_view(text)) {}  // NOLINT
  InternedString(const char* text) : InternedString(std::string_view(text)) {}         // NOLINT

  std::string_view view() const { return *text_; }
  const std::string& str() const { return *text_; }
  bool empty() const { return text_->empty(); }

  friend bool operator==(InternedString a, InternedString b) { return a.text_ == b.text_; }
  friend bool operator==(InternedString a, std::string_view b) { return a.view() == b; }
  friend std::ostream& operator<<(std::ostream& out, InternedString s) { return out << s.view(); }

 private:
  const std::string* text_;  // owned by the process-wide pool, never freed
};

}  // namespace newsfacts
