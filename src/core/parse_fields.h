// Small scanners the parser runs on one line's or one item's text after the cmark AST walk.
// Private to the parser (and its tests); nothing here looks at more than one line or item.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dv::parse_detail {

// "/avatars/x.svg" -> "https://huggingface.co/avatars/x.svg"; "//h/x" -> "https://h/x"; others as is.
std::string resolve_url(std::string_view url);

// True for a link that is a video thumbnail: a .mp4/.webm/.mov/.m4v target.
bool is_video_url(std::string_view url);

// "Vote: 12" value text ("12", "-", "abc"): 1 = number (out set), 0 = "-" or empty (no votes),
// -1 = malformed.
int parse_vote_value(std::string_view v, int32_t& out);

// A count as pages write it: "66", "1,234", "2.36k" (= 2360), "1.2M", "3K"; surrounding spaces
// allowed. Integer arithmetic, so "2.36k" is exactly 2360. False (out untouched) for anything else,
// a fraction without a k/M suffix ("2.5"), or a value beyond int32.
bool parse_count(std::string_view s, int32_t& out);

// A summary item's markdown source starting with a bold/italic label: "**What's New**: text",
// "***What's New***: text", "***Technical Details*: text", "**Label:** text". On success sets
// label (no markup, no colon, trimmed) and text (the rest after the colon, trimmed).
bool split_label(std::string_view src, std::string_view& label, std::string_view& text);

// "## Daily Papers (2024-06-06)" flattened heading text: true if it ends with "(YYYY-MM-DD)";
// `valid` says whether that is a real calendar date (date set then).
bool heading_date(std::string_view heading, int32_t& date, bool& valid);

// What a field label names, in the languages the digests are written in. Labels are matched
// case-insensitively after dropping emoji, symbols, markup and a trailing ':' or '：'.
enum class FieldRole : uint8_t {
    None,           // not a field label we know: kept as a labelled summary item
    Votes,          // Vote, Votes, Upvotes, Stars, Likes, 추천, 点赞, 赞, bình chọn ...
    Authors,        // Authors, 저자, 作者, Tác giả
    Summary,        // Abstract, Summary, TL;DR, 摘要, 요약, 초록, Tóm tắt: kept as a labelled item
    OriginalTitle,  // Original title, 原文标题, 원제, Tiêu đề gốc: the title, the heading a translation
    Title,          // Title, 标题, 제목, Tiêu đề (table headers)
    Links,          // Links, Paper, arXiv, PDF, URL, 论文链接, 링크, Liên kết: where the id comes from
    ArxivId,        // arXiv ID, Paper ID, ID
    Code,           // Code, GitHub, Repo, 代码, 코드, Mã nguồn: kept as a labelled item
    ProjectPage,    // Project page, Homepage, 项目主页, 프로젝트 페이지: kept
    Submitter,      // Submitted by, Submitter, 提交者, 제출자: kept
    Date,           // Date, Published, 日期, 날짜: kept
};
FieldRole field_role(std::string_view label);

// A label at the start of a line: "Label: rest" / "Label：rest" with a short label (plain text,
// no markup), the way "Vote: 12" and "Authors: ..." are written. Sets label and rest (trimmed).
bool plain_label(std::string_view line, std::string_view& label, std::string_view& rest);

// A vote count written after a star or arrow: "⭐ 147", "⬆️ 12", "👍 3", "▲ 5", "⭐ 2.36k",
// anywhere in s. On success sets votes and the byte range [at, end) of the marker and number.
bool vote_marker(std::string_view s, int32_t& votes, size_t& at, size_t& end);

// Strips list numbering and decoration from a title: "3. ", "3) ", "#3 ", "No. 3: ", keycap
// digits "1️⃣ ", circled "① ", a trailing vote marker; trims.
std::string_view strip_title_decoration(std::string_view title);

// True when running text (not a link or code) would name a paper to the markdown reader: an
// "arXiv:ID" mention or a paper URL written out (md_scan.cpp, where pass 1 reads them). The
// export asks it, so a field it writes as plain text does not name a paper the record lacks.
bool text_names_paper(std::string_view text);

// The id when the whole of s is an arXiv id ("2505.04588", "arXiv:2505.04588", "2505.04588v2"),
// else "".
std::string arxiv_id_in_text(std::string_view s);
// split_label, also for a full-width colon ("**摘要：**", "**原文标题：** text"): how the reader
// splits a list item, and so how the export decides what would read as a label.
bool split_any_label(std::string_view src, std::string_view& label, std::string_view& text);
// The id an "arXiv ID:" field's value names: the value is an id, else a URL holding one; "" if
// neither. The reader (its fields) and pass 1 (which paper a section is) both ask this.
std::string arxiv_id_field_value(std::string_view value);
// The first "arXiv:NNNN.NNNNN" / "arXiv ID: NNNN.NNNNN" / "arxiv.org/abs/NNNN.NNNNN" written in
// running text, else "".
std::string arxiv_id_mentioned(std::string_view s);

// "[Title](url)" written literally (cmark did not make a link, e.g. unbalanced brackets).
bool literal_link(std::string_view s, std::string_view& title, std::string_view& url);

}  // namespace dv::parse_detail
