// Export of papers as JSON, CSV and Markdown, plus the JSON shapes the CLI and the test hooks share.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "library.h"
#include "stats.h"

namespace dv {

// {"date","title","url","arxiv_id","thumbnail","votes","authors":[...],"summary":[{"label","text"}],
//  "source","line"}; absent values are null.
nlohmann::json paper_json(const Paper& p, const std::string& source);
// paper_json plus "percentile" and "days" (every appearance date) for a library entry.
nlohmann::json entry_json(const Library& lib, uint32_t entry);
nlohmann::json diagnostic_json(const Diagnostic& d);
nlohmann::json stats_json(const Library& lib, const Stats& s);

// {"papers":[entry_json...], "diagnostics":[...]} for entries in `result` order.
std::string export_json(const Library& lib, const std::vector<uint32_t>& result, const std::vector<Diagnostic>& diags);
// RFC 4180; cells starting with = + - @ (or TAB/CR) are prefixed with ' against formula injection.
std::string export_csv(const Library& lib, const std::vector<uint32_t>& result);
// The digest's own format, grouped by date; parse() of it gives back the same papers.
std::string export_markdown(const Library& lib, const std::vector<uint32_t>& result);
// Markdown for papers as drafts (used by export_markdown and tests).
std::string markdown_of(const std::vector<const Paper*>& papers);

// Escapes markdown-active ASCII punctuation so that cmark gives back the literal text.
std::string escape_markdown(std::string_view s);

}  // namespace dv
