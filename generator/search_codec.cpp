#include "search_codec.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <queue>

namespace kyodo {

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}  // namespace

void BitWriter::Bits(uint32_t value, int count) {
  if (count <= 0) return;
  const uint64_t mask = count >= 32 ? 0xFFFFFFFFull : (uint64_t{1} << count) - 1;
  pending_ = pending_ << count | (value & mask);  // at most 5 + 32 bits
  pending_bits_ += count;
  size_ += static_cast<size_t>(count);
  while (pending_bits_ >= 6) {
    pending_bits_ -= 6;
    chars_ += kBase64[(pending_ >> pending_bits_) & 63];
  }
  pending_ &= (uint64_t{1} << pending_bits_) - 1;
}

void BitWriter::Gamma(uint32_t x) {
  const int n = std::bit_width(x) - 1;
  Bits(0, n);
  Bits(x, n + 1);
}

void BitWriter::Rice(uint32_t x, int k) {
  uint32_t q = x >> k;
  for (; q >= 31; q -= 31) Bits(0x7FFFFFFFu, 31);
  Bits(((1u << q) - 1) << 1, static_cast<int>(q) + 1);  // q ones, then a zero
  Bits(x & ((1u << k) - 1u), k);
}

std::string BitWriter::Base64() const {
  if (pending_bits_ == 0) return chars_;
  return chars_ + kBase64[(pending_ << (6 - pending_bits_)) & 63];
}

int GammaBits(uint32_t x) { return 2 * std::bit_width(x) - 1; }

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

}  // namespace

uint64_t ImpactBits(const std::vector<uint8_t>& impacts, int bits) {
  const uint64_t fixed = impacts.size() * static_cast<uint64_t>(bits);
  return 1 + std::min(fixed, MakeImpactCode(impacts, bits).huffman_bits);
}

void EncodeImpacts(const std::vector<uint8_t>& impacts, int bits, BitWriter* out) {
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

uint64_t ListBits(const PostingList& list, int impact_bits) {
  const uint64_t bits = GammaBits(static_cast<uint32_t>(list.docs.size())) + 5 +
                        RiceGapBits(list.docs, BestRiceParameter(list.docs));
  return bits + (impact_bits > 0 ? ImpactBits(list.impacts, impact_bits) : 0);
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

std::string JsString(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2) continue;
    std::string_view escape;
    char buf[8];
    if (c == '"' || c == '\\') {
      escape = c == '"' ? "\\\"" : "\\\\";
    } else if (c < 0x20) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      escape = buf;
    } else if (i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(utf8[i + 2]) == 0xA8 || static_cast<unsigned char>(utf8[i + 2]) == 0xA9)) {
      escape = static_cast<unsigned char>(utf8[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
    } else {
      continue;  // another character starting with 0xE2 (—, ※, →)
    }
    out.append(utf8, run, i - run);
    out += escape;
    if (c == 0xE2) i += 2;
    run = i + 1;
  }
  out.append(utf8, run, std::string_view::npos);
  out += '"';
  return out;
}

}  // namespace kyodo
