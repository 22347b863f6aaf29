// Hugging Face Daily Papers JSON: bytes in, papers and diagnostics out, like parser.h's parse()
// for markdown (which hands .json names and JSON-looking bytes here). Never throws, never prints;
// any bytes at all give a result.
//
// Shapes read (ParseResult.format):
//   "hf-api-json"  /api/daily_papers?date=D: an array of {paper{id,title,summary,authors,upvotes,
//                  ai_summary?,ai_keywords?,githubRepo?,githubStars?,projectPage?,
//                  submittedOnDailyAt?,submittedOnDailyBy?}, title, numComments, thumbnail?,
//                  submittedBy?, publishedAt}; the same items as Python-repr strings (str(item));
//                  either inside {status,date,count,data:[...]}; a bare paper object; the bare
//                  JSON 1 a producer writes for a day with no list (0 papers, an Info); "[]".
//   "hf-ko-json"   {paper{...}, translation_title, translation_summary, purpose, keywords,
//                  advertising_copy}: the paper read as above, the Korean fields kept as labelled
//                  summary items.
//   "hf-page-json" a scrape of the papers web page: {title, paper_url, authors[str],
//                  stars:"66"|"2.36k", details{abstract, github_links, ...}, scraped_date}.
//   "hf-api-error" an error body saved as data ({"error":"..."}): an Error quoting it, no papers.
//   ""             anything else: an Error saying what was found (or where the JSON is broken).
// One id listed twice in one file is one paper: the first entry, with the highest votes seen and
// any field the first lacked taken from the repeat.
//
// Listing date (ParseResult.date and each paper's date): a date in the path or file name
// (date_from_path), else the wrapper's "date", else the item's paper.submittedOnDailyAt (or a
// scrape's scraped_date), else the latest top-level publishedAt of the file if that is before
// 2025-03-11 (until then it was the posting time, from the previous UTC evening to the listing
// day; later it is the arXiv time shifted, not the listing day). Else kNoDate and a Warning.
// ParseResult.date is that file-level date, or the one date all papers share, or kNoDate.
//
// Paper.line is the 1-based item number in the file's array (JSON has no useful line per item).
#pragma once

#include <string_view>

#include "model.h"

namespace dv {

ParseResult parse_hf_json(std::string_view bytes, std::string_view source_name);

// Cheap test on the first bytes: could this be a JSON document rather than markdown? True when
// the first non-space byte (after a UTF-8 BOM) is '{' followed by '"' or '}', or '[' followed by
// '{', '[' (then a JSON value start), ']' (then nothing), or a "string" followed by ',' or ']'
// (markdown may start with "[" for a link, even ["Quoted" title](url)); also a document that is
// one bare number, like "1". Whitespace may separate these tokens.
bool looks_like_json(std::string_view bytes);

// The rule parse() uses to hand a file to parse_hf_json: a ".json" name (any case) or
// looks_like_json(bytes).
bool is_json_input(std::string_view bytes, std::string_view source_name);

}  // namespace dv
