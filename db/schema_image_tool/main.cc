// newsfacts_schema_image OUT.sql: replays every migration into an empty database in memory and
// writes its schema image (db/schema_image.h) to OUT.sql. Run by the build, which compiles
// the image into newsfacts_db.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "db/migrations.h"
#include "db/schema_image.h"

using namespace newsfacts;

namespace {

StatusOr<std::string> ImageOfEveryMigration() {
  StatusOr<std::unique_ptr<sqlite::Connection>> db =
      sqlite::Connection::Open(":memory:", sqlite::OpenMode::kReadWriteCreate);
  if (!db.ok()) return db.status();
  NEWSFACTS_RETURN_IF_ERROR(ApplyMigrations(**db, LatestMigrationVersion()));
  return WriteSchemaImage(**db);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: newsfacts_schema_image OUT.sql\n");
    return 2;
  }
  const StatusOr<std::string> image = ImageOfEveryMigration();
  if (!image.ok()) {
    std::fprintf(stderr, "newsfacts_schema_image: %s\n", image.status().message().c_str());
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << *image;
  out.close();
  if (!out) {
    std::fprintf(stderr, "newsfacts_schema_image: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
