// Test helper: a fresh temporary folder, removed with everything in it at the end of a test.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace newsfacts::testing {

// A uniquely named folder under the system temp folder. Not thread-safe.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter = 0;
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("newsfacts-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
             "-" + (test ? test->name() : "global"));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // The path of `name` inside the folder, as a string (database files).
  std::string File(const std::string& name) const { return (path_ / name).string(); }

  // Writes `bytes` to `relative` (creating parent folders) and returns its full path.
  std::filesystem::path Write(const std::string& relative, std::string_view bytes) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace newsfacts::testing
