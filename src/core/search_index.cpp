// Bit-sliced Bloom signatures of folded code-point bigrams (search_index.h).
//
// One bit per bigram (k = 1): a needle with b distinct bigrams already tests b bits, so more hash
// functions would only fill the signatures faster. Bigrams with a '\n' are skipped: fields are
// separated by '\n' in the searchable text and a needle never holds one.
#include <algorithm>

#include "search_index.h"
#include "text.h"

namespace dv {

namespace {

inline bool is_cont(uint8_t b) { return (b & 0xC0) == 0x80; }

constexpr uint32_t kInvalidBase = 0x110000;  // invalid byte b decodes as kInvalidBase + b

// Strict UTF-8 decoding; an invalid byte is one symbol of its own. Self-synchronising at every
// non-continuation byte, which is what makes a needle's bigrams those of any text holding it.
inline uint32_t decode(const uint8_t* s, size_t n, size_t& i) {
    const uint8_t b = s[i];
    if (b < 0x80) {
        ++i;
        return b;
    }
    if (b >= 0xC2 && b < 0xE0) {
        if (i + 1 < n && is_cont(s[i + 1])) {
            uint32_t cp = (uint32_t(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
            i += 2;
            return cp;
        }
    } else if (b >= 0xE0 && b < 0xF0) {
        if (i + 2 < n && is_cont(s[i + 1]) && is_cont(s[i + 2])) {
            uint32_t cp = (uint32_t(b & 0x0F) << 12) | (uint32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
                i += 3;
                return cp;
            }
        }
    } else if (b >= 0xF0 && b < 0xF5) {
        if (i + 3 < n && is_cont(s[i + 1]) && is_cont(s[i + 2]) && is_cont(s[i + 3])) {
            uint32_t cp = (uint32_t(b & 0x07) << 18) | (uint32_t(s[i + 1] & 0x3F) << 12) |
                          (uint32_t(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            if (cp >= 0x10000 && cp <= 0x10FFFF) {
                i += 4;
                return cp;
            }
        }
    }
    ++i;
    return kInvalidBase + b;
}

inline uint32_t bigram_bit(uint32_t a, uint32_t b) {
    uint64_t x = ((uint64_t(a) << 21) | b) * 0x9E3779B97F4A7C15ull;
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return uint32_t(x >> (64 - 10));  // kSignatureBits = 1024 = 2^10
}
static_assert(kSignatureBits == 1024, "bigram_bit takes 10 bits");

// Calls f(bit) for every bigram of the text, folding each code point (idempotent on folded text).
template <class F>
inline void for_each_bigram(std::string_view text, F&& f) {
    const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    uint32_t prev = '\n';
    while (i < n) {
        uint32_t cp;
        const uint8_t b = s[i];
        if (b < 0x80) {  // ASCII fast path
            cp = (b >= 'A' && b <= 'Z') ? b + 32u : b;
            ++i;
        } else {
            cp = fold_cp(decode(s, n, i));
        }
        if (cp != '\n' && prev != '\n') f(bigram_bit(prev, cp));
        prev = cp;
    }
}

bool valid_utf8(std::string_view s) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
    size_t i = 0;
    while (i < s.size())
        if (decode(p, s.size(), i) >= kInvalidBase) return false;
    return true;
}

// In-place transpose of a 64x64 bit matrix: afterwards bit r of a[c] is what bit c of a[r] was.
void transpose64(uint64_t a[64]) {
    uint64_t m = 0x00000000FFFFFFFFull;
    for (int j = 32; j != 0; j >>= 1, m ^= (m << j)) {
        for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
            uint64_t t = ((a[k] >> j) ^ a[k | j]) & m;
            a[k] ^= t << j;
            a[k | j] ^= t;
        }
    }
}

}  // namespace

void signature_bits(std::string_view folded, std::vector<uint32_t>& out) {
    out.clear();
    for_each_bigram(folded, [&](uint32_t bit) { out.push_back(bit); });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void signature_row(std::string_view text, uint64_t* row) {
    for_each_bigram(text, [&](uint32_t bit) { row[bit >> 6] |= uint64_t(1) << (bit & 63); });
}

void index_reset(SearchIndex& idx, uint32_t count) {
    idx.count = count;
    idx.words = (count + 63) / 64;
    idx.slices.assign(size_t(kSignatureBits) * idx.words, 0);
}

void index_add(SearchIndex& idx, uint32_t i, std::string_view text) {
    if (i >= idx.count) return;
    uint64_t row[kSignatureWords] = {};
    signature_row(text, row);
    const uint64_t bit = uint64_t(1) << (i & 63);
    uint64_t* col = idx.slices.data() + (i >> 6);
    for (uint32_t w = 0; w < kSignatureWords; ++w) {
        uint64_t v = row[w];
        while (v) {
            uint32_t b = w * 64 + uint32_t(__builtin_ctzll(v));
            v &= v - 1;
            col[size_t(b) * idx.words] |= bit;
        }
    }
}

void index_set_block(SearchIndex& idx, uint32_t block, const uint64_t* rows, uint32_t n_rows) {
    if (block >= idx.words) return;
    n_rows = std::min<uint32_t>(n_rows, 64);
    uint64_t a[64];
    for (uint32_t w = 0; w < kSignatureWords; ++w) {
        for (uint32_t r = 0; r < 64; ++r) a[r] = r < n_rows ? rows[size_t(r) * kSignatureWords + w] : 0;
        transpose64(a);
        for (uint32_t c = 0; c < 64; ++c) idx.slices[size_t(w * 64 + c) * idx.words + block] = a[c];
    }
}

void index_filter(const SearchIndex& idx, std::string_view folded_needle, std::vector<uint64_t>& mask) {
    // An invalid needle may sit in the text at a place where the text decodes differently.
    if (!valid_utf8(folded_needle)) return;
    uint64_t row[kSignatureWords] = {};
    signature_row(folded_needle, row);
    const size_t words = std::min<size_t>(mask.size(), idx.words);
    for (uint32_t w = 0; w < kSignatureWords; ++w) {
        uint64_t v = row[w];
        while (v) {
            uint32_t b = w * 64 + uint32_t(__builtin_ctzll(v));
            v &= v - 1;
            const uint64_t* slice = idx.slices.data() + size_t(b) * idx.words;
            for (size_t k = 0; k < words; ++k) mask[k] &= slice[k];
        }
    }
}

}  // namespace dv
