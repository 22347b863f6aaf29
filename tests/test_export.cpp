// Export: JSON shapes and nulls, CSV (RFC 4180 + formula-injection guard), markdown escaping and
// the markdown round trip (crafted tricky papers and the whole real corpus).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/export.h"
#include "core/library.h"
#include "core/paper_builder.h"
#include "core/parser.h"
#include "core/query.h"
#include "core/stats.h"
#include "fuzz_checks.h"
#include "test_util.h"

using nlohmann::json;

namespace {

int32_t day(const char* s) {
    int32_t d = dv::kNoDate;
    REQUIRE(dv::parse_date(s, d));
    return d;
}

using dvfuzz::paper_diff;  // one definition, shared with the fuzz round trip (tests/fuzz/fuzz_checks.h)

dv::PaperDraft draft(const char* title, const char* url, int32_t votes) {
    dv::PaperDraft d;
    d.title = title;
    d.url = url;
    d.arxiv_id = dv::arxiv_id_from_url(url);
    d.votes = votes;
    d.date = day("2024-06-06");
    d.line = 3;
    return d;
}

// A library from markdown texts (name, bytes), rebuilt once.
dv::Library library_of(const std::vector<std::pair<std::string, std::string>>& files) {
    dv::Library lib;
    for (auto& [name, bytes] : files) dv::library_add(lib, name, bytes);
    dv::library_rebuild(lib);
    return lib;
}

// A library of papers built directly (bypassing the parser), one file, rebuilt once.
dv::Library library_of_drafts(const std::vector<dv::PaperDraft>& drafts) {
    dv::Library lib;
    dv::LoadedFile f;
    f.name = "drafts.md";
    for (auto& d : drafts) f.papers.push_back(dv::build_paper(d));
    lib.files.push_back(std::move(f));
    dv::library_rebuild(lib);
    return lib;
}

std::vector<uint32_t> all_entries(const dv::Library& lib) {
    std::vector<uint32_t> r(lib.entries.size());
    for (uint32_t i = 0; i < r.size(); ++i) r[i] = i;
    return r;
}

const char* kDigest =
    "## Daily Papers (2024-06-06)\n\n"
    "### [Alpha: a, \"quoted\" title](https://arxiv.org/abs/2406.00001)\n\n"
    "![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.00001.png)\n\n"
    "Vote: 42\n\n"
    "Authors: Ann One, Bob Two\n\n"
    "- ***What's New***: =SUM(A1) first\n"
    "- ***Technical Details***: second, with a comma\n\n"
    "### [=cmd|' /C calc'!A0](https://arxiv.org/abs/2406.00002)\n\n"
    "Vote: -\n\n"
    "Authors: @evil, -minus, +plus\n\n"
    "- plain bullet\n\n"
    "## Daily Papers (2024-06-07)\n\n"
    "### [Gamma](https://arxiv.org/abs/2406.00003)\n\n"
    "Vote: 7\n\n"
    "Authors: Cy\n\n"
    "- one\n\n";

// A minimal RFC 4180 reader for the checks: records of cells.
std::vector<std::vector<std::string>> read_csv(const std::string& s, bool& crlf_only) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    crlf_only = true;
    size_t i = 0;
    bool in_quotes = false, quoted = false;
    while (i < s.size()) {
        char c = s[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                    continue;
                }
                in_quotes = false;
                ++i;
                continue;
            }
            cell += c;
            ++i;
            continue;
        }
        if (c == '"' && cell.empty() && !quoted) {
            in_quotes = quoted = true;
            ++i;
            continue;
        }
        if (c == ',') {
            row.push_back(cell);
            cell.clear();
            quoted = false;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (!(c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) crlf_only = false;
            row.push_back(cell);
            cell.clear();
            quoted = false;
            rows.push_back(row);
            row.clear();
            i += (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        cell += c;
        ++i;
    }
    if (!cell.empty() || !row.empty()) {
        row.push_back(cell);
        rows.push_back(row);
        crlf_only = false;  // last record must end with CRLF too
    }
    return rows;
}

}  // namespace

TEST_CASE("paper_json: fields and nulls", "[export][json]") {
    dv::PaperDraft d = draft("Title", "https://arxiv.org/abs/2406.00001", 12);
    d.thumbnail = "https://example.org/t.png";
    d.authors = {"A", "B"};
    d.summary = {{"What's New", "new **bold**", 0}, {"", "unlabeled", 0}};
    dv::Paper p = dv::build_paper(d);
    json j = dv::paper_json(p, "src.md");
    CHECK(j["date"] == "2024-06-06");
    CHECK(j["title"] == "Title");
    CHECK(j["url"] == "https://arxiv.org/abs/2406.00001");
    CHECK(j["arxiv_id"] == "2406.00001");
    CHECK(j["thumbnail"] == "https://example.org/t.png");
    CHECK(j["votes"] == 12);
    CHECK(j["authors"] == json::array({"A", "B"}));
    REQUIRE(j["summary"].size() == 2);
    CHECK(j["summary"][0]["label"] == "What's New");
    CHECK(j["summary"][0]["text"] == "new **bold**");
    CHECK(j["summary"][1]["label"].is_null());
    CHECK(j["summary"][1]["text"] == "unlabeled");
    CHECK(j["source"] == "src.md");
    CHECK(j["line"] == 3);

    dv::PaperDraft bare;
    bare.title = "Bare";
    dv::Paper q = dv::build_paper(bare);
    json k = dv::paper_json(q, "x");
    CHECK(k["date"].is_null());
    CHECK(k["url"].is_null());
    CHECK(k["arxiv_id"].is_null());
    CHECK(k["thumbnail"].is_null());
    CHECK(k["votes"].is_null());
    CHECK(k["authors"].is_array());
    CHECK(k["authors"].empty());
    CHECK(k["summary"].is_array());
    CHECK(k.size() == 10);
}

TEST_CASE("entry_json: percentile rounding, days, votes", "[export][json]") {
    std::string again =  // the same paper on a later day with more votes
        "## Daily Papers (2024-06-10)\n\n"
        "### [Gamma](https://arxiv.org/abs/2406.00003)\n\nVote: 9\n\nAuthors: Cy\n\n- one\n\n"
        "### [Delta](https://arxiv.org/abs/2406.00004)\n\nVote: 3\n\nAuthors: Di\n\n- two\n\n";
    dv::Library lib = library_of({{"a/2024-06-06.md", kDigest}, {"b/2024-06-10.md", again}});
    REQUIRE(lib.entries.size() == 4);
    bool saw_gamma = false;
    for (uint32_t i = 0; i < lib.entries.size(); ++i) {
        json j = dv::entry_json(lib, i);
        INFO(j.dump());
        REQUIRE(j.contains("percentile"));
        REQUIRE(j.contains("days"));
        CHECK(j["days"].is_array());
        CHECK(j["days"].size() == lib.entries[i].appearance_count);
        if (lib.entries[i].percentile < 0) {
            CHECK(j["percentile"].is_null());
        } else {
            double v = j["percentile"].get<double>();
            CHECK(std::abs(v * 10 - std::round(v * 10)) < 1e-9);
            CHECK(std::abs(v - lib.entries[i].percentile) <= 0.05 + 1e-6);
        }
        if (j["arxiv_id"] == "2406.00003") {
            saw_gamma = true;
            CHECK(j["days"] == json::array({"2024-06-07", "2024-06-10"}));
            CHECK(j["votes"] == 9);
            CHECK(j["date"] == "2024-06-07");  // the entry's earliest appearance
        }
        if (j["arxiv_id"] == "2406.00002") CHECK(j["votes"].is_null());
    }
    CHECK(saw_gamma);
}

TEST_CASE("export_json: shape, diagnostics, invalid UTF-8 never throws", "[export][json]") {
    dv::Library lib = library_of({{"d.md", kDigest}});
    dv::Diagnostic diag{"d.md", 4, dv::Severity::Error, "bad \xff byte"};
    std::string s = dv::export_json(lib, all_entries(lib), {diag});
    json j = json::parse(s, nullptr, false);
    REQUIRE(!j.is_discarded());
    CHECK(j["papers"].size() == 3);
    REQUIRE(j["diagnostics"].size() == 1);
    CHECK(j["diagnostics"][0]["source"] == "d.md");
    CHECK(j["diagnostics"][0]["line"] == 4);
    CHECK(j["diagnostics"][0]["severity"] == "error");
    CHECK(j["diagnostics"][0]["message"] == "bad \xEF\xBF\xBD byte");
    CHECK(s.find('\n') == std::string::npos);  // compact

    // A paper built directly (bypassing the parser's sanitizer) with invalid UTF-8.
    dv::PaperDraft d = draft("bad \xC3 title", "https://arxiv.org/abs/2406.00009", 1);
    dv::Paper p = dv::build_paper(d);
    json pj = dv::paper_json(p, "x");
    std::string dumped;
    REQUIRE_NOTHROW(dumped = pj.dump(-1, ' ', false, json::error_handler_t::replace));
    CHECK(dumped.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("stats_json: shape and consistency", "[export][json][stats]") {
    dv::Library lib = library_of({{"d.md", kDigest}});
    auto all = all_entries(lib);
    dv::Stats st = dv::compute_stats(lib, all);
    json j = dv::stats_json(lib, st);
    for (const char* k : {"papers", "without_votes", "vote_histogram", "per_day", "top_papers", "top_authors_by_papers",
                          "top_authors_by_votes", "weekdays"})
        CHECK(j.contains(k));
    CHECK(j["papers"] == 3);
    CHECK(j["without_votes"] == 1);
    uint32_t hist = 0;
    for (auto& b : j["vote_histogram"]) {
        CHECK(b["lo"].get<int>() < b["hi"].get<int>());
        hist += b["count"].get<uint32_t>();
    }
    CHECK(hist == 2);
    REQUIRE(j["per_day"].size() == 2);
    CHECK(j["per_day"][0]["date"] == "2024-06-06");
    CHECK(j["per_day"][0]["papers"] == 2);
    CHECK(j["per_day"][0]["max"] == 42);
    CHECK(j["per_day"][0]["total"] == 42);
    CHECK(j["per_day"][1]["date"] == "2024-06-07");
    REQUIRE(j["weekdays"].size() == 7);
    CHECK(j["weekdays"][0]["weekday"] == "Mon");
    CHECK(j["weekdays"][3]["weekday"] == "Thu");  // 2024-06-06 was a Thursday
    CHECK(j["weekdays"][3]["papers"] == 1);
    CHECK(j["weekdays"][3]["mean_votes"] == 42.0);
    REQUIRE(j["top_papers"].size() >= 1);
    CHECK(j["top_papers"][0]["votes"] == 42);
    CHECK(j["top_papers"][0]["arxiv_id"] == "2406.00001");
    CHECK(j["top_papers"][0].contains("title"));
    CHECK(j["top_papers"][0].contains("date"));
    for (auto& a : j["top_authors_by_papers"]) {
        CHECK(a.contains("name"));
        CHECK(a.contains("papers"));
        CHECK(a.contains("votes"));
    }
}

TEST_CASE("export_csv: RFC 4180 quoting and formula-injection guard", "[export][csv]") {
    dv::Library lib = library_of({{"d.md", kDigest}});
    std::string csv = dv::export_csv(lib, all_entries(lib));
    CHECK(csv.rfind("date,votes,percentile,title,authors,arxiv_id,url,thumbnail,summary\r\n", 0) == 0);
    bool crlf_only = false;
    auto rows = read_csv(csv, crlf_only);
    CHECK(crlf_only);
    REQUIRE(rows.size() == 4);
    for (auto& r : rows) CHECK(r.size() == 9);
    // Library order: 2024-06-07 first (date desc), then 42 votes, then the one without votes.
    CHECK(rows[1][0] == "2024-06-07");
    CHECK(rows[2][0] == "2024-06-06");
    CHECK(rows[2][1] == "42");
    CHECK(rows[2][3] == "Alpha: a, \"quoted\" title");
    CHECK(rows[2][4] == "Ann One; Bob Two");
    CHECK(rows[2][5] == "2406.00001");
    CHECK(rows[2][8] == "What's New: =SUM(A1) first\nTechnical Details: second, with a comma");
    // The raw text quotes the cell with doubled quotes.
    CHECK(csv.find("\"Alpha: a, \"\"quoted\"\" title\"") != std::string::npos);
    // Injection guard: cells starting with = + - @ get a leading quote.
    CHECK(rows[3][1].empty());  // no votes: empty cell
    CHECK(rows[3][2].empty());  // no percentile
    CHECK(rows[3][3] == "'=cmd|' /C calc'!A0");
    CHECK(rows[3][4] == "'@evil; -minus; +plus");
    CHECK(rows[3][8] == "plain bullet");
    // Percentiles are written with one decimal.
    if (!rows[2][2].empty()) CHECK(rows[2][2].find('.') == rows[2][2].size() - 2);
}

TEST_CASE("export_csv: guard and quoting per leading character", "[export][csv]") {
    struct Case {
        const char* text;
        const char* cell;  // the CSV text expected for the cell
    } cases[] = {
        {"=1+1", "'=1+1"},
        {"+1", "'+1"},
        {"-1", "'-1"},
        {"@SUM(1)", "'@SUM(1)"},
        {"\tx", "'\tx"},
        {"\rx", "\"'\rx\""},
        {"a=1", "a=1"},
        {" =1", " =1"},
        {"a,b", "\"a,b\""},
        {"=a,b", "\"'=a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"\"", "\"\"\"\""},
    };
    for (auto& c : cases) {
        dv::PaperDraft d = draft(c.text, "https://arxiv.org/abs/2406.00001", 1);
        d.authors = {c.text};
        dv::Library lib = library_of_drafts({d});
        REQUIRE(lib.entries.size() == 1);
        std::string csv = dv::export_csv(lib, {0});
        INFO(c.text << " -> " << csv);
        std::string row = csv.substr(csv.find("\r\n") + 2);
        // date,votes,percentile,TITLE,AUTHORS,...
        std::string title_and_author = std::string(c.cell) + "," + c.cell + ",";
        size_t pos = 0;
        for (int k = 0; k < 3; ++k) pos = row.find(',', pos) + 1;
        CHECK(row.compare(pos, title_and_author.size(), title_and_author) == 0);
        CHECK(row.size() >= 2);
        CHECK(row.compare(row.size() - 2, 2, "\r\n") == 0);
    }
}

TEST_CASE("escape_markdown: cmark gives back the literal title", "[export][markdown]") {
    const char* titles[] = {
        "I Don't Know: An Explicit Modeling of Uncertainty with an [IDK] Token",
        "GPT-[n] and o-[n] Models",
        "Sigma$^{2}$: $\\textsc{Foo}$ & $\\nabla^2$DFT",
        "Evaluating the role of `Constitutions' for learning",
        "A *star* and _under_score__ and **bold**",
        "<EOS> tags & &amp; entities &#65; <b>html</b>",
        "Back\\slash \\ and trailing \\",
        "![not an image](x) and [link](y) and <https://auto.link>",
        "# not a heading ## and 1. not a list - and + and > quote",
        "Ünïcödé Σ σ 지수적으로 빠른 언어 모델링",
        "Pipes | tildes ~~x~~ and = == --- ***",
    };
    for (const char* t : titles) {
        dv::PaperDraft d = draft(t, "https://arxiv.org/abs/2406.00001", 5);
        dv::Paper p = dv::build_paper(d);
        std::string md = dv::markdown_of({&p});
        INFO(md);
        dv::ParseResult r = dv::parse(md, "x.md");
        REQUIRE(r.papers.size() == 1);
        CHECK(dv::get(r.papers[0], r.papers[0].title) == t);
    }
}

TEST_CASE("markdown round trip: crafted tricky papers", "[export][markdown]") {
    std::vector<dv::PaperDraft> drafts;
    {
        dv::PaperDraft d = draft("[IDK] $^{2}$ `code` & * _ < > \\ title", "https://arxiv.org/abs/2412.01234", 17);
        d.thumbnail = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2412.01234.png";
        d.authors = {"Ann One", "Bob, Jr.", "Sercan \"O. Arik", "Chau Pham"};
        d.summary = {{"What's New", "텍스트 **bold** and `code` and $x_1$ <EOS>", 0},
                     {"Technical Details", "details: a, b", 0},
                     {"Performance *Highlights* [x]", "perf", 0}};
        drafts.push_back(d);
    }
    {
        dv::PaperDraft d = draft("No votes, no thumbnail", "https://arxiv.org/abs/2401.00002", dv::kNoVotes);
        d.authors = {"O'Brien, Pat", "Solo"};
        d.summary = {{"", "plain bullet one", 0}, {"", "(1) nested child", 1}, {"", "grandchild", 2}, {"", "back", 0},
                     // Unlabeled text that would read as a label if it led a list item (a stray
                     // paragraph in the source), then a multi-line item.
                     {"", "**Note**: a stray paragraph\nwith a second line", 0},
                     {"", "two lines\nin one item", 0}};
        drafts.push_back(d);
    }
    {
        dv::PaperDraft d = draft("Zero votes", "https://arxiv.org/abs/2401.00003", 0);
        d.date = day("2024-06-07");
        d.authors = {"Q"};
        d.summary = {{"Conclusion", "끝.", 0}};
        drafts.push_back(d);
    }
    {
        dv::PaperDraft d = draft("Undated", "https://arxiv.org/abs/2401.00004", 3);
        d.date = dv::kNoDate;
        drafts.push_back(d);
    }
    std::vector<dv::Paper> papers;
    for (auto& d : drafts) papers.push_back(dv::build_paper(d));
    std::vector<const dv::Paper*> ptrs;
    for (auto& p : papers) ptrs.push_back(&p);
    std::string md = dv::markdown_of(ptrs);
    INFO(md);
    // Dates descending, undated last.
    CHECK(md.find("## Daily Papers (2024-06-07)") < md.find("## Daily Papers (2024-06-06)"));
    CHECK(md.find("Vote: -") != std::string::npos);
    dv::ParseResult r = dv::parse(md, "export.md");
    REQUIRE(r.papers.size() == drafts.size());
    // Expected order: 2024-06-07, then 2024-06-06 in input order, then the undated one.
    std::vector<size_t> order = {2, 0, 1, 3};
    for (size_t i = 0; i < order.size(); ++i) {
        std::string diff = paper_diff(drafts[order[i]], dv::draft_of(r.papers[i]));
        INFO("paper " << i << ": " << diff);
        CHECK(diff.empty());
    }
}

TEST_CASE("markdown round trip: export_markdown of a library", "[export][markdown]") {
    dv::Library lib = library_of({{"d.md", kDigest}});
    auto all = all_entries(lib);
    std::string md = dv::export_markdown(lib, all);
    dv::ParseResult r = dv::parse(md, "export.md");
    REQUIRE(r.papers.size() == all.size());
    std::stable_sort(all.begin(), all.end(), [&](uint32_t x, uint32_t y) { return lib.entries[x].date > lib.entries[y].date; });
    for (size_t i = 0; i < all.size(); ++i) {
        const dv::Entry& e = lib.entries[all[i]];
        dv::PaperDraft want = dv::draft_of(dv::entry_paper(lib, e));
        want.date = e.date;
        std::string diff = paper_diff(want, dv::draft_of(r.papers[i]));
        INFO(diff);
        CHECK(diff.empty());
    }
}

TEST_CASE("markdown round trip: the whole real corpus", "[export][markdown][corpus]") {
    auto files = dvtest::digest_files(dvtest::corpus_dir());
    if (files.empty()) {
        WARN("corpus not found (set DIGEST_CORPUS): skipped");
        return;
    }
    // Per file: every paper as written comes back from parse(markdown_of(papers)).
    size_t papers = 0, failures = 0;
    dv::Library lib;
    for (auto& f : files) {
        std::string bytes = dvtest::read_file(f);
        dv::library_add(lib, f.string(), bytes);
        dv::ParseResult a = dv::parse(bytes, f.string());
        std::vector<const dv::Paper*> ptrs;
        for (auto& p : a.papers) ptrs.push_back(&p);
        std::string md = dv::markdown_of(ptrs);
        dv::ParseResult b = dv::parse(md, "roundtrip.md");
        INFO(f.string());
        REQUIRE(b.papers.size() == a.papers.size());
        // markdown_of groups by date (stable): compare against the same grouping.
        std::vector<const dv::Paper*> sorted = ptrs;
        std::stable_sort(sorted.begin(), sorted.end(), [](const dv::Paper* x, const dv::Paper* y) {
            if (x->date == dv::kNoDate || y->date == dv::kNoDate) return x->date != dv::kNoDate && y->date == dv::kNoDate;
            return x->date > y->date;
        });
        for (size_t i = 0; i < sorted.size(); ++i) {
            std::string diff = paper_diff(dv::draft_of(*sorted[i]), dv::draft_of(b.papers[i]));
            if (!diff.empty() && failures++ < 10) FAIL_CHECK(f.string() << " line " << sorted[i]->line << ": " << diff);
        }
        papers += a.papers.size();
    }
    CHECK(failures == 0);
    CHECK(papers > 5000);

    // The whole deduplicated library in one export.
    dv::library_rebuild(lib);
    auto all = all_entries(lib);
    std::string md = dv::export_markdown(lib, all);
    dv::ParseResult r = dv::parse(md, "library.md");
    REQUIRE(r.papers.size() == all.size());
    // Sections by entry date, descending; the result order within a date.
    std::stable_sort(all.begin(), all.end(), [&](uint32_t x, uint32_t y) {
        int32_t a = lib.entries[x].date, b = lib.entries[y].date;
        if (a == dv::kNoDate || b == dv::kNoDate) return a != dv::kNoDate && b == dv::kNoDate;
        return a > b;
    });
    size_t lib_failures = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        const dv::Entry& e = lib.entries[all[i]];
        dv::PaperDraft want = dv::draft_of(dv::entry_paper(lib, e));
        want.date = e.date;
        std::string diff = paper_diff(want, dv::draft_of(r.papers[i]));
        if (!diff.empty() && lib_failures++ < 10) FAIL_CHECK("entry " << i << ": " << diff);
    }
    CHECK(lib_failures == 0);
    // Re-importing the export gives the same library size.
    dv::Library again = library_of({{"library.md", md}});
    CHECK(again.entries.size() == lib.entries.size());
}

// Moved from test_chart_math.cpp with CsvWriter (now core/export.h, the one CSV escaper).
using namespace dv;

TEST_CASE("chart CSV is RFC 4180 with formula guards", "[export][csv]") {
    CsvWriter w({"name", "n"});
    w.cell("a,b").cell(int64_t(-3));
    w.end_row();
    w.cell("=SUM(A1)").cell(1.5);
    w.end_row();
    w.cell("say \"hi\"").cell(std::nan(""));
    w.end_row();
    w.cell("줄\n바꿈").cell(int64_t(0));
    w.end_row();
    CHECK(w.str() == "name,n\r\n\"a,b\",-3\r\n'=SUM(A1),1.5\r\n\"say \"\"hi\"\"\",\r\n\"줄\n바꿈\",0\r\n");

    Stats s;
    s.vote_histogram = {{0, 1, 3}, {1, 2, 1}, {2, 4, 7}};
    CHECK(csv_vote_histogram(s) == "votes_from,votes_to,papers\r\n0,0,3\r\n1,1,1\r\n2,3,7\r\n");
    s.per_day.resize(2);
    s.per_day[0].date = days_from_civil(2024, 12, 31);
    s.per_day[0].papers = 2;
    s.per_day[0].total = 9;
    s.per_day[1].date = days_from_civil(2025, 1, 2);
    s.per_day[1].papers = 1;
    s.per_day[1].total = 4;
    CHECK(csv_calendar(s) ==
          "date,weekday,papers,total_votes\r\n2024-12-31,Tue,2,9\r\n2025-01-01,Wed,0,0\r\n2025-01-02,Thu,1,4\r\n");
    std::vector<AuthorStat> a = {{"Lee, J.", 3, 120}};
    CHECK(csv_authors(a) == "author,papers,total_votes\r\n\"Lee, J.\",3,120\r\n");
}
