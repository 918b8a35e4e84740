// Finding article files under folders: recursive, sorted, hidden entries and golden files
// skipped; entries that cannot be articles (broken or looping links, FIFOs, unreadable
// folders) are named instead of failing the run or blocking it.
#include <algorithm>
#include <array>

#include "corpus/article_reader.h"

namespace newsfacts {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 8> kArticleExtensions = {
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool HasArticleName(const fs::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name[0] == '.') return false;
  if (EndsWith(name, ".facts.json")) return false;  // golden files of `newsfacts check`
  const std::string ext = path.extension().string();
  return std::find(kArticleExtensions.begin(), kArticleExtensions.end(), ext) !=
         kArticleExtensions.end();
}

// Collects the articles under `dir`. Folders are entered, links to folders are not (so a
// link loop cannot recurse); links to files are followed.
void Walk(const fs::path& dir, FoundFiles& found) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    found.skipped.push_back({dir, "cannot read this folder (" + error.message() + ")"});
    return;
  }
  std::vector<fs::path> subfolders;
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (!name.empty() && name[0] == '.') continue;
    // The listing gives each entry's own type, so a folder or a plain file costs no stat
    // (issue 16); only links are followed with one.
    std::error_code type_error;
    const bool link = it->is_symlink(type_error);
    if (!link && it->is_directory(type_error)) {
      subfolders.push_back(path);
      continue;
    }
    if (!HasArticleName(path)) continue;
    if (!link && it->is_regular_file(type_error)) {
      found.files.push_back(path);
      continue;
    }
    const fs::file_status target = fs::status(path, type_error);
    if (type_error || !fs::exists(target)) {
      found.skipped.push_back({path, "broken or looping symbolic link"});
    } else if (fs::is_directory(target)) {
      found.skipped.push_back({path, "a link to a folder; links to folders are not followed"});
    } else if (!fs::is_regular_file(target)) {
      found.skipped.push_back({path, "not a regular file (a FIFO, socket or device)"});
    } else {
      found.files.push_back(path);
    }
  }
  if (error) found.skipped.push_back({dir, "listing stopped early (" + error.message() + ")"});
  for (const fs::path& subfolder : subfolders) Walk(subfolder, found);
}

// The order of path::compare (component by component) for the paths Walk builds, which
// have one separator between components: bytes compared in order, a separator before any
// other byte. A sixth of a re-ingest of an unchanged corpus was path::compare (issue 16).
bool ComesBefore(const fs::path& a, const fs::path& b) {
  const std::string& x = a.native();
  const std::string& y = b.native();
  const size_t common = std::min(x.size(), y.size());
  for (size_t i = 0; i < common; ++i) {
    if (x[i] == y[i]) continue;
    if (x[i] == '/') return true;
    if (y[i] == '/') return false;
    return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]);
  }
  return x.size() < y.size();
}

}  // namespace

StatusOr<FoundFiles> FindArticleFiles(const std::vector<fs::path>& roots) {
  FoundFiles found;
  for (const auto& root : roots) {
    std::error_code error;
    const fs::file_status status = fs::status(root, error);
    if (error || !fs::exists(status)) {
      return Status::NotFound(root.string() + ": no such file or folder");
    }
    if (fs::is_directory(status)) {
      Walk(root, found);
    } else if (fs::is_regular_file(status)) {
      found.files.push_back(root);
    } else {
      found.skipped.push_back({root, "not a regular file (a FIFO, socket or device)"});
    }
  }
  std::sort(found.files.begin(), found.files.end(), ComesBefore);
  found.files.erase(std::unique(found.files.begin(), found.files.end()), found.files.end());
  return found;
}

}  // namespace newsfacts
