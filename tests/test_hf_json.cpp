// Hugging Face Daily Papers JSON: every archived shape, from fixtures we wrote (tests/data/hf) and
// from the real archives in ../shared/hf-json (figures read independently with Python, see below).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/hf_json.h"
#include "core/parse_fields.h"
#include "core/parser.h"
#include "test_support.h"
#include "test_util.h"

using namespace dv;

namespace {

// Through parse(), so the dispatch to parse_hf_json is exercised too.
ParseResult parse_hf(const std::string& name) { return parse(dvtest::fixture("hf/" + name), "hf/" + name); }

size_t count(const ParseResult& r, Severity s) {
    size_t n = 0;
    for (const auto& d : r.diagnostics) n += d.severity == s;
    return n;
}

bool has_message(const ParseResult& r, Severity s, const std::string& part) {
    for (const auto& d : r.diagnostics)
        if (d.severity == s && d.message.find(part) != std::string::npos) return true;
    return false;
}

std::string dump(const ParseResult& r) {
    std::string s = r.source + " [" + r.format + "] " + std::to_string(r.papers.size()) + " papers\n";
    for (const auto& d : r.diagnostics) s += std::string(severity_name(d.severity)) + ":" + std::to_string(d.line) + ": " + d.message + "\n";
    return s;
}

const Paper* by_id(const ParseResult& r, std::string_view id) {
    for (const auto& p : r.papers)
        if (get(p, p.arxiv_id) == id) return &p;
    return nullptr;
}

std::vector<std::string> labels(const Paper& p) {
    std::vector<std::string> out;
    for (const auto& s : p.summary) out.emplace_back(get(p, s.label));
    return out;
}

// The text of the first item labelled `label`; "<none>" if there is none.
std::string item(const Paper& p, std::string_view label) {
    for (const auto& s : p.summary)
        if (get(p, s.label) == label) return std::string(get(p, s.text));
    return "<none>";
}

std::vector<std::string> authors(const Paper& p) {
    std::vector<std::string> out;
    for (Str a : p.authors) out.emplace_back(get(p, a));
    return out;
}

using dvtest::day;

}  // namespace

TEST_CASE("parse_count: plain, grouped and k/M counts", "[hf_json]") {
    auto count_of = [](std::string_view s) {
        int32_t v = -7;
        return parse_detail::parse_count(s, v) ? v : -7;
    };
    CHECK(count_of("66") == 66);
    CHECK(count_of(" 0 ") == 0);
    CHECK(count_of("2.36k") == 2360);
    CHECK(count_of("2.36 K") == 2360);
    CHECK(count_of("1.15k") == 1150);  // 1.15 * 1000 in floating point is 1149.999…
    CHECK(count_of("3k") == 3000);
    CHECK(count_of("1.2M") == 1200000);
    CHECK(count_of("1,234") == 1234);
    CHECK(count_of("12,345,678") == 12345678);
    CHECK(count_of("0.5k") == 500);
    CHECK(count_of("1.2345k") == 1235);  // rounded to a whole count
    CHECK(count_of("2147483647") == INT32_MAX);
    for (const char* bad : {"", "k", "-", "-3", "2.5", "1,23", "12,3456", ",123", "1e3", "lots", "3kk", "2147483648", "3000M", "1.k"})
        CHECK(count_of(bad) == -7);
}

TEST_CASE("looks_like_json and is_json_input", "[hf_json]") {
    for (const char* yes : {"[{\"paper\":{}}]", "  \n[\n  {", "[]", "[ ]\n", "[\"{'paper': 1}\", \"x\"]", "[[1, 2]]", "{\"a\":1}", "{}",
                            "\xEF\xBB\xBF[{", "1", " 1\n", "-2.5e3"})
        CHECK(looks_like_json(yes));
    for (const char* no : {"", "## Daily Papers (2024-06-06)", "[Title](https://arxiv.org/abs/2406.00001)", "[] todo item",
                           "[[wiki link]]", "[\"Quoted\" title](url)", "{{template}}", "{ not json", "1. first item",
                           "2024-06-06", "[ ] task", "[1]"})
        CHECK_FALSE(looks_like_json(no));
    CHECK(is_json_input("## not json", "x/2024-06-06.JSON"));
    CHECK(is_json_input("[{", "notes.md"));
    CHECK_FALSE(is_json_input("## Daily Papers", "json.md"));
}

TEST_CASE("raw API shape: every field, hard wraps, markdown-safe text", "[hf_json]") {
    auto r = parse_hf("api_2025-06-25.json");
    INFO(dump(r));
    CHECK(r.format == "hf-api-json");
    CHECK(r.date == day("2025-06-25"));
    REQUIRE(r.papers.size() == 3);
    CHECK(count(r, Severity::Error) == 0);
    CHECK(has_message(r, Severity::Warning, "item 3 has no valid arXiv id"));

    const Paper& a = r.papers[0];
    CHECK(get(a, a.arxiv_id) == "2506.00101");
    CHECK(get(a, a.title) == "Folding Maps: Teaching Agents to Read Floor Plans");
    CHECK(get(a, a.url) == "https://huggingface.co/papers/2506.00101");
    CHECK(get(a, a.thumbnail) == "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2506.00101.png");
    CHECK(authors(a) == std::vector<std::string>{"Ana Pérez", "Bo Chen", "Chidi Okafor"});  // trimmed, empty and repeat dropped
    CHECK(a.votes == 42);
    CHECK(a.date == day("2025-06-25"));
    CHECK(a.line == 1);
    CHECK(labels(a) == std::vector<std::string>{"AI summary", "Abstract", "Keywords", "GitHub", "Project page", "Comments", "Submitted by"});
    CHECK(item(a, "AI summary") == "Agents learn to read floor plans from sketches.");
    CHECK(item(a, "Abstract") ==
          "We study agents that read floor plans. They use \\*sketches\\* and snake\\_case labels \\<b\\>here\\</b\\>.\n\n"
          "A second paragraph starts after an indent.");
    CHECK(item(a, "Keywords") == "floor plans, agents, sketch\\_maps");
    CHECK(item(a, "GitHub") == "[example-lab/folding-maps](https://github.com/example-lab/folding-maps) · 1234 stars");
    CHECK(item(a, "Project page") == "[example.org/folding-maps](https://example.org/folding-maps/)");
    CHECK(item(a, "Comments") == "3");
    CHECK(item(a, "Submitted by") == "Ana Pérez");  // submittedBy before paper.submittedOnDailyBy

    const Paper& b = r.papers[1];
    CHECK(get(b, b.arxiv_id) == "2506.00102");  // "2506.00102v2": the version is dropped
    CHECK(is_null(b.thumbnail));
    CHECK(item(b, "GitHub") == "[dee/small-tables](https://github.com/dee/small-tables) · 1 star");
    CHECK(item(b, "Comments") == "<none>");      // zero comments say nothing
    CHECK(item(b, "Submitted by") == "deepark"); // only submittedOnDailyBy, without a fullname
    CHECK(b.votes == 7);

    const Paper& c = r.papers[2];
    CHECK(is_null(c.arxiv_id));
    CHECK(is_null(c.url));
    CHECK(get(c, c.title) == "A Paper With A Broken Id");
    CHECK(c.line == 3);
}

TEST_CASE("2024-06-06 fixture: the l-yohai digest's papers as an API response", "[hf_json]") {
    auto r = parse_hf("2024-06-06.json");
    INFO(dump(r));
    REQUIRE(r.papers.size() == 12);
    CHECK(r.diagnostics.empty());
    CHECK(r.date == day("2024-06-06"));
    const Paper* m = by_id(r, "2406.01014");
    REQUIRE(m);
    CHECK(get(*m, m->title) == "Mobile-Agent-v2: Mobile Device Operation Assistant with Effective Navigation via Multi-Agent Collaboration");
    for (const auto& p : r.papers) CHECK(p.date == day("2024-06-06"));

    // The fixture was made from the digest: the same ids, titles and authors; votes both sides of it.
    auto dir = dvtest::corpus_dir();
    if (dir.empty()) {
        WARN("corpus not found: the comparison with the digest is skipped");
        return;
    }
    auto md_path = dir / "l-yohai-daily_papers_ko/2024/06/06.md";
    REQUIRE(std::filesystem::exists(md_path));
    auto md = parse(dvtest::read_file(md_path), md_path.string());
    REQUIRE(md.papers.size() == 12);
    size_t higher = 0, lower = 0;
    for (const auto& q : md.papers) {
        const Paper* p = by_id(r, get(q, q.arxiv_id));
        INFO(get(q, q.arxiv_id));
        REQUIRE(p);
        CHECK(get(*p, p->title) == get(q, q.title));
        CHECK(authors(*p) == authors(q));
        higher += p->votes > q.votes;
        lower += p->votes < q.votes;
    }
    CHECK(higher >= 1);
    CHECK(lower >= 1);
}

TEST_CASE("Python-repr strings in a JSON array, and the status wrapper", "[hf_json]") {
    auto r = parse_hf("repr_2024-12-17.json");
    INFO(dump(r));
    CHECK(r.format == "hf-api-json");
    CHECK(r.date == day("2024-12-17"));
    REQUIRE(r.papers.size() == 2);
    // The third item is a cut-off repr: an Error naming it and where, the others still read.
    CHECK(count(r, Severity::Error) == 1);
    CHECK(has_message(r, Severity::Error, "item 3 is not a readable Python literal: offset 40: unterminated string"));
    const Paper& a = r.papers[0];
    CHECK(get(a, a.arxiv_id) == "2412.20001");
    CHECK(get(a, a.title) == "It's a \"Quoted\" Title: Wrapped Once");
    CHECK(authors(a) == std::vector<std::string>{"Zoë O'Neil", "Ravi \"RJ\" Jain"});
    CHECK(a.votes == 12);
    // \u200b kept, the \x07 control read as a space, astral \U escapes decoded.
    CHECK(item(a, "Abstract") == "Line one\xE2\x80\x8B with a bell . Line two — ünïcödé and \xF0\x9F\x98\x80 and a tag \xF3\xA0\x81\x81.");
    CHECK(item(a, "Comments") == "2");
    CHECK(get(r.papers[1], r.papers[1].arxiv_id) == "2412.20002");
    CHECK(item(r.papers[1], "Abstract") == "Tabs and back\\\\slashes.");
    CHECK(r.papers[1].line == 2);

    auto w = parse_hf("wrapped.json");
    INFO(dump(w));
    CHECK(w.format == "hf-api-json");
    CHECK(w.diagnostics.empty());
    CHECK(w.date == day("2025-01-10"));  // the wrapper's date: the name has none
    REQUIRE(w.papers.size() == 2);
    CHECK(get(w.papers[0], w.papers[0].arxiv_id) == "2501.30001");
    CHECK(w.papers[0].votes == 8);
    CHECK(w.papers[1].date == day("2025-01-10"));
}

TEST_CASE("listing date: submittedOnDailyAt, old publishedAt, none after 2025-03-11", "[hf_json]") {
    auto s = parse_hf("api_undated_submitted.json");
    INFO(dump(s));
    REQUIRE(s.papers.size() == 1);
    CHECK(s.papers[0].date == day("2025-07-02"));  // not paper.publishedAt (arXiv) nor the top-level one
    CHECK(s.date == day("2025-07-02"));
    CHECK(s.diagnostics.empty());

    auto p = parse_hf("api_undated_posted.json");
    INFO(dump(p));
    REQUIRE(p.papers.size() == 2);
    // Posted 2024-12-16 22:30 and 2024-12-17 10:00 UTC: one day's list, the later UTC date.
    CHECK(p.papers[0].date == day("2024-12-17"));
    CHECK(p.papers[1].date == day("2024-12-17"));
    CHECK(p.date == day("2024-12-17"));

    auto l = parse_hf("api_undated_late.json");
    INFO(dump(l));
    REQUIRE(l.papers.size() == 1);
    CHECK(l.papers[0].date == kNoDate);
    CHECK(l.date == kNoDate);
    CHECK(has_message(l, Severity::Warning, "no listing date for 1 of 1 papers"));

    // The file name wins over everything in the items.
    auto n = parse(dvtest::fixture("hf/api_undated_submitted.json"), "archive/2025-07-09.json");
    REQUIRE(n.papers.size() == 1);
    CHECK(n.papers[0].date == day("2025-07-09"));
}

TEST_CASE("empty day, error body, foreign and broken JSON: diagnostics, no papers", "[hf_json]") {
    auto e = parse_hf("empty_day_2025-10-18.json");
    INFO(dump(e));
    CHECK(e.papers.empty());
    CHECK(e.format == "hf-api-json");
    CHECK(e.date == day("2025-10-18"));
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].severity == Severity::Info);
    CHECK(e.diagnostics[0].message.find("bare JSON 1") != std::string::npos);

    auto b = parse_hf("error_body.json");
    INFO(dump(b));
    CHECK(b.papers.empty());
    CHECK(b.format == "hf-api-error");
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].severity == Severity::Error);
    CHECK(b.diagnostics[0].message.find("\"Sorry, the page you asked for is not here.\"") != std::string::npos);

    auto fo = parse_hf("foreign_object.json");
    INFO(dump(fo));
    CHECK(fo.papers.empty());
    CHECK(fo.format.empty());
    REQUIRE(fo.diagnostics.size() == 1);
    CHECK(fo.diagnostics[0].severity == Severity::Error);
    CHECK(fo.diagnostics[0].message.find("not Hugging Face Daily Papers JSON: found an object with keys") != std::string::npos);
    CHECK(fo.diagnostics[0].message.find("\"version\"") != std::string::npos);

    auto fa = parse_hf("foreign_array.json");
    INFO(dump(fa));
    CHECK(fa.papers.empty());
    REQUIRE(fa.diagnostics.size() == 1);
    CHECK(fa.diagnostics[0].message.find("an array of 2 values, the first an object with keys \"city\"") != std::string::npos);

    auto m = parse_hf("malformed.json");
    INFO(dump(m));
    CHECK(m.papers.empty());
    REQUIRE(m.diagnostics.size() == 1);
    CHECK(m.diagnostics[0].severity == Severity::Error);
    CHECK(m.diagnostics[0].line == 4);  // the missing comma is at the end of line 3; line 4 is where it shows
    CHECK(m.diagnostics[0].message.find("malformed JSON at byte 77") != std::string::npos);
    CHECK(m.diagnostics[0].message.find("line 4, column 11") != std::string::npos);

    auto t = parse_hf("truncated_2024-06-06.json");
    INFO(dump(t));
    CHECK(t.papers.empty());
    REQUIRE(t.diagnostics.size() == 1);
    CHECK(t.diagnostics[0].severity == Severity::Error);
    CHECK(t.diagnostics[0].message.find("truncated JSON: the text ends at byte " +
                                        std::to_string(dvtest::fixture("hf/truncated_2024-06-06.json").size())) == 0);

    auto z = parse("[]", "day.json");
    CHECK(z.papers.empty());
    CHECK(count(z, Severity::Info) == 1);
    CHECK(count(z, Severity::Error) == 0);
}

TEST_CASE("web page scrape: stars as counts, repository links, weekly repeats", "[hf_json]") {
    auto r = parse_hf("page_2026-03-02.json");
    INFO(dump(r));
    CHECK(r.format == "hf-page-json");
    CHECK(r.date == day("2026-03-02"));
    REQUIRE(r.papers.size() == 3);
    const Paper& a = r.papers[0];
    CHECK(get(a, a.arxiv_id) == "2603.00101");
    CHECK(get(a, a.url) == "https://huggingface.co/papers/2603.00101");
    CHECK(get(a, a.title) == "Thousands Liked This One");
    CHECK(a.votes == 2360);
    CHECK(authors(a) == std::vector<std::string>{"Kim Ha-eun", "Omar Haddad"});
    CHECK(labels(a) == std::vector<std::string>{"Abstract", "GitHub"});  // one repo, twice linked; not the page footer
    CHECK(item(a, "GitHub") == "[ha-eun/liked](https://github.com/ha-eun/liked)");
    CHECK(r.papers[1].votes == 66);
    CHECK(r.papers[1].authors.empty());
    CHECK(labels(r.papers[1]) == std::vector<std::string>{"Abstract"});
    CHECK(item(r.papers[1], "Abstract") == "An abstract with a\\_b and \\*stars\\*.");
    CHECK(r.papers[2].votes == kNoVotes);
    CHECK(has_message(r, Severity::Warning, "item 3: votes \"lots\" are not a count"));

    auto w = parse_hf("weekly/2026-W10.json");
    INFO(dump(w));
    CHECK(w.format == "hf-page-json");
    REQUIRE(w.papers.size() == 3);  // four entries, one id twice
    const Paper* m = by_id(w, "2603.00201");
    REQUIRE(m);
    CHECK(m->votes == 40);                             // the highest of 3 and 40
    CHECK(authors(*m) == std::vector<std::string>{"First Author", "Second Author"});  // the first entry's
    CHECK(item(*m, "Abstract") == "Seen on Monday first.");
    CHECK(item(*m, "GitHub") == "[late/repo](https://github.com/late/repo)");  // only the repeat had one
    CHECK(m->date == day("2026-03-02"));               // first listed on Monday
    CHECK(m->line == 1);
    CHECK(by_id(w, "2603.00202")->votes == 1200);
    CHECK(by_id(w, "2603.00203")->date == day("2026-03-03"));
    // No date in "2026-W10": each paper has its scrape day, the file has none.
    CHECK(w.date == kNoDate);
    CHECK(count(w, Severity::Warning) == 0);
    CHECK(has_message(w, Severity::Info, "1 entry repeats an id"));
    CHECK(has_message(w, Severity::Info, "several days, 2026-03-02 to 2026-03-03"));
}

TEST_CASE("Korean derived shape: the paper plus labelled Korean fields", "[hf_json]") {
    auto r = parse_hf("ko_2024-12-17_paper_ko.json");
    INFO(dump(r));
    CHECK(r.format == "hf-ko-json");
    CHECK(r.diagnostics.empty());
    CHECK(r.date == day("2024-12-17"));
    REQUIRE(r.papers.size() == 1);
    const Paper& p = r.papers[0];
    CHECK(get(p, p.arxiv_id) == "2412.20001");
    CHECK(get(p, p.title) == "It's a \"Quoted\" Title: Wrapped Once");  // the original title, not the translation
    CHECK(p.votes == 13);
    CHECK(labels(p) == std::vector<std::string>{"Translated title", "Translated summary", "Purpose", "Keywords", "Advertising copy", "Abstract"});
    CHECK(item(p, "Translated title") == "따옴표가 있는 제목");
    CHECK(item(p, "Keywords") == "에이전트, Floor Plans");
    CHECK(item(p, "Advertising copy") == "평면도를 읽고 싶다면 이 논문을 보세요\\!");
    CHECK(item(p, "Abstract") == "English abstract.");
}

TEST_CASE("dispatch: JSON by name or content, markdown otherwise", "[hf_json]") {
    // JSON content under a .md name is read as JSON.
    auto j = parse(dvtest::fixture("hf/wrapped.json"), "digest.md");
    CHECK(j.format == "hf-api-json");
    CHECK(j.papers.size() == 2);
    // Markdown that starts with a link is still markdown.
    auto m = parse("[Home](https://example.org)\n\n## Daily Papers (2024-06-06)\n\n### [T](https://arxiv.org/abs/2406.00001)\n\n- x\n", "readme.md");
    CHECK(m.papers.size() == 1);
    CHECK(m.format != "hf-api-json");
    // A single paper object (as /api/papers/ID gives) is one paper.
    auto one = parse(R"({"id": "2406.00001", "title": "Single", "authors": [{"name": "A"}], "upvotes": 5})", "2024-06-06.json");
    REQUIRE(one.papers.size() == 1);
    CHECK(one.papers[0].votes == 5);
    CHECK(one.format == "hf-api-json");
}

TEST_CASE("hostile JSON: never throws, always a result", "[hf_json][robust]") {
    CHECK(parse("", "x.json").diagnostics.at(0).message == "empty file");
    auto bin = parse(std::string("\0\x01\x02[{", 5), "x.json");
    CHECK(bin.papers.empty());
    CHECK(count(bin, Severity::Error) == 1);

    // Deep nesting, in JSON and inside a repr string.
    std::string deep = std::string(200000, '[') + std::string(200000, ']');
    auto d = parse(deep, "deep.json");
    CHECK(d.papers.empty());
    CHECK(count(d, Severity::Error) == 1);
    std::string repr = "[\"{'paper': " + std::string(5000, '[') + "\"]";
    auto rd = parse(repr, "deep_repr.json");
    CHECK(rd.papers.empty());
    CHECK(has_message(rd, Severity::Error, "depth limit"));

    // Broken UTF-8 inside a string: sanitized with a warning, then read.
    std::string latin = R"([{"paper": {"id": "2406.00001", "title": "Caf)" "\xE9" R"(", "authors": [], "upvotes": 1}}])";
    auto u = parse(latin, "2024-06-06.json");
    REQUIRE(u.papers.size() == 1);
    CHECK(get(u.papers[0], u.papers[0].title) == "Caf\xEF\xBF\xBD");
    CHECK(count(u, Severity::Warning) == 1);

    // Wrong types everywhere: no papers or papers without the field, never a throw.
    auto wt = parse(R"([{"paper": {"id": 2406, "title": ["x"], "authors": "A, B", "upvotes": "many", "summary": 3}, "numComments": "x", "submittedBy": 1},
                        {"paper": {"id": "2406.00002", "title": "Ok", "authors": [1, null, {"name": 5}, {"name": "Real"}], "upvotes": -3, "ai_keywords": "k"}}])",
                     "2024-06-06.json");
    INFO(dump(wt));
    REQUIRE(wt.papers.size() == 2);
    CHECK(get(wt.papers[0], wt.papers[0].title) == "(untitled)");
    CHECK(wt.papers[0].votes == kNoVotes);
    CHECK(authors(wt.papers[1]) == std::vector<std::string>{"Real"});
    CHECK(wt.papers[1].votes == kNoVotes);

    // Every prefix of a real-shaped file: a result each time, papers only from complete JSON.
    std::string full = dvtest::fixture("hf/api_2025-06-25.json");
    for (size_t n = 0; n < full.size(); n += 7) {
        auto r = parse(std::string_view(full).substr(0, n), "2025-06-25.json");
        INFO(n);
        CHECK(r.papers.empty());
        CHECK(count(r, Severity::Error) == 1);
    }
}

// --- The real archives ---------------------------------------------------------------------------

namespace {

// Figures read with Python, independently of this parser, e.g.
//   python3 -c 'import json, ast; d = json.load(open(F)); d = d["data"] if isinstance(d, dict) else d;
//               items = [ast.literal_eval(x) if isinstance(x, str) else x for x in d]; ...'
// papers = distinct paper.id (or the id at the end of paper_url); votes = paper.upvotes, or stars
// with "2.36k" read as 2360, the highest for a repeated id; first/last = first and last distinct id
// in file order; top = the id with the most votes (the first of equals); date = the file name's.
struct Expect {
    const char* path;
    size_t papers;
    const char* date;  // nullptr: none
    const char* format;
    const char* first;
    int first_votes;
    const char* last;
    int last_votes;
    const char* top;
    int top_votes;
    size_t first_authors;  // distinct non-empty names of the first paper
};

const Expect kArchive[] = {
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2024-05-28.json", 15, "2024-05-28", "hf-api-json", "2405.17247", 33, "2405.17414", 4, "2405.17247", 33, 41},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2024-10-25.json", 25, "2024-10-25", "hf-api-json", "2410.17243", 39, "2410.18234", 1, "2410.17243", 39, 9},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2024-12-17.json", 23, "2024-12-17", "hf-api-json", "2412.09645", 23, "2412.11100", 0, "2412.09645", 23, 5},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2025-01-10.json", 9, "2025-01-10", "hf-api-json", "2501.05441", 51, "2501.04828", 6, "2501.05441", 51, 4},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2025-06-25.json", 14, "2025-06-25", "hf-api-json", "2506.19851", 21, "2506.19850", 1, "2506.19851", 21, 6},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2025-10-03.json", 39, "2025-10-03", "hf-api-json", "2510.02283", 43, "2509.26330", 0, "2510.02283", 43, 9},
    {"2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2026-08-21.json", 17, "2026-08-21", "hf-api-json", "2608.19880", 163, "2608.13210", 1, "2608.19880", 163, 17},
    {"2404589803-hf-daily-paper-newsletter-chinese/daily_papers/daily_papers_2024-03-12.json", 9, "2024-03-12", "hf-api-json", "2403.06634", 63, "2403.06775", 3, "2403.06634", 63, 13},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2025-12-04.json", 24, "2025-12-04", "hf-page-json", "2511.21631", 0, "2511.20494", 0, "2512.03043", 43, 0},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2025-12-09.json", 24, "2025-12-09", "hf-page-json", "2512.05150", 0, "2512.05339", 0, "2512.00473", 65, 0},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2026-02-01.json", 45, "2026-02-01", "hf-page-json", "2601.20833", 226, "2601.20381", 0, "2601.20833", 226, 0},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2026-04-02.json", 5, "2026-04-02", "hf-page-json", "2604.00073", 0, "2604.01221", 1, "2604.00528", 1, 0},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2026-06-01.json", 25, "2026-06-01", "hf-page-json", "2605.31584", 4, "2605.27919", 0, "2605.30876", 16, 0},
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/daily/2026-08-21.json", 22, "2026-08-21", "hf-page-json", "2608.17426", 11, "2608.19080", 0, "2608.16590", 186, 0},
    // 187 entries over 2026-08-17..22 with 3 ids repeated; no date in the name.
    {"AtharvaDomale-Daily-HuggingFace-AI-Papers/data/weekly/2026-W33.json", 184, nullptr, "hf-page-json", "2608.13546", 0, "2607.21596", 7, "2608.06867", 2360, 5},
    {"deep-diver-hf-daily-paper-newsletter/papers.json", 0, nullptr, "hf-api-error", nullptr, 0, nullptr, 0, nullptr, 0, 0},
    {"jeongiin-hf-daily-paper-korean-autoflow/hf-daily-paper-ko-gpt/2024-12-17_paper_ko.json", 2, "2024-12-17", "hf-ko-json", "2412.09871", 45, "2412.09645", 27, "2412.09871", 45, 14},
    {"jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2024-12-17.json", 28, "2024-12-17", "hf-api-json", "2412.09871", 45, "2412.11423", 0, "2412.09871", 45, 14},
    {"jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2025-06-25.json", 20, "2025-06-25", "hf-api-json", "2506.19851", 36, "2506.19433", 1, "2506.19851", 36, 6},
    {"jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2025-10-03.json", 47, "2025-10-03", "hf-api-json", "2510.00446", 64, "2510.01260", 0, "2510.00446", 64, 5},
    {"jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2025-10-18.json", 0, "2025-10-18", "hf-api-json", nullptr, 0, nullptr, 0, nullptr, 0, 0},
    {"jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2026-08-20.json", 16, "2026-08-20", "hf-api-json", "2608.17426", 151, "2608.18852", 1, "2608.17426", 151, 7},
};

}  // namespace

TEST_CASE("hf-json archives: every file's papers, date, ids and votes", "[hf_json][corpus]") {
    auto dir = dvtest::shared_dir("hf-json");
    if (dir.empty()) {
        WARN("../shared/hf-json not found: skipped");
        return;
    }
    auto files = dvtest::json_files(dir);
    std::set<std::string> listed;
    for (const Expect& e : kArchive) listed.insert((dir / e.path).string());
    for (const auto& f : files) {
        INFO(f.string());
        CHECK(listed.count(f.string()) == 1);  // every archived file has its figures here
    }
    CHECK(files.size() == std::size(kArchive));

    for (const Expect& e : kArchive) {
        auto path = dir / e.path;
        INFO(e.path);
        REQUIRE(std::filesystem::exists(path));
        auto r = parse(dvtest::read_file(path), path.string());
        INFO(dump(r));
        CHECK(r.papers.size() == e.papers);
        CHECK(r.format == e.format);
        CHECK(r.date == (e.date ? day(e.date) : kNoDate));
        std::set<std::string> ids;
        for (const auto& p : r.papers) {
            CHECK(!is_null(p.arxiv_id));
            ids.insert(std::string(get(p, p.arxiv_id)));
            CHECK(get(p, p.url) == "https://huggingface.co/papers/" + std::string(get(p, p.arxiv_id)));
            CHECK(get(p, p.title).find('\n') == std::string_view::npos);
            if (e.date) CHECK(p.date == day(e.date));
            else if (e.papers) CHECK(p.date != kNoDate);
        }
        CHECK(ids.size() == r.papers.size());
        if (e.papers == 0) continue;
        CHECK(count(r, Severity::Error) == 0);
        CHECK(count(r, Severity::Warning) == 0);
        CHECK(get(r.papers.front(), r.papers.front().arxiv_id) == e.first);
        CHECK(r.papers.front().votes == e.first_votes);
        CHECK(r.papers.front().authors.size() == e.first_authors);
        CHECK(get(r.papers.back(), r.papers.back().arxiv_id) == e.last);
        CHECK(r.papers.back().votes == e.last_votes);
        const Paper* top = by_id(r, e.top);
        REQUIRE(top);
        CHECK(top->votes == e.top_votes);
        for (const auto& p : r.papers) CHECK(p.votes <= e.top_votes);
    }
}

TEST_CASE("hf-json archives: the special files and shapes", "[hf_json][corpus]") {
    auto dir = dvtest::shared_dir("hf-json");
    if (dir.empty()) {
        WARN("../shared/hf-json not found: skipped");
        return;
    }
    auto read = [&](const char* rel) { return parse(dvtest::read_file(dir / rel), (dir / rel).string()); };

    auto err = read("deep-diver-hf-daily-paper-newsletter/papers.json");
    REQUIRE(err.diagnostics.size() == 1);
    CHECK(err.diagnostics[0].severity == Severity::Error);
    CHECK(err.diagnostics[0].message.find("\"Sorry, we can't find the page you are looking for.\"") != std::string::npos);

    auto one = read("jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2025-10-18.json");
    REQUIRE(one.diagnostics.size() == 1);
    CHECK(one.diagnostics[0].severity == Severity::Info);

    // The two captures of 2024-12-17: 23 at 07:45 UTC, 28 after the day; a paper in both has
    // more votes in the later one (2412.09645: 23 then 27, read with Python).
    auto early = read("2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2024-12-17.json");
    auto late = read("jeongiin-hf-daily-paper-korean-autoflow/paper_metadata_download/2024-12-17.json");
    CHECK(early.papers.size() == 23);
    CHECK(late.papers.size() == 28);
    REQUIRE(by_id(early, "2412.09645"));
    REQUIRE(by_id(late, "2412.09645"));
    CHECK(by_id(early, "2412.09645")->votes == 23);
    CHECK(by_id(late, "2412.09645")->votes == 27);
    const Paper* blt = by_id(late, "2412.09871");
    REQUIRE(blt);
    CHECK(get(*blt, blt->title) == "Byte Latent Transformer: Patches Scale Better Than Tokens");
    CHECK(item(*blt, "Comments") == "5");

    // Modern fields (2026-08-21, first item, read with Python): GitHub with stars, keywords, AI summary.
    auto modern = read("2404589803-hf-daily-paper-newsletter-chinese/Paper_metadata_download/2026-08-21.json");
    REQUIRE(!modern.papers.empty());
    const Paper& env = modern.papers[0];
    CHECK(get(env, env.title) == "EnvHarness: Awakening Static Worlds for Agent Learning");
    CHECK(item(env, "GitHub") == "[google-research/envharness](https://github.com/google-research/envharness) · 8 stars");
    CHECK(item(env, "Submitted by") == "taesiri");
    CHECK(item(env, "AI summary").rfind("EnvHarness and EnvRigger", 0) == 0);
    CHECK(item(env, "Keywords").rfind("LLM agents", 0) == 0);

    // Weekly: the three repeated ids keep their highest stars (17, 4, 23) and their first day.
    auto week = read("AtharvaDomale-Daily-HuggingFace-AI-Papers/data/weekly/2026-W33.json");
    const std::map<std::string, std::pair<int, const char*>> repeats = {
        {"2608.13558", {17, "2026-08-17"}}, {"2608.12313", {4, "2026-08-17"}}, {"2608.18580", {23, "2026-08-20"}}};
    for (const auto& [id, want] : repeats) {
        const Paper* p = by_id(week, id);
        INFO(id);
        REQUIRE(p);
        CHECK(p->votes == want.first);
        CHECK(p->date == day(want.second));
        CHECK(p->authors.size() == 5);  // from the first entry; the repeats list none
    }
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    for (const auto& p : week.papers) lo = std::min(lo, p.date), hi = std::max(hi, p.date);
    CHECK(lo == day("2026-08-17"));
    CHECK(hi == day("2026-08-22"));

    // The Korean derived file: its two papers with their Korean items.
    auto ko = read("jeongiin-hf-daily-paper-korean-autoflow/hf-daily-paper-ko-gpt/2024-12-17_paper_ko.json");
    REQUIRE(ko.papers.size() == 2);
    CHECK(item(ko.papers[0], "Translated title") == "Byte Latent Transformer: 패치는 토큰보다 더 잘 확장됩니다");
    CHECK(item(ko.papers[0], "Keywords") == "Large Language Models, Natural Language Processing, Computer Vision");
}
