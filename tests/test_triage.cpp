// The reader's marks (core/triage.h): keys, the merge rules case by case, the file's validation
// (broken, foreign, newer), export -> import round trips, the triage query terms against answers
// computed here from the marks themselves (and against entry_matches, the oracle), and
// `digest-cli query --triage`.
#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/library.h"
#include "core/query.h"
#include "core/text.h"
#include "core/triage.h"
#include "test_support.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using dv::Mark;
using dv::Triage;

const char* kSmall =
    "## Daily Papers (2024-06-06)\n\n"
    "### [Diffusion models for video](https://arxiv.org/abs/2406.00001)\n\n"
    "Vote: 42\n\nAuthors: Ann One, Bob Two\n\n- ***What's New***: 새로운 모델\n\n"
    "### [World model survey](https://arxiv.org/abs/2406.00002)\n\n"
    "Vote: 7\n\nAuthors: Cy Three\n\n- plain bullet\n\n"
    "### [A  Paper   Without An Id](https://example.org/paper)\n\n"
    "Vote: 3\n\nAuthors: Di Four\n\n- another bullet\n\n";
const char* kSmallNextDay =
    "## Daily Papers (2024-06-07)\n\n"
    "### [Diffusion models for video](https://arxiv.org/abs/2406.00001)\n\n"
    "Vote: 50\n\nAuthors: Ann One, Bob Two\n\n- ***What's New***: 새로운 모델\n\n"
    "### [Sparse attention at scale](https://arxiv.org/abs/2406.00009)\n\n"
    "Vote: 9\n\nAuthors: Ed Five\n\n- bullet\n\n";

dv::Library small_library(bool with_next_day) {
    dv::Library lib;
    dv::library_add(lib, "2024/06/06.md", kSmall);
    if (with_next_day) dv::library_add(lib, "2024/06/07.md", kSmallNextDay);
    dv::library_rebuild(lib);
    return lib;
}

bool same_mark(const dv::TriageMark& a, const dv::TriageMark& b) {
    return a.starred == b.starred && a.read == b.read && a.hidden == b.hidden && a.note == b.note &&
           a.starred_at == b.starred_at && a.read_at == b.read_at && a.hidden_at == b.hidden_at && a.note_at == b.note_at;
}

bool same_triage(const Triage& a, const Triage& b) {
    if (a.papers.size() != b.papers.size() || a.saved.size() != b.saved.size()) return false;
    for (const auto& [k, m] : a.papers) {
        auto it = b.papers.find(k);
        if (it == b.papers.end() || !same_mark(m, it->second)) return false;
    }
    for (size_t i = 0; i < a.saved.size(); ++i)
        if (a.saved[i].name != b.saved[i].name || a.saved[i].query != b.saved[i].query || a.saved[i].sort != b.saved[i].sort)
            return false;
    return a.last_visit == b.last_visit && a.seen_days == b.seen_days && a.mark_read_on_view == b.mark_read_on_view;
}

}  // namespace

TEST_CASE("triage: keys are the arXiv id, else the normalised title", "[triage]") {
    dv::Library lib = small_library(false);
    REQUIRE(lib.entries.size() == 3);
    std::set<std::string> keys;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) keys.insert(dv::triage_key(lib, i));
    CHECK(keys == std::set<std::string>{"2406.00001", "2406.00002", "a paper without an id"});
}

TEST_CASE("triage: ISO-8601 times", "[triage]") {
    // Expected values from Python's datetime, not from this code.
    CHECK(dv::format_iso_time(1796181191123) == "2026-12-02T03:13:11.123Z");
    CHECK(dv::format_iso_time(0) == "1970-01-01T00:00:00.000Z");
    CHECK(dv::format_iso_time(-500) == "1969-12-31T23:59:59.500Z");
    int64_t ms = 0;
    REQUIRE(dv::parse_iso_time("2024-06-06T12:00:00+09:00", ms));
    CHECK(ms == 1717642800000);
    REQUIRE(dv::parse_iso_time("2024-06-06T03:00:00Z", ms));
    CHECK(ms == 1717642800000);
    REQUIRE(dv::parse_iso_time("2026-12-02T03:13:11.123456Z", ms));
    CHECK(ms == 1796181191123);
    for (const char* bad : {"", "2024-13-01T00:00:00Z", "2024-06-06T25:00:00Z", "2024-06-06T03:00:00Zjunk", "yesterday",
                            "2024-06-06T03", "2024-06-06T03:00:00."})
        CHECK_FALSE(dv::parse_iso_time(bad, ms));
    // Offsets are at most 23:59 (RFC 3339), and a time whose UTC year leaves 0000..9999 is refused:
    // format_iso_time writes four-digit UTC years, so such a time would not read back.
    for (const char* bad : {"2024-06-06T03:00:00+24:00", "2024-06-06T03:00:00+05:60", "2024-06-06T03:00+99:99",
                            "0000-01-01T00:00:00+00:01", "9999-12-31T23:59:00-00:01", "9999-12-31T23:59:60Z"})
        CHECK_FALSE(dv::parse_iso_time(bad, ms));
    REQUIRE(dv::parse_iso_time("0000-01-01T00:00:00Z", ms));
    CHECK(dv::format_iso_time(ms) == "0000-01-01T00:00:00.000Z");
    REQUIRE(dv::parse_iso_time("9999-12-31T23:59:00+23:59", ms));
    CHECK(dv::format_iso_time(ms) == "9999-12-31T00:00:00.000Z");
    REQUIRE(dv::parse_iso_time("2024-06-30T23:59:60Z", ms));  // a leap second is the next second
    CHECK(dv::format_iso_time(ms) == "2024-07-01T00:00:00.000Z");
}

TEST_CASE("triage merge: each conflict case", "[triage]") {
    Triage mine, theirs;
    // 1. A key only one side has is kept, whichever side.
    dv::triage_set(mine, "only-mine", Mark::Starred, true, 100);
    dv::triage_set(theirs, "only-theirs", Mark::Read, true, 100);
    // 2. The later change wins, per mark: theirs starred later, mine read later.
    dv::triage_set(mine, "both", Mark::Starred, false, 100);
    dv::triage_set(theirs, "both", Mark::Starred, true, 200);
    dv::triage_set(mine, "both", Mark::Read, true, 300);
    dv::triage_set(theirs, "both", Mark::Read, false, 250);
    // 3. A later "off" beats an earlier "on": unstarring is a change, not a deletion.
    dv::triage_set(mine, "unstarred", Mark::Starred, true, 100);
    dv::triage_set(theirs, "unstarred", Mark::Starred, false, 500);
    // 4. Notes: later text wins; a later empty note clears; a tie keeps mine.
    dv::triage_set_note(mine, "note", "mine 메모", 100);
    dv::triage_set_note(theirs, "note", "theirs newer", 101);
    dv::triage_set_note(mine, "cleared", "old text", 100);
    dv::triage_set_note(theirs, "cleared", "", 900);
    dv::triage_set(mine, "tie", Mark::Hidden, true, 700);
    dv::triage_set(theirs, "tie", Mark::Hidden, false, 700);
    // 5. A mark one side never set does not touch the other's.
    dv::triage_set(theirs, "mine-hidden", Mark::Starred, true, 50);
    dv::triage_set(mine, "mine-hidden", Mark::Hidden, true, 10);
    // Saved searches match by name (mine wins); the rest are appended. Visits: the later.
    mine.saved = {{"video", "video votes>=10", "votes desc"}};
    theirs.saved = {{"video", "video", "date desc"}, {"agents", "agent", ""}};
    mine.last_visit = 1000;
    theirs.last_visit = 2000;
    mine.seen_days = {1, 3};
    theirs.seen_days = {2, 3, 4};

    Triage merged = mine;
    dv::triage_merge(merged, theirs);
    auto mark = [&](const char* k) -> const dv::TriageMark& {
        auto it = merged.papers.find(k);
        REQUIRE(it != merged.papers.end());
        return it->second;
    };
    CHECK(merged.papers.size() == 8);
    CHECK(mark("only-mine").starred);
    CHECK(mark("only-theirs").read);
    CHECK(mark("both").starred);
    CHECK(mark("both").starred_at == 200);
    CHECK(mark("both").read);
    CHECK(mark("both").read_at == 300);
    CHECK_FALSE(mark("unstarred").starred);
    CHECK(mark("note").note == "theirs newer");
    CHECK(mark("cleared").note.empty());
    CHECK(mark("cleared").note_at == 900);
    CHECK(mark("tie").hidden);
    CHECK(mark("mine-hidden").hidden);
    CHECK(mark("mine-hidden").starred);
    REQUIRE(merged.saved.size() == 2);
    CHECK(merged.saved[0].query == "video votes>=10");
    CHECK(merged.saved[1].name == "agents");
    CHECK(merged.last_visit == 2000);
    CHECK(merged.seen_days == std::vector<int32_t>{1, 2, 3, 4});

    // Merging again, or merging the result into itself, changes nothing.
    Triage again = merged;
    dv::triage_merge(again, theirs);
    CHECK(same_triage(again, merged));
    dv::triage_merge(again, merged);
    CHECK(same_triage(again, merged));
    // The other direction gives the same marks except where times tie (there the receiver wins).
    Triage other_way = theirs;
    dv::triage_merge(other_way, mine);
    for (const auto& [k, m] : merged.papers) {
        INFO(k);
        if (k == "tie") CHECK_FALSE(other_way.papers[k].hidden);
        else CHECK(same_mark(other_way.papers[k], m));
    }
}

TEST_CASE("triage file: export -> import round trip", "[triage]") {
    Triage t;
    dv::triage_set(t, "2406.00001", Mark::Starred, true, 1717642800000);
    dv::triage_set(t, "2406.00001", Mark::Read, true, 1717642801000);
    dv::triage_set_note(t, "2406.00001", "**읽을 것**: 확산 모델\n\n- second line \"quoted\"", 1717642802000);
    dv::triage_set(t, "a paper without an id", Mark::Hidden, true, 1717642803123);
    dv::triage_set(t, "2406.00002", Mark::Starred, false, 1717642804000);  // all back to defaults: kept
    t.saved = {{"video", "video votes>=10", "votes desc"}, {"빈", "", ""}};
    t.last_visit = 1796181191123;
    t.seen_days = {dvtest::day("2024-06-06"), dvtest::day("2024-06-07")};
    t.mark_read_on_view = true;

    const std::string text = dv::triage_to_json(t);
    Triage back;
    std::string err;
    REQUIRE(dv::triage_parse(text, back, err));
    CHECK(err.empty());
    CHECK(same_triage(back, t));
    CHECK(dv::triage_to_json(back) == text);  // stable bytes: a re-save changes nothing

    // The documented shape: format, version, per-paper booleans, note and "updated" (the latest).
    nlohmann::json j = nlohmann::json::parse(text);
    CHECK(j["format"] == "digest-viewer-triage");
    CHECK(j["version"] == 1);
    CHECK(j["papers"]["2406.00001"]["starred"] == true);
    CHECK(j["papers"]["2406.00001"]["updated"] == "2024-06-06T03:00:02.000Z");
    CHECK(j["last_visit"] == "2026-12-02T03:13:11.123Z");

    // A file written by hand (or another tool) with only "updated": every mark gets that time;
    // unknown fields are ignored.
    const char* hand = R"({"format":"digest-viewer-triage","version":1,"future_field":{"x":1},
        "papers":{"2406.00009":{"starred":true,"note":"n","updated":"2024-06-07T00:00:00Z","colour":"red"}}})";
    Triage h;
    REQUIRE(dv::triage_parse(hand, h, err));
    const dv::TriageMark& m = h.papers.at("2406.00009");
    CHECK(m.starred);
    CHECK_FALSE(m.read);
    CHECK(m.note == "n");
    CHECK(m.starred_at == int64_t(dvtest::day("2024-06-07")) * 86400000);
    CHECK(m.note_at == m.starred_at);
    CHECK(m.read_at == m.starred_at);
}

TEST_CASE("triage file: broken, foreign and newer files are refused and change nothing", "[triage]") {
    Triage keep;
    dv::triage_set(keep, "2406.00001", Mark::Starred, true, 5);
    const std::string before = dv::triage_to_json(keep);
    struct Case {
        std::string text, says;
    } cases[] = {
        {"", "not valid JSON"},
        {R"({"format":"digest-viewer-triage","version":1,"papers":{)", "not valid JSON"},
        {"\xff\xfe{}", "not valid JSON"},
        {"[1,2,3]", "expected a JSON object"},
        {R"({"library":["/x"],"theme":"dark"})", "not a Digest Viewer triage file"},  // the settings file
        {R"({"format":"digest-viewer-settings","version":1})", "not a Digest Viewer triage file"},
        {R"([{"paper":{"id":"2406.00001","title":"x"}}])", "expected a JSON object"},  // Hugging Face JSON
        {R"({"format":"digest-viewer-triage"})", "version"},
        {R"({"format":"digest-viewer-triage","version":"1"})", "version"},
        {R"({"format":"digest-viewer-triage","version":2,"papers":{}})", "newer Digest Viewer"},
        {R"({"format":"digest-viewer-triage","version":1,"papers":[]})", "\"papers\" is not an object"},
        {R"({"format":"digest-viewer-triage","version":1,"papers":{"x":{"starred":"yes"}}})", "paper \"x\": \"starred\""},
        {R"({"format":"digest-viewer-triage","version":1,"papers":{"x":{"note":5}}})", "\"note\" is not text"},
        {R"({"format":"digest-viewer-triage","version":1,"papers":{"x":{"updated":"last tuesday"}}})", "ISO-8601"},
        {R"({"format":"digest-viewer-triage","version":1,"papers":{"x":true}})", "expected an object"},
        {R"({"format":"digest-viewer-triage","version":1,"saved":[{"query":"x"}]})", "saved search has no name"},
        {R"({"format":"digest-viewer-triage","version":1,"last_visit":12})", "last_visit"},
        {R"({"format":"digest-viewer-triage","version":1,"seen_days":["2024-02-30"]})", "seen_days"},
        {R"({"format":"digest-viewer-triage","version":1,"settings":{"mark_read_on_view":1}})", "mark_read_on_view"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Triage t = keep;
        std::string err;
        CHECK_FALSE(dv::triage_parse(c.text, t, err));
        CHECK(err.find(c.says) != std::string::npos);
        CHECK(dv::triage_to_json(t) == before);
    }
}

TEST_CASE("triage query terms: parsing and narrowing", "[triage][query]") {
    dv::Query q = dv::parse_query("IS:Starred is:unread -is:hidden has:note note:읽기 -note:skip diffusion");
    CHECK(q.errors.empty());
    REQUIRE(q.marks.size() == 4);
    CHECK((q.marks[0].kind == dv::MarkKind::Starred && !q.marks[0].negate));
    CHECK((q.marks[1].kind == dv::MarkKind::Read && q.marks[1].negate));
    CHECK((q.marks[2].kind == dv::MarkKind::Hidden && q.marks[2].negate));
    CHECK((q.marks[3].kind == dv::MarkKind::Note && !q.marks[3].negate));
    REQUIRE(q.note_terms.size() == 2);
    CHECK(q.note_terms[0].needle == "읽기");
    CHECK(q.note_terms[1].negate);
    REQUIRE(q.terms.size() == 1);  // only "diffusion" is a text term
    CHECK(dv::parse_query("-is:unread").marks.at(0).negate == false);

    for (const char* bad : {"is:bogus", "has:stars", "note:"}) {
        dv::Query b = dv::parse_query(std::string(bad) + " video");
        INFO(bad);
        CHECK(b.errors.size() == 1);
        CHECK(b.terms.size() == 1);  // the rest of the query still applies
    }

    auto narrows = [](const char* n, const char* w) { return dv::query_narrows(dv::parse_query(n), dv::parse_query(w)); };
    CHECK(narrows("is:starred diffusion", "is:starred"));
    CHECK(narrows("is:starred", ""));
    CHECK(narrows("is:starred -is:hidden", "is:starred"));   // -is:hidden is the default
    CHECK_FALSE(narrows("", "is:starred"));
    CHECK_FALSE(narrows("is:hidden", ""));                    // hidden papers were not in ""
    CHECK_FALSE(narrows("", "is:hidden"));
    CHECK(narrows("is:hidden is:starred", "is:hidden"));
    CHECK(narrows("note:todo", "note:to"));
    CHECK_FALSE(narrows("note:to", "note:todo"));
    CHECK(narrows("-note:to", "-note:todo"));
    CHECK_FALSE(narrows("is:read", "is:unread"));
}

TEST_CASE("triage query terms: a small library with answers by hand", "[triage][query]") {
    dv::Library lib = small_library(true);
    REQUIRE(lib.entries.size() == 4);
    Triage t;
    dv::triage_set(t, "2406.00001", Mark::Starred, true, 10);
    dv::triage_set(t, "2406.00002", Mark::Read, true, 10);
    dv::triage_set(t, "a paper without an id", Mark::Hidden, true, 10);
    dv::triage_set(t, "a paper without an id", Mark::Starred, true, 10);
    dv::triage_set_note(t, "2406.00002", "To READ again: 확산", 10);
    // Last visit on 2024-06-06 with that day loaded: 06-07's new paper is new, the one listed both
    // days is not (seen on 06-06).
    dv::VisitInfo v{int64_t(dvtest::day("2024-06-06")) * 86400000 + 3600000, {dvtest::day("2024-06-06")}};
    dv::QueryContext ctx = dv::make_query_context(lib, t, v);
    auto keys = [&](const char* text) {
        std::set<std::string> out;
        for (uint32_t e : dv::run_query(lib, dv::parse_query(text), {}, nullptr, &ctx)) out.insert(dv::triage_key(lib, e));
        return out;
    };
    using S = std::set<std::string>;
    CHECK(keys("") == S{"2406.00001", "2406.00002", "2406.00009"});  // hidden left out
    CHECK(keys("is:starred") == S{"2406.00001"});
    CHECK(keys("is:starred is:hidden") == S{"a paper without an id"});
    CHECK(keys("is:hidden") == S{"a paper without an id"});
    CHECK(keys("is:read") == S{"2406.00002"});
    CHECK(keys("is:unread") == S{"2406.00001", "2406.00009"});
    CHECK(keys("has:note") == S{"2406.00002"});
    CHECK(keys("note:read") == S{"2406.00002"});
    CHECK(keys("note:확산") == S{"2406.00002"});
    CHECK(keys("-note:read") == S{"2406.00001", "2406.00009"});
    CHECK(keys("is:new") == S{"2406.00009"});
    CHECK(keys("-is:new diffusion") == S{"2406.00001"});
    // Without a context nothing is marked: is:starred finds nothing, hidden papers are back.
    CHECK(dv::run_query(lib, dv::parse_query("is:starred"), {}).empty());
    CHECK(dv::run_query(lib, dv::parse_query(""), {}).size() == 4);
    // The first visit: nothing is new.
    dv::QueryContext first = dv::make_query_context(lib, t, dv::VisitInfo{});
    CHECK(dv::run_query(lib, dv::parse_query("is:new"), {}, nullptr, &first).empty());
    // A visit on 2024-06-05, before both days: every paper is new by its date.
    dv::QueryContext early = dv::make_query_context(lib, t, dv::VisitInfo{int64_t(dvtest::day("2024-06-05")) * 86400000, {}});
    CHECK(dv::run_query(lib, dv::parse_query("is:new"), {}, nullptr, &early).size() == 3);
}

TEST_CASE("corpus: triage terms equal the marks and the entry_matches oracle", "[triage][query][corpus]") {
    const dv::Library& lib = dvtest::corpus_library();
    if (lib.entries.empty()) {
        WARN("no corpus: skipped");
        return;
    }
    const uint32_t n = uint32_t(lib.entries.size());
    // Marks on a spread of entries; the expected answers come from these index rules, not from
    // the matching code.
    Triage t;
    auto starred = [](uint32_t i) { return i % 7 == 0; };
    auto read = [](uint32_t i) { return i % 5 == 0; };
    auto hidden = [](uint32_t i) { return i % 11 == 3; };
    auto noted = [](uint32_t i) { return i % 13 == 1; };
    auto todo = [](uint32_t i) { return i % 26 == 1; };
    for (uint32_t i = 0; i < n; ++i) {
        const std::string k = dv::triage_key(lib, i);
        if (starred(i)) dv::triage_set(t, k, Mark::Starred, true, 1);
        if (read(i)) dv::triage_set(t, k, Mark::Read, true, 1);
        if (hidden(i)) dv::triage_set(t, k, Mark::Hidden, true, 1);
        if (noted(i)) dv::triage_set_note(t, k, todo(i) ? "TODO: 다시 읽기" : "later", 1);
    }
    // Keys are unique per entry in the deduplicated library (else the rules above would collide).
    REQUIRE(t.papers.size() == size_t(std::count_if(lib.entries.begin(), lib.entries.end(), [&](const dv::Entry& e) {
                uint32_t i = uint32_t(&e - lib.entries.data());
                return starred(i) || read(i) || hidden(i) || noted(i);
            })));
    // Last visit: the middle day, with the days before it loaded.
    const size_t mid = lib.days.size() / 2;
    dv::VisitInfo v;
    v.last_visit = int64_t(lib.days[mid]) * 86400000;
    v.seen_days.assign(lib.days.begin(), lib.days.begin() + mid);
    auto is_new = [&](uint32_t i) {
        const dv::Entry& e = lib.entries[i];
        if (e.date > lib.days[mid]) return true;
        for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a)
            if (lib.appearances[a].date < lib.days[mid]) return false;
        return true;  // first listed on the visit's day itself: loaded since
    };
    const dv::QueryContext ctx = dv::make_query_context(lib, t, v);

    std::vector<std::pair<std::string, std::function<bool(uint32_t)>>> cases = {
        {"", [&](uint32_t i) { return !hidden(i); }},
        {"is:starred", [&](uint32_t i) { return starred(i) && !hidden(i); }},
        {"is:hidden", [&](uint32_t i) { return hidden(i); }},
        {"is:read -is:starred", [&](uint32_t i) { return read(i) && !starred(i) && !hidden(i); }},
        {"is:unread is:starred", [&](uint32_t i) { return !read(i) && starred(i) && !hidden(i); }},
        {"has:note", [&](uint32_t i) { return noted(i) && !hidden(i); }},
        {"note:todo", [&](uint32_t i) { return todo(i) && !hidden(i); }},
        {"note:읽기 is:hidden", [&](uint32_t i) { return todo(i) && hidden(i); }},
        {"-note:later has:note", [&](uint32_t i) { return todo(i) && !hidden(i); }},
        {"is:new", [&](uint32_t i) { return is_new(i) && !hidden(i); }},
        {"-is:new is:starred", [&](uint32_t i) { return !is_new(i) && starred(i) && !hidden(i); }},
    };
    for (const auto& [text, rule] : cases) {
        INFO(text);
        const dv::Query q = dv::parse_query(text);
        REQUIRE(q.errors.empty());
        std::vector<uint32_t> expect, oracle;
        for (uint32_t i = 0; i < n; ++i) {
            if (rule(i)) expect.push_back(i);
            if (dv::entry_matches(lib, i, q, &ctx)) oracle.push_back(i);
        }
        const std::vector<uint32_t> got = dv::run_query(lib, q, {}, nullptr, &ctx);
        CHECK(got == expect);
        CHECK(oracle == expect);
        CHECK_FALSE(expect.empty());
        // With a text term too: the text part is the oracle's (no context needed for it).
        const std::string with_text = text + " model";
        const dv::Query qt = dv::parse_query(with_text);
        const dv::Query text_only = dv::parse_query("model");
        std::vector<uint32_t> expect_t;
        for (uint32_t i : expect)
            if (dv::entry_matches(lib, i, text_only)) expect_t.push_back(i);
        const std::vector<uint32_t> got_t = dv::run_query(lib, qt, {}, nullptr, &ctx);
        CHECK(got_t == expect_t);
        // Narrowing: searching the wider result gives the same answer.
        REQUIRE(dv::query_narrows(qt, q));
        CHECK(dv::run_query(lib, qt, {}, &got, &ctx) == expect_t);
    }
}

// --- digest-cli query --triage ------------------------------------------------------------------

namespace {

struct CliRun {
    int status = -1;
    std::string out;
};

CliRun run_cli(const std::string& args) {
    CliRun r;
    FILE* p = popen(("'" + std::string(DV_CLI_PATH) + "' " + args + " 2>&1").c_str(), "r");
    REQUIRE(p);
    char buf[1 << 14];
    size_t k;
    while ((k = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, k);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

}  // namespace

TEST_CASE("cli: query --triage answers from a triage file, bad files exit 1", "[triage][cli]") {
    const fs::path dir = fs::temp_directory_path() / ("dv_triage_cli_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "digests");
    std::ofstream(dir / "digests" / "06.md", std::ios::binary) << kSmall;
    Triage t;
    dv::triage_set(t, "2406.00002", Mark::Starred, true, 1);
    dv::triage_set(t, "a paper without an id", Mark::Hidden, true, 1);
    std::ofstream(dir / "triage.json", std::ios::binary) << dv::triage_to_json(t);
    auto quote = [](const fs::path& p) { return std::string(1, '\'').append(p.string()).append(1, '\''); };
    const std::string d = quote(dir / "digests"), tf = quote(dir / "triage.json");

    CliRun r = run_cli("query is:starred --triage " + tf + " " + d);
    REQUIRE(r.status == 0);
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    REQUIRE(!j.is_discarded());
    REQUIRE(j["count"] == 1);
    CHECK(j["papers"][0]["arxiv_id"] == "2406.00002");
    r = run_cli("query '' --triage " + tf + " " + d);
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(r.out)["count"] == 2);  // the hidden one is left out
    r = run_cli("query is:hidden --triage " + tf + " " + d);
    CHECK(nlohmann::json::parse(r.out)["count"] == 1);

    const struct {
        const char* name;
        std::string bytes, says;
    } bad[] = {{"corrupt.json", R"({"format":"digest-viewer-triage","version":1,"papers":{"x":)", "not valid JSON"},
               {"foreign.json", R"({"library":[],"theme":"dark"})", "not a Digest Viewer triage file"},
               {"newer.json", R"({"format":"digest-viewer-triage","version":9})", "newer Digest Viewer"}};
    for (const auto& b : bad) {
        INFO(b.name);
        std::ofstream(dir / b.name, std::ios::binary) << b.bytes;
        r = run_cli("query is:starred --triage '" + (dir / b.name).string() + "' " + d);
        CHECK(r.status == 1);
        CHECK(r.out.find(b.says) != std::string::npos);
        CHECK(r.out.find(b.name) != std::string::npos);
    }
    r = run_cli("query is:starred --triage '" + (dir / "missing.json").string() + "' " + d);
    CHECK(r.status == 1);
    fs::remove_all(dir);
}
