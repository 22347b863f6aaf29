// A big markdown file is read in pieces (parser.cpp, read_in_pieces): the same papers, dates,
// lines and diagnostics as read whole, whatever the piece size, and read whole where a piece could
// not be read as part of the whole (parse_detail::parse_in_pieces).
#include <catch2/catch.hpp>

#include <string>

#include "core/parser.h"
#include "fuzz_checks.h"
#include "test_util.h"

namespace {

// The digests of the corpus, one after the other, as one file.
std::string corpus_as_one_file(size_t max_files) {
    std::string all;
    size_t n = 0;
    for (const auto& f : dvtest::digest_files(dvtest::corpus_dir())) {
        if (n++ == max_files) break;
        all += dvtest::read_file(f);
        if (!all.empty() && all.back() != '\n') all += '\n';
        all += '\n';
    }
    return all;
}

}  // namespace

TEST_CASE("pieces: the corpus as one file reads the same in pieces of any size", "[parser][pieces][corpus]") {
    const std::string all = corpus_as_one_file(60);
    if (all.empty()) {
        WARN("no corpus: skipped");
        return;
    }
    const dv::ParseResult whole = dv::parse_detail::parse_in_pieces(all, "all.md", size_t(1) << 40);
    REQUIRE(whole.papers.size() > 500);
    const std::string want = dvfuzz::described(whole);
    for (size_t piece : {size_t(1), size_t(700), size_t(64 << 10)}) {
        size_t pieces = 0;
        const dv::ParseResult r = dv::parse_detail::parse_in_pieces(all, "all.md", piece, &pieces);
        CAPTURE(piece, pieces);
        CHECK(pieces > 1);  // it was read in pieces, not whole again
        CHECK(dvfuzz::described(r) == want);
    }
}

TEST_CASE("pieces: lines and diagnostics of later pieces count from the file's start", "[parser][pieces]") {
    std::string md;
    for (int d = 1; d <= 9; ++d) {
        md += "## Daily Papers (2024-06-0" + std::to_string(d) + ")\n\n";
        md += "### [Paper " + std::to_string(d) + "](https://arxiv.org/abs/2406.0000" + std::to_string(d) + ")\n\nVote: 3\nVote: 4\n\n";
    }
    md += "## Daily Papers (2024-02-30)\n\n### [Late](https://arxiv.org/abs/2406.00010)\n\nVote: x\n\n";
    const dv::ParseResult whole = dv::parse(md, "x.md");
    size_t pieces = 0;
    const dv::ParseResult r = dv::parse_detail::parse_in_pieces(md, "x.md", 1, &pieces);
    CHECK(pieces == 10);
    REQUIRE(r.papers.size() == 10);
    CHECK(r.papers[9].line == 66);
    CHECK(r.papers[9].date == dv::kNoDate);  // the impossible date
    CHECK(dvfuzz::described(r) == dvfuzz::described(whole));
    bool second_vote_at_line_5 = false;
    for (const dv::Diagnostic& d : r.diagnostics) second_vote_at_line_5 |= d.line == 6 && d.message.find("second Vote") != std::string::npos;
    CHECK(second_vote_at_line_5);
}

TEST_CASE("pieces: a file whose pieces cannot be read as parts of the whole is read whole", "[parser][pieces]") {
    size_t pieces = 0;
    // The first piece alone has level-2 paper sections; the whole file's papers are level-3
    // sections under dated level-2 headings: read again in pieces, with the whole file's choices.
    std::string md = "## [A](https://arxiv.org/abs/2406.00001)\n\nVote: 1\n\n";
    for (int d = 1; d <= 5; ++d)
        md += "## Daily Papers (2024-06-0" + std::to_string(d) + ")\n\n### [P" + std::to_string(d) + "](https://arxiv.org/abs/2406.0001" +
              std::to_string(d) + ")\n\n### [Q" + std::to_string(d) + "](https://arxiv.org/abs/2406.0002" + std::to_string(d) + ")\n\n";
    dv::ParseResult r = dv::parse_detail::parse_in_pieces(md, "x.md", 1, &pieces);
    CHECK(pieces == 6);
    CHECK(r.papers.size() == 10);
    CHECK(dvfuzz::described(r) == dvfuzz::described(dv::parse_detail::parse_in_pieces(md, "x.md", size_t(1) << 40)));
    // Papers at level 1 ("# Title"): a cut at a level-2 heading would split a paper's section.
    const std::string level1 = "# [A](https://arxiv.org/abs/2406.00001)\n\n## Summary\n\nx\n\n# [B](https://arxiv.org/abs/2406.00002)\n\n## Summary\n\ny\n";
    r = dv::parse_detail::parse_in_pieces(level1, "x.md", 1, &pieces);
    CHECK(pieces == 1);
    REQUIRE(r.papers.size() == 2);
    CHECK(dvfuzz::described(r) == dvfuzz::described(dv::parse_detail::parse_in_pieces(level1, "x.md", size_t(1) << 40)));
    // A link reference definition reaches across the whole document: such a file is read whole.
    const std::string refs = "## Daily Papers (2024-06-01)\n\n### [A][a]\n\n## Daily Papers (2024-06-02)\n\n### [B][b]\n\n"
                             "[a]: https://arxiv.org/abs/2406.00003\n[b]: https://arxiv.org/abs/2406.00004\n";
    r = dv::parse_detail::parse_in_pieces(refs, "x.md", 1, &pieces);
    CHECK(pieces == 1);
    REQUIRE(r.papers.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2406.00003");
    // A <details> block that runs on past a cut.
    const std::string details = "## Daily Papers (2024-06-01)\n\n<details>\n<summary>A</summary>\n\n## x\n\nhttps://arxiv.org/abs/2406.00004\n\n</details>\n";
    r = dv::parse_detail::parse_in_pieces(details, "x.md", 1, &pieces);
    CHECK(pieces == 1);
    CHECK(dvfuzz::described(r) == dvfuzz::described(dv::parse(details, "x.md")));
}

TEST_CASE("pieces: a code block still open at a cut is not cut", "[parser][pieces]") {
    // "## B" inside the fence is code: the piece runs on to the next heading outside it.
    const std::string md = "## Daily Papers (2024-06-01)\n\n### [A](https://arxiv.org/abs/2406.00001)\n\n```\nx\n\n## B\n\n```\n\n"
                           "## Daily Papers (2024-06-02)\n\n### [C](https://arxiv.org/abs/2406.00002)\n\n<!--\n\n## D\n\n-->\n\n"
                           "## Daily Papers (2024-06-03)\n\n### [E](https://arxiv.org/abs/2406.00003)\n";
    size_t pieces = 0;
    const dv::ParseResult r = dv::parse_detail::parse_in_pieces(md, "x.md", 1, &pieces);
    CHECK(pieces == 3);
    REQUIRE(r.papers.size() == 3);
    CHECK(dvfuzz::described(r) == dvfuzz::described(dv::parse_detail::parse_in_pieces(md, "x.md", size_t(1) << 40)));
}

TEST_CASE("pieces: every producer's file and every fixture reads the same cut at every heading", "[parser][pieces][wild]") {
    // Pieces of 1 byte: a cut at every "# " or "## " heading after a blank line.
    std::vector<std::filesystem::path> files;
    for (auto& e : std::filesystem::recursive_directory_iterator(dvtest::data_dir()))
        if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    const auto wild = dvtest::shared_dir("wild");
    if (!wild.empty())
        for (auto& e : std::filesystem::recursive_directory_iterator(wild))
            if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
    REQUIRE(files.size() > 50);
    size_t cut = 0;
    for (const auto& f : files) {
        const std::string bytes = dvtest::read_file(f);
        size_t pieces = 0;
        (void)dv::parse_detail::parse_in_pieces(bytes, f.filename().string(), 1, &pieces);
        cut += pieces > 1;
        CAPTURE(f.string());
        CHECK(dvfuzz::check_pieces(bytes, 1) == "");
    }
    CHECK(cut > 10);  // most files were cut somewhere
}

TEST_CASE("pieces: a fence never closed is read whole, after at most one file's worth of parsing again", "[parser][pieces]") {
    std::string md = "## Daily Papers (2024-06-01)\n\n### [A](https://arxiv.org/abs/2406.00001)\n\n```\n";
    for (int i = 0; i < 2000; ++i) md += "x\n\n## not a heading " + std::to_string(i) + "\n\n";
    size_t pieces = 0;
    const dv::ParseResult r = dv::parse_detail::parse_in_pieces(md, "x.md", 1, &pieces);
    CHECK(pieces == 1);
    REQUIRE(r.papers.size() == 1);
    CHECK(dvfuzz::described(r) == dvfuzz::described(dv::parse_detail::parse_in_pieces(md, "x.md", size_t(1) << 40)));
}

TEST_CASE("pieces: a diagnostic inside a markdown fence is on the file's line, in pieces too", "[parser][pieces][fuzz]") {
    // The fence's text is read as its own document: its lines were said from the fence's first
    // line (1, 2, ...), and read in pieces they were then shifted by the piece's start (found by
    // tests/fuzz).
    const std::string md = "## Daily Papers (2024-06-01)\n\n### [A](https://arxiv.org/abs/2406.00001)\n\nVote: 1\n\n```markdown\nVote: 2\n```\n";
    const dv::ParseResult r = dv::parse(md, "x.md");
    bool at_8 = false;
    for (const dv::Diagnostic& d : r.diagnostics) at_8 |= d.line == 8 && d.message.find("second Vote") != std::string::npos;
    CHECK(at_8);
    CHECK(dvfuzz::check_pieces(dvtest::fixture("fuzz/digest/markdown_fence_diagnostic_line.md"), 1) == "");
}

TEST_CASE("pieces: a fence in a list item that a cut closes keeps its own lines", "[parser][pieces]") {
    // cmark-gfm ends a fenced block that its container's end closed on the closing line (the next
    // item, the heading), so the item's text gained that line when read whole, and not in pieces
    // (found in review). A block's lines now stop at its parent's end.
    const std::string in_item = "### [A](https://arxiv.org/abs/2406.00001)\n\n- x\n  ```\n  code\n- y\n";
    const dv::ParseResult r = dv::parse(in_item, "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "x\n\n```\ncode");  // was "...code\n- y"
    CHECK(dv::get(r.papers[0], r.papers[0].summary[1].text) == "y");
    const std::string before_cut = "### [A](https://arxiv.org/abs/2406.00001)\n\n- x\n  ```\n\n## B\n";
    CHECK(dvfuzz::check_pieces(before_cut, 1) == "");
    // Sections that end in indented code are cut all the same (only a fence can be open there).
    std::string indented;
    for (int d = 1; d <= 4; ++d)
        indented += "## Daily Papers (2024-06-0" + std::to_string(d) + ")\n\n### [P](https://arxiv.org/abs/2406.0001" + std::to_string(d) +
                    ")\n\n    code\n\n";
    size_t pieces = 0;
    (void)dv::parse_detail::parse_in_pieces(indented, "x.md", 1, &pieces);
    CHECK(pieces == 4);
    CHECK(dvfuzz::check_pieces(indented, 1) == "");
    CHECK(dvfuzz::check_pieces(indented, 0) == "");  // a piece size of 0 reads as 1
}
