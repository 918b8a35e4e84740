// FindOnPath and LayoutSvg: the DOT text goes through a temporary file, the SVG comes back
// through a pipe.
#include "cli/graphviz_layout.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace newsfacts {
namespace {

// `text` as one single-quoted shell word.
std::string ShellWord(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// A temporary file holding `text`, removed when this goes out of scope.
class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    std::string pattern = (std::filesystem::temp_directory_path() / "newsfacts-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) return;
    close(fd);
    path_ = pattern;
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::optional<std::string> FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string folders = path;
  size_t begin = 0;
  while (begin <= folders.size()) {
    size_t end = folders.find(':', begin);
    if (end == std::string::npos) end = folders.size();
    const std::string folder = folders.substr(begin, end - begin);
    if (!folder.empty()) {
      const std::string candidate = folder + "/" + name;
      struct stat info;
      if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
          access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
    }
    begin = end + 1;
  }
  return std::nullopt;
}

StatusOr<std::string> LayoutSvg(const std::string& program, const std::string& dot) {
  TempFile input(dot);
  if (input.path().empty()) return Status::IoError(program + ": cannot write a temporary file");
  const std::string command = ShellWord(program) + " -Tsvg " + ShellWord(input.path()) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return Status::IoError(program + ": cannot be run");
  std::string output;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  const int status = pclose(pipe);
  const size_t svg = output.find("<svg");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || svg == std::string::npos) {
    return Status::IoError(program + " failed: " + output.substr(0, 300));
  }
  return output.substr(svg);
}

}  // namespace newsfacts
