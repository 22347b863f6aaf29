// UTF-8 validation/sanitizing and small string helpers (fold/contains_folded live in fold.cpp).
#include <algorithm>
#include <bit>
#include <cctype>
#include <cstddef>
#include <cstring>

#include "text.h"

namespace dv {

namespace {

// Length of a valid UTF-8 sequence at s[i] (1..4), or 0 if the bytes there are not one.
// Rejects overlongs, surrogates and code points above U+10FFFF.
inline size_t valid_seq_len(const unsigned char* s, size_t i, size_t n) {
    unsigned char c = s[i];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) {
        if (i + 1 < n && (s[i + 1] & 0xC0) == 0x80) return 2;
        return 0;
    }
    if (c < 0xF0) {
        if (i + 2 >= n) return 0;
        unsigned char c1 = s[i + 1];
        if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
        if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c < 0xF5) {
        if (i + 3 >= n) return 0;
        unsigned char c1 = s[i + 1];
        if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return 0;
        if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xF4 && c1 >= 0x90) return 0;  // > U+10FFFF
        return 4;
    }
    return 0;
}

// Bytes that need a closer look: non-ASCII, C0 controls other than TAB and LF.
struct ByteClass {
    bool special[256];
    constexpr ByteClass() : special() {
        for (int c = 0; c < 256; ++c) special[c] = c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n');
    }
};
constexpr ByteClass kByteClass;

// Per lead byte: how long its sequence is and what the following bytes must look like, for a
// branch-light validation loop. len 0 = "look closer" (controls, CR, invalid bytes, and the
// F0/F4 leads whose second-byte range is not a bit pattern). Masks apply to the little-endian
// 32-bit word starting at the lead byte.
struct LeadTable {
    uint8_t len[256];
    uint32_t mask[256];
    uint32_t expect[256];
    constexpr LeadTable() : len(), mask(), expect() {
        for (int c = 0; c < 256; ++c) {
            if (c < 0x80) {
                len[c] = (c < 0x20 && c != '\t' && c != '\n') ? 0 : 1;
            } else if (c >= 0xC2 && c <= 0xDF) {
                len[c] = 2, mask[c] = 0xC000, expect[c] = 0x8000;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len[c] = 3, mask[c] = 0xC0C000, expect[c] = 0x808000;
                if (c == 0xE0) mask[c] = 0xC0E000, expect[c] = 0x80A000;  // no overlongs
                if (c == 0xED) mask[c] = 0xC0E000, expect[c] = 0x808000;  // no surrogates
            } else if (c >= 0xF1 && c <= 0xF3) {
                len[c] = 4, mask[c] = 0xC0C0C000, expect[c] = 0x80808000;
            }
        }
    }
};
constexpr LeadTable kLead;

// One validation step at s[i] (needs 4 readable bytes): the sequence length if it is plain valid
// text by the lead table, else 0.
inline unsigned lead_step(const unsigned char* s, size_t i) {
    const unsigned c = s[i];
    uint32_t w;
    std::memcpy(&w, s + i, 4);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
    const unsigned len = kLead.len[c];
    return (w & kLead.mask[c]) == kLead.expect[c] ? len : 0;
}

// 8 bytes at s[i] that are plain ASCII text (no byte >= 0x80, none below 0x20: a TAB or LF in
// them takes the per-character step). Digests are a third to all ASCII (markup, English,
// spaces between Korean words): most of their bytes pass 8 at a time.
inline bool ascii_clean8(const unsigned char* s, size_t i) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    // Some byte < 0x20 iff (w - 0x20 per byte) & ~w & high bits (exact for bytes below 0x80).
    return ((w & kHigh) | ((w - kOnes * 0x20) & ~w & kHigh)) == 0;
}

// One step at s[i] while its part ends at `end` (i + 4 <= end): 8 clean ASCII bytes, or one
// character by lead_step (0: look closer).
inline unsigned fast_step(const unsigned char* s, size_t i, size_t end) {
    if (i + 8 <= end && ascii_clean8(s, i)) return 8;
    return lead_step(s, i);
}

// The length of the clean character at s[i] (limit n), or 0 for a control character or invalid bytes.
inline unsigned slow_step(const unsigned char* s, size_t i, size_t n) {
    if (s[i] < 0x80) return kByteClass.special[s[i]] ? 0 : 1;
    return static_cast<unsigned>(valid_seq_len(s, i, n));
}

// Scalar: the longest clean prefix of s[0, n).
size_t valid_prefix_scalar(const unsigned char* s, size_t n) {
    size_t i = 0;
    for (;;) {
        while (i + 4 <= n) {
            unsigned len = fast_step(s, i, n);
            if (len == 0) break;
            i += len;
        }
        if (i >= n) return n;
        if (s[i] < 0x80 && kByteClass.special[s[i]]) return i;
        size_t l = valid_seq_len(s, i, n);  // F0/F4 leads, the last bytes, or really a problem
        if (l == 0) return i;
        i += l;
    }
}

// Length of the longest prefix of s that needs no change: valid UTF-8 without C0 controls
// other than TAB and LF. Each step depends on the previous one (load, table, add), so the
// buffer is cut at four character boundaries and the four parts are walked interleaved, so the
// CPU can overlap the chains (the gain was not measured reliably: keep it only if bench says so).
size_t valid_prefix(const unsigned char* s, size_t n) {
    if (n < 4096) return valid_prefix_scalar(s, n);
    size_t b[5];
    b[0] = 0;
    b[4] = n;
    for (int k = 1; k < 4; ++k) {
        size_t x = n / 4 * static_cast<size_t>(k);
        while (x < n && (s[x] & 0xC0) == 0x80) ++x;
        b[k] = x < b[k - 1] ? b[k - 1] : x;
    }
    size_t p0 = b[0], p1 = b[1], p2 = b[2], p3 = b[3];
    const size_t e0 = b[1], e1 = b[2], e2 = b[3], e3 = b[4];
    // Reading 4 bytes at p is safe while p + 4 <= n; stay 4 short of each part's end.
    while (p0 + 4 <= e0 && p1 + 4 <= e1 && p2 + 4 <= e2 && p3 + 4 <= e3) {
        unsigned l0 = fast_step(s, p0, e0), l1 = fast_step(s, p1, e1), l2 = fast_step(s, p2, e2), l3 = fast_step(s, p3, e3);
        if ((l0 == 0) | (l1 == 0) | (l2 == 0) | (l3 == 0)) {
            // A 4-byte lead (F0/F4) or a real problem: decide that stream by the slow check.
            if (l0 == 0 && (l0 = slow_step(s, p0, e0)) == 0) break;
            if (l1 == 0 && (l1 = slow_step(s, p1, e1)) == 0) break;
            if (l2 == 0 && (l2 = slow_step(s, p2, e2)) == 0) break;
            if (l3 == 0 && (l3 = slow_step(s, p3, e3)) == 0) break;
        }
        p0 += l0;
        p1 += l1;
        p2 += l2;
        p3 += l3;
    }
    const size_t pos[4] = {p0, p1, p2, p3};
    for (int k = 0; k < 4; ++k) {
        // Finish part k from where its walk stopped; a valid character never crosses b[k + 1].
        size_t r = valid_prefix_scalar(s + pos[k], b[k + 1] - pos[k]);
        if (pos[k] + r < b[k + 1]) return pos[k] + r;
    }
    return n;
}

uint32_t line_of(std::string_view bytes, size_t pos) {
    return 1 + static_cast<uint32_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

}  // namespace

std::string sanitize_utf8(std::string_view bytes, std::string_view source, std::vector<Diagnostic>& diags) {
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();

    // Fast path: find the first byte that is not plain text (a control character, CR or invalid
    // UTF-8). Valid input, the usual case, is then copied once.
    size_t i = valid_prefix(s, n);
    if (i >= n) return std::string(bytes);

    std::string out;
    out.reserve(n + n / 16 + 16);
    out.append(bytes.data(), i);
    size_t bad = 0, ctrl = 0, cr = 0;
    size_t first_bad = 0, first_ctrl = 0, first_cr = 0;
    while (i < n) {
        // Scalar here: the interleaved scan would walk its other three parts for nothing each
        // time it stops at the next problem.
        size_t good = valid_prefix_scalar(s + i, n - i);
        if (good) {
            out.append(bytes.data() + i, good);
            i += good;
            continue;
        }
        unsigned char c = s[i];
        if (c >= 0x80) {
            if (bad++ == 0) first_bad = i;
            out.append("\xEF\xBF\xBD");
            ++i;
        } else if (c == '\r') {
            if (cr++ == 0) first_cr = i;
            out.push_back('\n');
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        } else {
            if (ctrl++ == 0) first_ctrl = i;
            out.push_back(' ');
            ++i;
        }
    }
    // Line numbers refer to the input as read (CR-only line ends count as lines too, approximately).
    if (bad) {
        uint32_t line = line_of(bytes, first_bad);
        diags.push_back({std::string(source), line, Severity::Warning,
                         "invalid UTF-8: " + std::to_string(bad) + " byte(s) replaced with U+FFFD, first on line " +
                             std::to_string(line)});
    }
    if (ctrl) {
        uint32_t line = line_of(bytes, first_ctrl);
        diags.push_back({std::string(source), line, Severity::Warning,
                         "control characters: " + std::to_string(ctrl) + " replaced with spaces, first on line " +
                             std::to_string(line)});
    }
    if (cr) {
        uint32_t line = line_of(bytes, first_cr);
        diags.push_back({std::string(source), line, Severity::Info,
                         "CR line endings: " + std::to_string(cr) + " converted to LF"});
    }
    return out;
}

size_t utf8_clean_prefix(std::string_view bytes) {
    return valid_prefix(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

bool looks_binary(std::string_view bytes) {
    const size_t n = std::min<size_t>(bytes.size(), 64 * 1024);
    if (n == 0) return false;
    if (std::memchr(bytes.data(), 0, n) != nullptr) return true;
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    size_t odd = 0;
    // The clean prefix (the fast interleaved walk) holds nothing odd and ends on a character
    // boundary this loop would also reach: a text file is decided without the byte-by-byte loop,
    // which took 8 % of the wasm time of loading the corpus.
    for (size_t i = valid_prefix(s, n); i < n;) {
        unsigned char c = s[i];
        if (!kByteClass.special[c]) { ++i; continue; }
        if (c >= 0x80) {
            size_t len = valid_seq_len(s, i, n);
            if (len) { i += len; continue; }
            if (i + 4 > n && n < bytes.size()) break;  // a sequence cut by the 64 KB window
            ++odd;
            ++i;
        } else {
            if (c != '\r' && c != '\f') ++odd;
            ++i;
        }
    }
    // "Mostly": more than a quarter of the bytes are invalid UTF-8 or control characters.
    return odd * 4 > n;
}

bool input_text(std::string_view bytes, std::string_view source, std::vector<Diagnostic>& diags, std::string& owned,
                std::string_view& text) {
    auto error = [&](const char* msg) {
        diags.push_back({std::string(source), 0, Severity::Error, msg});
        return false;
    };
    // Clean bytes cannot look binary (no NUL, nothing odd): one walk over them, not two.
    const bool clean = utf8_clean_prefix(bytes) == bytes.size();
    if (!clean && looks_binary(bytes)) return error("not a text file");
    text = bytes;
    if (!clean) {
        owned = sanitize_utf8(bytes, source, diags);
        text = owned;
    }
    if (trim(text).empty()) return error("empty file");
    if (text.size() >= UINT32_MAX / 2) return error("file too large");
    return true;
}

uint32_t decode_utf8(std::string_view s, size_t& i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    if (i >= n) return 0xFFFD;
    size_t len = valid_seq_len(p, i, n);
    uint32_t cp;
    switch (len) {
        case 1: cp = p[i]; break;
        case 2: cp = ((p[i] & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu); break;
        case 3: cp = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu); break;
        case 4:
            cp = ((p[i] & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
            break;
        default: ++i; return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

namespace {
// Length of a space at the start (front=true) or end of s, 0 if none.
size_t space_at_front(std::string_view s) {
    if (s.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) return 2;
    if (s.size() >= 3 && c == 0xE3 && static_cast<unsigned char>(s[1]) == 0x80 && static_cast<unsigned char>(s[2]) == 0x80)
        return 3;
    return 0;
}
size_t space_at_back(std::string_view s) {
    if (s.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    size_t n = s.size();
    if (n >= 2 && c == 0xA0 && static_cast<unsigned char>(s[n - 2]) == 0xC2) return 2;
    if (n >= 3 && c == 0x80 && static_cast<unsigned char>(s[n - 2]) == 0x80 && static_cast<unsigned char>(s[n - 3]) == 0xE3)
        return 3;
    return 0;
}
}  // namespace

std::string unescape_markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char n = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        if (s[i] == '\\' && n >= 0x21 && n <= 0x7E && !std::isalnum(n)) ++i;
        out += s[i];
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (size_t k = space_at_front(s)) s.remove_prefix(k);
    while (size_t k = space_at_back(s)) s.remove_suffix(k);
    return s;
}

}  // namespace dv
