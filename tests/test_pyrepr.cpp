// Python literal reprs (two archived Hugging Face producers store API items as str(item)).
// Expected values are written from Python's own behaviour (ast.literal_eval of the same text).
#include <catch2/catch.hpp>

#include <string>

#include "core/pyrepr.h"

using nlohmann::json;

namespace {

json ok(const std::string& s) {
    json out;
    std::string err;
    bool good = dv::parse_pyrepr(s, out, err);
    INFO(s << " -> " << err);
    REQUIRE(good);
    CHECK(err.empty());
    return out;
}

std::string fails(const std::string& s, int depth = 64) {
    json out = 1;
    std::string err;
    bool good = dv::parse_pyrepr(s, out, err, depth);
    INFO(s);
    CHECK_FALSE(good);
    CHECK(out.is_null());
    CHECK_FALSE(err.empty());
    return err;
}

}  // namespace

TEST_CASE("pyrepr: scalars", "[pyrepr]") {
    CHECK(ok("True") == json(true));
    CHECK(ok("False") == json(false));
    CHECK(ok("None").is_null());
    CHECK(ok("0") == json(0));
    CHECK(ok("-17") == json(-17));
    CHECK(ok("  42  ") == json(42));
    CHECK(ok("1.5") == json(1.5));
    CHECK(ok("1e-05") == json(1e-05));
    CHECK(ok("-2.5E+3") == json(-2500.0));
    CHECK(ok(".5") == json(0.5));
    CHECK(ok("2.") == json(2.0));
    CHECK(ok("007.5") == json(7.5));
    // Beyond 64 bits Python keeps the int; JSON has a double for it.
    json big = ok("123456789012345678901234567890");
    REQUIRE(big.is_number_float());
    CHECK(big.get<double>() == Approx(1.2345678901234568e29));
    CHECK(ok("9223372036854775807") == json(INT64_MAX));
    CHECK(ok("inf").is_null());
    CHECK(ok("-inf").is_null());
    CHECK(ok("nan").is_null());
}

TEST_CASE("pyrepr: strings, quotes and escapes", "[pyrepr]") {
    CHECK(ok("'abc'") == json("abc"));
    CHECK(ok("\"O'Neil\"") == json("O'Neil"));
    CHECK(ok(R"('It\'s "quoted"')") == json("It's \"quoted\""));
    CHECK(ok(R"('a\\b')") == json("a\\b"));
    CHECK(ok(R"('line\n  wrap\ttab\rcr')") == json("line\n  wrap\ttab\rcr"));
    CHECK(ok(R"('\a\b\f\v')") == json("\a\b\f\v"));
    CHECK(ok(R"('\x41\xe9')") == json("A\xC3\xA9"));                         // \xe9 is U+00E9, not a byte
    CHECK(ok(R"('\u200b|\u00fc')") == json("\xE2\x80\x8B|\xC3\xBC"));
    CHECK(ok(R"('\U0001f600')") == json("\xF0\x9F\x98\x80"));
    CHECK(ok(R"('\ud83d\ude00')") == json("\xF0\x9F\x98\x80"));              // a pair names one character
    CHECK(ok(R"('\ud800x')") == json("\xEF\xBF\xBDx"));                      // a lone surrogate
    CHECK(ok(R"('\101\0')") == json(std::string("A\0", 2)));
    CHECK(ok(R"('\d\N{DASH}')") == json("\\d\\N{DASH}"));                   // unknown escapes stay
    CHECK(ok("'a\\\nb'") == json("ab"));                                     // backslash-newline
    CHECK(ok("'ünïcödé — 한국어'") == json("ünïcödé — 한국어"));               // UTF-8 passes through
    CHECK(ok(R"(r'\d+\'')") == json("\\d+\\'"));
    CHECK(ok(R"(u'x' b'y')") == json("xy"));                                 // prefixes, concatenation
    CHECK(ok("'a' \"b\"  'c'") == json("abc"));
}

TEST_CASE("pyrepr: containers", "[pyrepr]") {
    json d = ok("{'id': '2412.09645', 'n': 3, 'ok': True, 'none': None, 'list': [1, 'two', [3]], 'tuple': ('a',), "
                "'unit': (), 'paren': (5), 'set': {1, 2}, 'empty': {}, 1: 'int key', None: 'none key',}");
    CHECK(d["id"] == "2412.09645");
    CHECK(d["n"] == 3);
    CHECK(d["ok"] == true);
    CHECK(d["none"].is_null());
    CHECK(d["list"] == json::parse(R"([1, "two", [3]])"));
    CHECK(d["tuple"] == json::array({"a"}));
    CHECK(d["unit"] == json::array());
    CHECK(d["paren"] == 5);
    CHECK(d["set"] == json::array({1, 2}));
    CHECK(d["empty"] == json::object());
    CHECK(d["1"] == "int key");
    CHECK(d["None"] == "none key");
    CHECK(ok("[ ]") == json::array());
    CHECK(ok("[1, 2, ]") == json::array({1, 2}));
    CHECK(ok("{'a': 1, 'a': 2}")["a"] == 2);  // the last repeat wins, as in Python
    CHECK(ok(" {\n 'k' :\t[ ] } ") == json::parse(R"({"k": []})"));
}

TEST_CASE("pyrepr: errors name the offset, depth is bounded", "[pyrepr]") {
    CHECK(fails("").find("offset 0") != std::string::npos);
    CHECK(fails("{'a' 1}") == "offset 5: expected ':' after a dict key");
    CHECK(fails("{'a': 1").find("unclosed '{'") != std::string::npos);
    CHECK(fails("['x', 'y'").find("unclosed '['") != std::string::npos);
    CHECK(fails("'abc").find("unterminated string") != std::string::npos);
    CHECK(fails("'a\nb'").find("line break") != std::string::npos);
    CHECK(fails(R"('\x4')").find("\\x escape") != std::string::npos);
    CHECK(fails(R"('\u12')").find("\\u escape") != std::string::npos);
    CHECK(fails(R"('\U00110000')").find("beyond U+10FFFF") != std::string::npos);
    CHECK(fails("true").find("unknown name") != std::string::npos);       // JSON spelling is not Python
    CHECK(fails("datetime.date(2024, 1, 1)").find("offset 0") != std::string::npos);
    CHECK(fails("1 2") == "offset 2: unexpected text after the value");
    CHECK(fails("{[1]: 2}").find("unsupported dict key") != std::string::npos);
    CHECK(fails("1.2.3").find("offset") != std::string::npos);
    CHECK(fails("12abc").find("malformed number") != std::string::npos);

    std::string deep(100, '[');
    deep += std::string(100, ']');
    CHECK(fails(deep, 64).find("depth limit") != std::string::npos);
    CHECK(ok(std::string(60, '[') + std::string(60, ']')).is_array());
    std::string bomb(1000000, '[');  // never recursed into: stops at the limit
    CHECK(fails(bomb).find("depth limit") != std::string::npos);
}
