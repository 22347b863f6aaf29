// Case folding and folded substring search (text.h).
//
// Folding is local: only these units change, and each keeps its length and its byte classes
// (ASCII stays ASCII, lead bytes stay lead bytes, continuation bytes stay continuation bytes):
//   'A'..'Z'                          one byte
//   lead C3 C4 C5 CE CF D0 + one continuation byte   (Latin-1, Latin Extended-A, Greek, Cyrillic)
//   EF BC A1..BA                      full-width A..Z
// Anything else (including invalid UTF-8) is copied byte for byte. A lead byte followed by a
// continuation byte is always a complete, valid two-byte sequence whatever precedes it, so the
// units can be recognised at any non-continuation byte without decoding from the start.
#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text.h"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the SWAR scan in contains_folded assumes little-endian");

namespace dv {

uint32_t fold_cp(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c < 0x180) {
        if (c <= 0x137) return (c != 0x130 && !(c & 1)) ? c + 1 : c;  // U+0130 İ -> 'i' changes length
        if (c == 0x138) return c;                                      // ĸ
        if (c <= 0x148) return (c & 1) ? c + 1 : c;                    // Ĺ..Ň (odd = capital)
        if (c == 0x149) return c;                                      // ŉ
        if (c <= 0x177) return !(c & 1) ? c + 1 : c;                   // Ŋ..ŷ (even = capital)
        if (c == 0x178) return 0xFF;                                   // Ÿ -> ÿ
        if (c <= 0x17E) return (c & 1) ? c + 1 : c;                    // Ź..ž (odd = capital)
        return c;                                                      // ſ: its fold 's' changes length
    }
    if (c >= 0x391 && c <= 0x3A9) return c == 0x3A2 ? c : c + 32;     // Α..Ω
    if (c == 0x3C2) return 0x3C3;                                      // final ς folds to σ
    if (c >= 0x400 && c <= 0x40F) return c + 80;                      // Ѐ..Џ
    if (c >= 0x410 && c <= 0x42F) return c + 32;                       // А..Я
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;                     // Ａ..Ｚ
    return c;
}

namespace {

inline bool is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }
inline bool is_lead2(uint8_t b) {
    return b == 0xC3 || b == 0xC4 || b == 0xC5 || b == 0xCE || b == 0xCF || b == 0xD0;
}

struct Tables {
    uint8_t lower[256];
    // first_src[t]: the (at most kMaxSrc) bytes a unit may start with when its folded form starts
    // with byte t. t itself is always first.
    static constexpr int kMaxSrc = 3;
    uint8_t src[256][kMaxSrc];
    uint8_t src_n[256];

    Tables() {
        for (int b = 0; b < 256; ++b) {
            lower[b] = uint8_t((b >= 'A' && b <= 'Z') ? b + 32 : b);
            src[b][0] = uint8_t(b);
            src_n[b] = 1;
        }
        auto add = [&](uint8_t t, uint8_t s) {
            for (int k = 0; k < src_n[t]; ++k)
                if (src[t][k] == s) return;
            if (src_n[t] < kMaxSrc) src[t][src_n[t]++] = s;
        };
        for (int b = 'A'; b <= 'Z'; ++b) add(uint8_t(b + 32), uint8_t(b));
        for (uint32_t cp = 0x80; cp < 0x10000; ++cp) {
            uint32_t f = fold_cp(cp);
            if (f == cp) continue;
            auto lead = [](uint32_t c) { return uint8_t(c < 0x800 ? 0xC0 | (c >> 6) : 0xE0 | (c >> 12)); };
            add(lead(f), lead(cp));
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// Folds the unit starting at s[i] (a non-continuation byte, or any byte: continuation bytes are
// their own unit). Writes its folded bytes to out and returns its length (1..3).
inline size_t fold_unit(const uint8_t* s, size_t n, size_t i, uint8_t out[3]) {
    uint8_t b = s[i];
    if (b < 0x80) {
        out[0] = uint8_t((b >= 'A' && b <= 'Z') ? b + 32 : b);
        return 1;
    }
    if (is_lead2(b) && i + 1 < n && is_cont(s[i + 1])) {
        uint32_t cp = (uint32_t(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
        uint32_t f = fold_cp(cp);
        out[0] = uint8_t(0xC0 | (f >> 6));
        out[1] = uint8_t(0x80 | (f & 0x3F));
        return 2;
    }
    if (b == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] >= 0xA1 && s[i + 2] <= 0xBA) {
        out[0] = 0xEF;
        out[1] = 0xBD;
        out[2] = uint8_t(s[i + 2] - 0x20);
        return 3;
    }
    out[0] = b;
    return 1;
}

// True if fold(hay) holds needle at byte position p (p is a non-continuation byte of hay and
// p + needle size <= hay size).
inline bool verify_at(const uint8_t* h, size_t n, size_t p, const uint8_t* nd, size_t m) {
    const uint8_t* lower = tables().lower;
    size_t i = p, j = 0;
    while (j < m) {
        uint8_t b = h[i];
        if (b < 0x80) {
            if (lower[b] != nd[j]) return false;
            ++i, ++j;
            continue;
        }
        uint8_t u[3];
        size_t len = fold_unit(h, n, i, u);
        for (size_t k = 0; k < len && j < m; ++k, ++j)
            if (u[k] != nd[j]) return false;
        i += len;
    }
    return true;
}

}  // namespace

namespace {
void fold_bytes(uint8_t* p, size_t n) {
    for (size_t i = 0; i < n;) {
        uint8_t b = p[i];
        if (b < 0x80) {
            if (b >= 'A' && b <= 'Z') p[i] = uint8_t(b + 32);
            ++i;
            continue;
        }
        if ((is_lead2(b) && i + 1 < n && is_cont(p[i + 1])) || b == 0xEF) {
            uint8_t u[3];
            size_t len = fold_unit(p, n, i, u);
            std::memcpy(p + i, u, len);
            i += len;
            continue;
        }
        ++i;
    }
}
}  // namespace

std::string fold(std::string_view s) {
    std::string out(s);
    fold_bytes(reinterpret_cast<uint8_t*>(out.data()), out.size());
    return out;
}

void fold_append(std::string& out, std::string_view s) {
    size_t at = out.size();
    out.append(s);
    fold_bytes(reinterpret_cast<uint8_t*>(out.data()) + at, s.size());
}

namespace {

// h[x] matches when (h[x] | or_mask) == value: one exact byte, or a pair differing in one bit
// (a letter and its capital with 0x20).
struct ByteMatch {
    uint8_t or_mask = 0, value = 0;
    bool test(uint8_t b) const { return uint8_t(b | or_mask) == value; }
};

// Calls f(p) for every p in [0, last] with a.test(h[p]) and b.test(h[p + off2]) (and possibly a
// few more: f must check the whole needle), until f returns true. h must hold last + off2 + 1
// bytes at least. The two-byte test (Mula's "generic SIMD" substring search) makes candidates
// rare, 16 positions per step with SSE2 and 8 with SWAR elsewhere (WebAssembly).
template <class F>
bool scan2(const uint8_t* h, size_t last, ByteMatch a, size_t off2, ByteMatch b, F&& f) {
    size_t p = 0;
#if defined(__SSE2__)
    const __m128i ao = _mm_set1_epi8(char(a.or_mask)), av = _mm_set1_epi8(char(a.value));
    const __m128i bo = _mm_set1_epi8(char(b.or_mask)), bv = _mm_set1_epi8(char(b.value));
    for (; p + 16 <= last + 1; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + p));
        const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + p + off2));
        unsigned mask = unsigned(_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(x, ao), av), _mm_cmpeq_epi8(_mm_or_si128(y, bo), bv))));
        while (mask) {
            const size_t at = p + size_t(__builtin_ctz(mask));
            mask &= mask - 1;
            if (f(at)) return true;
        }
    }
#else
    constexpr uint64_t k01 = 0x0101010101010101ull, k80 = 0x8080808080808080ull;
    // Flags every zero byte (and maybe bytes above one: f rejects those).
    auto zero_bytes = [](uint64_t v) { return (v - k01) & ~v & k80; };
    const uint64_t ao = k01 * a.or_mask, av = k01 * a.value, bo = k01 * b.or_mask, bv = k01 * b.value;
    for (; p + 8 <= last + 1; p += 8) {
        uint64_t x, y;
        std::memcpy(&x, h + p, 8);
        std::memcpy(&y, h + p + off2, 8);
        uint64_t z = zero_bytes((x | ao) ^ av) & zero_bytes((y | bo) ^ bv);
        while (z) {
            const size_t at = p + size_t(__builtin_ctzll(z) >> 3);  // little-endian (x86, wasm)
            z &= z - 1;
            if (a.test(h[at]) && b.test(h[at + off2]) && f(at)) return true;
        }
    }
#endif
    for (; p <= last; ++p)
        if (a.test(h[p]) && b.test(h[p + off2]) && f(p)) return true;
    return false;
}

inline bool is_ascii_letter(uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

}  // namespace

size_t find_folded(std::string_view hay, std::string_view folded_needle) {
    constexpr size_t npos = std::string_view::npos;
    const size_t m = folded_needle.size(), n = hay.size();
    if (m == 0) return 0;
    if (m > n) return npos;
    const uint8_t* h = reinterpret_cast<const uint8_t*>(hay.data());
    const uint8_t* nd = reinterpret_cast<const uint8_t*>(folded_needle.data());
    const size_t last = n - m;  // candidate starts are 0..last
    size_t found = npos;
    auto at = [&](size_t p) {
        found = p;
        return true;
    };

    // A needle starting inside a character: not from fold() of real text. Do it the plain way.
    if (is_cont(nd[0])) return fold(hay).find(folded_needle);

    // Plain needle: no byte that folding produces or changes (letters, the folding lead bytes,
    // EF). Then fold(hay) and hay hold it at exactly the same places (see the top comment).
    bool plain = true;
    for (size_t j = 0; j < m && plain; ++j) {
        const uint8_t b = nd[j];
        if (is_ascii_letter(b) || is_lead2(b) || b == 0xD1 || b == 0xEF) plain = false;
    }
    if (plain) {
        if (m == 1) {
            const void* p = std::memchr(h, nd[0], n);
            return p ? size_t(static_cast<const uint8_t*>(p) - h) : npos;
        }
        scan2(h, last, ByteMatch{0, nd[0]}, m - 1, ByteMatch{0, nd[m - 1]},
              [&](size_t p) { return std::memcmp(h + p + 1, nd + 1, m - 2) == 0 && at(p); });
        return found;
    }

    // Folded needle: candidates are where the first byte could fold to nd[0], checked with
    // verify_at. The sources of nd[0] (itself, its capital...) as one ByteMatch when they differ
    // in one bit, which covers letters and most lead bytes.
    const Tables& t = tables();
    const uint8_t n0 = nd[0];
    const int ns = t.src_n[n0];
    ByteMatch first{0, n0};
    bool single = ns == 1;
    if (ns == 2) {
        const uint8_t x = t.src[n0][0], y = t.src[n0][1], d = uint8_t(x ^ y);
        if ((d & (d - 1)) == 0) {
            first = ByteMatch{d, uint8_t(x | d)};
            single = true;
        }
    }
    if (single) {
        // A second test: the last ASCII byte of the needle after the first (its hay byte is that
        // byte or its capital: ASCII only comes from ASCII), else the first byte again.
        size_t j2 = 0;
        for (size_t j = m - 1; j > 0; --j)
            if (nd[j] < 0x80) {
                j2 = j;
                break;
            }
        ByteMatch second = first;
        if (j2 > 0) second = is_ascii_letter(nd[j2]) ? ByteMatch{0x20, uint8_t(nd[j2] | 0x20)} : ByteMatch{0, nd[j2]};
        scan2(h, last, first, j2, second, [&](size_t p) { return verify_at(h, n, p, nd, m) && at(p); });
        return found;
    }
    // Three sources, or two that differ in more than one bit (ÿ from ÿ and Ÿ): byte by byte.
    for (size_t p = 0; p <= last; ++p) {
        bool src = false;
        for (int k = 0; k < ns; ++k) src |= h[p] == t.src[n0][k];
        if (src && verify_at(h, n, p, nd, m)) return p;
    }
    return npos;
}

bool contains_folded(std::string_view hay, std::string_view folded_needle) {
    return find_folded(hay, folded_needle) != std::string_view::npos;
}

}  // namespace dv
