// The digest shapes other producers write, one project-written fixture each (tests/data/shapes):
// a table, id-headed sections with fenced summaries and bare URLs, numbered Chinese sections with
// an original-title field, <details> blocks with star votes beside boilerplate sections, fields in
// Vietnamese with front matter, and a list of papers. The principle under test (issue 8): a paper
// is found by its arXiv id or its fields wherever its entry puts them, and what carries no paper
// is no paper.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/date.h"
#include "core/parser.h"
#include "test_util.h"

using namespace dv;

namespace {

ParseResult shape(const std::string& name) { return parse(dvtest::fixture("shapes/" + name), "shapes/" + name); }
std::string s(const Paper& p, Str x) { return std::string(get(p, x)); }
std::string title(const ParseResult& r, size_t i) { return s(r.papers.at(i), r.papers.at(i).title); }
std::string id(const ParseResult& r, size_t i) { return s(r.papers.at(i), r.papers.at(i).arxiv_id); }
std::string label(const Paper& p, size_t i) { return s(p, p.summary.at(i).label); }
std::string text(const Paper& p, size_t i) { return s(p, p.summary.at(i).text); }
std::vector<std::string> authors(const Paper& p) {
    std::vector<std::string> out;
    for (Str a : p.authors) out.push_back(s(p, a));
    return out;
}
bool has(const ParseResult& r, Severity sev, const std::string& part) {
    for (const auto& d : r.diagnostics)
        if (d.severity == sev && d.message.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("shapes: a table of papers, with a hard-wrapped row and a row without a link", "[parser][shapes]") {
    auto r = shape("table.md");
    CHECK(r.format == "table");
    CHECK(format_date(r.date) == "2024-09-05");
    REQUIRE(r.papers.size() == 3);
    CHECK(title(r, 0) == "Tables Are Entries Too");
    CHECK(id(r, 0) == "2409.00011");
    CHECK(authors(r.papers[0]) == std::vector<std::string>{"Ana Ruiz", "Bo Chen"});
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(label(r.papers[0], 0) == "Summary");
    // The wrapped title joins its two lines; the "(Read more on …)" links are not title words.
    CHECK(title(r, 1) == "A Title Written Over Two Lines");
    CHECK(id(r, 1) == "2409.00012");
    CHECK(s(r.papers[1], r.papers[1].url) == "https://arxiv.org/abs/2409.00012");
    CHECK(r.papers[1].line == 6);
    CHECK(title(r, 2) == "No Link, No Paper?");
    CHECK(is_null(r.papers[2].arxiv_id));
    for (const Paper& p : r.papers) CHECK(format_date(p.date) == "2024-09-05");
}

TEST_CASE("shapes: a table with no rows is an empty day, said as such", "[parser][shapes]") {
    auto r = shape("table_empty.md");
    CHECK(r.papers.empty());
    CHECK(format_date(r.date) == "2025-10-15");
    CHECK(has(r, Severity::Info, "empty"));
    for (const auto& d : r.diagnostics) CHECK(d.severity != Severity::Error);
}

TEST_CASE("shapes: id-headed sections, bare-URL links, bold subheadings and fenced summaries", "[parser][shapes]") {
    auto r = shape("id_headed.md");
    CHECK(r.format == "heading-sections");
    CHECK(format_date(r.date) == "2025-05-08");  // from the H1 "… – 2025-05-08"
    REQUIRE(r.papers.size() == 2);
    const Paper& a = r.papers[0];
    CHECK(id(r, 0) == "2505.00021");
    CHECK(title(r, 0) == "2505.00021");  // the file names no title: the id stands in
    // The "🔗 https://…/papers/ID" line is the link, not a summary line.
    for (const auto& it : a.summary) CHECK(get(a, it.text).find("https://") == std::string_view::npos);
    REQUIRE(a.summary.size() == 2);
    CHECK(label(a, 0) == "Summary");
    CHECK(text(a, 0) == "이 논문은 **검색 없는 검색**을 제안합니다.");
    CHECK(label(a, 1) == "핵심 동기");  // "**1. 핵심 동기**" labels the list after it, numbering dropped
    CHECK(text(a, 1) == "검색 엔진 없이 학습합니다.");
    // A ```markdown fence is read as the paper's own blocks: its headings label what follows.
    const Paper& b = r.papers[1];
    CHECK(id(r, 1) == "2505.00022");
    bool fenced = false;
    for (size_t i = 0; i < b.summary.size(); ++i)
        fenced |= label(b, i) == "핵심 동기와 문제 정의" && text(b, i) == "펜스 안의 마크다운도 요약입니다.";
    CHECK(fenced);
}

TEST_CASE("shapes: numbered Chinese sections take the original title, the translation is kept", "[parser][shapes]") {
    auto r = shape("numbered_zh.md");
    CHECK(format_date(r.date) == "2025-01-13");  // from the H1 with HTML in it
    REQUIRE(r.papers.size() == 2);             // the statistics section is no paper
    const Paper& a = r.papers[0];
    CHECK(title(r, 0) == "VideoRAG: Retrieval-Augmented Generation over Video Corpus");  // two lines joined
    CHECK(id(r, 0) == "2501.00031");
    REQUIRE(a.summary.size() == 2);
    CHECK(label(a, 0) == "Translated title");
    CHECK(text(a, 0) == "视频检索增强生成");  // "1. " numbering dropped
    CHECK(label(a, 1) == "摘要");
    CHECK(text(a, 1) == "我们自己写的摘要：检索视频。");
    // Empty links: a paper without an id, still read.
    CHECK(title(r, 1) == "A Paper Without Links");
    CHECK(is_null(r.papers[1].arxiv_id));
    CHECK(is_null(r.papers[1].url));
}

TEST_CASE("shapes: <details> blocks with star votes, boilerplate sections are not papers", "[parser][shapes]") {
    auto r = shape("details.md");
    CHECK(r.format == "details");
    CHECK(format_date(r.date) == "2026-01-25");  // "**Last Updated:** January 25, 2026"
    REQUIRE(r.papers.size() == 2);               // not "1️⃣ Get Today's Papers (cURL)", not "Workflow"
    const Paper& a = r.papers[0];
    CHECK(title(r, 0) == "Details Blocks Are Entries");
    CHECK(id(r, 0) == "2601.00041");
    CHECK(a.votes == 147);
    REQUIRE(a.summary.size() == 2);
    CHECK(label(a, 0) == "Code");  // "💻 Code": the emoji is decoration
    CHECK(text(a, 0).find("https://github.com/example/details") != std::string::npos);
    CHECK(text(a, 1) == "An abstract in a block quote, written for this fixture.");
    CHECK(r.papers[1].votes == 2360);  // "⭐ 2.36k"
    CHECK(title(r, 1) == "Thousands of Stars");
    CHECK(has(r, Severity::Info, "last updated"));
}

TEST_CASE("shapes: Vietnamese field labels, an arXiv ID field, front matter, excluded papers", "[parser][shapes]") {
    auto r = shape("fields.md");
    CHECK(format_date(r.date) == "2024-06-07");  // front matter, not the file name
    REQUIRE(r.papers.size() == 1);               // "Excluded papers" lists none we keep
    const Paper& p = r.papers[0];
    CHECK(id(r, 0) == "2406.00051");
    CHECK(s(p, p.url) == "https://arxiv.org/abs/2406.00051");
    CHECK(authors(p) == std::vector<std::string>{"Nguyễn Văn A", "Trần Thị B"});
    CHECK(p.votes == 12);  // "**⬆️ Upvotes:** 12"
    REQUIRE(p.summary.size() == 1);
    CHECK(label(p, 0) == "Tóm tắt");
}

TEST_CASE("shapes: a list whose items carry papers", "[parser][shapes]") {
    auto r = shape("list_items.md");
    CHECK(r.format == "list");
    CHECK(format_date(r.date) == "2024-06-08");  // "(2024/06/08)" in the heading
    REQUIRE(r.papers.size() == 2);
    const Paper& a = r.papers[0];
    CHECK(title(r, 0) == "Lists Carry Papers");
    CHECK(a.votes == 9);
    CHECK(authors(a) == std::vector<std::string>{"Eve Park", "Fox Mulder"});
    REQUIRE(a.summary.size() == 1);
    CHECK(text(a, 0) == "A summary line we wrote.");
    CHECK(title(r, 1) == "Bold Titles Work Too");  // "[arXiv](…)" names the link, not the paper
    CHECK(id(r, 1) == "2406.00062");
}

TEST_CASE("shapes: one id listed twice in one file is one paper", "[parser][shapes]") {
    std::string md =
        "## Papers (2024-06-06)\n\n### [First](https://arxiv.org/abs/2406.00071)\n\nVote: 3\n\n- one\n\n"
        "### [Second](https://arxiv.org/abs/2406.00072)\n\nVote: 1\n\n"
        "### [First again](https://arxiv.org/abs/2406.00071)\n\nVote: 8\n\nAuthors: Late Author\n";
    auto r = parse(md, "twice.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(title(r, 0) == "First");
    CHECK(r.papers[0].votes == 8);  // the highest seen
    CHECK(authors(r.papers[0]) == std::vector<std::string>{"Late Author"});  // what the first lacked
    CHECK(has(r, Severity::Info, "listed twice"));
}

TEST_CASE("find_date: the common ways a date is written", "[date]") {
    auto at = [](const char* s) {
        int32_t d = kNoDate;
        bool valid = false;
        bool found = find_date(s, d, valid);
        return found && valid ? format_date(d) : found ? std::string("invalid") : std::string("none");
    };
    CHECK(at("## Daily Papers (2024-06-06)") == "2024-06-06");
    CHECK(at("Papers for 2024/06/06") == "2024-06-06");
    CHECK(at("[2024.06.06]") == "2024-06-06");
    CHECK(at("Last Updated: January 25, 2026") == "2026-01-25");
    CHECK(at("Jan 5 2026") == "2026-01-05");
    CHECK(at("5 March 2025") == "2025-03-05");
    CHECK(at("Hugging Face 2025年1月13日 论文日报") == "2025-01-13");
    CHECK(at("2024년 6월 6일 논문") == "2024-06-06");
    CHECK(at("— 2025-05-08 —") == "2025-05-08");
    CHECK(at("(2024-02-30)") == "invalid");
    CHECK(at("2505.04588") == "none");  // an arXiv id is no date
    CHECK(at("Maybe 12 papers") == "none");
    CHECK(format_date(date_from_path("archive/2024/09/05.md")) == "2024-09-05");
    CHECK(format_date(date_from_path("newsletters/2025-01-13_daily_paper.md")) == "2025-01-13");
    CHECK(format_date(date_from_path("digests/20240606.md")) == "2024-06-06");
    CHECK(format_date(date_from_path("2024_06_06.md")) == "2024-06-06");
    CHECK(date_from_path("notes/12345678901.md") == kNoDate);
}
