// Export of papers as JSON and Markdown (see export.h); CSV is in export_csv.cpp.
//
// Never throws: nlohmann is only used to build values and to dump them with
// error_handler_t::replace, so invalid UTF-8 (which the parser already cleans) cannot abort the
// wasm build, where exceptions are fatal.
#include "export.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <nlohmann/json.hpp>

#include "date.h"
#include "highlight.h"
#include "markdown.h"
#include "paper_builder.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv {

using nlohmann::json;

namespace {

json str_or_null(const Paper& p, Str s) {
    if (is_null(s)) return nullptr;
    return json(std::string(get(p, s)));
}

json date_or_null(int32_t d) {
    if (d == kNoDate) return nullptr;
    return json(format_date(d));
}

json votes_or_null(int32_t v) {
    if (v == kNoVotes) return nullptr;
    return json(v);
}

json percentile_or_null(float pct) {
    if (!(pct >= 0.0f)) return nullptr;  // also catches NaN
    return json(std::round(double(pct) * 10.0) / 10.0);
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

// --- JSON ---------------------------------------------------------------------------------------

json paper_json(const Paper& p, const std::string& source) {
    json j = json::object();
    j["date"] = date_or_null(p.date);
    j["title"] = std::string(get(p, p.title));
    j["url"] = str_or_null(p, p.url);
    j["arxiv_id"] = str_or_null(p, p.arxiv_id);
    j["thumbnail"] = str_or_null(p, p.thumbnail);
    j["votes"] = votes_or_null(p.votes);
    json authors = json::array();
    for (Str a : p.authors) authors.push_back(std::string(get(p, a)));
    j["authors"] = std::move(authors);
    json summary = json::array();
    for (const SummaryItem& it : p.summary) {
        json item = json::object();
        std::string_view label = get(p, it.label);
        item["label"] = label.empty() ? json(nullptr) : json(std::string(label));
        item["text"] = std::string(get(p, it.text));
        summary.push_back(std::move(item));
    }
    j["summary"] = std::move(summary);
    j["source"] = source;
    j["line"] = p.line;
    return j;
}

json entry_json(const Library& lib, uint32_t entry) {
    const Entry& e = lib.entries[entry];
    json j = paper_json(entry_paper(lib, e), entry_source(lib, e));
    // The entry's date is its earliest appearance (what the library sorts by); its votes the highest.
    if (e.date != kNoDate) j["date"] = format_date(e.date);
    j["votes"] = votes_or_null(e.votes);
    j["percentile"] = percentile_or_null(e.percentile);
    json days = json::array();
    int32_t last = kNoDate;
    std::vector<int32_t> dates;
    for (uint32_t i = 0; i < e.appearance_count; ++i) {
        const Appearance& a = lib.appearances[e.first_appearance + i];
        if (a.date != kNoDate) dates.push_back(a.date);
    }
    std::sort(dates.begin(), dates.end());
    for (int32_t d : dates) {
        if (d == last) continue;
        days.push_back(format_date(d));
        last = d;
    }
    j["days"] = std::move(days);
    // Every file that lists the paper (a digest, Hugging Face's JSON, ...), in file order.
    json sources = json::array();
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l)
        sources.push_back(lib.files[lib.listings[l].file].name);
    j["sources"] = std::move(sources);
    return j;
}

static json spans_json(const std::vector<Span>& spans) {
    json a = json::array();
    for (const Span& sp : spans) a.push_back({sp.begin, sp.end});
    return a;
}

json why_json(const Library& lib, uint32_t ei, const Query& q) {
    json j;
    const uint8_t where = match_where(lib, ei, q);
    json w = json::array();
    if (where & MatchId) w.push_back("id");
    if (where & MatchTitle) w.push_back("title");
    if (where & MatchAuthor) w.push_back("author");
    if (where & MatchSummary) w.push_back("summary");
    if (where & MatchLabel) w.push_back("label");
    j["where"] = w;
    const Paper& p = entry_paper(lib, lib.entries[ei]);
    j["title"] = spans_json(match_spans(q, Field::Title, get(p, p.title)));
    json authors = json::array();
    for (size_t i = 0; i < p.authors.size(); ++i) {
        std::vector<Span> sp = match_spans(q, Field::Author, get(p, p.authors[i]));
        if (!sp.empty()) authors.push_back({{"index", i}, {"spans", spans_json(sp)}});
    }
    j["authors"] = authors;
    const Snippet sn = row_snippet(lib, ei, q, where);
    j["snippet"] = sn.text.empty() ? json(nullptr) : json{{"text", sn.text}, {"mark", {sn.mark.begin, sn.mark.end}}};
    return j;
}

json diagnostic_json(const Diagnostic& d) {
    json j = json::object();
    j["source"] = d.source;
    j["line"] = d.line;
    j["severity"] = severity_name(d.severity);
    j["message"] = d.message;
    return j;
}

json stats_json(const Library& lib, const Stats& s) {
    json j = json::object();
    j["papers"] = s.papers;
    j["without_votes"] = s.without_votes;
    json hist = json::array();
    for (const HistBin& b : s.vote_histogram) hist.push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}});
    j["vote_histogram"] = std::move(hist);
    json days = json::array();
    for (const DayStat& d : s.per_day) {
        days.push_back({{"date", date_or_null(d.date)},
                        {"papers", d.papers},
                        {"median", d.median},
                        {"p90", d.p90},
                        {"max", d.max},
                        {"total", d.total}});
    }
    j["per_day"] = std::move(days);
    json top = json::array();
    for (uint32_t idx : s.top_papers) {
        if (idx >= lib.entries.size()) continue;
        const Entry& e = lib.entries[idx];
        const Paper& p = entry_paper(lib, e);
        top.push_back({{"title", std::string(get(p, p.title))},
                       {"arxiv_id", str_or_null(p, p.arxiv_id)},
                       {"date", date_or_null(e.date)},
                       {"votes", votes_or_null(e.votes)}});
    }
    j["top_papers"] = std::move(top);
    auto authors = [](const std::vector<AuthorStat>& v) {
        json a = json::array();
        for (const AuthorStat& s : v) a.push_back({{"name", s.name}, {"papers", s.papers}, {"votes", s.votes}});
        return a;
    };
    j["top_authors_by_papers"] = authors(s.top_authors_by_papers);
    j["top_authors_by_votes"] = authors(s.top_authors_by_votes);
    json wd = json::array();
    for (int i = 0; i < 7; ++i)
        wd.push_back({{"weekday", weekday_name(i)}, {"papers", s.weekdays[i].papers}, {"mean_votes", s.weekdays[i].mean_votes}});
    j["weekdays"] = std::move(wd);
    return j;
}

json trend_json(const TrendTable& t, const std::vector<TrendSeries>& series) {
    json a = json::array();
    std::vector<std::string> names;
    names.reserve(t.periods.size());
    for (const Period& p : t.periods) names.push_back(format_period(p));
    for (const TrendSeries& s : series)
        for (size_t i = 0; i < t.periods.size(); ++i)
            a.push_back({{"term", s.term}, {"period", names[i]}, {"matching", s.matching[i]}, {"total", t.totals[i]}});
    return a;
}

std::string export_json(const Library& lib, const std::vector<uint32_t>& result, const std::vector<Diagnostic>& diags) {
    json j = json::object();
    json papers = json::array();
    for (uint32_t e : result)
        if (e < lib.entries.size()) papers.push_back(entry_json(lib, e));
    j["papers"] = std::move(papers);
    json d = json::array();
    for (const Diagnostic& x : diags) d.push_back(diagnostic_json(x));
    j["diagnostics"] = std::move(d);
    return dump(j);
}

// --- Markdown -----------------------------------------------------------------------------------

std::string escape_markdown(std::string_view s) {
    // Every ASCII punctuation character that can start or end inline markup in GitHub Flavored
    // Markdown (cmark-gfm with its extensions): escapes, code spans, emphasis, strikethrough,
    // links and images, autolinks and raw HTML, entities, and '#' (a heading's closing sequence).
    // Block markers need no escape: the text never starts a line. A backslash before ASCII
    // punctuation is always a literal.
    static constexpr std::string_view kActive = "\\`*_~[]<>&!#";
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        if (c == '\n' || c == '\r') {  // would end a heading line; never in parsed titles
            out += ' ';
            continue;
        }
        if (kActive.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

namespace {

// A destination cmark reads back verbatim: plain when it has no space, control or parenthesis,
// else in <...> with '<' '>' '\' escaped.
void append_destination(std::string& out, std::string_view url) {
    bool plain = !url.empty();
    for (char c : url) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u <= 0x20 || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || u == 0x7f) {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += url;
        return;
    }
    out += '<';
    for (char c : url) {
        if (c == '\n' || c == '\r') continue;
        if (c == '<' || c == '>' || c == '\\') out += '\\';
        out += c;
    }
    out += '>';
}

// `text` as one code span: a backtick run longer than any inside it, padded with a space when the
// text starts or ends with a backtick or a space (CommonMark strips one space from each side).
// False, writing nothing, when the text holds a run of 80 backticks or more: cmark-gfm matches
// runs of at most 80 (MAXBACKTICKS), so no fence could close it (found by tests/fuzz).
bool append_code_span(std::string& out, std::string_view text) {
    size_t longest = 0, run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    if (longest >= 80) return false;
    const std::string fence(longest + 1, '`');
    const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`' || text.front() == ' ' || text.back() == ' ');
    out += fence;
    if (pad) out += ' ';
    out += text;
    if (pad) out += ' ';
    out += fence;
    return true;
}

// Authors as a comma list, or, when a name holds a comma (split_authors splits on every comma)
// or the first one starts with '[', as a Python list literal, which split_authors also reads.
// The parser reads the authors line as flattened inline text, so the line is markdown-escaped
// on top: list-literal escapes (\' and \\) survive as \\' and \\\\ in the source.
void append_authors(std::string& out, const std::vector<std::string>& authors) {
    bool literal = !authors.empty() && !authors.front().empty() && authors.front().front() == '[';
    for (const std::string& a : authors)
        if (a.find(',') != std::string::npos) literal = true;
    std::string line;
    if (!literal) {
        for (size_t i = 0; i < authors.size(); ++i) {
            if (i) line += ", ";
            line += authors[i];
        }
    } else {
        line += '[';
        for (size_t i = 0; i < authors.size(); ++i) {
            if (i) line += ", ";
            line += '\'';
            for (char c : authors[i]) {
                if (c == '\'' || c == '\\') line += '\\';
                line += c;
            }
            line += '\'';
        }
        line += ']';
    }
    out += "Authors: ";
    // "Authors: arxiv.org/abs/2603.0020" would name that paper on reading back (a name in a
    // code span did not, and it flattens to the same name): write the names as code.
    if (parse_detail::text_names_paper(line) && append_code_span(out, line)) return;
    out += escape_markdown(line);
}

// A label is text: escaped, so neither its markers nor a bracket in it ("[" from a heading) can
// pair with the item's text on the same line (a link across the two named a paper when the export
// was read back: found by tests/fuzz); the reader unescapes it.
void append_label(std::string& out, const std::string& label) {
    out += "***";
    out += escape_markdown(label);
    out += "***: ";
}

// Text that starts with a code fence ("```", "~~~").
bool starts_fence(std::string_view t) { return t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~"; }

// Appends text, its later lines indented by `indent` (blank lines left empty): the text is
// markdown source that reads as itself at the margin (append_paragraph_line keeps an indented
// continuation line indented), and so reads the same inside a list item.
void append_indented(std::string& out, std::string_view t, size_t indent) {
    size_t start = 0;
    while (true) {
        size_t nl = t.find('\n', start);
        std::string_view l = t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (start > 0 && !l.empty()) out.append(indent, ' ');
        out += l;
        out += '\n';
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
}

// A title is plain text: escape_markdown, and GFM's extended autolinks, which need no markup
// ("http://x", "www.x"), are broken too by escaping the ':' of "://" and the '.' of "www.". Else a
// title read without a link ("# [http://x", where the open bracket kept cmark from autolinking)
// would gain one, and so a url, when its export is read back (found by tests/fuzz). Summary text
// keeps escape_markdown alone: links in abstracts are meant to be links.
std::string escape_title(std::string_view title) {
    const std::string e = escape_markdown(title);
    std::string out;
    out.reserve(e.size() + 4);
    for (size_t i = 0; i < e.size(); ++i) {
        const char c = e[i];
        if (c == ':' && e.compare(i + 1, 2, "//") == 0) out += '\\';
        if (c == '.' && i >= 3 && (e.compare(i - 3, 3, "www") == 0 || e.compare(i - 3, 3, "WWW") == 0)) out += '\\';
        out += c;
    }
    return out;
}

// The heading's text. Unless the heading links to a paper (that link then names the paper,
// whatever the text mentions), a title that reads as a paper's link or mention
// ("http://papers/2409.00012", once a code span) is written as code, which names no paper and
// flattens to the same text (as append_authors does): escaped, it named that paper on reading
// back (found by tests/fuzz).
void append_title(std::string& out, const std::string& title, const std::string& url) {
    if (arxiv_id_from_url(url).empty() && parse_detail::text_names_paper(title) && append_code_span(out, title)) return;
    out += escape_title(title);
}

void append_paper(std::string& out, const PaperDraft& d) {
    out += "### ";
    if (d.url.empty()) {
        append_title(out, d.title, d.url);
    } else {
        out += '[';
        append_title(out, d.title, d.url);
        out += "](";
        append_destination(out, d.url);
        out += ')';
    }
    out += "\n\n";
    if (!d.thumbnail.empty()) {
        out += "![](";
        append_destination(out, d.thumbnail);
        out += ")\n\n";
    }
    // An id the heading's link does not carry (the url is the producer's page, or there is no
    // url for an old-style id) is written as a field, else the paper would come back without it
    // (found by tests/fuzz).
    if (!d.arxiv_id.empty() && arxiv_id_from_url(d.url) != d.arxiv_id) {
        out += "arXiv ID: ";
        out += escape_markdown(d.arxiv_id);
        out += "\n\n";
    }
    if (d.votes == kNoVotes) {
        out += "Vote: -\n\n";
    } else {
        out += "Vote: ";
        out += std::to_string(d.votes);
        out += "\n\n";
    }
    if (!d.authors.empty()) {
        append_authors(out, d.authors);
        out += "\n\n";
    }
    bool after_paragraph = false;
    for (const SummaryDraft& s : d.summary) {
        // Summary text is markdown source: written as is. An unlabeled top-level text that would
        // read as a label if it led a list item ("**Note**: ...", "*原标题：*...", once a stray
        // paragraph) is written as a paragraph of its own, which the parser keeps unlabeled; only
        // if it is one paragraph: at the margin a heading in it ("*a*:" over "-", a setext
        // heading, once in a list item) would cut the paper's section (found by tests/fuzz).
        std::string_view lab, rest;
        if (s.label.empty() && s.level == 0 && parse_detail::split_any_label(s.text, lab, rest) && is_one_paragraph(s.text)) {
            if (!after_paragraph && out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") != 0) out += '\n';
            append_indented(out, s.text, 0);
            out += '\n';
            after_paragraph = true;
            continue;
        }
        after_paragraph = false;
        size_t indent = size_t(s.level) * 2;
        out.append(indent, ' ');
        out += "- ";
        if (!s.label.empty()) {
            append_label(out, s.label);
            // A fence opens a code block only at the start of a line: after "***Label***: " it
            // would be inline code, and the code's text would read back as prose (an id in it as
            // the paper's id; found by tests/fuzz). On a line of its own it interrupts the label's
            // paragraph, and the reader takes the code block as the item's text.
            if (starts_fence(s.text)) {
                out.back() = '\n';
                out.append(indent + 2, ' ');
            }
        }
        append_indented(out, s.text, indent + 2);
    }
    if (!d.summary.empty() && !after_paragraph) out += '\n';
}

// Papers grouped under one "## Daily Papers (date)" heading per date, dates descending, papers
// within a date in the given order; undated papers last, under a heading without a date.
std::string markdown_grouped(const std::vector<std::pair<const Paper*, int32_t>>& papers) {
    std::vector<size_t> order(papers.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        int32_t da = papers[a].second, db = papers[b].second;
        if (da == kNoDate || db == kNoDate) return da != kNoDate && db == kNoDate;
        return da > db;
    });
    std::string out;
    bool first = true;
    int32_t current = 0;
    for (size_t i : order) {
        int32_t date = papers[i].second;
        if (first || date != current) {
            if (date == kNoDate) {
                // No date: a section whose date is impossible gives its papers no date (a parser
                // warning on re-import), where a heading without a date would end the section.
                out += "## Daily Papers (0000-00-00)\n\n";
            } else {
                out += "## Daily Papers (";
                out += format_date(date);
                out += ")\n\n";
            }
            current = date;
            first = false;
        }
        PaperDraft d = draft_of(*papers[i].first);
        append_paper(out, d);
    }
    return out;
}

}  // namespace

std::string markdown_of(const std::vector<const Paper*>& papers) {
    std::vector<std::pair<const Paper*, int32_t>> v;
    v.reserve(papers.size());
    for (const Paper* p : papers)
        if (p) v.emplace_back(p, p->date);
    return markdown_grouped(v);
}

std::string export_markdown(const Library& lib, const std::vector<uint32_t>& result) {
    std::vector<std::pair<const Paper*, int32_t>> v;
    v.reserve(result.size());
    for (uint32_t idx : result) {
        if (idx >= lib.entries.size()) continue;
        const Entry& e = lib.entries[idx];
        v.emplace_back(&entry_paper(lib, e), e.date);
    }
    return markdown_grouped(v);
}

}  // namespace dv
