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

// "[Title](url)" written literally (cmark did not make a link, e.g. unbalanced brackets).
bool literal_link(std::string_view s, std::string_view& title, std::string_view& url);

}  // namespace dv::parse_detail
