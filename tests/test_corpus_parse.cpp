// The parser over the real digests in dvtest::corpus_dir() (read in place, never copied), checked
// against independent oracles: FORMAT.md's counts, simple line scans of the same files, and the
// upstream index papers_list.csv.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/parser.h"
#include "test_util.h"

using namespace dv;
namespace fs = std::filesystem;

namespace {

struct Parsed {
    fs::path path;
    std::string rel;  // relative to the corpus dir, '/' separated
    std::string bytes;
    ParseResult result;
};

// Each file is parsed once for all test cases.
const std::vector<Parsed>& corpus() {
    static const std::vector<Parsed> files = [] {
        std::vector<Parsed> out;
        fs::path dir = dvtest::corpus_dir();
        for (const auto& p : dvtest::digest_files(dir)) {
            Parsed x;
            x.path = p;
            x.rel = fs::relative(p, dir).generic_string();
            x.bytes = dvtest::read_file(p);
            x.result = parse(x.bytes, x.rel);
            out.push_back(std::move(x));
        }
        return out;
    }();
    return files;
}

bool corpus_missing() {
    if (!corpus().empty()) return false;
    WARN("digest corpus not found (set DIGEST_CORPUS): corpus tests check nothing");
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    size_t b = 0;
    while (b <= s.size()) {
        size_t e = s.find('\n', b);
        if (e == std::string_view::npos) e = s.size();
        out.push_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

bool is_dated_section(std::string_view l) {
    if (!starts_with(l, "## ") || l.size() < 15 || l.back() != ')') return false;
    int32_t d;
    return parse_date(l.substr(l.size() - 11, 10), d);
}

// Line-based oracle for one file: the "### " lines inside dated sections, and for each whether a
// "Vote: <digits>" line follows before the next heading.
struct LineOracle {
    size_t papers = 0;
    size_t numeric_votes = 0;
    size_t zero_votes = 0;
    size_t image_lines = 0;
    std::vector<size_t> heading_lines;  // 1-based
};

LineOracle scan(std::string_view text) {
    LineOracle o;
    bool in_section = false, in_paper = false, in_fence = false;
    auto ls = lines_of(text);
    for (size_t i = 0; i < ls.size(); ++i) {
        std::string_view l = ls[i];
        if (starts_with(l, "```")) in_fence = !in_fence;
        if (in_fence) continue;
        if (starts_with(l, "# ") || starts_with(l, "## ")) {
            in_section = is_dated_section(l);
            in_paper = false;
        } else if (starts_with(l, "### ")) {
            in_paper = in_section;
            if (in_paper) {
                ++o.papers;
                o.heading_lines.push_back(i + 1);
            }
        } else if (in_paper && starts_with(l, "Vote: ")) {
            std::string_view v = l.substr(6);
            while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
            if (!v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                ++o.numeric_votes;
                o.zero_votes += v == "0";
            }
        } else if (in_paper && starts_with(l, "![](")) {
            ++o.image_lines;
        }
    }
    return o;
}

int32_t path_date(const std::string& rel) { return date_from_path(rel); }

bool in_paper_logs(const Parsed& f) { return starts_with(f.rel, "l-yohai-daily_papers_ko/"); }

// papers_list.csv: date,title,url with RFC 4180 quoting.
std::vector<std::vector<std::string>> read_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            field.push_back(c);
        }
    }
    if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("corpus: every file parses without errors, and paper counts match FORMAT.md", "[corpus]") {
    if (corpus_missing()) return;
    size_t logs = 0, revisions = 0, readme = 0, logs_files = 0;
    for (const auto& f : corpus()) {
        INFO(f.rel);
        for (const auto& d : f.result.diagnostics) {
            INFO(d.message);
            CHECK(d.severity != Severity::Error);
            // The only expected warning: the U+0008 in 2024-08-07 (FORMAT.md, "Control characters").
            if (d.severity == Severity::Warning) {
                CHECK(f.rel == "l-yohai-daily_papers_ko/2024/08/07.md");
                CHECK(d.message.find("control characters") != std::string::npos);
            }
        }
        size_t n = f.result.papers.size();
        CHECK(n >= 1);
        CHECK(n == scan(f.bytes).papers);
        if (in_paper_logs(f)) {
            logs += n;
            ++logs_files;
        } else if (f.rel.find("-revisions/") != std::string::npos) {
            revisions += n;
        } else if (f.rel.find("-readme/") != std::string::npos) {
            readme += n;
        }
    }
    CHECK(logs_files == 330);
    CHECK(logs == 5019);
    CHECK(revisions == 183);
    CHECK(readme == 507);
}

TEST_CASE("corpus: titles, links, ids, dates and lines", "[corpus]") {
    if (corpus_missing()) return;
    for (const auto& f : corpus()) {
        INFO(f.rel);
        LineOracle o = scan(f.bytes);
        REQUIRE(o.heading_lines.size() == f.result.papers.size());
        for (size_t i = 0; i < f.result.papers.size(); ++i) {
            const Paper& p = f.result.papers[i];
            INFO(p.line);
            CHECK(p.line == o.heading_lines[i]);
            CHECK_FALSE(get(p, p.title).empty());
            CHECK(get(p, p.title) != "(untitled)");
            CHECK(get(p, p.title).find('\n') == std::string_view::npos);
            CHECK_FALSE(is_null(p.url));
            CHECK_FALSE(is_null(p.arxiv_id));
            if (in_paper_logs(f)) {
                CHECK(get(p, p.url) == "https://arxiv.org/abs/" + std::string(get(p, p.arxiv_id)));
                // Every paper_logs heading date equals the path date (FORMAT.md, canonical shape).
                CHECK(p.date == path_date(f.rel));
            }
            CHECK(p.date != kNoDate);
            for (const auto& s : p.summary) {
                std::string_view t = get(p, s.text);
                CHECK_FALSE(t.empty());
                CHECK(t.find("Watch Video") == std::string_view::npos);
                CHECK(t.find("<video") == std::string_view::npos);
                CHECK(t.find("<iframe") == std::string_view::npos);
                CHECK_FALSE(starts_with(t, "Vote:"));
                CHECK_FALSE(starts_with(t, "Authors:"));
                CHECK_FALSE(starts_with(t, "![]("));
            }
        }
    }
}

TEST_CASE("corpus: votes are null exactly where the digest has none", "[corpus]") {
    if (corpus_missing()) return;
    size_t nulls = 0, zeros = 0, total = 0, dashes_after_votes_began = 0;
    const int32_t votes_began = days_from_civil(2023, 12, 6);
    for (const auto& f : corpus()) {
        if (!in_paper_logs(f)) continue;
        INFO(f.rel);
        LineOracle o = scan(f.bytes);
        size_t file_nulls = 0, file_zeros = 0;
        for (const auto& p : f.result.papers) {
            file_nulls += p.votes == kNoVotes;
            file_zeros += p.votes == 0;
            CHECK((p.votes == kNoVotes || (p.votes >= 0 && p.votes <= 291)));
        }
        CHECK(file_nulls == o.papers - o.numeric_votes);
        CHECK(file_zeros == o.zero_votes);
        if (path_date(f.rel) >= votes_began) dashes_after_votes_began += file_nulls;
        nulls += file_nulls;
        zeros += file_zeros;
        total += f.result.papers.size();
    }
    // FORMAT.md: 102 "Vote: 0" upstream (the withheld days hold some), at most 32 "Vote: -".
    CHECK(zeros > 0);
    CHECK(zeros <= 102);
    CHECK(dashes_after_votes_began <= 32);
    CHECK(nulls > dashes_after_votes_began);  // the papers before 2023-12-06 have no votes
    INFO("papers " << total << ", null votes " << nulls << ", of which after 2023-12-06: "
                   << dashes_after_votes_began << ", zero votes " << zeros);
    CHECK(total == 5019);
}

TEST_CASE("corpus: thumbnails, authors and summaries", "[corpus]") {
    if (corpus_missing()) return;
    size_t labeled = 0, items_after = 0, avatars = 0, with_authors = 0;
    const int32_t labels_from = days_from_civil(2024, 6, 13);
    const std::set<std::string_view> main_labels = {"What's New", "Technical Details", "Performance Highlights"};
    for (const auto& f : corpus()) {
        if (!in_paper_logs(f)) continue;
        INFO(f.rel);
        LineOracle o = scan(f.bytes);
        size_t thumbs = 0;
        for (const auto& p : f.result.papers) {
            INFO(get(p, p.title));
            thumbs += !is_null(p.thumbnail);
            if (!is_null(p.thumbnail)) {
                CHECK(starts_with(get(p, p.thumbnail), "https://"));
                avatars += get(p, p.thumbnail).find("/avatars/") != std::string_view::npos;
            }
            CHECK_FALSE(p.summary.empty());
            with_authors += !p.authors.empty();
            for (Str a : p.authors) {
                std::string_view name = get(p, a);
                CHECK_FALSE(name.empty());
                CHECK(name != "+");
                CHECK(name.front() != '[');
                CHECK(name.front() != '\'');
                CHECK(name.back() != '\'');
                CHECK(name.back() != ']');
            }
            for (size_t i = 0; i < p.authors.size(); ++i)
                for (size_t j = 0; j < i; ++j) CHECK(get(p, p.authors[i]) != get(p, p.authors[j]));
            if (p.date >= labels_from) {
                for (const auto& s : p.summary) {
                    ++items_after;
                    labeled += main_labels.count(get(p, s.label)) > 0;
                }
            } else {
                for (const auto& s : p.summary) CHECK(get(p, s.label).empty());
            }
        }
        CHECK(thumbs == o.image_lines);
    }
    INFO("labeled " << labeled << " of " << items_after);
    CHECK(labeled * 100 >= items_after * 97);
    CHECK(avatars > 0);
    CHECK(with_authors > 4900);
}

TEST_CASE("corpus: README snapshots and multi-section files", "[corpus]") {
    if (corpus_missing()) return;
    size_t snapshots = 0, multi = 0;
    for (const auto& f : corpus()) {
        INFO(f.rel);
        auto ls = lines_of(f.bytes);
        std::vector<size_t> sections;
        for (size_t i = 0; i < ls.size(); ++i)
            if (is_dated_section(ls[i])) sections.push_back(i + 1);
        if (f.rel.find("-readme/") != std::string::npos) {
            ++snapshots;
            REQUIRE(sections.size() == 1);
            // Papers lie after the dated heading and before "## License".
            size_t license = 0;
            for (size_t i = 0; i < ls.size(); ++i)
                if (ls[i] == "## License") license = i + 1;
            REQUIRE(license > sections[0]);
            int32_t d;
            REQUIRE(parse_date(ls[sections[0] - 1].substr(ls[sections[0] - 1].size() - 11, 10), d));
            for (const auto& p : f.result.papers) {
                CHECK(p.line > sections[0]);
                CHECK(p.line < license);
                CHECK(p.date == d);
            }
        }
        if (in_paper_logs(f) && sections.size() == 2) {
            ++multi;
            size_t second = 0;
            for (const auto& p : f.result.papers) second += p.line > sections[1];
            CHECK(second > 0);
            CHECK(second < f.result.papers.size());
        }
    }
    CHECK(snapshots == 31);
    CHECK(multi == 3);  // 2024-10-21, 2024-10-28, 2025-01-02 (the other two are withheld)
}

TEST_CASE("corpus: titles and urls agree with papers_list.csv", "[corpus]") {
    if (corpus_missing()) return;
    fs::path csv_path = dvtest::corpus_dir() / "l-yohai-daily_papers_ko" / "papers_list.csv";
    if (!fs::exists(csv_path)) {
        WARN("papers_list.csv missing");
        return;
    }
    auto rows = read_csv(dvtest::read_file(csv_path));
    REQUIRE(rows.size() == 5519);  // header + 5,518 rows
    CHECK(rows[0] == std::vector<std::string>{"date", "title", "url"});
    using Entry = std::pair<std::string, std::string>;
    std::map<std::string, std::vector<Entry>> csv, ours;
    for (size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == 3);
        csv[rows[i][0]].emplace_back(rows[i][1], rows[i][2]);
    }
    for (const auto& f : corpus()) {
        if (!in_paper_logs(f)) continue;
        for (const auto& p : f.result.papers)
            ours[format_date(p.date)].emplace_back(std::string(get(p, p.title)), std::string(get(p, p.url)));
    }
    // On these days a later run overwrote the .md but the CSV kept the earlier rows (FORMAT.md).
    const std::set<std::string> disagreeing = {"2023-12-11", "2023-12-12", "2024-03-13", "2024-04-19", "2024-06-28"};
    size_t days = 0, papers = 0, exact = 0, code_spans = 0;
    for (auto& [day, list] : ours) {
        if (disagreeing.count(day)) continue;
        ++days;
        auto expected = csv[day];
        REQUIRE(expected.size() == list.size());
        // Compared as sets: the CSV keeps the scrape order, while days re-sorted by votes
        // (2023-11-21, 2025-01-06..08) list the same papers in another order in the .md.
        std::sort(list.begin(), list.end());
        for (auto& e : expected) {
            // The CSV holds the raw markdown title; the parser flattens inline markup, so a code
            // span loses its backticks ("`cat.n.01`" on 2025-03-14). A lone backtick stays.
            if (std::count(e.first.begin(), e.first.end(), '`') >= 2) {
                e.first.erase(std::remove(e.first.begin(), e.first.end(), '`'), e.first.end());
                ++code_spans;
            }
        }
        std::sort(expected.begin(), expected.end());
        for (size_t i = 0; i < list.size(); ++i) {
            INFO(day);
            CHECK(list[i].first == expected[i].first);
            CHECK(list[i].second == expected[i].second);
            exact += list[i] == expected[i];
            ++papers;
        }
    }
    INFO(exact << " of " << papers << " papers on " << days << " days match");
    CHECK(days == 326);
    CHECK(exact == papers);
    CHECK(code_spans == 1);
}
