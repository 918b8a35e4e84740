// Finding article files under folders: recursive, sorted, hidden entries and golden files skipped.
#include <algorithm>
#include <array>

#include "corpus/article_reader.h"

namespace newsfacts {
namespace {

constexpr std::array<std::string_view, 8> kArticleExtensions = {
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsArticleFile(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name[0] == '.') return false;
  if (EndsWith(name, ".facts.json")) return false;  // golden files of `newsfacts check`
  const std::string ext = path.extension().string();
  return std::find(kArticleExtensions.begin(), kArticleExtensions.end(), ext) !=
         kArticleExtensions.end();
}

}  // namespace

StatusOr<std::vector<std::filesystem::path>> FindArticleFiles(
    const std::vector<std::filesystem::path>& roots) {
  std::vector<std::filesystem::path> files;
  for (const auto& root : roots) {
    std::error_code error;
    const auto status = std::filesystem::status(root, error);
    if (error || !std::filesystem::exists(status)) {
      return Status::NotFound(root.string() + ": no such file or folder");
    }
    if (!std::filesystem::is_directory(status)) {
      files.push_back(root);
      continue;
    }
    auto it = std::filesystem::recursive_directory_iterator(
        root, std::filesystem::directory_options::skip_permission_denied, error);
    for (; !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && IsArticleFile(it->path())) files.push_back(it->path());
    }
    if (error) return Status::IoError(root.string() + ": " + error.message());
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace newsfacts
