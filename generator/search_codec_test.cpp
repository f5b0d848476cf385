#include "search_codec.h"

#include <doctest/doctest.h>

#include <random>

namespace kyodo {
namespace {

// The bits as '0'/'1' text, read back from the base64 (6 bits a character).
std::string BitText(const BitWriter& w) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string bits;
  for (char c : w.Base64()) {
    const auto v = alphabet.find(c);
    for (int i = 5; i >= 0; --i) bits += ((v >> i) & 1) ? '1' : '0';
  }
  return bits.substr(0, w.size());
}

TEST_CASE("BitWriter writes fixed-width, gamma and Rice codes most significant bit first") {
  BitWriter w;
  w.Bits(5, 3);
  CHECK(BitText(w) == "101");
  CHECK(w.Base64() == "o");  // 101000 = 40
  BitWriter g;
  g.Gamma(1);
  g.Gamma(2);
  g.Gamma(5);
  CHECK(BitText(g) == "1" "010" "00101");
  BitWriter r;
  r.Rice(5, 1);  // 5 >> 1 = 2 → "110", then the low bit 1
  r.Rice(0, 0);
  r.Rice(3, 2);
  CHECK(BitText(r) == "1101" "0" "011");
  CHECK(RiceBits(5, 1) == 4);
}

TEST_CASE("EncodeList codes the count, the Rice parameter, the gaps and the impacts") {
  BitWriter w;
  EncodeList({{0, 1, 2}, {}}, 0, &w);
  // gamma(3) = 011, k = 00000, three gaps of 1 coded as 0
  CHECK(BitText(w) == "011" "00000" "000");
  CHECK(w.Base64() == "YA");
  BitWriter i;
  EncodeList({{3}, {15}}, 4, &i);
  // gamma(1) = 1; k = 1 (ties with k = 2; the smaller wins) codes the first id 3
  // as 1 in unary (10) and the low bit 1; flag 0 (fixed width), impact 1111
  CHECK(BitText(i) == "1" "00001" "101" "0" "1111");
  CHECK(i.size() == 14);
}

TEST_CASE("BitWriter::Append continues with another writer's bits wherever it stands") {
  std::mt19937 random(11);
  for (int round = 0; round < 500; ++round) {
    BitWriter whole, head, tail;
    for (BitWriter* part : {&head, &tail}) {
      for (int n = static_cast<int>(random() % 12); n > 0; --n) {  // up to 11 writes of 0 … 32 bits
        const uint32_t value = static_cast<uint32_t>(random());
        const int count = static_cast<int>(random() % 33);
        part->Bits(value, count);
        whole.Bits(value, count);
      }
    }
    head.Append(tail);
    REQUIRE(head.size() == whole.size());
    REQUIRE(head.Base64() == whole.Base64());
  }
}

TEST_CASE("HuffmanLengths builds a reproducible prefix code") {
  CHECK(HuffmanLengths({0, 5, 0}) == std::vector<int>{0, 1, 0});
  CHECK(HuffmanLengths({0, 8, 4, 2, 2}) == std::vector<int>{0, 1, 2, 3, 3});
  CHECK(HuffmanLengths({0, 1, 1, 1, 1}) == std::vector<int>{0, 2, 2, 2, 2});
  CHECK(HuffmanLengths({0, 0, 0}) == std::vector<int>{0, 0, 0});
}

TEST_CASE("EncodeImpacts takes the Huffman form only when it is shorter") {
  BitWriter few;
  EncodeImpacts({7, 9}, 4, &few);
  CHECK(BitText(few) == "0" "0111" "1001");
  CHECK(few.size() == 9);
  // 40 impacts, 30 of them 7: lengths 7 → 1, 9 → 2, 12 → 2; codes 0, 10, 11.
  std::vector<uint8_t> many(30, 7);
  many.insert(many.end(), 6, 9);
  many.insert(many.end(), 4, 12);
  BitWriter w;
  EncodeImpacts(many, 4, &w);
  const std::string bits = BitText(w);
  CHECK(bits.substr(0, 1) == "1");
  CHECK(bits.substr(1, 60) == "0000" "0000" "0000" "0000" "0000" "0000" "0001" "0000" "0010" "0000" "0000" "0010"
                              "0000" "0000" "0000");
  CHECK(bits.substr(61, 3) == "000");  // the first three 7s
  CHECK(bits.size() == 1 + 60 + 30 + 6 * 2 + 4 * 2);
  CHECK(bits.substr(bits.size() - 2) == "11");  // the last 12
}

TEST_CASE("BestRiceParameter fits the gaps") {
  CHECK(BestRiceParameter({0, 1, 2, 3}) == 0);
  // gaps 0, 99, 99, 99: k = 6 costs 7 + 3 × 8 = 31 bits, k = 5 33, k = 7 32
  CHECK(BestRiceParameter({0, 100, 200, 300}) == 6);
  BitWriter w;
  EncodeList({{0, 100, 200, 300}, {}}, 0, &w);
  CHECK(w.size() == 5 + 5 + 31);
  CHECK(BestRiceParameter({}) == 0);
  CHECK(BestRiceParameter({4000000000u}) == 31);
}

TEST_CASE("BestRiceParameter finds the cheapest k of every list, the smallest on a tie") {
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    // Gaps from a few size classes, so lists range from dense to sparse and skewed.
    std::vector<uint32_t> docs;
    uint32_t doc = 0;
    const uint32_t spread = 1u << (random() % 20);
    const size_t n = 1 + random() % 300;
    for (size_t i = 0; i < n; ++i) {
      doc += (i ? 1 : 0) + (random() % 4 == 0 ? random() % (spread * 8) : random() % spread);
      docs.push_back(doc);
    }
    int brute = 0;
    uint64_t best = UINT64_MAX;
    for (int k = 0; k < 32; ++k) {
      uint64_t bits = 0;
      for (size_t i = 0; i < docs.size(); ++i) bits += RiceBits(i ? docs[i] - docs[i - 1] - 1 : docs[i], k);
      if (bits < best) brute = k, best = bits;
    }
    INFO("round ", round);
    REQUIRE(BestRiceParameter(docs) == brute);
  }
}

TEST_CASE("TokenHash gives the values search.js computes") {
  // Taken from tokenHash() in themes/default/assets/search.js under node.
  CHECK(TokenHash(U"子育") == 10477143u);
  CHECK(TokenHash(U"こす") == 3784036672u);
  CHECK(TokenHash(U"𠮷野") == 3462464418u);
  CHECK(TokenHash(U"a") == 444641715u);
}

}  // namespace
}  // namespace kyodo
