// Fixture tests for the digest parser: one small project-written file per FORMAT.md variation
// (tests/data/*.md), plus hostile inputs.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/paper_builder.h"
#include "core/parser.h"
#include "test_util.h"

using namespace dv;

namespace {

ParseResult parse_fixture(const std::string& name) { return parse(dvtest::fixture(name), name); }

std::vector<std::string> authors_of(const Paper& p) {
    std::vector<std::string> out;
    for (Str a : p.authors) out.emplace_back(get(p, a));
    return out;
}

std::string label(const Paper& p, size_t i) { return std::string(get(p, p.summary.at(i).label)); }
std::string text(const Paper& p, size_t i) { return std::string(get(p, p.summary.at(i).text)); }

size_t count(const ParseResult& r, Severity s) {
    size_t n = 0;
    for (const auto& d : r.diagnostics) n += d.severity == s;
    return n;
}

bool has_message(const ParseResult& r, const std::string& part) {
    for (const auto& d : r.diagnostics)
        if (d.message.find(part) != std::string::npos) return true;
    return false;
}

std::string joined_summary(const Paper& p) {
    std::string s;
    for (size_t i = 0; i < p.summary.size(); ++i) s += label(p, i) + "|" + text(p, i) + "\n";
    return s;
}

}  // namespace

TEST_CASE("canonical digest: every field", "[parser]") {
    auto r = parse_fixture("canonical.md");
    CHECK(r.source == "canonical.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 2);
    const Paper& p = r.papers[0];
    CHECK(get(p, p.title) == "A Tiny Test Paper About Parsers");
    CHECK(get(p, p.url) == "https://arxiv.org/abs/2505.02567");
    CHECK(get(p, p.arxiv_id) == "2505.02567");
    CHECK(get(p, p.thumbnail) == "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.02567.png");
    CHECK(p.votes == 52);
    CHECK(format_date(p.date) == "2025-05-08");
    CHECK(p.line == 3);
    CHECK(authors_of(p) == std::vector<std::string>{"Ada Lovelace", "Alan Turing", "Grace Hopper"});
    REQUIRE(p.summary.size() == 3);
    CHECK(label(p, 0) == "What's New");
    // Markdown source kept; the trailing space of the line is trimmed.
    CHECK(text(p, 0) == "파서 테스트를 위한 **가상의** 논문입니다.");
    CHECK(label(p, 1) == "Technical Details");
    CHECK(text(p, 1) == "이 항목에는 `code`와 [링크](https://example.org)가 있습니다.");
    CHECK(label(p, 2) == "Performance Highlights");
    CHECK(text(p, 2) == "속도가 2배 빨라졌습니다 (<EOS> 토큰 포함).");
    for (const auto& s : p.summary) CHECK(s.level == 0);

    const Paper& q = r.papers[1];
    CHECK(q.votes == 0);  // a real zero, not "no votes"
    CHECK(q.line == 15);
    REQUIRE(q.summary.size() == 6);
    CHECK(label(q, 0) == "What’s New");  // curly apostrophe kept as written
    CHECK(label(q, 1) == "Technical Details");  // malformed "***Technical Details*:"
    CHECK(text(q, 1) == "닫는 별표가 하나뿐인 레이블입니다.");
    CHECK(label(q, 2) == "관련 연구");
    CHECK(label(q, 3) == "Conclusion");  // "**Conclusion:**"
    CHECK(text(q, 3) == "콜론이 굵은 글씨 안에 있습니다.");
    CHECK(label(q, 4).empty());  // bold start without a colon is not a label
    CHECK(text(q, 4) == "**굵은 시작** 이지만 콜론이 없는 문장입니다.");
    CHECK(label(q, 5).empty());
    CHECK(text(q, 5) == "레이블 없는 일반 문장입니다.");
}

TEST_CASE("2023-11-20 shape: no blank line before the next heading, nested bullets", "[parser]") {
    auto r = parse_fixture("early_2023_11_20.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 2);
    const Paper& p = r.papers[0];
    CHECK(p.votes == kNoVotes);
    CHECK(p.authors.empty());
    CHECK(is_null(p.thumbnail));
    REQUIRE(p.summary.size() == 5);
    CHECK(text(p, 1) == "두 번째 요약 문장은 하위 항목을 가집니다:");
    CHECK(p.summary[1].level == 0);
    CHECK(text(p, 2) == "(1) 하위 항목 하나.");
    CHECK(p.summary[2].level == 1);
    CHECK(text(p, 3) == "(2) 하위 항목 둘.");
    CHECK(p.summary[3].level == 1);
    CHECK(text(p, 4) == "세 번째 요약 문장입니다.");
    CHECK(p.summary[4].level == 0);
    const Paper& q = r.papers[1];
    CHECK(q.line == 10);
    CHECK(get(q, q.title) == "Emu Video: Factorizing Text-to-Video Generation by Explicit Image Conditioning");
    CHECK(q.summary.size() == 2);
}

TEST_CASE("2023-11-21 shape: heading, image and Authors without blank lines", "[parser]") {
    auto r = parse_fixture("early_2023_11_21.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 2);
    const Paper& p = r.papers[0];
    CHECK(get(p, p.thumbnail) ==
          "https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/example.png");
    CHECK(authors_of(p) == std::vector<std::string>{"Peter Belcak", "Roger Wattenhofer"});
    REQUIRE(p.summary.size() == 2);
    CHECK(text(p, 0) == "제목, 그림, 저자 줄 사이에 빈 줄이 없습니다.");
    const Paper& q = r.papers[1];
    CHECK(is_null(q.thumbnail));  // a <video> is not a thumbnail
    CHECK(authors_of(q) == std::vector<std::string>{"Yan Zeng", "Guoqiang Wei"});
    REQUIRE(q.summary.size() == 1);
    CHECK(text(q, 0) == "비디오 태그는 요약에 들어가면 안 됩니다.");
}

TEST_CASE("video thumbnails never leak into the summary", "[parser]") {
    auto r = parse_fixture("video.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 4);
    const char* expected[] = {"첫 번째 비디오 논문입니다.", "괄호 없는 비디오 링크입니다.", "빈 링크 텍스트입니다.",
                              "아이프레임과 여러 줄 비디오 블록입니다."};
    for (size_t i = 0; i < 4; ++i) {
        const Paper& p = r.papers[i];
        INFO(get(p, p.title));
        REQUIRE(p.summary.size() == 1);
        CHECK(text(p, 0) == expected[i]);
        CHECK(is_null(p.thumbnail));
        CHECK(p.authors.size() == 1);
        CHECK(joined_summary(p).find("mp4") == std::string::npos);
        CHECK(std::string(searchable(p)).find("video") == std::string::npos);
    }
}

TEST_CASE("votes: numbers, zero, dash, missing and malformed", "[parser]") {
    auto r = parse_fixture("votes.md");
    REQUIRE(r.papers.size() == 5);
    CHECK(r.papers[0].votes == 291);
    CHECK(r.papers[1].votes == 0);
    CHECK(r.papers[2].votes == kNoVotes);
    CHECK(r.papers[3].votes == kNoVotes);
    CHECK(r.papers[4].votes == kNoVotes);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].line == 35);
    CHECK(r.diagnostics[0].message.find("many") != std::string::npos);
    // The vote lines are fields, never summary text.
    for (const auto& p : r.papers) {
        REQUIRE(p.summary.size() == 1);
        CHECK(text(p, 0).find("Vote") == std::string::npos);
    }
}

TEST_CASE("a loose list gives the same papers as a tight one", "[parser]") {
    auto tight = parse_fixture("list_tight.md");
    auto loose = parse_fixture("list_loose.md");
    REQUIRE(tight.papers.size() == 1);
    REQUIRE(loose.papers.size() == 1);
    const Paper& t = tight.papers[0];
    const Paper& l = loose.papers[0];
    CHECK(joined_summary(t) == joined_summary(l));
    CHECK(t.text == l.text);
    REQUIRE(t.summary.size() == 3);
    CHECK(label(t, 1) == "Technical Details");
    CHECK(text(t, 1) == "두 번째 항목은\n두 줄입니다.");  // list indentation stripped
}

TEST_CASE("authors: python lists, unbalanced quotes, '+' and repeats", "[parser]") {
    auto r = parse_fixture("authors.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 3);
    CHECK(authors_of(r.papers[0]) ==
          std::vector<std::string>{"Jintao Huang", "Yuze Zhao", "Conan O'Brien", "Daoze Zhang"});
    CHECK(authors_of(r.papers[1]) ==
          std::vector<std::string>{"Tomas Pfister", "Sercan \"O. Arik", "Chau Pham", "Saurav Kumar"});
    CHECK(authors_of(r.papers[2]) == std::vector<std::string>{"Alpha Beta", "Gamma Delta"});
}

TEST_CASE("split_authors directly", "[parser]") {
    using V = std::vector<std::string>;
    CHECK(split_authors("A, B , C") == V{"A", "B", "C"});
    CHECK(split_authors("  ") == V{});
    CHECK(split_authors("A, +, B, A, , C") == V{"A", "B", "C"});
    CHECK(split_authors("['A', 'B']") == V{"A", "B"});
    CHECK(split_authors("[\"O'Neil\", 'B']") == V{"O'Neil", "B"});
    CHECK(split_authors("['It\\'s', 'x']") == V{"It's", "x"});
    CHECK(split_authors("['A', 'B") == V{"A", "B"});
    CHECK(split_authors("[]") == V{});
    // Many names use the hashed path for repeats; order of first appearance is kept.
    std::string many;
    for (int i = 0; i < 200; ++i) many += "N" + std::to_string(i % 50) + ", ";
    V got = split_authors(many);
    REQUIRE(got.size() == 50);
    CHECK(got.front() == "N0");
    CHECK(got.back() == "N49");
}

TEST_CASE("two sections with the same date are both read", "[parser]") {
    auto r = parse_fixture("two_sections.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(get(r.papers[0], r.papers[0].title) == "First Run Paper");
    CHECK(get(r.papers[1], r.papers[1].title) == "Second Run Paper");
    CHECK(r.papers[1].line == 13);
    CHECK(r.papers[0].date == r.papers[1].date);
    CHECK(format_date(r.papers[1].date) == "2024-10-28");
}

TEST_CASE("README wrapper: only the dated section gives papers, relative links resolve", "[parser]") {
    auto r = parse_fixture("readme_wrapper.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 2);
    const Paper& p = r.papers[0];
    CHECK(get(p, p.title) == "Relative Link Paper");
    CHECK(get(p, p.url) == "https://huggingface.co/papers/2311.12345");
    CHECK(get(p, p.arxiv_id) == "2311.12345");
    CHECK(p.line == 12);
    REQUIRE(p.summary.size() == 1);  // the "[](x.mp4)" line is dropped
    CHECK(text(p, 0) == "상대 링크 논문입니다.");
    const Paper& q = r.papers[1];
    CHECK(get(q, q.arxiv_id) == "2311.54321");
    CHECK(format_date(q.date) == "2023-11-22");
    for (const auto& x : r.papers) CHECK(get(x, x.title) != "Not A Paper");
}

TEST_CASE("titles keep brackets and special characters", "[parser]") {
    auto r = parse_fixture("titles.md");
    REQUIRE(r.papers.size() == 8);
    auto title = [&](size_t i) { return std::string(get(r.papers[i], r.papers[i].title)); };
    CHECK(title(0) == "I Don't Know: Modeling Uncertainty with an [IDK] Token");
    CHECK(get(r.papers[0], r.papers[0].arxiv_id) == "2412.06676");
    CHECK(title(1) == "Humanity's Last Code Exam: GPT-[n] and o-[n] Models");
    // Emphasis markup is flattened; math, '&', '<', '>' and '_' stay as written.
    CHECK(title(2) == "M$^{2}$UGen & Friends: <Tags> Stars and V_AI (x > y)");
    CHECK(title(3) == "Do I look like a cat.n.01 to you?");  // code span flattened
    CHECK(title(4) == "AutoCoder with \\textsc{AIEV-Instruct}");
    CHECK(title(5) == "[Unbalanced bracket title");
    CHECK(get(r.papers[5], r.papers[5].url) == "https://arxiv.org/abs/2501.00001");
    CHECK(title(6) == "(untitled)");
    CHECK(r.papers[6].line == 27);
    CHECK(title(7) == "Plain Heading Without Link");
    CHECK(is_null(r.papers[7].url));
    CHECK(is_null(r.papers[7].arxiv_id));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 27);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
}

TEST_CASE("numbered lines, a bare line between bullets and stray paragraphs are kept", "[parser]") {
    auto r = parse_fixture("numbered.md");
    CHECK(r.diagnostics.empty());
    REQUIRE(r.papers.size() == 1);
    const Paper& p = r.papers[0];
    REQUIRE(p.summary.size() == 7);
    CHECK(label(p, 2) == "Tokenizer");
    CHECK(text(p, 2) == "토크나이저 설명.");
    CHECK(label(p, 3) == "Attention");
    CHECK(label(p, 4) == "Performance Highlights");
    // The bare line is a lazy continuation of the bullet before it.
    CHECK(text(p, 4) == "성능 설명입니다.\nx=log10(size), y는 [0, 100] 사이에 있는 맨 줄입니다.");
    CHECK(text(p, 5) == "괄호 번호 줄입니다.");
    CHECK(label(p, 6).empty());
    CHECK(text(p, 6) == "그냥 떨어져 있는 문단입니다.\n두 줄로 되어 있습니다.");
}

TEST_CASE("user avatar thumbnails are resolved", "[parser]") {
    auto r = parse_fixture("avatars.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(get(r.papers[0], r.papers[0].thumbnail) == "https://huggingface.co/avatars/0123456789abcdef.svg");
    CHECK(get(r.papers[1], r.papers[1].thumbnail) ==
          "https://cdn-avatars.huggingface.co/v1/production/uploads/abc/def.png");
}

TEST_CASE("control characters become spaces with one warning", "[parser]") {
    auto r = parse_fixture("control_chars.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].line == 9);
    const Paper& p = r.papers[0];
    REQUIRE(p.summary.size() == 2);
    CHECK(text(p, 0) == "탭\textit 문자와 백스페이스 egin 문자.");  // TAB is kept
    CHECK(text(p, 1) == "폼피드  ramework 문자.");
}

TEST_CASE("a file without a dated section takes its date from the name", "[parser]") {
    auto r = parse(dvtest::fixture("2024-06-06.md"), "some/dir/2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(format_date(r.papers[0].date) == "2024-06-06");
    CHECK(r.papers[0].votes == 9);
    CHECK(count(r, Severity::Error) == 0);
    auto u = parse(dvtest::fixture("2024-06-06.md"), "undated.md");
    REQUIRE(u.papers.size() == 1);
    CHECK(u.papers[0].date == kNoDate);
    CHECK(count(u, Severity::Warning) == 1);
    CHECK(has_message(u, "unknown"));
}

TEST_CASE("arxiv_id_from_url", "[parser]") {
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2406.02539") == "2406.02539");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2406.02539v3") == "2406.02539");
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2311.10122v2.pdf") == "2311.10122");
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2311.10122") == "2311.10122");
    CHECK(arxiv_id_from_url("https://huggingface.co/papers/2311.12345") == "2311.12345");
    CHECK(arxiv_id_from_url("/papers/2311.12345") == "2311.12345");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/1501.0001") == "1501.0001");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/hep-th/9901001v1") == "hep-th/9901001");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2406.02539?context=cs#x") == "2406.02539");
    CHECK(arxiv_id_from_url("https://example.org/paper") == "");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/") == "");
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/notanid") == "");
}

TEST_CASE("build_paper and draft_of are inverse, and the arena layout holds", "[parser]") {
    PaperDraft d;
    d.arxiv_id = "2406.02539";
    d.title = "T";
    d.authors = {"A", "B"};
    d.summary = {{"What's New", "x **y**", 0}, {"", "plain", 1}};
    d.url = "https://arxiv.org/abs/2406.02539";
    d.thumbnail = "";
    d.date = 19880;
    d.votes = 0;
    d.line = 7;
    Paper p = build_paper(d);
    CHECK(searchable(p) == "2406.02539\nT\nA\nB\nWhat's New\nx **y**\nplain\n");
    CHECK(get(p, p.url) == "https://arxiv.org/abs/2406.02539");
    CHECK(is_null(p.thumbnail));
    CHECK_FALSE(is_null(p.summary[1].label));
    CHECK(get(p, p.summary[1].label).empty());
    PaperDraft back = draft_of(p);
    CHECK(back.arxiv_id == d.arxiv_id);
    CHECK(back.title == d.title);
    CHECK(back.authors == d.authors);
    REQUIRE(back.summary.size() == 2);
    CHECK(back.summary[0].label == "What's New");
    CHECK(back.summary[1].text == "plain");
    CHECK(back.summary[1].level == 1);
    CHECK(back.url == d.url);
    CHECK(back.thumbnail.empty());
    CHECK(back.votes == 0);
    CHECK(back.line == 7);
    CHECK(back.date == 19880);
    PaperDraft empty;
    empty.title = "only";
    Paper e = build_paper(empty);
    CHECK(is_null(e.arxiv_id));
    CHECK(is_null(e.url));
    CHECK(searchable(e) == "only\n");
}

TEST_CASE("hostile input: binary, empty, broken UTF-8, not a digest", "[parser][robust]") {
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    auto b = parse(std::string_view(png, sizeof png - 1), "image.png");
    CHECK(b.papers.empty());
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].severity == Severity::Error);
    CHECK(b.diagnostics[0].message == "not a text file");

    for (std::string_view e : {std::string_view(""), std::string_view(" \n\n\t  \n")}) {
        auto r = parse(e, "empty.md");
        CHECK(r.papers.empty());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Error);
        CHECK(r.diagnostics[0].message == "empty file");
    }

    auto n = parse("# Shopping list\n\n- milk\n- eggs\n", "list.md");
    CHECK(n.papers.empty());
    REQUIRE(n.diagnostics.size() == 1);
    CHECK(n.diagnostics[0].severity == Severity::Warning);
    CHECK(n.diagnostics[0].message.find("no Daily Papers found") != std::string::npos);

    std::string broken = dvtest::fixture("canonical.md");
    size_t at = broken.find("Ada Lovelace");
    REQUIRE(at != std::string::npos);
    broken.insert(at, "\xC3\x28\xFF");  // line 9
    auto u = parse(broken, "broken.md");
    REQUIRE(u.papers.size() == 2);
    REQUIRE(u.diagnostics.size() == 1);
    CHECK(u.diagnostics[0].severity == Severity::Warning);
    CHECK(u.diagnostics[0].line == 9);
    CHECK(u.diagnostics[0].message.find("2 byte") != std::string::npos);
    CHECK(get(u.papers[0], u.papers[0].authors[0]) == "\xEF\xBF\xBD(\xEF\xBF\xBD" "Ada Lovelace");
}

TEST_CASE("hostile input: random bytes, NULs, deep nesting, many diagnostics", "[parser][robust]") {
    uint64_t x = 88172645463325252ULL;
    auto next = [&] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (int round = 0; round < 20; ++round) {
        std::string s(1 << 14, '\0');
        for (auto& c : s) c = static_cast<char>(next());
        auto r = parse(s, "random.bin");
        CHECK(r.papers.empty());
        CHECK(count(r, Severity::Error) == 1);
    }
    // Random markdown-ish characters without NULs go through cmark.
    const char alphabet[] = "#[]()!*_-` \n\n\n:<>/Vote:Authors:0123456789가\xFF\x08\r";
    std::string md;
    for (int i = 0; i < 200000; ++i) md.push_back(alphabet[next() % (sizeof alphabet - 1)]);
    auto m = parse("## Daily Papers (2024-01-01)\n\n" + md, "fuzz.md");
    CHECK(m.diagnostics.size() <= 50);

    std::string deep = "## Daily Papers (2024-01-01)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\n";
    for (int i = 0; i < 2000; ++i) deep += std::string(static_cast<size_t>(i) * 2, ' ') + "- level\n";
    deep += "\n### [" + std::string(50000, '*') + "x" + std::string(50000, '*') + "](u)\n";
    deep += std::string(20000, '>') + " quote\n";
    auto d = parse(deep, "deep.md");
    REQUIRE(d.papers.size() == 2);
    CHECK(d.papers[0].summary.size() >= 30);

    std::string bad_votes = "## Daily Papers (2024-01-01)\n\n";
    // 500 papers (distinct ids: one id listed twice in one file is one paper).
    for (int i = 0; i < 500; ++i)
        bad_votes += "### [P](https://arxiv.org/abs/2401." + std::to_string(10000 + i) + ")\n\nVote: x\n\n";
    auto v = parse(bad_votes, "votes.md");
    CHECK(v.papers.size() == 500);
    CHECK(v.diagnostics.size() <= 50);
    CHECK(has_message(v, "more diagnostics"));

    std::string impossible = "## Daily Papers (2024-02-30)\n\n### [P](https://arxiv.org/abs/2401.00001)\n";
    auto i = parse(impossible, "2024-02-28.md");
    REQUIRE(i.papers.size() == 1);
    CHECK(i.papers[0].date == kNoDate);
    CHECK(has_message(i, "impossible date"));
}

TEST_CASE("large input: 100 MB of random bytes and ~24 MB of digest text", "[parser][robust][slow]") {
    std::string big(100u << 20, '\0');
    uint32_t x = 2463534242u;
    for (size_t k = 0; k < big.size(); k += 4) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        std::memcpy(&big[k], &x, 4);
    }
    auto r = parse(big, "big.bin");
    CHECK(r.papers.empty());
    CHECK(count(r, Severity::Error) == 1);
    big.clear();
    big.shrink_to_fit();

    const std::string unit = dvtest::fixture("canonical.md") + dvtest::fixture("video.md");
    std::string text;
    text.reserve(25u << 20);
    size_t copies = 0;
    // Each copy lists its papers under ids of its own (one id listed twice in one file is one
    // paper): NNNN.NNNNN becomes (1000 + copy / 10).(copy % 10)NNNN, in links and thumbnails alike.
    auto renumbered = [&](size_t copy) {
        std::string u = unit;
        char prefix[8];
        std::snprintf(prefix, sizeof prefix, "%04zu", 1000 + copy / 10);
        for (size_t p = 0; p + 10 <= u.size(); ++p) {
            bool id = u[p + 4] == '.' && (p == 0 || !std::isdigit(static_cast<unsigned char>(u[p - 1])));
            for (size_t k = 0; id && k < 10; ++k) id = k == 4 || std::isdigit(static_cast<unsigned char>(u[p + k]));
            if (!id || u[p + 5] != '0') continue;
            u.replace(p, 4, prefix);
            u[p + 5] = char('0' + copy % 10);
            p += 9;
        }
        return u;
    };
    while (text.size() < (24u << 20)) {
        text += renumbered(copies);
        if (++copies % 1000 == 0) text += "\xFF\n";  // invalid UTF-8 now and then
    }
    auto t0 = std::chrono::steady_clock::now();
    auto p = parse(text, "big.md");
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO("parse of " << text.size() << " bytes took " << secs << " s");
    CHECK(p.papers.size() == copies * 6);
    CHECK(count(p, Severity::Error) == 0);
    CHECK(has_message(p, "invalid UTF-8"));
}
