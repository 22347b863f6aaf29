#include <catch2/catch.hpp>

#include "core/date.h"
#include "core/view_state.h"

using namespace dv;

TEST_CASE("view state: defaults encode to an empty hash") {
    CHECK(encode_view_state(ViewState{}).empty());
    ViewState v = decode_view_state("");
    CHECK(v.query.empty());
    CHECK(v.day == kNoDate);
    CHECK(v.sort.key == Sort{}.key);
}

TEST_CASE("view state: round trip with Korean, quotes, spaces and symbols") {
    ViewState v;
    v.query = "\"world model\" 모델 -survey votes>=10 author:Kim&Lee #1 100%";
    v.sort.key = SortKey::Votes;
    v.sort.descending = false;
    REQUIRE(parse_date("2024-06-06", v.day));
    v.paper = "2406.02539";
    v.charts = true;
    std::string h = encode_view_state(v);
    // Nothing that would end a key or value survives unescaped.
    CHECK(h.find(' ') == std::string::npos);
    CHECK(h.find('"') == std::string::npos);
    CHECK(h.find("Kim&Lee") == std::string::npos);
    ViewState back = decode_view_state("#" + h);
    CHECK(back.query == v.query);
    CHECK(back.sort.key == SortKey::Votes);
    CHECK_FALSE(back.sort.descending);
    CHECK(format_date(back.day) == "2024-06-06");
    CHECK(back.paper == "2406.02539");
    CHECK(back.charts);
}

TEST_CASE("view state: bad values are ignored, good ones kept") {
    ViewState v = decode_view_state("#q=diffusion&sort=bogus&dir=sideways&day=2024-13-40&p=&junk&x=1");
    CHECK(v.query == "diffusion");
    CHECK(v.sort.key == Sort{}.key);
    CHECK(v.sort.descending == Sort{}.descending);
    CHECK(v.day == kNoDate);
    CHECK(v.paper.empty());
}

TEST_CASE("view state: percent decoding tolerates truncated escapes and plus signs") {
    CHECK(percent_decode("a%2") == "a%2");
    CHECK(percent_decode("a%zz") == "a%zz");
    CHECK(percent_decode("a+b") == "a b");
    CHECK(percent_decode("%EB%AA%A8%EB%8D%B8") == "모델");
    CHECK(percent_encode("a b") == "a%20b");
}

TEST_CASE("view state: the period view's period round-trips and bad periods are dropped") {
    ViewState v;
    v.period = "2024-W23";
    CHECK(decode_view_state(encode_view_state(v)).period == "2024-W23");
    v.period = "2024-06";
    CHECK(decode_view_state("#" + encode_view_state(v)).period == "2024-06");
    CHECK(decode_view_state("#period=2024-w05").period == "2024-W05");
    CHECK(decode_view_state("#period=2021-W53").period.empty());  // 2021 has 52 ISO weeks
    CHECK(decode_view_state("#period=2024-13&q=x").period.empty());
}
