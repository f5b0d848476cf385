// The shared vocabulary the fuzz targets resolve terms against.
#ifndef KYODO_FUZZ_VOCAB_H_
#define KYODO_FUZZ_VOCAB_H_

#include "vocab.h"

namespace kyodo {

inline const Vocabularies& FuzzVocabulary() {
  static const Vocabularies vocab = [] {
    YamlFile f("_taxonomies.yaml",
               "modes: {label: 協働の形態, terms: [{name: 共催, slug: kyosai}, {name: 協力・連携, slug: kyoryoku}]}\n"
               "fields: {label: 分野, terms: [{name: 子どもの健全育成, slug: kodomo, aliases: [子育て]}, "
               "{name: 環境の保全, slug: kankyo}]}\n"
               "actors: {label: 主体, terms: [{name: 市民, slug: shimin}]}\n"
               "partnership: {label: 協働の型, terms: [{name: 市民×行政, slug: shimin-gyosei}]}\n");
    Diagnostics d;
    f.Parse(&d);
    return Vocabularies::LoadShared(f, &d);
  }();
  return vocab;
}

}  // namespace kyodo

#endif  // KYODO_FUZZ_VOCAB_H_
