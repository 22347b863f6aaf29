// Inputs the fuzz targets (tests/fuzz) found, replayed through the same checks (fuzz_checks.h),
// so each finding stays fixed. Fixtures are in tests/data/fuzz/<target>/, minimized by libFuzzer.
// A finding not fixed yet is tagged [!mayfail] (the suite stays green; the tag goes with the fix).
#include <catch2/catch.hpp>

#include <string>

#include "core/export.h"
#include "core/library.h"
#include "core/markdown.h"
#include "core/parser.h"
#include "core/triage.h"
#include "fuzz_checks.h"
#include "test_util.h"

namespace {

std::string digest_fixture(const char* name) { return dvtest::fixture(std::string("fuzz/digest/") + name); }

}  // namespace

TEST_CASE("fuzz: a text starting with ':@' (cmark-gfm autolink read before its buffer)", "[fuzz]") {
    // bookworm's cmark-gfm 0.29.0.gfm.6 autolink extension compared "mailto:" backwards from the
    // ':' without checking the text's start: a 1-byte heap read before the buffer, which only
    // the sanitizer builds see. scripts/setup.sh applies scripts/patches/cmark-gfm-autolink-oob.patch.
    std::string bytes = digest_fixture("autolink_colon_at.md");
    REQUIRE(bytes == ":@");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Ids) == "");
    // The same shape inside real text: a summary line whose text node starts with ":@".
    CHECK(dvfuzz::check_pipeline("## Daily Papers (2024-06-06)\n\n### [T](https://arxiv.org/abs/2406.00001)\n\n"
                                 "Vote: 1\n\nAuthors: A\n\n- *x*:@y and to:@z\n",
                                 dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: an empty heading with empty field labels is no paper", "[fuzz]") {
    // "#\nAuthor:\nAuthor:" read as one paper "(untitled)" with no link, id, authors or summary;
    // its export ("### (untitled)" + "Vote: -") read back as no paper at all. Fixed: an empty
    // field ("Author:" with nothing after it) is no field, so the section has no paper's shape.
    CHECK(dvfuzz::check_pipeline(digest_fixture("untitled_empty_fields.md"), dvfuzz::RoundTrip::Ids) == "");
}

TEST_CASE("fuzz: an id with month 55 written into a word is no id", "[fuzz]") {
    // "- skippedarxiv7055.1070" reads as a paper with arXiv id 7055.1070 (an impossible month);
    // its export "### [skippedarxiv7055.1070](https://arxiv.org/abs/7055.1070)" under
    // "## Daily Papers (2024-06-06)" reads back as a paper titled "Daily Papers (2024-06-06)"
    // without an id: the id rule differed between text and links. Fixed: one rule
    // (is_arxiv_new_id: MM is a month) everywhere, and a mention needs "arXiv:"/"arXiv " before it.
    CHECK(dvfuzz::check_pipeline(digest_fixture("id_bad_month_in_list_item.md"), dvfuzz::RoundTrip::Ids) == "");
}

TEST_CASE("fuzz: an id in an indented code block under empty fields", "[fuzz]") {
    // "#\n    arxiv2603.0010\nAuthor:\nAuthor:" reads as a paper without an id whose summary holds
    // the code block's text; the export writes that text as "- arxiv2603.0010", which reads back
    // with the id 2603.0010. Fixed: empty fields make no paper, and "arxiv2603.0010" (no
    // separator) is no mention.
    CHECK(dvfuzz::check_pipeline(digest_fixture("id_in_code_block_summary.md"), dvfuzz::RoundTrip::Ids) == "");
}

TEST_CASE("fuzz: a bare title holding a URL gains no link when its export is read back", "[fuzz]") {
    // "# [http://arxiv2410.1888": the open bracket keeps cmark-gfm from autolinking, so the paper
    // has no url; the export wrote "### \[http://arxiv2410.1888", which cmark autolinked, and the
    // paper came back with a url. export.cpp's escape_title now breaks extended autolinks.
    CHECK(dvfuzz::check_pipeline(digest_fixture("autolink_title_in_bracket.md"), dvfuzz::RoundTrip::Full) == "");
    // The same for "www." and for a title that is all URL, with and without a link of its own.
    CHECK(dvfuzz::check_pipeline("## Daily Papers (2024-06-06)\n\n### [see www.example.org and http://x.org/a\n\n"
                                 "Vote: 3\n\nAuthors: A\n\n- one\n\n"
                                 "### [https://y.org](https://arxiv.org/abs/2406.00002)\n\nVote: 1\n\nAuthors: B\n\n- two\n",
                                 dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a summary that is an unclosed empty code fence", "[fuzz]") {
    // "# [R]()\n# [](e)\n```": the second paper's summary is the empty fenced block "```" (closed
    // by the end of the file). The export writes it as "- ```" followed by a blank line, which
    // the fence takes in, so the item text reads back as "```\n" plus that line. Found with
    // DV_FUZZ_ROUNDTRIP=full (the default check compares count, titles and ids only). Fixed: an
    // empty code block carries no text, so it is no summary item.
    CHECK(dvfuzz::check_pipeline(digest_fixture("code_fence_summary.md"), dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a list item naming several papers is no one paper", "[fuzz]") {
    // A summary bullet whose lazy continuation lines hold JSON with three paper URLs was read as
    // one paper (the first id) titled by a quoted JSON string; its export read back as a
    // different count. Fixed: an item with more than one distinct id is an entry only through its
    // nested items (the smallest structure that carries one paper).
    CHECK(dvfuzz::check_pipeline(digest_fixture("list_item_many_ids.md"), dvfuzz::RoundTrip::Ids) == "");
}

TEST_CASE("fuzz: a paper repeated in one file beside a broken image line keeps its place in the round trip", "[fuzz]") {
    // Found by the test stage's own run: a section whose image line swallows the next heading
    // ("![](…/de### [Other](…/2407.00001)") is one paper (2407.00002, kept because a second
    // section lists that id alone) whose summary links another paper. Its export is one heading
    // section holding two ids, so no heading level scored as "one paper per section", and the
    // summary's list item was read back as the paper ("Other", 2407.00001). Fixed in
    // md_entries.cpp: a heading that links to one paper makes its section one paper; the ids in
    // its body are mentions.
    const std::string bytes = digest_fixture("roundtrip_order_repeat.md");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Ids) == "");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Full) == "");
    // The smallest form: one paper whose summary links another paper is that one paper, A (it
    // was read as B, the list item, before the fix), and round-trips.
    const char* one = "## Daily Papers (2024-06-06)\n\n### [A](https://arxiv.org/abs/2406.00001)\n\n"
                      "Vote: 1\n\nAuthors: X\n\n- builds on [B](https://arxiv.org/abs/2406.00002)\n";
    const dv::ParseResult r = dv::parse(one, "2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    const dv::PaperDraft d = dv::draft_of(r.papers[0]);
    CHECK(d.title == "A");
    CHECK(d.arxiv_id == "2406.00001");
    REQUIRE(d.summary.size() == 1);
    CHECK(d.summary[0].text == "builds on [B](https://arxiv.org/abs/2406.00002)");
    CHECK(dvfuzz::check_pipeline(one, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: an indented code block in a paper stays code in the round trip", "[fuzz]") {
    // Found once the test stage compared the round trip again: an indented code block under a
    // heading became a summary item sliced without the indentation that made it code. Pass 1
    // sees no id in code, but the export writes the item as "- see [B](…)", a live link, so the
    // paper read back had B's id (code_block_link_id.md; the fuzzer's input was a Python-repr
    // blob indented under a heading); and the code's own indentation was dropped as paragraph
    // continuation (code_block_indent.md, DV_FUZZ_ROUNDTRIP=full). Fixed: block_source slices
    // an indented code block as a fenced one.
    const std::string link = digest_fixture("code_block_link_id.md");
    CHECK(dvfuzz::check_pipeline(link, dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(link, "2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    const dv::PaperDraft d = dv::draft_of(r.papers[0]);
    CHECK(d.title == "T");
    CHECK(d.arxiv_id == "");
    REQUIRE(d.summary.size() == 1);
    CHECK(d.summary[0].text == "```\nsee [B](https://arxiv.org/abs/2406.00002)\n```");

    const std::string indent = digest_fixture("code_block_indent.md");
    CHECK(dvfuzz::check_pipeline(indent, dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r2 = dv::parse(indent, "2024-06-06.md");
    REQUIRE(r2.papers.size() == 1);
    const dv::PaperDraft d2 = dv::draft_of(r2.papers[0]);
    REQUIRE(d2.summary.size() == 1);
    CHECK(d2.summary[0].text == "```\n{\n  \"a\": [1,\n        2]\n}\n```");
    // A backtick fence inside the code: the outer fence is longer.
    const dv::ParseResult r3 = dv::parse("## Daily Papers (2024-06-06)\n\n### [T](https://arxiv.org/abs/2406.00001)\n\n    ```\n    x\n", "a.md");
    REQUIRE(r3.papers.size() == 1);
    REQUIRE(dv::draft_of(r3.papers[0]).summary.size() == 1);
    CHECK(dv::draft_of(r3.papers[0]).summary[0].text == "````\n```\nx\n````");
}

TEST_CASE("fuzz: the fields that make a section a paper survive its export", "[fuzz]") {
    // A section without an id is a paper by its fields (two labels). Two ways its export lost
    // them, so it read back as no paper at all:
    // - lines like "\"{'paper': ..." (a Python-repr blob) read as "Paper:" link labels, which the
    //   reader drops (it keeps only their links' ids): now a links label counts only with a link
    //   on its line, so that section is no paper (links_label_without_link.md);
    // - "Summary: text" in a paragraph counted, but the export writes it as the list item
    //   "- ***Summary***: text", which did not: now a list item's label counts too
    //   (field_paragraph_as_list_item.md).
    const std::string links = digest_fixture("links_label_without_link.md");
    CHECK(dvfuzz::check_pipeline(links, dvfuzz::RoundTrip::Full) == "");
    CHECK(dv::parse(links, "2024-06-06.md").papers.empty());
    // With a link on the line the label still counts (bold: in plain text the label's value is
    // the text node before the link, empty, and never counted).
    CHECK(dv::parse("## Daily Papers (2024-06-06)\n\n### T\n\n**Paper:** [pdf](https://example.org/t.pdf)\n\nAuthors: A\n",
                    "a.md").papers.size() == 1);

    const std::string item = digest_fixture("field_paragraph_as_list_item.md");
    CHECK(dvfuzz::check_pipeline(item, dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(item, "a.md");
    REQUIRE(r.papers.size() == 1);
    // Its export's form, read directly.
    const dv::ParseResult back = dv::parse("## Daily Papers (2024-06-06)\n\n### T\n\nVote: 1\n\n- ***Summary***: text\n", "b.md");
    REQUIRE(back.papers.size() == 1);
    CHECK(dvfuzz::paper_diff(dv::draft_of(r.papers[0]), dv::draft_of(back.papers[0])) == "");
}

TEST_CASE("fuzz: a heading linking nowhere is no link heading", "[fuzz]") {
    // "# [R]()" counted as a "### [Title](url)" heading, which alone makes a section a paper; the
    // paper had no url, so its export "### R" with "Vote: -" read back as no paper. Fixed: a
    // link heading needs a destination (md_scan.cpp, heading_is_link).
    const std::string bytes = digest_fixture("empty_link_heading.md");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Full) == "");
    CHECK(dv::parse("## Daily Papers (2024-06-06)\n\n### [R]()\n\ntext\n", "a.md").papers.empty());
    CHECK(dv::parse("## Daily Papers (2024-06-06)\n\n### [R](https://example.org/r)\n\ntext\n", "a.md").papers.size() == 1);
}

TEST_CASE("fuzz: a dated file's bare section, exported alone, is still a paper", "[fuzz]") {
    // In a dated file every section of the entry level is a paper, even one with neither id nor
    // fields ("## T" then "text", here chosen for the entry over the other "## T"). Its export,
    // "### T" with "Vote: -" under "## Daily Papers (2025-01-13)", gave no level a section that
    // carries a paper, so it read back as none. Fixed: under a dated heading one field line is a
    // paper's shape (md_entries.cpp, one_paper).
    CHECK(dvfuzz::check_pipeline(digest_fixture("dated_section_without_fields.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2025-01-13)\n\n### T\n\nVote: -\n\n- text\n", "a.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::draft_of(r.papers[0]).title == "T");
    // Without the dated heading one field line is not enough.
    CHECK(dv::parse("## Notes\n\n### T\n\nVote: -\n\n- text\n", "notes.md").papers.empty());
}

TEST_CASE("fuzz: an id the heading's link does not carry survives the export", "[fuzz]") {
    // "### [T](https://example.org/t)" with the id only in a "paper_url" line of the body (read
    // as a links field: the reader keeps its id): the export wrote the heading link alone, so
    // the paper came back without its id. Fixed: export.cpp writes "arXiv ID: ..." when the url
    // does not name the id.
    const std::string bytes = digest_fixture("id_from_links_field.md");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Full) == "");
    dv::Library lib;
    dv::library_add(lib, "2024-08-07.md", bytes);
    dv::library_rebuild(lib);
    REQUIRE(lib.entries.size() == 1);
    const std::string md = dv::export_markdown(lib, {0});
    CHECK(md.find("### [T](https://example.org/t)\n\narXiv ID: 2603.00202\n") != std::string::npos);
    // A url that names the id needs no such line.
    dv::Library plain;
    dv::library_add(plain, "2024-08-07.md", "## Daily Papers (2024-08-07)\n\n### [T](https://arxiv.org/abs/2603.00202)\n\nVote: 1\n");
    dv::library_rebuild(plain);
    CHECK(dv::export_markdown(plain, {0}).find("arXiv ID") == std::string::npos);
}

TEST_CASE("fuzz: the triage seeds hold the triage target's invariants", "[fuzz][triage]") {
    // The seeds of dv_fuzz_triage (tests/data/triage), through the check the target runs: an
    // accepted file reads back the same after triage_to_json, a refused one changes nothing.
    for (const char* name : {"full.json", "no_times.json", "refused.json"})
        CHECK(dvfuzz::check_triage_input(dvtest::fixture(std::string("triage/") + name)) == "");
    dv::Triage t;
    std::string error;
    REQUIRE(dv::triage_parse(dvtest::fixture("triage/full.json"), t, error));
    CHECK(t.papers.size() == 3);
    CHECK(t.saved.size() == 2);
    CHECK(t.seen_days.size() == 2);  // the repeated day is one
    CHECK(t.mark_read_on_view);
    CHECK_FALSE(dv::triage_parse(dvtest::fixture("triage/refused.json"), t, error));
    CHECK(error.find("\"starred\" is not true or false") != std::string::npos);
}

TEST_CASE("fuzz: a triage time whose offset carries it out of four-digit years", "[fuzz][triage]") {
    // Before the fix parse_iso_time took "0000-01-01T00:00-00:01" (and offsets like +99:99), and
    // format_iso_time wrote it as year -001, which no reader takes: the file did not read back.
    const std::string file = R"({"format":"digest-viewer-triage","version":1,"last_visit":"0000-01-01T00:00+00:01"})";
    CHECK(dvfuzz::check_triage_input(file) == "");
    dv::Triage t;
    std::string error;
    CHECK_FALSE(dv::triage_parse(file, t, error));
    CHECK(error == "\"last_visit\" is not an ISO-8601 time");
}

TEST_CASE("fuzz: a link heading whose title mentions another id is still its paper", "[fuzz]") {
    // "### [](arxiv.org/abs/2407.00002)arxiv.org/abs/2406.0001)" then "### arxiv.org/abs/2407.00002C":
    // one paper, 2407.00002 titled "arxiv.org/abs/2406.0001)". Its export,
    // "### [arxiv.org/abs/2406.0001)](arxiv.org/abs/2407.00002)", holds two ids in its one heading
    // section, so no heading level scored and the file read back as no paper. Fixed in
    // md_entries.cpp: a heading that links to a paper makes its section one paper; ids in the
    // link's text are mentions, like ids in the body.
    CHECK(dvfuzz::check_pipeline(digest_fixture("link_heading_title_mentions_id.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n"
                                        "### [Beyond arXiv:2406.00001: faster](https://arxiv.org/abs/2406.00002)\n\n"
                                        "Vote: 3\n\nAuthors: A\n\n- improves on it\n",
                                        "2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2406.00002");
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Beyond arXiv:2406.00001: faster");
}

TEST_CASE("fuzz: a labelled summary item whose text is a code block", "[fuzz]") {
    // "## t" over an indented code block holding "arxiv.org/abs/2406.0000" is the item "t" whose
    // text is that code. The export wrote "- ***t***: ```" with the fence after the label, where
    // it is inline code, so the code read back as prose and its id became the paper's. Fixed: the
    // export puts a fence on the line after the label, and the reader joins an item's later block
    // to a label alone without a leading blank line.
    CHECK(dvfuzz::check_pipeline(digest_fixture("labelled_code_block.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n### [T](https://arxiv.org/abs/2406.00001)\n\n"
                                        "Vote: 1\n\nAuthors: A\n\n- ***Code***:\n  ```\n  run --fast\n  ```\n- ***Note***: plain\n",
                                        "2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    const dv::PaperDraft d = dv::draft_of(r.papers[0]);
    REQUIRE(d.summary.size() == 2);
    CHECK(d.summary[0].label == "Code");
    CHECK(d.summary[0].text == "```\nrun --fast\n```");
    const std::string md = dv::markdown_of({&r.papers[0]});
    CHECK(md.find("- ***Code***:\n  ```\n  run --fast\n  ```\n") != std::string::npos);
}

TEST_CASE("fuzz: a paper whose heading links elsewhere is found by its arXiv ID field", "[fuzz]") {
    // "### http://a" (autolinked), a body mentioning arxiv.org/abs/2407.00002 and
    // "arxiv.org/abs/2407.0001e", then a second heading naming 2407.00002: one paper, 2407.00002,
    // titled "http://a". Its export ("### [http\://a](http://a)", "arXiv ID: 2407.00002", the body
    // as a list item) is one section holding two ids under a heading linking to no paper, so no
    // level scored and it read back as no paper. Fixed in md_entries.cpp: an "arXiv ID:" field
    // naming one id makes its section one paper, as a heading linking to a paper does.
    CHECK(dvfuzz::check_pipeline(digest_fixture("id_field_heading_links_elsewhere.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n### [Project page](https://example.org/p)\n\n"
                                        "arXiv ID: 2406.00002\n\nVote: 3\n\n- extends arXiv:2406.00001 to video\n",
                                        "2024-06-06.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2406.00002");
}

TEST_CASE("fuzz: a stray paragraph with a full-width-colon label stays a paragraph in the export", "[fuzz]") {
    // "# [](1)" then "*原标题：*s": an untitled paper whose stray paragraph starts like a label
    // with a full-width colon. The export decided "would read as a label" with split_label (ASCII
    // colons only) and wrote it as "- *原标题：*s", which the reader (split_any_label) took as the
    // original-title field: the paper came back titled "s". Fixed: the export asks the reader's
    // own split_any_label.
    CHECK(dvfuzz::check_pipeline(digest_fixture("fullwidth_label_stray_paragraph.md"), dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: ids in a markdown-fenced summary count as the reader reads them", "[fuzz]") {
    // "**Summary**:" then an unclosed "```markdown" block holding "arxiv.org/abs/2504.0100": the
    // reader reads such a block as the paper's own markdown (prose), but pass 1 skipped it as code,
    // so the paper had no id; its export wrote the prose out, and read back it had the id. Fixed:
    // pass 1 reads the ids of a markdown fence too (collect_ids, one level deep like the reader).
    CHECK(dvfuzz::check_pipeline(digest_fixture("markdown_fence_id.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(dvtest::fixture("fuzz/digest/markdown_fence_id.md"), "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2504.0100");
}

TEST_CASE("fuzz: a bare URL names its paper whether or not cmark-gfm autolinked it", "[fuzz]") {
    // "#", "Vote:[", "id:0", "http://papers/2603.0020" read as an untitled paper without an id
    // whose summary is the URL line; its export wrote that line as the list item
    // "- http://papers/2603.0020", which read back with the id 2603.0020. The URL is the same;
    // what differed is that cmark-gfm's autolink extension skips a URL later in a paragraph
    // holding an unmatched "[" (and one after a letter or inside html), so it was a link in one
    // and text in the other. Fixed: pass 1 reads an http(s) URL in text as its link would be read.
    CHECK(dvfuzz::check_pipeline(digest_fixture("url_in_field_paragraph.md"), dvfuzz::RoundTrip::Full) == "");
    for (const char* text : {"#\nVote:[\nid:0\nhttp://papers/2603.0020", "#\nVote:[\nhttp://papers/2603.0020",
                             "#\nVote: 3\nhttp://papers/2603.0020", "#\n- http://papers/2603.0020"}) {
        const dv::ParseResult r = dv::parse(text, "x.md");
        INFO(text);
        REQUIRE(r.papers.size() == 1);
        CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2603.0020");
    }
    // A URL in text that names no paper names none.
    const dv::ParseResult r = dv::parse("#\nVote:[\nhttp://example.org/a/b\nVote: 3", "x.md");
    for (const dv::Paper& p : r.papers) CHECK(dv::is_null(p.arxiv_id));
}

TEST_CASE("fuzz: numbering before a heading's link is the list's, as in a heading without one", "[fuzz]") {
    // "## 2. \xCD[]()" (a byte of bad UTF-8, then a link with neither text nor url) read as the
    // title "2. \uFFFD": numbering was stripped only from headings without a link. Its export, a
    // heading without a link, read back as "\uFFFD". Fixed: text before the link loses its
    // numbering too (the title inside a link is left as the producer wrote it).
    CHECK(dvfuzz::check_pipeline(digest_fixture("heading_number_before_link.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2025-01-01)\n\n### 3. [Title](https://arxiv.org/abs/2501.00003)\n\n"
                                        "### [4. Four](https://arxiv.org/abs/2501.00004)\n",
                                        "x.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Title");
    CHECK(dv::get(r.papers[1], r.papers[1].title) == "4. Four");
}

TEST_CASE("fuzz: an emphasised label is a field when a link in its line holds a line break", "[fuzz]") {
    // "*原标题：*[\x82\n](arxiv.org/abs/2406.0001)": the link's text spans two source lines, so the
    // paragraph's lines could not be mapped to the source and the bold/emphasis label rule (which
    // reads the source) never ran: the line was summary text, and its export "- 原标题：\uFFFD"
    // read back as the original-title field. Fixed: such a line's label is read from its
    // flattened text.
    CHECK(dvfuzz::check_pipeline(digest_fixture("emphasis_label_link_across_lines.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("#\n*\xE5\x8E\x9F\xE6\xA0\x87\xE9\xA2\x98\xEF\xBC\x9A*[Real title\n](arxiv.org/abs/2406.0001)", "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Real title");
    CHECK(r.papers[0].summary.empty());
}

TEST_CASE("fuzz: an author name that reads as a paper URL is exported as code", "[fuzz]") {
    // "Author:a`rxiv.org/abs/2603.0020`": the name flattens to "arxiv.org/abs/2603.0020" and, in a
    // code span, names no paper; the export wrote it as plain text, which read back as a mention
    // of 2603.0020, so the untitled paper gained an id. Fixed: the export asks the reader's text
    // rule (text_names_paper) and writes such an authors line as a code span, which pass 1 also
    // counts as the field's value.
    CHECK(dvfuzz::check_pipeline(digest_fixture("author_names_an_id.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(dvtest::fixture("fuzz/digest/author_names_an_id.md"), "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::is_null(r.papers[0].arxiv_id));
    const std::string md = dv::markdown_of({&r.papers[0]});
    CHECK(md.find("Authors: `arxiv.org/abs/2603.0020`") != std::string::npos);
}

TEST_CASE("fuzz: summary text keeps its markdown when a code span holds a line break", "[fuzz]") {
    // "`arxiv.org/abs/2603.0020\n`" under an untitled heading: the code span spans two source
    // lines, so the paragraph's lines could not be mapped to the source and its text was stored
    // flattened, without the backticks; the export wrote "- arxiv.org/abs/2603.0020", which read
    // back as a mention of that paper. Fixed: such a line is stored as cmark-gfm renders its
    // nodes back to markdown.
    CHECK(dvfuzz::check_pipeline(digest_fixture("code_span_across_lines.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n### T\n\nVote: 3\n\nsee `a\nb` and *c*\n[d\ne](https://example.org)", "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    const std::string_view t = dv::get(r.papers[0], r.papers[0].summary[0].text);
    CHECK(t.find("`a b`") != std::string_view::npos);
    CHECK(t.find("*c*") != std::string_view::npos);
    CHECK(t.find("](https://example.org)") != std::string_view::npos);
}

TEST_CASE("fuzz: a continuation line that was text only by its indentation stays text in the export", "[fuzz]") {
    // "*\xDF：*" then "    -": the indented "-" continues the paragraph, and the reader keeps the
    // line without its indentation; the export wrote "-" at the margin, a setext underline, so the
    // line before became a heading and the paper after it was lost. Fixed: the reader keeps such
    // a line 4 spaces deep in the text (append_paragraph_line), where only paragraph text can
    // start, and the export writes the text as it is.
    CHECK(dvfuzz::check_pipeline(digest_fixture("indented_continuation_dash.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n### A\n\nVote: 1\n\nline\n    # not a heading\n    - not an item\n\n### B\n\nVote: 2\n", "x.md");
    REQUIRE(r.papers.size() == 2);
    const dv::ParseResult back = dv::parse(dv::markdown_of({&r.papers[0], &r.papers[1]}), "back.md");
    REQUIRE(back.papers.size() == 2);
    CHECK(dv::get(back.papers[0], back.papers[0].summary.at(0).text) == dv::get(r.papers[0], r.papers[0].summary.at(0).text));
}

TEST_CASE("fuzz: a table after a paragraph line reads as the table alone, and its export as a table", "[fuzz]") {
    // "Authors: Pet" then the rows of a GFM table whose third cell (beyond the header's two, so
    // dropped) holds "r](https://papers/2409.0001". cmark-gfm put the table on the paragraph's
    // first line, so the table's text began with "Authors: Pet" again (the project's
    // cmark-gfm-table-sourcepos patch gives it its header row's line); and the export wrote the
    // table's lines 4 spaces deeper, as paragraph text, where the dropped cell's URL came alive
    // as the paper's id.
    const std::string bytes = digest_fixture("table_cell_url_after_authors.md");
    CHECK(dvfuzz::check_pipeline(bytes, dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(bytes, "table_cell_url_after_authors.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "||k |\n--|-|\n| seeen | a[Rri | r](https://papers/2409.0001");
    CHECK(dv::is_null(r.papers[0].arxiv_id));
}

TEST_CASE("a paragraph's line that continued it only by its indentation keeps 4 spaces in the summary text", "[fuzz]") {
    // In the source "- not an item" and "# not a heading" continue the paragraph (indented 4);
    // at the margin of the summary text they would be a list and a heading when the text is
    // rendered or exported. A line that continues the paragraph at the margin too stays there.
    const dv::ParseResult r = dv::parse(
        "## Daily Papers (2024-06-06)\n\n### A\n\nVote: 1\n\nline\n    # not a heading\n    - not an item\n  *still* text\n"
        "| a | b |\n    |---|---|\n",
        "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) ==
          "line\n    # not a heading\n    - not an item\n*still* text\n| a | b |\n    |---|---|");
    CHECK(dvfuzz::check_pipeline(
              "## Daily Papers (2024-06-06)\n\n### A\n\nVote: 1\n\nline\n    # not a heading\n    - not an item\n", dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a heading that links to a paper is the paper even when its title says excluded or skipped", "[fuzz]") {
    // Two list items naming papers by bare URL text, one starting "excluded": exported as
    // "### [excludedarxiv.org/...](https://arxiv.org/abs/...)", whose heading the reader took for
    // a section of excluded papers, so that paper was lost and the other read with the date
    // heading's title. Only a heading that does not link to a paper lists exclusions.
    CHECK(dvfuzz::check_pipeline(digest_fixture("title_says_excluded.md"), dvfuzz::RoundTrip::Ids) == "");
    const dv::ParseResult r = dv::parse(
        "## Daily Papers (2024-06-06)\n\n### [Skipped Connections Matter](https://arxiv.org/abs/2501.00003)\n\nVote: 3\n\n"
        "### [Another](https://arxiv.org/abs/2501.00004)\n\nVote: 1\n\n## Excluded papers\n\n### [Left out](https://arxiv.org/abs/2501.00005)\n\nVote: 2\n",
        "x.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Skipped Connections Matter");
    CHECK(dv::get(r.papers[1], r.papers[1].arxiv_id) == "2501.00004");
}

TEST_CASE("append_paragraph_line: a line goes deep only where it would start a block, and a spent budget makes it deep unasked", "[fuzz]") {
    unsigned checks = 100;
    std::string t;
    dv::append_paragraph_line(t, "first", checks);
    CHECK(t == "first");
    dv::append_paragraph_line(t, "*emphasis* goes on", checks);  // may start a block, does not
    dv::append_paragraph_line(t, "- an item", checks);           // would be a list
    dv::append_paragraph_line(t, "plain", checks);               // no parse for it
    CHECK(t == "first\n*emphasis* goes on\n    - an item\nplain");
    CHECK(checks == 98);
    std::string table = "| a | b |";
    dv::append_paragraph_line(table, "|---|---|", checks);  // the delimiter row makes the line before a table
    CHECK(table == "| a | b |\n    |---|---|");
    std::string one = "a | b";
    dv::append_paragraph_line(one, "|---|", checks);  // one column, not two: no table, stays
    CHECK(one == "a | b\n|---|");
    unsigned none = 0;
    std::string spent = "first";
    dv::append_paragraph_line(spent, "*emphasis* goes on", none);
    CHECK(spent == "first\n    *emphasis* goes on");
}

TEST_CASE("a block quote's text keeps the quote's own indentation, not the marker's", "[fuzz]") {
    const dv::ParseResult r = dv::parse(
        "## Daily Papers (2024-06-06)\n\n### A\n\nVote: 1\n\n>  quoted text\n>     - still the paragraph\n> next\n",
        "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "quoted text\n    - still the paragraph\nnext");
}

TEST_CASE("fuzz: a label is written escaped, so a bracket in it cannot make a link with the item's text", "[fuzz]") {
    // "## [" labels the paragraph "](/papers/2311.1235)" after it (no link: no bracket opens one).
    // The export wrote "- ***[***: ](/papers/2311.1235)", one line where the label's "[" and the
    // text's "](...)" made a link, and the paper read back with an id. Labels are text: written
    // escaped ("***\[***"), read back unescaped.
    CHECK(dvfuzz::check_pipeline(digest_fixture("heading_label_bracket.md"), dvfuzz::RoundTrip::Full) == "");
    const dv::ParseResult r = dv::parse(
        "## Daily Papers (2024-06-06)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\nVote: 1\n\n"
        "- ***\\[a\\] \\*b\\****: text one\n- ***What's New***: text two\n",
        "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].label) == "[a] *b*");
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "text one");
    CHECK(dv::get(r.papers[0], r.papers[0].summary[1].label) == "What's New");
}

TEST_CASE("fuzz: a heading that says rejected papers but has its paper's fields under it is that paper", "[fuzz]") {
    // A paper titled by a "title:" field "rejected papers", without a link: exported as
    // "### rejected papers" then "Vote: -", which read back as a section of excluded papers, and
    // the paper was lost. A heading whose own paragraphs hold its paper's fields is the paper's;
    // "## Excluded papers" over a list of links still lists exclusions (shapes: fields.md).
    CHECK(dvfuzz::check_pipeline(digest_fixture("title_field_says_rejected.md"), dvfuzz::RoundTrip::Ids) == "");
    const dv::ParseResult r = dv::parse("## Daily Papers (2024-06-06)\n\n### Rejected papers teach\n\nVote: 4\n\n### Skipped\n\n- [x](https://arxiv.org/abs/2406.00059)\n", "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "Rejected papers teach");
    CHECK(r.papers[0].votes == 4);
}

TEST_CASE("fuzz: an unlabeled text that is not one paragraph stays a list item in the export", "[fuzz]") {
    // "- *a*:" over "  -" is a list item holding a setext heading; its text "*a*:\n-" looks like
    // a label, so the export wrote it as a paragraph of its own, where at the margin it was a
    // heading that cut the paper's section (a paper was lost on read-back). Only text that is
    // one paragraph is written that way.
    CHECK(dvfuzz::check_pipeline(digest_fixture("setext_heading_in_item.md"), dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("a paragraph line that follows the fields it continued is escaped where alone it would start a block", "[fuzz]") {
    // "Vote: 1" then "    - x": the indented line continues the paragraph, the field line is
    // taken, and "- x" is the first line of the item's text, where it was a list item when the
    // text was exported (found by review, as the fuzzer would in its full round trip).
    const std::string md = "## Daily Papers (2024-06-06)\n\n### [A](https://arxiv.org/abs/2401.00001)\n\nVote: 1\n    - x\n    1. y\n\n"
                           "### [B](https://arxiv.org/abs/2401.00002)\n\nVote: 2\n    *emph* ok\n";
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 2);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "\\- x\n    1. y");
    CHECK(dv::get(r.papers[1], r.papers[1].summary[0].text) == "*emph* ok");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a table column named like a paper's link labels nothing, and a cell that would start a block is escaped", "[fuzz]") {
    // Header "Title||arxiv.org/pdf/2406.00001": the third column's name became its cells' label,
    // and the label, written out and read back as text, named paper 2406.00001, which the table's
    // row never did. The cell "-" in that column, now unlabeled, was written as the item "- -", an
    // empty list on reading back.
    const std::string md = digest_fixture("table_header_names_paper.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id).empty());
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].label).empty());
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "\\-");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
    // A column with an ordinary name keeps it as the label.
    const dv::ParseResult named = dv::parse("Title||Notes\n-|-|-\nA||- x\n", "x.md");
    REQUIRE(named.papers.size() == 1);
    REQUIRE(named.papers[0].summary.size() == 1);
    CHECK(dv::get(named.papers[0], named.papers[0].summary[0].label) == "Notes");
    CHECK(dv::get(named.papers[0], named.papers[0].summary[0].text) == "\\- x");
}

TEST_CASE("fuzz: a table title cell's link names the paper, as a heading's link does", "[fuzz]") {
    // The title cell "arxiv.org/abs/2409.00012[](/papers/1204.00012)": the row took the first id
    // of its text (2409.00012) and the link's URL; the export linked its heading to that URL,
    // which read back as paper 1204.00012.
    const std::string md = digest_fixture("table_title_link_and_mention.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "1204.00012");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a title field's trailing vote marker is the paper's votes, as a heading's is", "[fuzz]") {
    // "标题：.⭐ 9" under an empty heading: the field kept "⭐ 9" in the title, and the export's
    // heading "### .⭐ 9" read back as the title "." with 9 votes.
    const std::string md = digest_fixture("title_field_vote_marker.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].title) == ".");
    CHECK(r.papers[0].votes == 9);
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a title that reads as a paper's link is exported as code, which names no paper", "[fuzz]") {
    // "# `http://papers/2409.00012`": a code span names no paper, so the paper had no id; its
    // export wrote the title escaped ("http\://papers/..."), which read back as that paper's URL.
    const std::string md = digest_fixture("code_span_title_names_paper.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id).empty());
    CHECK(dv::get(r.papers[0], r.papers[0].title) == "http://papers/2409.00012");
    const std::string exported = dv::markdown_of({&r.papers[0]});
    CHECK(exported.find("### `http://papers/2409.00012`") != std::string::npos);
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a paragraph rendered back from its nodes keeps its inline html on its line", "[fuzz]") {
    // "b<summary>`http://...\n`": a code span holding a line break, so the text is rendered back by
    // cmark-gfm, one node at a time; each render ended with a line break, which put "<summary>" on
    // a line of its own: an html block in the export, whose raw text named a paper.
    const std::string md = digest_fixture("inline_html_in_unmapped_paragraph.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 2);
    REQUIRE(r.papers[1].summary.size() == 1);
    CHECK(dv::get(r.papers[1], r.papers[1].summary[0].text) == "b<summary>` http://papers/2603.00201  `");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a title is written as code only where a code span can hold it and the heading's link does not name the paper", "[fuzz]") {
    // 80 backticks, then "arxiv.org/abs/2504.1000": cmark-gfm closes code spans of at most 80
    // backticks, so the code span written for it stayed literal backticks, and the title came back
    // longer. The heading links to that paper anyway, and its link decides.
    const std::string md = digest_fixture("title_backtick_run_80.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2504.1000");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a markdown fence names a paper only where the reader reads it as the paper's blocks", "[fuzz]") {
    // A "```markdown" fence inside another: code in the outer one's text, kept as an item's text,
    // which the export writes in a list item. There it was counted as markdown (its id named the
    // paper), though the reader keeps a list item's fence as code.
    const std::string md = digest_fixture("markdown_fence_in_markdown_fence.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 2);
    CHECK(dv::get(r.papers[0], r.papers[0].arxiv_id) == "2412.0666");
    CHECK(dv::get(r.papers[1], r.papers[1].arxiv_id).empty());
    const std::string in_item = "## Daily Papers (2024-06-06)\n\n### T\n\nVote: 1\n\n- ```markdown\n  arxiv.org/abs/2311.10982\n  ```\n";
    const dv::ParseResult item = dv::parse(in_item, "x.md");
    REQUIRE(item.papers.size() == 1);
    CHECK(dv::get(item.papers[0], item.papers[0].arxiv_id).empty());
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Ids) == "");
}

TEST_CASE("fuzz: a line continuing a field keeps its code spans when its paragraph cannot be mapped to the source", "[fuzz]") {
    // "summary:" then, lines later, a code span holding a line break and "](arxiv.org/abs/ID)": the
    // paragraph's lines cannot be mapped to the source, and the continuing line was appended to
    // the summary flattened, without its backticks. The export then wrote "[](arxiv.org/abs/ID)",
    // a link naming a paper, and the section read back as no paper at all.
    const std::string md = digest_fixture("code_span_continues_field.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "\"\n\\[`](arxiv.org/abs/2409.0011) arxiv.org/abs/2409.0002`");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("a field on a line that cannot be mapped to the source keeps the markdown of its value", "[fuzz]") {
    // The same for a field's own line: its code span was flattened into the value.
    const std::string md = "## Daily Papers (2024-06-03)\n\n### A paper\n\nVote: 3\nsummary: see `a\nb` here\n";
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(r.papers[0].summary.size() == 1);
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "see `a b` here");
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}

TEST_CASE("fuzz: a table that interrupts an indented paragraph keeps its header row's first pipe", "[fuzz]") {
    // " Author:t" then "||k", "-|-", "|||arxiv.org/abs/ID": cmark-gfm gives the table the
    // paragraph's start column (2), so the table's text lost the row's first "|". Written back,
    // "|k" over "-|-" is no table, and the id in the row's third cell (which GFM drops from the
    // table) became the paper's.
    const std::string md = digest_fixture("table_after_indented_paragraph.md");
    const dv::ParseResult r = dv::parse(md, "x.md");
    REQUIRE(r.papers.size() == 1);
    REQUIRE(!r.papers[0].summary.empty());
    CHECK(dv::get(r.papers[0], r.papers[0].summary[0].text) == "||k\n-|-\n|||arxiv.org/abs/2502.0007");
    CHECK(dv::is_null(r.papers[0].arxiv_id));
    CHECK(dvfuzz::check_pipeline(md, dvfuzz::RoundTrip::Full) == "");
}
