#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/text.h"

using namespace dv;

TEST_CASE("sanitize_utf8 keeps valid text byte for byte", "[text]") {
    std::vector<Diagnostic> diags;
    std::string s = "## Daily Papers (2024-06-06)\n\n- 한국어 요약\tTAB ✓ 𝑆𝐿 Ü\n";
    CHECK(sanitize_utf8(s, "f.md", diags) == s);
    CHECK(diags.empty());
    CHECK(utf8_clean_prefix(s) == s.size());
    // Long valid input exercises the interleaved scanner.
    std::string big;
    while (big.size() < 100000) big += "가나다 abc 𝑆 é\n";
    CHECK(utf8_clean_prefix(big) == big.size());
    big[70001] = '\x08';
    CHECK(utf8_clean_prefix(big) == 70001);
}

TEST_CASE("sanitize_utf8 replaces invalid bytes and names the first line", "[text]") {
    std::vector<Diagnostic> diags;
    std::string s = "line one\nline two\nbad \xFF\xFE here\nand \xC3 there\n";
    std::string out = sanitize_utf8(s, "f.md", diags);
    CHECK(out == "line one\nline two\nbad \xEF\xBF\xBD\xEF\xBF\xBD here\nand \xEF\xBF\xBD there\n");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].severity == Severity::Warning);
    CHECK(diags[0].line == 3);
    CHECK(diags[0].source == "f.md");
    CHECK(diags[0].message.find("3 byte") != std::string::npos);
    CHECK(diags[0].message.find("line 3") != std::string::npos);
}

TEST_CASE("sanitize_utf8 rejects overlongs, surrogates and out-of-range code points", "[text]") {
    std::vector<Diagnostic> diags;
    CHECK(sanitize_utf8("\xC0\xAF", "f", diags) == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(sanitize_utf8("\xED\xA0\x80", "f", diags) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(sanitize_utf8("\xF4\x90\x80\x80", "f", diags).find("\xEF\xBF\xBD") == 0);
    CHECK(sanitize_utf8("\xE0\x80\x80", "f", diags).find("\xEF\xBF\xBD") == 0);
    CHECK(sanitize_utf8("\xED\x9E\xA3", "f", diags) == "\xED\x9E\xA3");  // 힣, the last Hangul syllable
}

TEST_CASE("sanitize_utf8 replaces control characters and converts CR", "[text]") {
    std::vector<Diagnostic> diags;
    std::string s = std::string("a\tb\nc\x08") + "d\n\x0c" + "ramework\r\nx\ry";
    std::string out = sanitize_utf8(s, "f.md", diags);
    CHECK(out == "a\tb\nc d\n ramework\nx\ny");
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].severity == Severity::Warning);
    CHECK(diags[0].line == 2);
    CHECK(diags[0].message.find("2 replaced") != std::string::npos);
    CHECK(diags[1].severity == Severity::Info);
}

TEST_CASE("looks_binary", "[text]") {
    const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    CHECK(looks_binary(std::string_view(reinterpret_cast<const char*>(png), sizeof png)));
    CHECK_FALSE(looks_binary(""));
    CHECK_FALSE(looks_binary("## Daily Papers (2024-06-06)\n\n- 한국어\n"));
    CHECK_FALSE(looks_binary("mostly text with one bad byte \xFF in it"));
    std::string latin1 = "caf\xE9 na\xEFve r\xE9sum\xE9 and lots of ascii around these words";
    CHECK_FALSE(looks_binary(latin1));
    std::string noise;
    uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1664525u + 1013904223u;
        noise.push_back(static_cast<char>(0x80 | (x >> 24)));
    }
    CHECK(looks_binary(noise));
    // Text first, then noise: the clean start is skipped quickly, the noise after it still counts.
    std::string hangul_then_noise;
    while (hangul_then_noise.size() < 8192) hangul_then_noise += "한국어 요약 ";
    CHECK_FALSE(looks_binary(hangul_then_noise));
    CHECK(looks_binary(hangul_then_noise + noise + noise + noise));
    // The 64 KB window cutting a Hangul syllable in two is not an odd byte.
    std::string long_text;
    while (long_text.size() < 70000) long_text += "가";
    CHECK(long_text.size() % 3 == 0);
    CHECK_FALSE(looks_binary(long_text.substr(0, 65536 + 1)));
    CHECK_FALSE(looks_binary(long_text));
}

TEST_CASE("decode_utf8 and append_utf8", "[text]") {
    std::string s = "A\xC3\xA9\xEA\xB0\x80\xF0\x9D\x91\x86\xFF";
    size_t i = 0;
    CHECK(decode_utf8(s, i) == 'A');
    CHECK(decode_utf8(s, i) == 0xE9);
    CHECK(decode_utf8(s, i) == 0xAC00);
    CHECK(decode_utf8(s, i) == 0x1D446);
    CHECK(i == 10);
    CHECK(decode_utf8(s, i) == 0xFFFD);
    CHECK(i == 11);
    std::string out;
    for (uint32_t cp : {0x41u, 0xE9u, 0xAC00u, 0x1D446u}) append_utf8(out, cp);
    CHECK(out == s.substr(0, 10));
    out.clear();
    append_utf8(out, 0xD800);
    CHECK(out == "\xEF\xBF\xBD");
}

TEST_CASE("trim strips ASCII and Unicode spaces", "[text]") {
    CHECK(trim("  a b \t\n") == "a b");
    CHECK(trim("\xC2\xA0\xE3\x80\x80x\xC2\xA0") == "x");
    CHECK(trim("") == "");
    CHECK(trim(" \xC2\xA0 ") == "");
    CHECK(trim("가") == "가");
}

TEST_CASE("sanitize_utf8 finds a bad byte at every offset of long ASCII runs", "[text]") {
    // Clean ASCII passes 8 bytes at a time, and inputs of 4 KiB and more in four interleaved
    // parts: a control character, a CR or an invalid byte must be found wherever it sits (any
    // alignment, at a part's start or end, in the last 8 bytes), among ASCII and Hangul alike.
    for (const std::string& unit : {std::string("a"), std::string("ab c\t"), std::string("\xEB\xAA\xA8\xEB\x8D\xB8 x")}) {
        for (size_t n : {size_t(40), size_t(5000)}) {
            std::string base;
            while (base.size() < n) base += unit;
            std::vector<size_t> at;
            for (size_t k = 0; k < 70; ++k) at.push_back(k), at.push_back(base.size() - 1 - k);
            for (size_t q = 1; q < 4; ++q)
                for (size_t d = 0; d < 20; ++d) at.push_back(base.size() / 4 * q + d - 10);
            for (size_t pos : at) {
                if (pos >= base.size() || (uint8_t(base[pos]) & 0xC0) == 0x80 || uint8_t(base[pos]) >= 0xC0) continue;  // a whole character only
                INFO("unit [" << unit << "] n " << base.size() << " at " << pos);
                std::vector<dv::Diagnostic> diags;
                std::string s = base;
                s[pos] = '\x01';
                std::string want = base;
                want[pos] = ' ';
                CHECK(dv::sanitize_utf8(s, "f.md", diags) == want);
                s[pos] = '\xFF';
                want = base.substr(0, pos) + "\xEF\xBF\xBD" + base.substr(pos + 1);
                CHECK(dv::sanitize_utf8(s, "f.md", diags) == want);
                s[pos] = '\r';
                want = base;
                want[pos] = '\n';
                CHECK(dv::sanitize_utf8(s, "f.md", diags) == want);
                CHECK(dv::sanitize_utf8(base, "f.md", diags) == base);
            }
        }
    }
}
