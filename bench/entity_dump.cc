// entity_dump: prints the entities and mentions the entity stage finds in text files, for
// reviewing what it gets right and wrong on real articles. Usage: entity_dump FILE...
#include <fstream>
#include <iostream>
#include <sstream>

#include "extractors/entity_stage.h"
#include "extractors/rule_sources.h"
#include "pipeline/pipeline.h"
#include "pipeline/segmenter.h"

namespace {

int Run(int argc, char** argv) {
  using newsfacts::Document;
  auto rules = newsfacts::RuleSources::Builtin();
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 2;
  }
  auto segmenter = newsfacts::SegmenterStage::Create();
  auto entities = newsfacts::EntityStage::Create(*rules);
  if (!segmenter.ok() || !entities.ok()) {
    std::cerr << (segmenter.ok() ? entities.status() : segmenter.status()).message() << "\n";
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot open\n";
      return 2;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    Document doc = Document::FromRaw({argv[i]}, bytes.str());
    newsfacts::Status status = (*segmenter)->Process(doc);
    if (status.ok()) status = (*entities)->Process(doc);
    if (!status.ok()) {
      std::cerr << argv[i] << ": " << status.message() << "\n";
      return 1;
    }
    std::cout << "== " << argv[i] << "\n";
    for (const newsfacts::Entity& entity : doc.entities()) {
      size_t count = 0;
      for (const newsfacts::Mention& mention : doc.mentions()) {
        count += &doc.entities()[mention.entity] == &entity ? 1 : 0;
      }
      std::cout << newsfacts::EntityTypeName(entity.type) << "\t" << entity.key << "\t"
                << entity.name << "\t" << count << " mentions\taliases:";
      for (const std::string& alias : entity.aliases) std::cout << " [" << alias << "]";
      std::cout << "\n";
    }
    for (const newsfacts::Mention& mention : doc.mentions()) {
      std::cout << "  " << mention.span.begin << "-" << mention.span.end << "\t"
                << doc.Text(mention.span) << "\t" << newsfacts::EntityTypeName(mention.type)
                << "\t" << doc.entities()[mention.entity].key << "\t" << mention.rule << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
