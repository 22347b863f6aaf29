// Case folding and folded substring search: fold_cp's table, fold()'s length preservation, and
// contains_folded against a naive reference (decode everything, fold every code point, find).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/text.h"

namespace {

size_t utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

std::string utf8(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += char(cp);
    } else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    } else {
        s += char(0xF0 | (cp >> 18));
        s += char(0x80 | ((cp >> 12) & 0x3F));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    }
    return s;
}

// Reference folding: strict decoding from the start, invalid bytes kept as they are.
std::string ref_fold(const std::string& s) {
    std::string out;
    size_t i = 0;
    auto cont = [&](size_t k) { return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
    while (i < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        uint32_t cp = 0;
        size_t len = 0;
        if (b < 0x80) {
            cp = b, len = 1;
        } else if (b >= 0xC2 && b < 0xE0 && cont(i + 1)) {
            cp = ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3F), len = 2;
        } else if (b >= 0xE0 && b < 0xF0 && cont(i + 1) && cont(i + 2)) {
            cp = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F), len = 3;
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) len = 0;
        } else if (b >= 0xF0 && b < 0xF5 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
            cp = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3F), len = 4;
            if (cp < 0x10000 || cp > 0x10FFFF) len = 0;
        }
        if (len == 0) {
            out += s[i++];
            continue;
        }
        out += utf8(dv::fold_cp(cp));
        i += len;
    }
    return out;
}

bool ref_contains(const std::string& hay, const std::string& needle) { return ref_fold(hay).find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("fold_cp keeps every code point's UTF-8 length", "[fold]") {
    size_t changed = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const uint32_t f = dv::fold_cp(cp);
        if (f != cp) ++changed;
        REQUIRE(utf8_len(f) == utf8_len(cp));
        REQUIRE(dv::fold_cp(f) == f);  // idempotent
    }
    // 26 ASCII + 30 Latin-1 + Latin Extended-A pairs + 24 Greek + final sigma + 48 Cyrillic + 26
    // full-width. Extended-A: 0100-0137 has 28 pairs minus U+0130 (27 folded), 0139-0148 8,
    // 014A-0177 23, U+0178, 0179-017E 3: 62.
    CHECK(changed == 26 + 30 + 62 + 24 + 1 + 48 + 26);
}

TEST_CASE("fold_cp on each script", "[fold]") {
    CHECK(dv::fold_cp('A') == 'a');
    CHECK(dv::fold_cp('Z') == 'z');
    CHECK(dv::fold_cp('a') == 'a');
    CHECK(dv::fold_cp('@') == '@');
    CHECK(dv::fold_cp('[') == '[');
    CHECK(dv::fold_cp(0xDC) == 0xFC);    // Ü ü
    CHECK(dv::fold_cp(0xD7) == 0xD7);    // × is no letter
    CHECK(dv::fold_cp(0xDF) == 0xDF);    // ß stays (its fold "ss" is longer)
    CHECK(dv::fold_cp(0x100) == 0x101);  // Ā ā
    CHECK(dv::fold_cp(0x130) == 0x130);  // İ: lowercase 'i' is one byte shorter
    CHECK(dv::fold_cp(0x139) == 0x13A);  // Ĺ ĺ (odd capitals)
    CHECK(dv::fold_cp(0x13F) == 0x140);  // Ŀ ŀ crosses the C4/C5 lead byte
    CHECK(dv::fold_cp(0x178) == 0xFF);   // Ÿ ÿ
    CHECK(dv::fold_cp(0x17D) == 0x17E);  // Ž ž
    CHECK(dv::fold_cp(0x17F) == 0x17F);  // ſ
    CHECK(dv::fold_cp(0x3A3) == 0x3C3);  // Σ σ
    CHECK(dv::fold_cp(0x3C2) == 0x3C3);  // ς σ
    CHECK(dv::fold_cp(0x3A2) == 0x3A2);  // unassigned
    CHECK(dv::fold_cp(0x391) == 0x3B1);  // Α α
    CHECK(dv::fold_cp(0x400) == 0x450);  // Ѐ ѐ
    CHECK(dv::fold_cp(0x414) == 0x434);  // Д д
    CHECK(dv::fold_cp(0x42F) == 0x44F);  // Я я
    CHECK(dv::fold_cp(0xFF21) == 0xFF41);  // Ａ ａ
    CHECK(dv::fold_cp(0xFF3A) == 0xFF5A);
    CHECK(dv::fold_cp(0xFF05) == 0xFF05);  // ％
    CHECK(dv::fold_cp(0xBAA8) == 0xBAA8);  // 모: Hangul is matched as typed
    CHECK(dv::fold_cp(0x4E00) == 0x4E00);
}

TEST_CASE("fold lowercases and keeps byte length, invalid bytes included", "[fold]") {
    CHECK(dv::fold("Diffusion ÜBER Σίσυφος") == "diffusion über σίσυφοσ");  // final ς folds to σ too
    CHECK(dv::fold("ДОСТУП") == "доступ");
    CHECK(dv::fold("ＧＰＴ－４") == "ｇｐｔ－４");
    CHECK(dv::fold("모델 Model") == "모델 model");
    const std::string bad = "A\xC3(\x80\xFF\xEF\xBC\xE2\x82Z\xC3";
    CHECK(dv::fold(bad) == "a\xC3(\x80\xFF\xEF\xBC\xE2\x82z\xC3");
    std::string appended = "x";
    dv::fold_append(appended, "ÀB");
    CHECK(appended == "xàb");
}

TEST_CASE("contains_folded: the cases the search box meets", "[fold]") {
    using dv::contains_folded;
    using dv::fold;
    CHECK(contains_folded("Scaling Diffusion Transformers", fold("diffusion")));
    CHECK(contains_folded("Scaling Diffusion Transformers", fold("DIFFUSION")));
    CHECK(contains_folded("scaling diffusion", fold("Scaling D")));
    CHECK_FALSE(contains_folded("Scaling Diffusion Transformers", fold("diffusions")));
    // needle at the very end, and longer than the text
    CHECK(contains_folded("abc", "bc"));
    CHECK(contains_folded("abC", "c"));
    CHECK_FALSE(contains_folded("ab", "abc"));
    CHECK(contains_folded("", ""));
    CHECK(contains_folded("anything", ""));
    CHECK_FALSE(contains_folded("", "a"));
    // Latin-1, Greek (with final sigma), Cyrillic, full-width
    CHECK(contains_folded("Ünified Models", fold("ünified")));
    CHECK(contains_folded("ünified Models", fold("ÜNIFIED")));
    CHECK(contains_folded("ΣΑΜ: segment", fold("σαμ")));
    CHECK(contains_folded("λογος", fold("ΛΟΓΟΣ")));  // Σ folds to σ, and so does the final ς
    CHECK(contains_folded("Доступ к данным", fold("ДОСТУП")));
    CHECK(contains_folded("ＧＰＴ model", fold("ｇｐｔ")));
    CHECK(contains_folded("ｇｐｔ model", fold("ＧＰＴ")));
    CHECK_FALSE(contains_folded("GPT model", fold("ＧＰＴ")));  // full-width is not ASCII
    CHECK(contains_folded("ĿLama", fold("ŀl")));
    CHECK(contains_folded("ŸES", fold("ÿ")));
    // Hangul is matched exactly as typed
    CHECK(contains_folded("대규모 언어 모델을 제안합니다", "모델"));
    CHECK(contains_folded("대규모 언어 모델을 제안합니다", "언어 모델"));
    CHECK_FALSE(contains_folded("대규모 언어 모델을 제안합니다", "모댈"));
    CHECK(contains_folded("끝에 모델", "모델"));
    // invalid UTF-8 in the text: no crash, and the valid parts still match
    const std::string bad = "\xFF\xC3 Diffusion \xE2\x82 \xC3\x9C\xC3";
    CHECK(contains_folded(bad, "diffusion"));
    CHECK(contains_folded(bad, "\xC3\xBC"));  // Ü folded
    CHECK(contains_folded(bad, "\xC3"));      // the stray lead byte at the end
    CHECK_FALSE(contains_folded(bad, "\xC3\xBD"));
    CHECK(contains_folded(std::string("a\0b", 3), std::string("\0b", 2)));
}

TEST_CASE("contains_folded agrees with the naive reference on random text", "[fold]") {
    // Pieces that exercise every branch: letters of both cases, folded and unfolded non-ASCII,
    // characters whose folds cross lead bytes, Hangul, and broken sequences.
    const std::vector<std::string> pieces = {
        "a", "A", "b", "B", "d", "D", "z", " ", "-", ":", "1", "\n", "Ü", "ü", "Ÿ", "ÿ", "Ŀ", "ŀ", "İ", "i",
        "Σ", "σ", "ς", "Ω", "ω", "Д", "д", "Ѐ", "ѐ", "Р", "р", "Ａ", "ａ", "Ｚ", "％", "모", "델", "멜", "多",
        "\xC3", "\x80", "\x9C", "\xFF", "\xEF\xBC", "\xE2\x82", "\xF0\x9F\x98\x80", "\xED\xA0\x80"};
    std::mt19937 rng(12345);
    auto random_text = [&](size_t max_pieces) {
        std::string s;
        const size_t k = rng() % (max_pieces + 1);
        for (size_t i = 0; i < k; ++i) s += pieces[rng() % pieces.size()];
        return s;
    };
    size_t found = 0;
    for (int round = 0; round < 40000; ++round) {
        const std::string hay = random_text(40);
        std::string needle;
        switch (round % 3) {
            case 0: needle = dv::fold(random_text(3)); break;          // a folded needle
            case 1: needle = random_text(3); break;                    // raw, possibly capitals/broken
            case 2: {                                                  // a piece of the text itself
                if (hay.empty()) break;
                const size_t a = rng() % hay.size(), len = 1 + rng() % 8;
                needle = dv::fold(hay.substr(a, len));
                break;
            }
        }
        const bool expect = ref_contains(hay, needle);
        found += expect;
        INFO("hay=" << hay << " needle=" << needle);
        REQUIRE(dv::contains_folded(hay, needle) == expect);
        REQUIRE(dv::fold(hay) == ref_fold(hay));
    }
    CHECK(found > 10000);  // the generator produced plenty of positive cases too
}

TEST_CASE("contains_folded on long texts crosses every block boundary", "[fold]") {
    // The scan works 8 or 16 bytes at a time: put the needle at every offset of a long text.
    const std::string filler = "대규모 언어 모델 abc ";
    for (size_t pad = 0; pad < 70; ++pad) {
        std::string hay(pad, 'x');
        hay += filler;
        hay += "Diffusion Ü모델Ω";
        CHECK(dv::contains_folded(hay, dv::fold("diffusion ü모델ω")));
        CHECK(dv::contains_folded(hay, "모델ω"));
        CHECK_FALSE(dv::contains_folded(hay, "모델Ω"));  // not folded: fold(hay) has no capitals
        CHECK_FALSE(dv::contains_folded(hay, dv::fold("diffusion ü모델ωx")));
        CHECK_FALSE(dv::contains_folded(hay, "xdiffusion"));
    }
}
