// The encodings of the search index files. Posting lists are bit streams
// (Elias-gamma counts, Rice-coded doc-id gaps, fixed-width impacts) written as
// URL-safe base64 inside small JavaScript files, which a page loads with
// <script> — unlike fetch(), that works on every static host and from disk
// (file://). search.js holds the matching decoder.
#ifndef KYODO_SEARCH_CODEC_H_
#define KYODO_SEARCH_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kyodo {

/// Appends bits most significant first; Base64() gives 6 bits per character.
class BitWriter {
 public:
  /// The low `count` (0 … 32) bits of value, most significant first.
  void Bits(uint32_t value, int count);
  /// Elias gamma code of x >= 1: floor(log2 x) zeros, then x in binary.
  void Gamma(uint32_t x);
  /// Rice code of x >= 0 with parameter k: x >> k in unary (ones, then a zero), then the k low bits.
  void Rice(uint32_t x, int k);
  /// Appends every bit `other` holds.
  void Append(const BitWriter& other);
  size_t size() const { return size_; }
  /// URL-safe base64 (A–Z a–z 0–9 - _), the last character padded with zero bits.
  std::string Base64() const;

 private:
  std::vector<uint64_t> words_;  // every complete 64 bits, first bit highest
  uint64_t acc_ = 0;             // the bits after them (fewer than 64)
  int acc_bits_ = 0;
  size_t size_ = 0;
};

// Inline: the codecs call it once or twice per posting.
inline void BitWriter::Bits(uint32_t value, int count) {
  if (count <= 0) return;
  const uint64_t v = value & (count >= 32 ? 0xFFFFFFFFull : (uint64_t{1} << count) - 1);
  size_ += static_cast<size_t>(count);
  if (acc_bits_ + count < 64) {
    acc_ = acc_ << count | v;
    acc_bits_ += count;
    return;
  }
  const int rest = acc_bits_ + count - 64;  // bits of v that spill into the next word
  words_.push_back(acc_ << (count - rest) | v >> rest);
  acc_ = v & ((uint64_t{1} << rest) - 1);
  acc_bits_ = rest;
}

/// Bit length of a Rice code (BestRiceParameter compares them).
uint64_t RiceBits(uint32_t x, int k);

/// One posting list: ascending doc ids and, when `impact_bits` > 0, an impact
/// (1 … 2^impact_bits - 1) per doc.
struct PostingList {
  std::vector<uint32_t> docs;
  std::vector<uint8_t> impacts;
};

/// Huffman code lengths for symbols 0 … freq.size() - 1 (0 for an unused symbol;
/// 1 for a lone symbol). Ties are broken by symbol, so the code is reproducible.
std::vector<int> HuffmanLengths(const std::vector<uint64_t>& freq);

/// The impacts of a list: a flag bit, then either each impact in `bits` bits
/// (flag 0) or, when shorter, a canonical Huffman code (flag 1: the code length
/// of each level 1 … 2^bits - 1 in 4 bits, then the codes). Impacts within a list
/// cluster on a few levels, so the Huffman form often takes half the bits.
void EncodeImpacts(const std::vector<uint8_t>& impacts, int bits, BitWriter* out);

/// The Rice parameter (0 … 31) that codes the list's gaps in the fewest bits.
int BestRiceParameter(const std::vector<uint32_t>& docs);
/// gamma(count), 5 bits of Rice parameter, the gaps (first doc + 1, then the
/// differences) Rice-coded minus one, then (impact_bits > 0) EncodeImpacts.
void EncodeList(const PostingList& list, int impact_bits, BitWriter* out);

/// The shard of a token: FNV-1a over its code points, then murmur3's finaliser
/// so every bit of the hash depends on both characters. search.js: shardOf().
uint32_t TokenHash(std::u32string_view token);

}  // namespace kyodo

#endif  // KYODO_SEARCH_CODEC_H_
