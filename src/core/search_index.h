// A bit-sliced signature index over the searchable text of every entry.
//
// Why: at 100k papers the searchable text is ~150 MB; scanning it for every keystroke costs tens
// of milliseconds. Each entry gets a kSignatureBits-bit Bloom signature of the folded code-point
// bigrams of its text. Stored transposed (one bitmap over all entries per signature bit), a needle
// with k distinct bigrams ANDs k bitmaps of N/8 bytes to get its candidates; only those are then
// verified with contains_folded(). False positives are verified away, so results are exact.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dv {

constexpr uint32_t kSignatureBits = 1024;
constexpr uint32_t kSignatureWords = kSignatureBits / 64;  // 64-bit words of one entry's signature

struct SearchIndex {
    uint32_t count = 0;            // entries indexed
    uint32_t words = 0;            // 64-bit words per slice = ceil(count / 64)
    std::vector<uint64_t> slices;  // kSignatureBits slices of `words` words each
};

// Signature bit positions of the folded text's bigrams (deduplicated, sorted).
void signature_bits(std::string_view folded, std::vector<uint32_t>& out);

// Resets the index for `count` entries, all bits clear.
void index_reset(SearchIndex& idx, uint32_t count);
// Adds the raw (unfolded) searchable text of entry i.
void index_add(SearchIndex& idx, uint32_t i, std::string_view text);
// ANDs into `mask` (words long, one bit per entry) the candidates for a folded needle. A needle
// with no bigram (one code point) leaves the mask unchanged.
void index_filter(const SearchIndex& idx, std::string_view folded_needle, std::vector<uint64_t>& mask);

// Bulk building (the library caches one signature row per parsed paper, so a rebuild only
// transposes). signature_row ORs the bigram bits of raw (unfolded) text into row[kSignatureWords].
void signature_row(std::string_view text, uint64_t* row);
// Sets entries block*64 .. block*64+63 from n_rows (<= 64) consecutive rows of kSignatureWords
// words each (entry-major); missing rows are cleared. Same result as index_add of each entry.
void index_set_block(SearchIndex& idx, uint32_t block, const uint64_t* rows, uint32_t n_rows);

}  // namespace dv
