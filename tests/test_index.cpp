// The n-gram index: exact answers for one- and two-code-point needles (against a scan, on small
// texts with both posting forms and on the real corpus over every listing), and for longer
// needles no false negatives (candidates must include every true match) plus a measured
// false-positive rate.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
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

// An index over the given texts, one per entry.
dv::SearchIndex build_over(const std::vector<std::string>& texts) {
    dv::SearchIndex idx;
    dv::index_build(idx, uint32_t(texts.size()), [&](uint32_t i, std::vector<std::string_view>& out) { out.push_back(texts[i]); });
    return idx;
}

// The mask (over n entries) index_exact leaves for a needle; `answered` is what it returned.
std::vector<uint64_t> exact(const dv::SearchIndex& idx, uint32_t n, std::string_view needle, bool negate, bool& answered) {
    auto m = full_mask(n);
    answered = dv::index_exact(idx, needle, negate, m);
    return m;
}

// The mask of entries whose folded text holds the needle (the oracle's test: fold, then find).
std::vector<uint64_t> truth_mask(const std::vector<std::string>& folded, std::string_view needle) {
    std::vector<uint64_t> m((folded.size() + 63) / 64, 0);
    for (size_t i = 0; i < folded.size(); ++i)
        if (folded[i].find(needle) != std::string::npos) m[i / 64] |= uint64_t(1) << (i % 64);
    return m;
}

}  // namespace

TEST_CASE("index_exact: one- and two-code-point needles answered, folded text, no gram across a line break", "[index]") {
    const std::vector<std::string> texts = {"Scaling DIFFUSION Transformers", "대규모 언어 모델", "ΣΑΜ", "a\nb", ""};
    const dv::SearchIndex idx = build_over(texts);
    REQUIRE(idx.count == 5);
    auto ask = [&](std::string_view needle, bool negate = false) {
        bool answered = false;
        auto m = exact(idx, 5, needle, negate, answered);
        INFO(needle);
        CHECK(answered);
        return m[0];
    };
    CHECK(ask("d") == 1);
    CHECK(ask("di") == 1);
    CHECK(ask("s") == 1);        // "Scaling", "Transformers": folded
    CHECK(ask("a") == (1 | 8));  // "Scaling", "a\nb"
    CHECK(ask("b") == 8);
    CHECK(ask("ab") == 0);  // not across the line break
    CHECK(ask("모델") == 2);
    CHECK(ask("모") == 2);
    CHECK(ask(" 모") == 2);
    CHECK(ask("σα") == 4);
    CHECK(ask("ΣΑ") == 0);  // the needle is not folded again: the oracle would not find it either
    CHECK(ask("x") == 0);
    CHECK(ask("zz") == 0);
    CHECK(ask("d", true) == (2 | 4 | 8 | 16));
    CHECK(ask("zz", true) == 31);
    // Declined: longer, empty, invalid, or holding '\n'; the mask is left alone.
    for (std::string_view no : {std::string_view("dif"), std::string_view(""), std::string_view("\xC3"),
                                std::string_view("a\xFF"), std::string_view("a\n"), std::string_view("\n")}) {
        bool answered = true;
        auto m = exact(idx, 5, no, false, answered);
        INFO(no);
        CHECK_FALSE(answered);
        CHECK(m[0] == 31);
    }
}

TEST_CASE("index_filter: folding applies to the text, not needed on the needle twice", "[index]") {
    const dv::SearchIndex idx = build_over({"Scaling DIFFUSION Transformers", "대규모 언어 모델", "ΣΑΜ"});
    auto cand = [&](std::string_view needle) {
        auto m = full_mask(3);
        dv::index_filter(idx, dv::fold(needle), m);
        return m[0];
    };
    CHECK(cand("diffusion") == 1);
    CHECK(cand("Diffusion") == 1);
    CHECK(cand("언어 모델") == 2);
    CHECK(cand("σαμ") == 4);
    CHECK(cand("x") == 0);  // one code point: its unigram
    CHECK(cand("sionsion") == 1);  // all bigrams held, the needle not: a candidate to verify
    CHECK(cand("") == 7);
    // an invalid needle is not filtered (it could sit anywhere in an invalid text)
    CHECK(cand("\xC3") == 7);
    CHECK(cand("a\xFF") == 7);
}

TEST_CASE("index_exact: bitmaps and lists give the scan's answer for every short needle", "[index]") {
    // Enough entries, over a small alphabet, for frequent grams to become bitmaps and rare ones to
    // stay lists (with gaps of several varint bytes), plus capitals and Hangul to fold and decode.
    std::mt19937 rng(7);
    const uint32_t n = 64 * 40 + 17;
    const char* const pieces[] = {"a", "b", "c", "A", "모", "델", " ", "q", "\xCE\xA3"};
    std::vector<std::string> texts(n);
    for (uint32_t i = 0; i < n; ++i) {
        const int len = int(rng() % 12);
        for (int k = 0; k < len; ++k) texts[i] += pieces[rng() % ((i % 97 == 0) ? 9 : 7)];
    }
    std::vector<std::string> folded;
    for (const auto& t : texts) folded.push_back(dv::fold(t));
    const dv::SearchIndex idx = build_over(texts);
    size_t dense = 0, sparse = 0;
    for (size_t g = 0; g < idx.df.size(); ++g) (idx.bitmaps[g].empty() ? sparse : dense) += 1;
    CHECK(dense > 0);
    CHECK(sparse > 0);
    const char* const units[] = {"a", "b", "c", "모", "델", " ", "q", "\xCF\x83", "z"};
    for (const char* x : units) {
        for (const char* y : units) {
            for (const std::string& needle : {std::string(x), std::string(x) + y}) {
                for (bool negate : {false, true}) {
                    bool answered = false;
                    auto m = exact(idx, n, needle, negate, answered);
                    REQUIRE(answered);
                    auto want = truth_mask(folded, needle);
                    if (negate) {
                        auto all = full_mask(n);
                        for (size_t w = 0; w < want.size(); ++w) want[w] = all[w] & ~want[w];
                    }
                    INFO(needle << (negate ? " negated" : ""));
                    CHECK(m == want);
                }
            }
        }
    }
}

TEST_CASE("index_exact: bigrams of code points numbered past 16 bits are answered too", "[index]") {
    // The builder numbers unigrams as their code points are met and looks a bigram of two
    // ordinals below 65535 up in its own compact table; past that (a library with more distinct
    // code points, here 70,000 from the supplementary planes, entry i holding i*100 .. i*100+99)
    // through the index's table. Both must answer.
    auto utf8 = [](uint32_t k) {
        const uint32_t cp = 0x10000 + k;
        std::string s;
        s += char(0xF0 | (cp >> 18));
        s += char(0x80 | ((cp >> 12) & 0x3F));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
        return s;
    };
    const uint32_t n = 700;
    std::vector<std::string> texts(n);
    for (uint32_t i = 0; i < n; ++i)
        for (uint32_t k = 0; k < 100; ++k) texts[i] += utf8(i * 100 + k);
    texts[3] += utf8(69999) + utf8(5);       // 69999 is met here first: a low ordinal
    texts[650] += utf8(68000) + utf8(69999);  // 68000 is met here first: past 65535, with a low one
    const dv::SearchIndex idx = build_over(texts);
    const std::pair<std::string, size_t> cases[] = {
        {utf8(69999) + utf8(5), 1},      // two low ordinals (the compact table)
        {utf8(68000) + utf8(69999), 1},  // a high and a low one (the index's table)
        {utf8(69998) + utf8(69999), 1},  // in entry 699
        {utf8(69950) + utf8(69951), 1},  // two high ones
        {utf8(7) + utf8(8), 1},
        {utf8(69999), 3},                // entries 3, 650, 699
        {utf8(5) + utf8(69999), 0},
        {utf8(69951) + utf8(69950), 0},
    };
    for (const auto& [needle, count] : cases) {
        bool answered = false;
        auto m = exact(idx, n, needle, false, answered);
        REQUIRE(answered);
        CHECK(m == truth_mask(texts, needle));
        CHECK(popcount(m) == count);
    }
}

TEST_CASE("corpus: exact answers equal a scan over every listing", "[index][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    const uint32_t n = uint32_t(lib.entries.size());
    REQUIRE(lib.index.count == n);
    // Each entry's folded records (all its listings, as the oracle reads them).
    std::vector<std::vector<std::string>> records(n);
    for (uint32_t i = 0; i < n; ++i) {
        const dv::Entry& e = lib.entries[i];
        if (e.listing_count == 0) records[i].push_back(dv::fold(dv::searchable(dv::entry_paper(lib, e))));
        for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l)
            records[i].push_back(dv::fold(dv::searchable(dv::listing_paper(lib, lib.listings[l]))));
    }
    // Needles: every one- and two-code-point piece at a few random places of random entries.
    std::mt19937 rng(13);
    std::vector<std::string> needles = {"d", "di", "모", "모델", "σ", "ü", "3d", " ", "-", "zq"};
    for (int k = 0; k < 120; ++k) {
        const std::string& f = records[rng() % n][0];
        if (f.empty()) continue;
        size_t a = rng() % f.size();
        while (a < f.size() && (static_cast<unsigned char>(f[a]) & 0xC0) == 0x80) ++a;
        size_t e = a;
        for (int cps = 1 + int(k % 2); cps > 0 && e < f.size(); --cps) {
            ++e;
            while (e < f.size() && (static_cast<unsigned char>(f[e]) & 0xC0) == 0x80) ++e;
        }
        const std::string piece = f.substr(a, e - a);
        if (!piece.empty() && piece.find('\n') == std::string::npos) needles.push_back(piece);
    }
    size_t checked = 0;
    for (const std::string& needle : needles) {
        auto m = full_mask(n);
        REQUIRE(dv::index_exact(lib.index, needle, false, m));
        size_t wrong = 0, truth = 0;
        for (uint32_t i = 0; i < n; ++i) {
            bool holds = false;
            for (const std::string& r : records[i]) holds = holds || r.find(needle) != std::string::npos;
            truth += holds;
            wrong += holds != bool((m[i / 64] >> (i % 64)) & 1);
        }
        INFO("\"" << needle << "\": " << truth << " entries hold it");
        CHECK(wrong == 0);
        ++checked;
    }
    CHECK(checked > 100);
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

TEST_CASE("corpus: the index built in ranges on several threads equals the one-piece index", "[index][corpus]") {
    // library_rebuild builds the index on every core: per range of entries, then merged. Every
    // gram must have the same df and postings, in the same form, as built in one piece.
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    auto texts = [&](uint32_t i, std::vector<std::string_view>& out) {
        const dv::Entry& e = lib.entries[i];
        out.push_back(dv::searchable(dv::entry_paper(lib, e)));
    };
    const uint32_t n = uint32_t(lib.entries.size());
    dv::SearchIndex one;
    dv::index_build(one, n, texts, 1);
    // key -> gram number of an index, from its table.
    auto grams_of = [](const dv::SearchIndex& x) {
        std::map<uint64_t, uint32_t> m;
        for (size_t s = 0; s < x.table_keys.size(); ++s)
            if (x.table_keys[s]) m[x.table_keys[s] - 1] = x.table_grams[s];
        return m;
    };
    const auto want = grams_of(one);
    REQUIRE(want.size() == one.df.size());
    for (unsigned threads : {2u, 3u}) {
        dv::SearchIndex many;
        dv::index_build(many, n, texts, threads);
        INFO(threads << " threads");
        CHECK(many.count == n);
        CHECK(many.words == one.words);
        const auto got = grams_of(many);
        REQUIRE(got.size() == want.size());
        size_t differ = 0, dense = 0;
        for (const auto& [key, g1] : want) {
            auto it = got.find(key);
            REQUIRE(it != got.end());
            const uint32_t g2 = it->second;
            differ += one.df[g1] != many.df[g2] || one.lists[g1] != many.lists[g2] || one.bitmaps[g1] != many.bitmaps[g2];
            dense += !one.bitmaps[g1].empty();
        }
        CHECK(differ == 0);
        CHECK(dense > 100);  // both forms were compared
        CHECK(dv::index_bytes(many) <= dv::index_bytes(one) + one.table_keys.size() * 12);
    }
}
