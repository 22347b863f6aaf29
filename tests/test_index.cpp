// The bigram signature index: bit positions, bulk building equal to index_add, and on the real
// corpus no false negatives for many needles (candidates must include every true match) plus a
// measured false-positive rate.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>

#include "core/library.h"
#include "core/search_index.h"
#include "core/text.h"
#include "test_support.h"
#include "test_util.h"

namespace {

using dvtest::corpus_library;

size_t popcount(const std::vector<uint64_t>& m) {
    size_t n = 0;
    for (uint64_t w : m) n += size_t(__builtin_popcountll(w));
    return n;
}

std::vector<uint64_t> full_mask(uint32_t count) {
    std::vector<uint64_t> m((count + 63) / 64, ~uint64_t(0));
    if (count % 64) m.back() = (uint64_t(1) << (count % 64)) - 1;
    return m;
}

}  // namespace

TEST_CASE("signature_bits: one bit per distinct bigram, none across a line break", "[index]") {
    std::vector<uint32_t> bits;
    dv::signature_bits("", bits);
    CHECK(bits.empty());
    dv::signature_bits("a", bits);
    CHECK(bits.empty());
    dv::signature_bits("모", bits);
    CHECK(bits.empty());
    dv::signature_bits("a\nb", bits);
    CHECK(bits.empty());
    dv::signature_bits("ab", bits);
    REQUIRE(bits.size() == 1);
    std::vector<uint32_t> again;
    dv::signature_bits("ababab", again);  // ab, ba: at most 2 distinct positions
    CHECK(again.size() <= 2);
    CHECK(std::find(again.begin(), again.end(), bits[0]) != again.end());
    dv::signature_bits("the quick brown fox jumps over the lazy dog", bits);
    CHECK(std::is_sorted(bits.begin(), bits.end()));
    CHECK(std::adjacent_find(bits.begin(), bits.end()) == bits.end());
    for (uint32_t b : bits) CHECK(b < dv::kSignatureBits);
    // code point bigrams, not byte bigrams: a two-syllable word has exactly one
    dv::signature_bits("모델", bits);
    CHECK(bits.size() == 1);
}

TEST_CASE("index_filter: folding applies to the text, not needed on the needle twice", "[index]") {
    dv::SearchIndex idx;
    dv::index_reset(idx, 3);
    dv::index_add(idx, 0, "Scaling DIFFUSION Transformers");
    dv::index_add(idx, 1, "대규모 언어 모델");
    dv::index_add(idx, 2, "ΣΑΜ");
    auto cand = [&](std::string_view needle) {
        auto m = full_mask(3);
        dv::index_filter(idx, dv::fold(needle), m);
        return m[0];
    };
    CHECK((cand("diffusion") & 1));
    CHECK((cand("Diffusion") & 1));
    CHECK((cand("언어 모델") & 2));
    CHECK((cand("σαμ") & 4));
    CHECK(cand("x") == 7);  // one code point: no bigram, nothing filtered
    CHECK(cand("") == 7);
    // an invalid needle is not filtered (it could sit anywhere in an invalid text)
    CHECK(cand("\xC3") == 7);
    CHECK(cand("a\xFF") == 7);
}

TEST_CASE("index_set_block builds the same slices as index_add", "[index]") {
    std::mt19937 rng(7);
    const uint32_t n = 64 * 3 + 17;
    std::vector<std::string> texts(n);
    for (auto& t : texts)
        for (int k = 0, len = int(rng() % 60); k < len; ++k) t += char('a' + rng() % 26);
    dv::SearchIndex a, b;
    dv::index_reset(a, n);
    for (uint32_t i = 0; i < n; ++i) dv::index_add(a, i, texts[i]);
    dv::index_reset(b, n);
    std::vector<uint64_t> rows(size_t(64) * dv::kSignatureWords);
    for (uint32_t block = 0; block < b.words; ++block) {
        std::fill(rows.begin(), rows.end(), 0);
        const uint32_t cnt = std::min<uint32_t>(64, n - block * 64);
        for (uint32_t r = 0; r < cnt; ++r) dv::signature_row(texts[block * 64 + r], rows.data() + size_t(r) * dv::kSignatureWords);
        dv::index_set_block(b, block, rows.data(), cnt);
    }
    CHECK(a.slices == b.slices);
    CHECK(popcount(a.slices) > 0);
}

TEST_CASE("corpus: the library's index equals index_add over its entries", "[index][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    dv::SearchIndex ref;
    dv::index_reset(ref, uint32_t(lib.entries.size()));
    for (uint32_t i = 0; i < lib.entries.size(); ++i) dv::index_add(ref, i, dv::searchable(dv::entry_paper(lib, lib.entries[i])));
    CHECK(ref.count == lib.index.count);
    CHECK(ref.slices == lib.index.slices);
}

TEST_CASE("corpus: no false negatives, and the false-positive rate", "[index][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const uint32_t n = uint32_t(lib.entries.size());
    std::vector<std::string> needles = {"diffusion", "모델", "language model", "강화 학습", "gpt-4o", "zhang", "what's new",
                                        "transformer", "llm", "video", "2406.0", "σ", "ü", "벤치마크", "3d", "retrieval-augmented",
                                        "성능", "reinforcement learning", "다중 모달", "agent"};
    // Plus pieces of real texts, cut at code point boundaries, 2 to 6 code points long.
    std::mt19937 rng(2024);
    for (int k = 0; k < 150; ++k) {
        const std::string f = dv::fold(dv::searchable(dv::entry_paper(lib, lib.entries[rng() % n])));
        size_t a = rng() % f.size();
        while (a < f.size() && (static_cast<unsigned char>(f[a]) & 0xC0) == 0x80) ++a;
        size_t e = a;
        for (int cps = 2 + int(rng() % 5); cps > 0 && e < f.size(); --cps) {
            ++e;
            while (e < f.size() && (static_cast<unsigned char>(f[e]) & 0xC0) == 0x80) ++e;
        }
        const std::string piece = f.substr(a, e - a);
        if (piece.find('\n') == std::string::npos && !piece.empty()) needles.push_back(piece);
    }
    double fp_sum = 0;
    size_t fp_needles = 0, total_fp = 0, total_neg = 0;
    for (const std::string& needle : needles) {
        auto mask = full_mask(n);
        dv::index_filter(lib.index, needle, mask);
        size_t truth = 0, fps = 0;
        for (uint32_t i = 0; i < n; ++i) {
            const bool holds = dv::contains_folded(dv::searchable(dv::entry_paper(lib, lib.entries[i])), needle);
            const bool cand = (mask[i / 64] >> (i % 64)) & 1;
            truth += holds;
            if (holds && !cand) FAIL("false negative for \"" << needle << "\" at entry " << i);
            fps += cand && !holds;
        }
        if (truth < n) {
            fp_sum += double(fps) / double(n - truth);
            ++fp_needles;
            total_fp += fps;
            total_neg += n - truth;
        }
    }
    const double mean_fp = fp_sum / double(fp_needles);
    std::printf("index FP rate over %zu needles: mean %.4f, pooled %.4f (candidates that do not match / entries that do not match)\n",
                fp_needles, mean_fp, double(total_fp) / double(total_neg));
    // Long needles must filter well; the mean includes one-bigram needles, which filter least.
    CHECK(mean_fp < 0.35);
    for (const char* longer : {"reinforcement learning", "retrieval-augmented"}) {
        auto mask = full_mask(n);
        dv::index_filter(lib.index, longer, mask);
        size_t truth = 0;
        for (uint32_t i = 0; i < n; ++i) truth += dv::contains_folded(dv::searchable(dv::entry_paper(lib, lib.entries[i])), longer);
        INFO(longer);
        CHECK(popcount(mask) - truth < n / 50);  // under 2% of the entries
    }
}
