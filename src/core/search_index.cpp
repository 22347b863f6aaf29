// Exact unigram and bigram postings of folded code points (search_index.h).
//
// Building is one pass over the text: each gram's list grows in entry order and turns into a
// bitmap the moment it gets longer than the bitmap would be (df only grows, so that is the
// final form too).
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <unordered_map>

#include "parallel.h"
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


bool valid_utf8(std::string_view s) {
    const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
    size_t i = 0;
    while (i < s.size())
        if (decode(p, s.size(), i) >= kInvalidBase) return false;
    return true;
}

// Gram keys: a unigram is its code point (< 2^21, invalid bytes included); a bigram sets bit 42.
constexpr uint64_t kBigram = uint64_t(1) << 42;
inline uint64_t bigram_key(uint32_t a, uint32_t b) { return kBigram | (uint64_t(a) << 21) | b; }

inline size_t slot_of(uint64_t key, size_t mask) {
    uint64_t x = key * 0x9E3779B97F4A7C15ull;
    return size_t(x >> 32 ^ x) & mask;
}

// Gram number of `key`, or UINT32_MAX.
uint32_t find_gram(const SearchIndex& idx, uint64_t key) {
    if (idx.table_keys.empty()) return UINT32_MAX;
    const size_t mask = idx.table_keys.size() - 1;
    for (size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
        const uint64_t k = idx.table_keys[s];
        if (k == 0) return UINT32_MAX;
        if (k == key + 1) return idx.table_grams[s];
    }
}

// Calls f(key) for every unigram and bigram of the text, folding each code point (idempotent on
// folded text) when Fold; a needle is already folded and must not be folded again (the oracle
// does not fold it).
template <bool Fold, class F>
inline void for_each_gram(std::string_view text, F&& f) {
    const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    uint32_t prev = '\n';
    while (i < n) {
        uint32_t cp;
        const uint8_t b = s[i];
        if (b < 0x80) {  // ASCII fast path
            cp = (Fold && b >= 'A' && b <= 'Z') ? b + 32u : b;
            ++i;
        } else {
            cp = decode(s, n, i);
            if (Fold) cp = fold_cp(cp);
        }
        if (cp != '\n') {
            f(uint64_t(cp));
            if (prev != '\n') f(bigram_key(prev, cp));
        }
        prev = cp;
    }
}

// Sparse lists are the gaps between successive entries + 1 (the first gap from -1), as LEB128
// varints: most gaps in a list of at most count/16 entries take one or two bytes.
inline void put_varint(std::vector<uint8_t>& out, uint32_t v) {
    while (v >= 0x80) {
        out.push_back(uint8_t(v | 0x80));
        v >>= 7;
    }
    out.push_back(uint8_t(v));
}
// Calls f(entry) for the n entries of a list.
template <class F>
inline void for_each_listed(const uint8_t* p, uint32_t n, F&& f) {
    uint32_t e = 0;  // entry + 1
    for (uint32_t k = 0; k < n; ++k) {
        uint32_t v = 0;
        int shift = 0;
        uint8_t c;
        do {
            c = *p++;
            v |= uint32_t(c & 0x7F) << shift;
            shift += 7;
        } while (c & 0x80);
        e += v;
        f(e - 1);
    }
}
// A bitmap (words * 8 bytes) instead of a list once the list would take about as much.
inline bool dense_df(uint32_t df, uint32_t words) { return uint64_t(df) > 4 * uint64_t(words); }

// The builder: grams are numbered as found and also inserted into the index's table (looked up
// by queries). Building looks them up by small numbers instead, as that is most of its time:
// unigrams get ordinals of their own (0, 1, ... as their code points are met: a library holds
// some thousands), a code point below U+10000 through a direct array; a bigram of two ordinals
// below 256 (ASCII and the first letters met) through a direct 256 x 256 array, of two below
// 65535 through a table of 8-byte slots keyed by the two (small enough to stay in the core's
// cache), others through the index's own table. Each gram's counters and postings sit together,
// so a gram costs one cache miss, not four.
// 65,536 numbers + 1 (0: none yet), from calloc: memory fresh from the system is known to be
// zero and is not written, so a small library touches a few pages of it. A fuzzing run builds an
// index per input, and filling the table took a third of its time.
struct DirectTable {
    struct Free {
        void operator()(uint32_t* p) const { std::free(p); }
    };
    std::unique_ptr<uint32_t[], Free> v{static_cast<uint32_t*>(std::calloc(0x10000, sizeof(uint32_t)))};
    DirectTable() {
        if (!v) throw std::bad_alloc();
    }
    uint32_t& at(uint32_t i) { return v[i]; }  // i < 0x10000
};

struct Builder {
    struct Gram {
        uint32_t df = 0;
        uint32_t last_listed = 0;  // the last entry put in the list, + 1 (gaps are from it)
        std::vector<uint8_t> list;
        std::vector<uint64_t> bitmap;
    };
    struct Slot {
        uint32_t key = 0;  // (ua << 16 | ub) + 1 of the two ordinals, 0 = empty
        uint32_t gram = 0;
    };
    SearchIndex& idx;
    std::vector<Gram> grams;
    DirectTable direct;                            // code point below U+10000 -> ordinal + 1
    std::unordered_map<uint32_t, uint32_t> wide;  // code points from U+10000 (emoji, ...) -> ordinal + 1
    std::vector<uint32_t> uni_gram;               // per ordinal: its unigram's gram number
    std::vector<uint32_t> ord_cp;                 // per ordinal: its folded code point
    DirectTable pair;  // ordinals ua, ub below 256 -> gram number + 1, at ua * 256 + ub
    std::vector<Slot> slots = std::vector<Slot>(1 << 12);
    size_t slots_used = 0, table_used = 0;

    explicit Builder(SearchIndex& i) : idx(i) { idx.table_keys.assign(1 << 12, 0), idx.table_grams.assign(1 << 12, 0); }

    void table_insert(uint64_t key, uint32_t g) {
        if (2 * (table_used + 1) > idx.table_keys.size()) {  // keep the load under 1/2
            std::vector<uint64_t> keys;
            std::vector<uint32_t> gs;
            keys.swap(idx.table_keys);
            gs.swap(idx.table_grams);
            idx.table_keys.assign(keys.size() * 2, 0);
            idx.table_grams.assign(keys.size() * 2, 0);
            for (size_t k = 0; k < keys.size(); ++k)
                if (keys[k]) place(keys[k] - 1, gs[k]);
        }
        place(key, g);
        ++table_used;
    }
    void place(uint64_t key, uint32_t g) {
        const size_t mask = idx.table_keys.size() - 1;
        size_t s = slot_of(key, mask);
        while (idx.table_keys[s] != 0) s = (s + 1) & mask;
        idx.table_keys[s] = key + 1;
        idx.table_grams[s] = g;
    }
    uint32_t add(uint64_t key) {
        const uint32_t g = uint32_t(grams.size());
        grams.emplace_back();
        block_bits.push_back(0);
        table_insert(key, g);
        return g;
    }
    // The ordinal of the unigram of raw code point r folded (its gram is uni_gram[ordinal]). The
    // tables are keyed by r as it is in the text: fold_cp runs once per distinct code point, the
    // first time it is met, not once per character ('A' and 'a' share the ordinal of 'a').
    // Code point cp's entry in the tables (its ordinal + 1, 0 = none yet); a map's references
    // survive rehashing.
    uint32_t& ordinal_slot(uint32_t cp) { return cp < 0x10000 ? direct.at(cp) : wide[cp]; }
    uint32_t unigram(uint32_t r) {
        uint32_t& d = ordinal_slot(r);
        if (d == 0) {
            const uint32_t f = fold_cp(r);
            d = (f == r ? folded_unigram(f) : unigram(f)) + 1;
        }
        return d - 1;
    }
    // A folded code point's ordinal (fold_cp(f) == f), added the first time.
    uint32_t folded_unigram(uint32_t f) {
        uint32_t& d = ordinal_slot(f);
        if (d == 0) {
            uni_gram.push_back(add(f));
            ord_cp.push_back(f);
            d = uint32_t(uni_gram.size());
        }
        return d - 1;
    }
    // The bigram of ordinals ua, ub (of folded code points ord_cp[ua], ord_cp[ub]).
    uint32_t bigram(uint32_t ua, uint32_t ub) {
        auto gram_key = [&] { return bigram_key(ord_cp[ua], ord_cp[ub]); };  // read when needed: rarely
        if ((ua | ub) < 256) {
            uint32_t& d = pair.at(ua * 256 + ub);
            if (d == 0) d = add(gram_key()) + 1;
            return d - 1;
        }
        if ((ua | ub) >= 0xFFFF) {  // more distinct code points than 16 bits number: the index's table
            const uint64_t k = gram_key();
            const uint32_t g = find_gram(idx, k);
            return g != UINT32_MAX ? g : add(k);
        }
        const uint32_t key = (ua << 16 | ub) + 1;
        size_t mask = slots.size() - 1;
        for (size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
            if (slots[s].key == key) return slots[s].gram;
            if (slots[s].key == 0) break;
        }
        const uint32_t g = add(gram_key());
        if (2 * (slots_used + 1) > slots.size()) {
            std::vector<Slot> old(slots.size() * 2);
            old.swap(slots);
            mask = slots.size() - 1;
            for (const Slot& o : old)
                if (o.key) {
                    size_t s = slot_of(o.key, mask);
                    while (slots[s].key) s = (s + 1) & mask;
                    slots[s] = o;
                }
        }
        size_t s = slot_of(key, mask);
        while (slots[s].key) s = (s + 1) & mask;
        slots[s] = Slot{key, g};
        ++slots_used;
        return g;
    }
    // Postings are not written as they are found: an entry holds ~1,000 grams whose bitmaps and
    // list tails are, at 100k entries, spread over 40 MB, a cache miss each. Entries are taken 64
    // at a time instead (a block: one bitmap word): each gram's word for the block is kept in
    // `block_bits`, one array the size of the gram count that stays in cache, where holding a gram
    // is one OR (which also makes a gram repeated in an entry cost nothing more), and at the end
    // of the block each gram it touched gets its word written once (flush). (The build's larger
    // cost is the bigram lookup in add_text: perf put 28 % of it on one load there.)
    std::vector<uint64_t> block_bits;     // per gram: its entries of the current block
    std::vector<uint32_t> touched;        // grams with a bit in the current block
    uint32_t block = 0;                   // the current block: entries [64 * block, 64 * block + 64)

    // Entry i (of the current block) holds gram g.
    void hold(uint32_t g, uint32_t i) {
        uint64_t& w = block_bits[g];
        if (w == 0) touched.push_back(g);
        w |= uint64_t(1) << (i & 63);
    }
    // All of entry i's grams are held.
    void end_entry(uint32_t i) {
        if ((i & 63) == 63) flush();
    }
    // Writes the block's word of every gram it touched and starts the next block.
    void flush() {
        for (uint32_t g : touched) {
            write(grams[g], block, block_bits[g]);
            block_bits[g] = 0;
        }
        touched.clear();
        ++block;
    }
    // Gram x holds the entries of `bits` in block w (its postings so far are all before it).
    void write(Gram& x, uint32_t w, uint64_t bits) {
        if (x.bitmap.empty()) {
            for (; bits; bits &= bits - 1) {
                const uint32_t i = w * 64 + uint32_t(__builtin_ctzll(bits));
                ++x.df;
                put_varint(x.list, i + 1 - x.last_listed);
                x.last_listed = i + 1;
                if (dense_df(x.df, idx.words)) {  // the bitmap is now the smaller form
                    x.bitmap.assign(idx.words, 0);
                    for_each_listed(x.list.data(), x.df, [&](uint32_t e) { x.bitmap[e >> 6] |= uint64_t(1) << (e & 63); });
                    std::vector<uint8_t>().swap(x.list);
                    bits &= bits - 1;  // the rest of the word goes to the bitmap below
                    break;
                }
            }
            if (x.bitmap.empty()) return;
        }
        x.df += uint32_t(__builtin_popcountll(bits));
        x.bitmap[w] |= bits;
    }
    // All grams of one raw text of entry i (folded as for_each_gram<true>).
    void add_text(std::string_view text, uint32_t i) {
        const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
        const size_t n = text.size();
        size_t k = 0;
        uint32_t uprev = 0;
        bool after = false;  // a code point other than '\n' precedes (only '\n' folds to '\n')
        while (k < n) {
            uint32_t r;
            const uint8_t c = s[k];
            if (c < 0x80) {
                r = c;
                ++k;
            } else {
                r = decode(s, n, k);
            }
            if (r == '\n') {
                after = false;
                continue;
            }
            const uint32_t u = unigram(r);
            hold(uni_gram[u], i);
            if (after) hold(bigram(uprev, u), i);
            uprev = u;
            after = true;
        }
    }
};

inline bool dense(const SearchIndex& idx, uint32_t g) { return dense_df(idx.df[g], idx.words); }

// mask &= postings of g (or &= ~postings when negate).
void and_postings(const SearchIndex& idx, uint32_t g, bool negate, std::vector<uint64_t>& mask) {
    const size_t words = std::min<size_t>(mask.size(), idx.words);
    if (dense(idx, g)) {
        const uint64_t* bm = idx.bitmaps[g].data();
        if (negate)
            for (size_t k = 0; k < words; ++k) mask[k] &= ~bm[k];
        else
            for (size_t k = 0; k < words; ++k) mask[k] &= bm[k];
        return;
    }
    const uint8_t* l = idx.lists[g].data();
    const uint32_t n = idx.df[g];
    if (negate) {
        for_each_listed(l, n, [&](uint32_t e) {
            if ((e >> 6) < words) mask[e >> 6] &= ~(uint64_t(1) << (e & 63));
        });
        return;
    }
    std::vector<uint64_t> keep(mask.size(), 0);
    for_each_listed(l, n, [&](uint32_t e) {
        if ((e >> 6) < words) keep[e >> 6] |= mask[e >> 6] & (uint64_t(1) << (e & 63));
    });
    mask.swap(keep);
}

// The index of entries [first, first + count), numbered from 0. `shrink`: lists are trimmed to
// their size (a part for merge_parts is not: the merge writes new lists and frees these).
void build_range(SearchIndex& idx, uint32_t first, uint32_t count, const IndexTexts& texts, bool shrink) {
    idx = SearchIndex{};
    idx.count = count;
    idx.words = (count + 63) / 64;
    Builder b(idx);
    std::vector<std::string_view> t;
    for (uint32_t i = 0; i < count; ++i) {
        t.clear();
        texts(first + i, t);
        for (std::string_view s : t) b.add_text(s, i);
        b.end_entry(i);
    }
    if (!b.touched.empty()) b.flush();
    const size_t n = b.grams.size();
    idx.df.resize(n);
    idx.lists.resize(n);
    idx.bitmaps.resize(n);
    for (size_t g = 0; g < n; ++g) {
        Builder::Gram& x = b.grams[g];
        idx.df[g] = x.df;
        if (shrink) x.list.shrink_to_fit();
        idx.lists[g] = std::move(x.list);
        idx.bitmaps[g] = std::move(x.bitmap);
    }
}

// Calls f(entry) for the entries of gram g of a part, in increasing order.
template <class F>
void for_each_posting(const SearchIndex& part, uint32_t g, F&& f) {
    if (dense_df(part.df[g], part.words)) {
        const std::vector<uint64_t>& bm = part.bitmaps[g];
        for (uint32_t w = 0; w < part.words; ++w)
            for (uint64_t x = bm[w]; x; x &= x - 1) f(w * 64 + uint32_t(__builtin_ctzll(x)));
    } else {
        for_each_listed(part.lists[g].data(), part.df[g], f);
    }
}

// The gram table of `x` for gram f = keys[f] (load at most 1/2, as the builder keeps it).
void fill_table(SearchIndex& x, const std::vector<uint64_t>& keys) {
    size_t slots = 1 << 12;
    while (slots < 2 * (keys.size() + 1)) slots *= 2;
    x.table_keys.assign(slots, 0);
    x.table_grams.assign(slots, 0);
    for (uint32_t f = 0; f < keys.size(); ++f) {
        size_t s = slot_of(keys[f], slots - 1);
        while (x.table_keys[s]) s = (s + 1) & (slots - 1);
        x.table_keys[s] = keys[f] + 1;
        x.table_grams[s] = f;
    }
}

// The index of all entries from the indexes of consecutive ranges starting at `first` (each a
// multiple of 64, so a part's bitmap words are whole words of the result): the same postings,
// and so the same form per gram, as building it in one piece; gram numbers differ (they are
// internal: queries find grams by key).
void merge_parts(SearchIndex& idx, std::vector<SearchIndex>& parts, const std::vector<uint32_t>& first, uint32_t count) {
    idx = SearchIndex{};
    idx.count = count;
    idx.words = (count + 63) / 64;
    const size_t P = parts.size();
    // Final gram numbers: part 0's, then each later part's new ones, in order.
    std::vector<uint64_t> keys;
    std::vector<uint32_t> where;  // per final gram and part: the part's gram number, or UINT32_MAX
    SearchIndex lookup;           // key -> final gram while merging (a table like the index's)
    for (size_t p = 0; p < P; ++p) {
        const SearchIndex& s = parts[p];
        std::vector<uint64_t> key_of(s.df.size());
        for (size_t k = 0; k < s.table_keys.size(); ++k)
            if (s.table_keys[k]) key_of[s.table_grams[k]] = s.table_keys[k] - 1;
        for (uint32_t g = 0; g < s.df.size(); ++g) {
            uint32_t f = p == 0 ? UINT32_MAX : find_gram(lookup, key_of[g]);
            if (f == UINT32_MAX) {
                f = uint32_t(keys.size());
                keys.push_back(key_of[g]);
                where.resize(where.size() + P, UINT32_MAX);
            }
            where[size_t(f) * P + p] = g;
        }
        if (p + 1 < P) fill_table(lookup, keys);  // the keys so far, for the next part's lookups
    }
    const size_t n = keys.size();
    idx.df.assign(n, 0);
    idx.lists.resize(n);
    idx.bitmaps.resize(n);
    for (size_t f = 0; f < n; ++f) {
        uint32_t df = 0;
        for (size_t p = 0; p < P; ++p)
            if (where[f * P + p] != UINT32_MAX) df += parts[p].df[where[f * P + p]];
        idx.df[f] = df;
        if (dense_df(df, idx.words)) {
            std::vector<uint64_t>& bm = idx.bitmaps[f];
            bm.assign(idx.words, 0);
            for (size_t p = 0; p < P; ++p) {
                const uint32_t g = where[f * P + p];
                if (g == UINT32_MAX) continue;
                const SearchIndex& s = parts[p];
                if (dense_df(s.df[g], s.words)) {
                    std::copy(s.bitmaps[g].begin(), s.bitmaps[g].end(), bm.begin() + first[p] / 64);
                } else {
                    for_each_listed(s.lists[g].data(), s.df[g], [&](uint32_t e) {
                        const uint32_t i = first[p] + e;
                        bm[i >> 6] |= uint64_t(1) << (i & 63);
                    });
                }
            }
        } else {
            // Each part's list as it is but its first gap, now from the previous part's last
            // entry: at most 4 bytes longer per part. Reserved whole, so the list never grows
            // (a growth copies it and leaves the old one free) and needs no trimming, unless a
            // part held the gram densely (then up to 5 bytes an entry are reserved for it).
            std::vector<uint8_t>& list = idx.lists[f];
            size_t bytes = 0;
            bool trim = false;
            for (size_t p = 0; p < P; ++p) {
                const uint32_t g = where[f * P + p];
                if (g == UINT32_MAX) continue;
                const bool part_dense = dense_df(parts[p].df[g], parts[p].words);
                bytes += part_dense ? size_t(parts[p].df[g]) * 5 : parts[p].lists[g].size() + 4;
                trim |= part_dense;
            }
            list.reserve(bytes);
            uint32_t last = 0;  // the last entry listed + 1
            for (size_t p = 0; p < P; ++p) {
                const uint32_t g = where[f * P + p];
                if (g == UINT32_MAX) continue;
                for_each_posting(parts[p], g, [&](uint32_t e) {
                    const uint32_t i = first[p] + e;
                    put_varint(list, i + 1 - last);
                    last = i + 1;
                });
            }
            if (trim) list.shrink_to_fit();
        }
        for (size_t p = 0; p < P; ++p) {  // free the parts' postings as they are used
            const uint32_t g = where[f * P + p];
            if (g == UINT32_MAX) continue;
            std::vector<uint64_t>().swap(parts[p].bitmaps[g]);
            std::vector<uint8_t>().swap(parts[p].lists[g]);
        }
    }
    fill_table(idx, keys);
}

}  // namespace

void index_build(SearchIndex& idx, uint32_t count, const IndexTexts& texts, unsigned threads) {
    // One range per thread, each a multiple of 64 entries; small libraries in one piece (the
    // merge would cost more than it saves).
    const uint32_t parts = threads > 1 && count >= 4096 ? threads : 1;
    if (parts == 1) {
        build_range(idx, 0, count, texts, true);
        return;
    }
    std::vector<uint32_t> first(parts + 1);
    for (uint32_t p = 0; p <= parts; ++p) first[p] = std::min(count, uint32_t(uint64_t(count) * p / parts / 64 * 64));
    first[parts] = count;
    std::vector<SearchIndex> part(parts);
    parallel_for(parts, threads, [&](size_t p) { build_range(part[p], first[p], first[p + 1] - first[p], texts, false); });
    merge_parts(idx, part, first, count);
}

namespace {

// The needle's distinct grams: all bigrams, or its one unigram. False if it is empty or invalid
// UTF-8 (`cps` then undefined); `newline` tells whether it holds '\n'.
bool needle_grams(std::string_view needle, std::vector<uint64_t>& keys, size_t& cps, bool& newline) {
    keys.clear();
    cps = 0;
    newline = false;
    if (needle.empty() || !valid_utf8(needle)) return false;
    uint64_t uni = 0;
    for_each_gram<false>(needle, [&](uint64_t key) {
        if (key & kBigram) keys.push_back(key);
        else uni = key, ++cps;
    });
    for (char c : needle) newline |= c == '\n';
    if (keys.empty() && cps == 1) keys.push_back(uni);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return true;
}

}  // namespace

bool index_exact(const SearchIndex& idx, std::string_view folded_needle, bool negate, std::vector<uint64_t>& mask) {
    std::vector<uint64_t> keys;
    size_t cps;
    bool newline;
    if (!needle_grams(folded_needle, keys, cps, newline) || newline || cps > 2 || keys.size() != 1) return false;
    const uint32_t g = find_gram(idx, keys[0]);
    if (g == UINT32_MAX) {  // no entry holds it
        if (!negate) std::fill(mask.begin(), mask.end(), 0);
        return true;
    }
    and_postings(idx, g, negate, mask);
    return true;
}

void index_filter(const SearchIndex& idx, std::string_view folded_needle, std::vector<uint64_t>& mask) {
    std::vector<uint64_t> keys;
    size_t cps;
    bool newline;
    if (!needle_grams(folded_needle, keys, cps, newline) || keys.empty()) return;
    // Rarest first: the first sparse list already leaves few candidates.
    std::vector<uint32_t> gs;
    for (uint64_t k : keys) {
        const uint32_t g = find_gram(idx, k);
        if (g == UINT32_MAX) {
            std::fill(mask.begin(), mask.end(), 0);
            return;
        }
        gs.push_back(g);
    }
    std::sort(gs.begin(), gs.end(), [&](uint32_t a, uint32_t b) { return idx.df[a] < idx.df[b]; });
    for (uint32_t g : gs) and_postings(idx, g, false, mask);
}

size_t index_bytes(const SearchIndex& idx) {
    size_t n = idx.table_keys.capacity() * 8 + idx.table_grams.capacity() * 4 + idx.df.capacity() * 4;
    for (const auto& b : idx.bitmaps) n += b.capacity() * 8 + sizeof b;
    for (const auto& l : idx.lists) n += l.capacity() + sizeof l;
    return n;
}

}  // namespace dv
