#include "search_codec.h"

#include <algorithm>
#include <bit>
#include <queue>

namespace kyodo {

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

void BitWriter::Append(const BitWriter& other) {
  for (uint64_t word : other.words_) {
    Bits(static_cast<uint32_t>(word >> 32), 32);
    Bits(static_cast<uint32_t>(word), 32);
  }
  const int high = std::max(0, other.acc_bits_ - 32);  // the pending bits, at most 63, in two writes
  Bits(static_cast<uint32_t>(other.acc_ >> 32), high);
  Bits(static_cast<uint32_t>(other.acc_), other.acc_bits_ - high);
}

void BitWriter::Gamma(uint32_t x) {
  const int n = std::bit_width(x) - 1;
  if (2 * n + 1 <= 32) return Bits(x, 2 * n + 1);  // x's n + 1 bits after n zeros
  Bits(0, n);
  Bits(x, n + 1);
}

void BitWriter::Rice(uint32_t x, int k) {
  uint32_t q = x >> k;
  const uint32_t low = x & ((1u << k) - 1u);
  if (q + 1 + static_cast<uint32_t>(k) <= 32) {  // the usual case: one write
    const uint64_t code = ((uint64_t{1} << q) - 1) << (k + 1) | low;  // q ones, a zero, the k low bits
    return Bits(static_cast<uint32_t>(code), static_cast<int>(q) + 1 + k);
  }
  for (; q >= 31; q -= 31) Bits(0x7FFFFFFFu, 31);
  Bits(((1u << q) - 1) << 1, static_cast<int>(q) + 1);  // q ones, then a zero
  Bits(low, k);
}

std::string BitWriter::Base64() const {
  std::vector<uint64_t> words = words_;
  if (acc_bits_ > 0) words.push_back(acc_ << (64 - acc_bits_));  // padded with zero bits
  words.push_back(0);  // a character may straddle the last word
  std::string out((size_ + 5) / 6, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    const size_t pos = 6 * i, w = pos / 64, off = pos % 64;
    const uint64_t six = off <= 58 ? words[w] >> (58 - off) : words[w] << (off - 58) | words[w + 1] >> (122 - off);
    out[i] = kBase64[six & 63];
  }
  return out;
}

uint64_t RiceBits(uint32_t x, int k) { return (x >> k) + 1 + static_cast<uint64_t>(k); }

std::vector<int> HuffmanLengths(const std::vector<uint64_t>& freq) {
  // Nodes 0 … n-1 are the symbols; merged nodes follow. The queue orders by
  // weight, then by the smallest symbol below the node, so ties never depend
  // on the heap's internals.
  struct Node {
    uint64_t weight;
    size_t first, id;
    bool operator>(const Node& o) const { return weight != o.weight ? weight > o.weight : first > o.first; }
  };
  const size_t n = freq.size();
  std::vector<size_t> parent(n, SIZE_MAX);
  std::priority_queue<Node, std::vector<Node>, std::greater<Node>> queue;
  for (size_t s = 0; s < n; ++s) {
    if (freq[s] > 0) queue.push({freq[s], s, s});
  }
  std::vector<int> lengths(n, 0);
  if (queue.size() == 1) {
    lengths[queue.top().id] = 1;
    return lengths;
  }
  for (size_t next = n; queue.size() > 1; ++next) {
    Node a = queue.top();
    queue.pop();
    Node b = queue.top();
    queue.pop();
    parent.push_back(SIZE_MAX);
    parent[a.id] = parent[b.id] = next;
    queue.push({a.weight + b.weight, std::min(a.first, b.first), next});
  }
  for (size_t s = 0; s < n; ++s) {
    if (freq[s] == 0) continue;
    for (size_t at = s; parent[at] != SIZE_MAX; at = parent[at]) ++lengths[s];
  }
  return lengths;
}

namespace {

struct ImpactCode {
  std::vector<int> lengths;      // by level
  std::vector<uint32_t> codes;   // canonical codes by level
  uint64_t huffman_bits = 0;     // header + codes
};

ImpactCode MakeImpactCode(const std::vector<uint8_t>& impacts, int bits) {
  const size_t levels = (size_t{1} << bits);
  std::vector<uint64_t> freq(levels, 0);
  for (uint8_t v : impacts) ++freq[v];
  ImpactCode code;
  code.lengths = HuffmanLengths(freq);
  code.codes.assign(levels, 0);
  // Canonical order: by length, then by level.
  std::vector<size_t> order;
  for (size_t v = 1; v < levels; ++v) {
    if (code.lengths[v] > 0) order.push_back(v);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return code.lengths[a] < code.lengths[b]; });
  uint32_t next = 0;
  int len = order.empty() ? 0 : code.lengths[order[0]];
  for (size_t v : order) {
    next <<= (code.lengths[v] - len);
    len = code.lengths[v];
    code.codes[v] = next++;
  }
  code.huffman_bits = 4 * (levels - 1);
  for (size_t v = 1; v < levels; ++v) code.huffman_bits += freq[v] * static_cast<uint64_t>(code.lengths[v]);
  return code;
}

// The Huffman form's header (4 bits a level) alone is at least the fixed form's
// size: most lists are this short, and building a code for them was the codec's
// biggest cost.
bool HeaderOutweighsFixed(const std::vector<uint8_t>& impacts, int bits) {
  return impacts.size() * static_cast<uint64_t>(bits) <= 4 * ((uint64_t{1} << bits) - 1);
}

}  // namespace


void EncodeImpacts(const std::vector<uint8_t>& impacts, int bits, BitWriter* out) {
  if (HeaderOutweighsFixed(impacts, bits)) {
    out->Bits(0, 1);
    for (uint8_t v : impacts) out->Bits(v, bits);
    return;
  }
  const ImpactCode code = MakeImpactCode(impacts, bits);
  if (code.huffman_bits >= impacts.size() * static_cast<uint64_t>(bits)) {
    out->Bits(0, 1);
    for (uint8_t v : impacts) out->Bits(v, bits);
    return;
  }
  out->Bits(1, 1);
  for (size_t v = 1; v < code.lengths.size(); ++v) out->Bits(static_cast<uint32_t>(code.lengths[v]), 4);
  for (uint8_t v : impacts) out->Bits(code.codes[v], code.lengths[v]);
}

namespace {

// Bits of the list's gaps in Rice code k.
uint64_t RiceGapBits(const std::vector<uint32_t>& docs, int k) {
  uint64_t bits = 0;
  uint32_t prev = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    bits += RiceBits(i == 0 ? docs[i] : docs[i] - prev - 1, k);  // gaps are >= 1; code gap - 1
    prev = docs[i];
  }
  return bits;
}

}  // namespace

int BestRiceParameter(const std::vector<uint32_t>& docs) {
  if (docs.empty()) return 0;
  // The cost is convex in k (each step up saves less than the one before), so
  // walk downhill from the optimum of geometric gaps with the list's mean: two
  // or three passes over the list instead of one per k. Ties go to the smaller k.
  const uint64_t mean = (docs.back() - (docs.size() - 1)) / docs.size();  // the gaps sum to this
  int k = std::clamp(static_cast<int>(std::bit_width(mean)) - 1, 0, 31);
  uint64_t bits = RiceGapBits(docs, k);
  bool moved = false;
  while (k > 0) {
    const uint64_t below = RiceGapBits(docs, k - 1);
    if (below > bits) break;
    --k, bits = below, moved = true;
  }
  while (!moved && k < 31) {
    const uint64_t above = RiceGapBits(docs, k + 1);
    if (above >= bits) break;
    ++k, bits = above;
  }
  return k;
}


void EncodeList(const PostingList& list, int impact_bits, BitWriter* out) {
  const int k = BestRiceParameter(list.docs);
  out->Gamma(static_cast<uint32_t>(list.docs.size()));
  out->Bits(static_cast<uint32_t>(k), 5);
  uint32_t prev = 0;
  for (size_t i = 0; i < list.docs.size(); ++i) {
    out->Rice(i == 0 ? list.docs[i] : list.docs[i] - prev - 1, k);
    prev = list.docs[i];
  }
  if (impact_bits > 0) EncodeImpacts(list.impacts, impact_bits, out);
}

uint32_t TokenHash(std::u32string_view token) {
  uint32_t h = 2166136261u;
  for (char32_t c : token) {
    h ^= static_cast<uint32_t>(c);
    h *= 16777619u;
  }
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

}  // namespace kyodo
