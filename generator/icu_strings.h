// UTF-8 std::string ↔ ICU's UTF-16 UnicodeString, and NFKC on the latter: the
// conversions text.cpp and kana.cpp share (internal to those two; the rest of
// kyodo works on UTF-8 through text.h and kana.h).
#ifndef KYODO_ICU_STRINGS_H_
#define KYODO_ICU_STRINGS_H_

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace kyodo {

inline icu::UnicodeString ToUnicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

inline std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

inline icu::UnicodeString NfkcU(const icu::UnicodeString& u) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);  // shared, immutable
  if (U_FAILURE(err)) return u;
  icu::UnicodeString out = nfkc->normalize(u, err);
  return U_SUCCESS(err) ? out : u;
}

}  // namespace kyodo

#endif  // KYODO_ICU_STRINGS_H_
