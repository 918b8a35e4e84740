// FileStamp: what tells one version of a file from another without reading it, shared by the
// corpus reader (which takes it) and the store (which keeps it in source_files).
#pragma once

#include <cstdint>

namespace newsfacts {

// A file's size, modification and change times (ns since the epoch) and inode, as fstat
// gives them: git's and make's test. Different content of the same size gets a new ctime
// (which no program can set back) and, when the file was replaced, usually a new inode.
struct FileStamp {
  int64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  int64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};

}  // namespace newsfacts
