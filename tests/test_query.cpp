// The query language: parsing of every syntax element, malformed terms, matching on a crafted
// library with hand-checked answers, sorting (stable, nulls last), and run_query against the
// brute-force oracle (entry_matches, no index) over the real corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/library.h"
#include "core/paper_builder.h"
#include "core/query.h"
#include "core/stats.h"
#include "core/text.h"
#include "test_support.h"
#include "test_util.h"

namespace {

using dvtest::day;

using P = dvtest::TestPaper;
std::string section(const std::string& date, const std::vector<P>& papers) { return dvtest::digest_section(date, papers); }

// A small library whose answers are checked by hand below.
const dv::Library& small_library() {
    static dv::Library lib = [] {
        dv::Library l;
        dv::library_add(l, "2024/06/05.md",
                        section("2024-06-05",
                                {{"2406.00001", "Scaling Diffusion Transformers", 40, "Yann LeCun, Alice Zhang",
                                  {{"What's New", "확산 모델을 대규모로 학습합니다."}, {"Technical Details", "Uses a world model."}}},
                                 {"2406.00002", "A Survey of Video Diffusion", 12, "Bob Lee",
                                  {{"What's New", "비디오 확산 모델 서베이입니다."}}},
                                 {"2406.00003", "ΣΑΜ: Segment Anything in Греческий", -1, "Σοφία Παππά",
                                  {{"What's New", "분할 모델."}}}}));
        dv::library_add(l, "2024/07/01.md",
                        section("2024-07-01",
                                {{"2407.00001", "World Models for Agents: A Title: With Colons", 12, "Carol Diffusion",
                                  {{"Performance Highlights", "강화 학습 성능이 향상되었습니다."}}},
                                 {"2407.00002", "Über Reasoning", 3, "Dora Müller", {{"What's New", "추론 모델."}}}}));
        dv::library_add(l, "2025/01/02.md",
                        section("2025-01-02", {{"2501.00001", "Large Language Models Are Agents", 80, "Eve Park",
                                                {{"What's New", "대규모 언어 모델 에이전트."}, {"Limitations", "No world model."}}}}));
        // 2406.00002 again, later and with more votes: one entry, two appearances
        dv::library_add(l, "2024/06/10.md",
                        section("2024-06-10", {{"2406.00002", "A Survey of Video Diffusion", 15, "Bob Lee",
                                                {{"What's New", "비디오 확산 모델 서베이입니다."}}}}));
        dv::library_rebuild(l);
        return l;
    }();
    return lib;
}

// Titles of the matching entries, in result order.
std::vector<std::string> titles(const dv::Library& lib, const std::string& q, dv::Sort sort = {}) {
    std::vector<std::string> out;
    for (uint32_t i : dv::run_query(lib, dv::parse_query(q), sort)) {
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[i]);
        out.emplace_back(dv::get(p, p.title));
    }
    return out;
}

std::set<std::string> title_set(const dv::Library& lib, const std::string& q) {
    auto v = titles(lib, q);
    return {v.begin(), v.end()};
}

const char* kScaling = "Scaling Diffusion Transformers";
const char* kSurvey = "A Survey of Video Diffusion";
const char* kSam = "ΣΑΜ: Segment Anything in Греческий";
const char* kWorld = "World Models for Agents: A Title: With Colons";
const char* kUber = "Über Reasoning";
const char* kLarge = "Large Language Models Are Agents";

using S = std::set<std::string>;

}  // namespace

TEST_CASE("parse_query: words, phrases, negation, fields", "[query]") {
    dv::Query q = dv::parse_query("  Diffusion  \"World  Model\" -survey -\"video diffusion\" title:Scaling author:\"Yann LeCun\" "
                                  "summary:확산 label:NEW -title:x ");
    CHECK(q.errors.empty());
    REQUIRE(q.terms.size() == 9);
    CHECK(q.terms[0].needle == "diffusion");
    CHECK(q.terms[0].field == dv::Field::Any);
    CHECK_FALSE(q.terms[0].negate);
    CHECK(q.terms[1].needle == "world model");  // whitespace inside a phrase collapses
    CHECK(q.terms[2].needle == "survey");
    CHECK(q.terms[2].negate);
    CHECK(q.terms[3].needle == "video diffusion");
    CHECK(q.terms[3].negate);
    CHECK(q.terms[4].field == dv::Field::Title);
    CHECK(q.terms[4].needle == "scaling");
    CHECK(q.terms[5].field == dv::Field::Author);
    CHECK(q.terms[5].needle == "yann lecun");
    CHECK(q.terms[6].field == dv::Field::Summary);
    CHECK(q.terms[6].needle == "확산");
    CHECK(q.terms[7].field == dv::Field::Label);
    CHECK(q.terms[7].needle == "new");
    CHECK_FALSE(q.has_votes);
    CHECK_FALSE(q.has_date);
    CHECK(q.terms[8].negate);
    CHECK(q.terms[8].field == dv::Field::Title);
    CHECK(q.terms[8].needle == "x");
    CHECK(dv::parse_query("").terms.empty());
    CHECK(dv::parse_query("   ").terms.empty());
    CHECK(dv::parse_query("-").terms.empty());  // a lone '-' while typing
    // an unknown field is a plain word: titles hold colons
    dv::Query q3 = dv::parse_query("foo:bar Title:X");
    CHECK(q3.errors.empty());
    REQUIRE(q3.terms.size() == 2);
    CHECK(q3.terms[0].field == dv::Field::Any);
    CHECK(q3.terms[0].needle == "foo:bar");
    CHECK(q3.terms[1].field == dv::Field::Title);  // field names are case-insensitive
}

TEST_CASE("parse_query: votes and dates", "[query]") {
    auto votes = [](const char* s) {
        dv::Query q = dv::parse_query(s);
        INFO(s);
        CHECK(q.errors.empty());
        CHECK(q.has_votes);
        return std::pair<int32_t, int32_t>(q.votes_lo, q.votes_hi);
    };
    CHECK(votes("votes>=10") == std::pair<int32_t, int32_t>(10, INT32_MAX));
    CHECK(votes("votes>10") == std::pair<int32_t, int32_t>(11, INT32_MAX));
    CHECK(votes("votes<=10") == std::pair<int32_t, int32_t>(INT32_MIN, 10));
    CHECK(votes("votes<10") == std::pair<int32_t, int32_t>(INT32_MIN, 9));
    CHECK(votes("votes=7") == std::pair<int32_t, int32_t>(7, 7));
    CHECK(votes("votes:7") == std::pair<int32_t, int32_t>(7, 7));
    CHECK(votes("votes:10..50") == std::pair<int32_t, int32_t>(10, 50));
    CHECK(votes("votes:10..") == std::pair<int32_t, int32_t>(10, INT32_MAX));
    CHECK(votes("votes>=10 votes<50") == std::pair<int32_t, int32_t>(10, 49));  // filters intersect

    auto dates = [](const char* s) {
        dv::Query q = dv::parse_query(s);
        INFO(s);
        CHECK(q.errors.empty());
        CHECK(q.has_date);
        return std::pair<int32_t, int32_t>(q.date_lo, q.date_hi);
    };
    CHECK(dates("date:2024") == std::pair<int32_t, int32_t>(day("2024-01-01"), day("2024-12-31")));
    CHECK(dates("date:2024-02") == std::pair<int32_t, int32_t>(day("2024-02-01"), day("2024-02-29")));
    CHECK(dates("date:2024-06-06") == std::pair<int32_t, int32_t>(day("2024-06-06"), day("2024-06-06")));
    CHECK(dates("date:2024-06..2024-07") == std::pair<int32_t, int32_t>(day("2024-06-01"), day("2024-07-31")));
    CHECK(dates("date:2023-12-30..2024") == std::pair<int32_t, int32_t>(day("2023-12-30"), day("2024-12-31")));
}

TEST_CASE("parse_query: malformed terms are reported and ignored, the rest applies", "[query]") {
    for (const char* bad : {"votes>=abc", "votes>", "votes:5..2", "votes:..", "date:2024-13", "date:24", "date:2024-02-30",
                            "date:2025..2024", "date:", "\"unclosed phrase", "author:\"unclosed", "votes<0", "-votes>3",
                            "-date:2024", "title:"}) {
        dv::Query q = dv::parse_query(std::string("diffusion ") + bad);
        INFO(bad);
        CHECK(q.errors.size() == 1);
        REQUIRE(q.terms.size() == 1);
        CHECK(q.terms[0].needle == "diffusion");
        CHECK_FALSE(q.has_votes);
        CHECK_FALSE(q.has_date);
    }
    // and on a library: the good part still filters
    const dv::Library& lib = small_library();
    CHECK(title_set(lib, "votes>=abc diffusion") == title_set(lib, "diffusion"));
    CHECK(title_set(lib, "date:2024-13 agents") == S{kWorld, kLarge});
}

TEST_CASE("run_query on a crafted library: every syntax element", "[query]") {
    const dv::Library& lib = small_library();
    REQUIRE(lib.entries.size() == 6);
    CHECK(titles(lib, "").size() == 6);
    // words, AND-ed, case-insensitive; an author "Carol Diffusion" matches an unscoped word
    CHECK(title_set(lib, "diffusion") == S{kScaling, kSurvey, kWorld});
    CHECK(title_set(lib, "DIFFUSION survey") == S{kSurvey});
    CHECK(title_set(lib, "diffusion -survey") == S{kScaling, kWorld});
    // Latin-1 and Greek and Cyrillic folding
    CHECK(title_set(lib, "über") == S{kUber});
    CHECK(title_set(lib, "ÜBER") == S{kUber});
    CHECK(title_set(lib, "müller") == S{kUber});
    CHECK(title_set(lib, "σαμ") == S{kSam});
    CHECK(title_set(lib, "греческий") == S{kSam});
    CHECK(title_set(lib, "παππά") == S{kSam});
    // Korean as typed, in summaries
    CHECK(title_set(lib, "모델") == S{kScaling, kSurvey, kSam, kUber, kLarge});
    CHECK(title_set(lib, "확산 모델") == S{kScaling, kSurvey});
    CHECK(title_set(lib, "\"확산 모델\"") == S{kScaling, kSurvey});
    CHECK(title_set(lib, "\"강화 학습\"") == S{kWorld});
    // phrases
    CHECK(title_set(lib, "\"world model\"") == S{kScaling, kWorld, kLarge});
    CHECK(title_set(lib, "\"world models for\"") == S{kWorld});
    CHECK(title_set(lib, "-\"world model\"") == S{kSurvey, kSam, kUber});
    // fields
    CHECK(title_set(lib, "title:diffusion") == S{kScaling, kSurvey});
    CHECK(title_set(lib, "author:diffusion") == S{kWorld});
    CHECK(title_set(lib, "author:\"yann lecun\"") == S{kScaling});
    CHECK(title_set(lib, "author:\"LeCun, Alice\"").empty());  // never across two authors
    CHECK(title_set(lib, "author:zhang") == S{kScaling});
    CHECK(title_set(lib, "summary:\"world model\"") == S{kScaling, kLarge});
    CHECK(title_set(lib, "summary:limitations").empty());  // a label, not a summary text
    CHECK(title_set(lib, "label:limitations") == S{kLarge});
    CHECK(title_set(lib, "label:\"what's new\"") == S{kScaling, kSurvey, kSam, kUber, kLarge});
    CHECK(title_set(lib, "-title:diffusion diffusion") == S{kWorld});
    CHECK(title_set(lib, "2407.00002") == S{kUber});  // the arXiv id is searchable
    // unknown "x:y" is a plain word
    CHECK(title_set(lib, "agents:") == S{kWorld});
    CHECK(title_set(lib, "title:\"title: with\"") == S{kWorld});
    // votes (entry votes are the highest: the survey has 12 then 15)
    CHECK(title_set(lib, "votes>=15") == S{kScaling, kSurvey, kLarge});
    CHECK(title_set(lib, "votes>12") == S{kScaling, kSurvey, kLarge});
    CHECK(title_set(lib, "votes=12") == S{kWorld});
    CHECK(title_set(lib, "votes:12") == S{kWorld});
    CHECK(title_set(lib, "votes<12") == S{kUber});
    CHECK(title_set(lib, "votes<=3") == S{kUber});  // no votes is not 0
    CHECK(title_set(lib, "votes:10..40") == S{kScaling, kSurvey, kWorld});
    // dates: any appearance in range
    CHECK(title_set(lib, "date:2024-06") == S{kScaling, kSurvey, kSam});
    CHECK(title_set(lib, "date:2024-06-10") == S{kSurvey});
    CHECK(title_set(lib, "date:2024-06-06..2024-06-30") == S{kSurvey});
    CHECK(title_set(lib, "date:2024") == S{kScaling, kSurvey, kSam, kWorld, kUber});
    CHECK(title_set(lib, "date:2024-07..2025") == S{kWorld, kUber, kLarge});
    CHECK(title_set(lib, "date:2024-06-06..2024-06-09").empty());
    // everything together
    CHECK(title_set(lib, "diffusion date:2024-06 votes>=13 -\"world model\"") == S{kSurvey});
}

TEST_CASE("run_query sorting: keys, directions, nulls last, stable ties", "[query]") {
    const dv::Library& lib = small_library();
    // library order: date desc (entry date = earliest appearance), votes desc, title
    CHECK(titles(lib, "") == std::vector<std::string>{kLarge, kWorld, kUber, kScaling, kSurvey, kSam});
    CHECK(titles(lib, "", {dv::SortKey::Date, false}) == std::vector<std::string>{kScaling, kSurvey, kSam, kWorld, kUber, kLarge});
    // votes: 80, 40, 15, 12, 3, none; the null stays last in both directions
    CHECK(titles(lib, "", {dv::SortKey::Votes, true}) == std::vector<std::string>{kLarge, kScaling, kSurvey, kWorld, kUber, kSam});
    CHECK(titles(lib, "", {dv::SortKey::Votes, false}) == std::vector<std::string>{kUber, kWorld, kSurvey, kScaling, kLarge, kSam});
    // title, case-insensitive: "A Survey" < "Large" < "Scaling" < "World" < "Über" < "ΣΑΜ" (by folded bytes)
    CHECK(titles(lib, "", {dv::SortKey::Title, false}) == std::vector<std::string>{kSurvey, kLarge, kScaling, kWorld, kUber, kSam});
    CHECK(titles(lib, "", {dv::SortKey::Title, true}) == std::vector<std::string>{kSam, kUber, kWorld, kScaling, kLarge, kSurvey});
    // percentile: Large 100 (alone), World 100 (12 vs 3), Scaling 100 (40 vs 12... on 06-05: 40, 12;
    // n=2), Survey shown from 06-10 where it is alone: 100; Über 0; ΣΑΜ none
    auto pct = titles(lib, "", {dv::SortKey::Percentile, true});
    CHECK(pct == std::vector<std::string>{kLarge, kWorld, kScaling, kSurvey, kUber, kSam});  // ties keep library order
    auto pct_asc = titles(lib, "", {dv::SortKey::Percentile, false});
    CHECK(pct_asc == std::vector<std::string>{kUber, kLarge, kWorld, kScaling, kSurvey, kSam});
    CHECK(std::string(dv::sort_key_name(dv::SortKey::Percentile)) == "percentile");
    dv::SortKey k;
    CHECK(dv::parse_sort_key("votes", k));
    CHECK(k == dv::SortKey::Votes);
    CHECK_FALSE(dv::parse_sort_key("Votes", k));
}

namespace {

using dvtest::corpus_library;

}  // namespace

TEST_CASE("corpus: run_query equals the brute-force oracle", "[query][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    std::vector<std::string> queries = {
        "", "diffusion", "Diffusion", "모델", "\"language model\"", "author:Zhang", "votes>=50", "date:2024-06",
        "video generation votes>=20", "모델 -diffusion", "title:transformer date:2024", "llm", "a", "reinforcement learning",
        "benchmark 성능", "title:\"large language\"", "label:new", "summary:강화학습", "author:\"Yann LeCun\"", "강화 학습",
        "gpt-4o", "retrieval-augmented", "zzzqqq", "-model", "multimodal reasoning date:2024..2025", "label:\"what's new\"",
        "-label:\"what's new\"", "σ", "ü", "доступ", "％", "votes:0", "votes<5 date:2024-10", "date:2023", "votes:100..300",
        "title:3d -video", "-\"large language\" -diffusion agent", "summary:\"state-of-the-art\"", "2406.02539", "author:kim author:lee",
        "\"대규모 언어 모델\"", "title:σ", "label:conclusion", "label:limitations", "-a", "x", "\"\"", "votes>=abc diffusion"};
    // plus words drawn from real titles and authors
    std::mt19937 rng(99);
    for (int k = 0; k < 60; ++k) {
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[rng() % lib.entries.size()]);
        std::string t(dv::get(p, k % 3 == 0 && !p.authors.empty() ? p.authors[0] : p.title));
        size_t a = t.find(' ');
        std::string word = t.substr(0, a);
        word.erase(std::remove(word.begin(), word.end(), '"'), word.end());
        if (word.empty()) continue;
        queries.push_back(k % 3 == 0 ? "author:\"" + word + "\"" : (k % 3 == 1 ? word : "-" + word + " 모델"));
    }
    for (const std::string& text : queries) {
        const dv::Query q = dv::parse_query(text);
        std::vector<uint32_t> expect;
        for (uint32_t i = 0; i < lib.entries.size(); ++i)
            if (dv::entry_matches(lib, i, q)) expect.push_back(i);
        INFO("query: " << text);
        CHECK(dv::run_query(lib, q, {}) == expect);  // library order
        // the other sorts hold the same set, ordered by their key
        auto by_votes = dv::run_query(lib, q, {dv::SortKey::Votes, true});
        auto sorted = by_votes;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == expect);
        for (size_t k = 1; k < by_votes.size(); ++k) {
            const auto &a = lib.entries[by_votes[k - 1]], &b = lib.entries[by_votes[k]];
            if (b.votes == dv::kNoVotes) continue;
            REQUIRE(a.votes != dv::kNoVotes);
            REQUIRE(a.votes >= b.votes);
            if (a.votes == b.votes) REQUIRE(by_votes[k - 1] < by_votes[k]);  // stable
        }
    }
}

TEST_CASE("corpus: independent expectations for a few queries", "[query][corpus]") {
    const dv::Library& lib = corpus_library();
    if (lib.entries.empty()) {
        WARN("corpus not found: skipped");
        return;
    }
    // Computed here straight from the parsed fields, without fold() or the query code.
    size_t over50 = 0, none = 0, june = 0;
    const int32_t lo = day("2024-06-01"), hi = day("2024-06-30");
    for (const auto& e : lib.entries) {
        over50 += e.votes != dv::kNoVotes && e.votes >= 50;
        none += e.votes == dv::kNoVotes;
        june += e.date >= lo && e.date <= hi;  // one appearance per paper in these files
    }
    CHECK(dv::run_query(lib, dv::parse_query("votes>=50"), {}).size() == over50);
    CHECK(dv::run_query(lib, dv::parse_query("votes>=0"), {}).size() == lib.entries.size() - none);
    CHECK(dv::run_query(lib, dv::parse_query("date:2024-06"), {}).size() == june);
    CHECK(dv::run_query(lib, dv::parse_query("date:2023-11-20"), {}).size() == 11);  // FORMAT.md: the 2023-11-20 file
    // Papers without votes, counted from the raw bytes: "Vote: -" lines, plus every paper heading
    // in the files from before votes existed (2023-12-06).
    size_t raw_none = 0;
    for (const auto& f : dvtest::digest_files(dvtest::corpus_dir() / "l-yohai-daily_papers_ko")) {
        const std::string text = dvtest::read_file(f);
        const bool early = f.string().find("/2023/11/") != std::string::npos ||
                           (f.string().find("/2023/12/") != std::string::npos && f.filename().string() < "06.md");
        for (size_t at = 0; (at = text.find(early ? "\n### " : "\nVote: -", at)) != std::string::npos; ++at) ++raw_none;
        if (early && text.rfind("### ", 0) == 0) ++raw_none;
    }
    CHECK(none == raw_none);
    CHECK(none > 0);
    // Every title holding "Diffusion" (exact case) must be found by "title:diffusion".
    auto res = dv::run_query(lib, dv::parse_query("title:diffusion"), {});
    std::set<uint32_t> got(res.begin(), res.end());
    size_t exact_case = 0;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[i]);
        const auto t = dv::get(p, p.title);
        if (t.find("Diffusion") != std::string_view::npos) {
            ++exact_case;
            CHECK(got.count(i));
        }
        if (got.count(i)) CHECK((t.find("iffusion") != std::string_view::npos || t.find("IFFUSION") != std::string_view::npos));
    }
    CHECK(exact_case > 100);
    // The seed day 2024-06-06: "모델" appears in most Korean summaries
    auto m = dv::run_query(lib, dv::parse_query("모델 date:2024-06-06"), {});
    size_t expect = 0;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        const dv::Paper& p = dv::entry_paper(lib, lib.entries[i]);
        if (p.date == day("2024-06-06") && std::string(dv::searchable(p)).find("모델") != std::string::npos) ++expect;
    }
    CHECK(m.size() == expect);
    CHECK(expect > 0);
}

// --- Query terms: the inverse of parse_query (moved here from test_chart_math.cpp) ---------------

namespace {
using namespace dv;

// Entries `term` selects through the whole query path, as a set.
std::set<uint32_t> selected_by(const Library& lib, const std::string& term) {
    Query q = parse_query(term);
    INFO("term " << term);
    CHECK(q.errors.empty());
    auto r = run_query(lib, q, {});
    return {r.begin(), r.end()};
}

}  // namespace

TEST_CASE("clicks turn into query terms the query language parses back", "[query][terms]") {
    CHECK(date_term(days_from_civil(2024, 6, 3)) == "date:2024-06-03");
    CHECK(votes_term(4, 7) == "votes:4..7");
    CHECK(votes_term(0, 0) == "votes:0");
    CHECK(author_term("Kim") == "author:Kim");
    CHECK(author_term("Jane Doe") == "author:\"Jane Doe\"");
    CHECK(author_term("A \"B\" C") == "author:\"A  B  C\"");

    std::string q;
    CHECK(append_query_term(q, "date:2024-06-03"));
    CHECK(q == "date:2024-06-03");
    CHECK_FALSE(append_query_term(q, "date:2024-06-03"));
    q = "diffusion  ";
    CHECK(append_query_term(q, votes_term(4, 7)));
    CHECK(q == "diffusion votes:4..7");
    CHECK(append_query_term(q, "votes:4"));  // a prefix of an existing term is a different term
    CHECK(q == "diffusion votes:4..7 votes:4");
    CHECK(append_query_term(q, author_term("Jane Doe")));

    Query parsed = parse_query("diffusion " + votes_term(4, 7) + " " + author_term("Jane Doe") + " " +
                               date_term(days_from_civil(2024, 6, 3)));
    CHECK(parsed.errors.empty());
    CHECK(parsed.votes_lo == 4);
    CHECK(parsed.votes_hi == 7);
    CHECK(parsed.date_lo == days_from_civil(2024, 6, 3));
    CHECK(parsed.date_hi == days_from_civil(2024, 6, 3));
    bool has_author = false;
    for (const TextTerm& t : parsed.terms)
        if (t.field == Field::Author && t.needle == "jane doe") has_author = true;
    CHECK(has_author);
}

TEST_CASE("query terms select what they name: dates, vote ranges, authors", "[query][terms]") {
    // Author names the query language must quote (a leading '-', a space) or must not (a colon).
    dv::Library small;
    dv::library_add(small, "2024/06/05.md",
                    section("2024-06-05", {{"2406.10001", "One", 4, "Jane Doe, -Dash Start, title:Colon", {{"What's New", "a"}}},
                                           {"2406.10002", "Two", 7, "Ünal Öztürk, Jane Doering", {{"What's New", "b"}}},
                                           {"2406.10003", "Three", -1, "Kim", {{"What's New", "c"}}}}));
    dv::library_rebuild(small);
    const dv::Library& corpus = dvtest::corpus_library();
    if (corpus.entries.empty()) WARN("corpus not found (set DIGEST_CORPUS): only the small library is checked");
    for (const dv::Library* lib : std::initializer_list<const dv::Library*>{&small, &corpus}) {
        size_t checked = 0;
        for (int32_t d : lib->days) {  // date:D = an appearance on D
            std::set<uint32_t> want;
            for (uint32_t e = 0; e < lib->entries.size(); ++e)
                for (uint32_t a = 0; a < lib->entries[e].appearance_count; ++a)
                    if (lib->appearances[lib->entries[e].first_appearance + a].date == d) want.insert(e);
            CHECK(selected_by(*lib, date_term(d)) == want);
            ++checked;
        }
        std::vector<uint32_t> all(lib->entries.size());
        for (uint32_t e = 0; e < all.size(); ++e) all[e] = e;
        const Stats st = compute_stats(*lib, all);
        for (const HistBin& b : st.vote_histogram) {  // what a histogram bar appends
            std::set<uint32_t> want;
            for (uint32_t e = 0; e < lib->entries.size(); ++e)
                if (lib->entries[e].votes != kNoVotes && lib->entries[e].votes >= b.lo && lib->entries[e].votes <= b.hi - 1)
                    want.insert(e);
            CHECK(selected_by(*lib, votes_term(b.lo, b.hi - 1)) == want);
            ++checked;
        }
        // Every author of the small library, the top authors of the corpus: author:X = an author
        // whose name holds X, case-insensitively.
        std::vector<std::string> names;
        if (lib == &small) {
            for (const dv::Entry& en : lib->entries) {
                const dv::Paper& p = entry_paper(*lib, en);
                for (dv::Str a : p.authors) names.emplace_back(get(p, a));
            }
        } else {
            for (const AuthorStat& a : st.top_authors_by_papers) names.push_back(a.name);
        }
        for (const std::string& name : names) {
            std::set<uint32_t> want;
            for (uint32_t e = 0; e < lib->entries.size(); ++e) {
                const dv::Paper& p = entry_paper(*lib, lib->entries[e]);
                for (dv::Str a : p.authors)
                    if (fold(get(p, a)).find(fold(name)) != std::string::npos) want.insert(e);
            }
            CHECK(!want.empty());
            CHECK(selected_by(*lib, author_term(name)) == want);
            ++checked;
        }
        if (!lib->entries.empty()) CHECK(checked > 3);
    }
    // The names that need quotes got them, and the one with a colon did not.
    CHECK(author_term("-Dash Start") == "author:\"-Dash Start\"");
    CHECK(author_term("title:Colon") == "author:title:Colon");
    CHECK(selected_by(small, author_term("Jane Doe")).size() == 2);  // Jane Doe, Jane Doering
}
