// An exact n-gram index over the searchable text of every entry: one posting set per distinct
// folded code point (unigram) and per folded code-point pair (bigram) that occurs in some entry.
//
// Why: at 100k papers the searchable text is ~150 MB; scanning it for every keystroke costs tens
// of milliseconds. As in Russ Cox's trigram index and zoekt, a one- or two-code-point folded
// needle either is or is not a gram of an entry's folded text, so its posting set IS the answer
// (no verification); a longer needle is in at most the entries holding all of its bigrams, which
// are then verified with contains_folded().
//
// Postings are entry numbers in increasing order (library order). A gram held by more than one
// entry in 16 is stored as a bitmap (count/8 bytes), the others as a list of varint gaps (one or
// two bytes per entry): each takes about whichever is smaller. Grams are never formed across '\n' (fields are separated by '\n' in
// the searchable text and a needle never holds one).
//
// Ownership: plain values; built whole by index_build (library_rebuild), valid until the next.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace dv {

struct SearchIndex {
    uint32_t count = 0;                // entries indexed
    uint32_t words = 0;                // 64-bit words of a bitmap = ceil(count / 64)
    std::vector<uint64_t> table_keys;  // open-addressing gram table: gram key + 1, 0 = empty slot
    std::vector<uint32_t> table_grams; // gram number of each slot
    std::vector<uint32_t> df;          // per gram: how many entries hold it
    // Per gram, one of the two is filled: a bitmap of `words` words (dense), or its df entries in
    // increasing order as varint gaps (search_index.cpp).
    std::vector<std::vector<uint64_t>> bitmaps;
    std::vector<std::vector<uint8_t>> lists;
};

// Texts of one entry: fills `out` with the raw (unfolded) texts whose union entry i is indexed by.
using IndexTexts = std::function<void(uint32_t entry, std::vector<std::string_view>& out)>;

// Rebuilds the index for `count` entries, on up to `threads` threads (parallel.h): each builds
// the index of one range of entries and the ranges are merged, which gives the same postings as
// one thread (`texts` is then called concurrently, for different entries).
void index_build(SearchIndex& idx, uint32_t count, const IndexTexts& texts, unsigned threads = 1);

// True when the folded needle is one or two code points of valid UTF-8 without '\n': then `mask`
// (words long, one bit per entry) is ANDed with exactly the entries whose text holds it (with
// their complement when `negate`). Otherwise false and the mask is left alone.
bool index_exact(const SearchIndex& idx, std::string_view folded_needle, bool negate, std::vector<uint64_t>& mask);

// ANDs into `mask` the candidates for a folded needle: the entries holding all of its grams (a
// superset of those holding the needle). An empty or invalid needle leaves the mask unchanged
// (an invalid one may sit in the text at a place where the text decodes differently).
void index_filter(const SearchIndex& idx, std::string_view folded_needle, std::vector<uint64_t>& mask);

// Bytes of the index's arrays (for reports).
size_t index_bytes(const SearchIndex& idx);

}  // namespace dv
