// Match spans and snippets (highlight.h).
#include "highlight.h"

#include <algorithm>

#include "inline_markdown.h"
#include "text.h"

namespace dv {

bool term_applies(const TextTerm& t, Field where) {
    return !t.negate && !t.needle.empty() && (t.field == Field::Any || t.field == where);
}

void needle_spans(std::string_view text, std::string_view folded_needle, std::vector<Span>& out) {
    const size_t m = folded_needle.size();
    if (m == 0) return;
    size_t from = 0;
    while (from + m <= text.size()) {
        const size_t at = find_folded(text.substr(from), folded_needle);
        if (at == std::string_view::npos) break;
        out.push_back({uint32_t(from + at), uint32_t(from + at + m)});
        from += at + m;
    }
}

std::vector<Span> match_spans(const Query& q, Field where, std::string_view text) {
    std::vector<Span> spans;
    for (const TextTerm& t : q.terms)
        if (term_applies(t, where)) needle_spans(text, t.needle, spans);
    if (spans.size() < 2) return spans;
    std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
    std::vector<Span> merged;
    for (Span s : spans) {
        if (!merged.empty() && s.begin < merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
        else merged.push_back(s);
    }
    return merged;
}

uint8_t match_where(const Library& lib, uint32_t ei, const Query& q) {
    if (ei >= lib.entries.size()) return 0;
    const Entry& e = lib.entries[ei];
    uint8_t bits = 0;
    auto holds = [&](const Paper& p, Field where, Str s) {
        if (is_null(s)) return false;
        const std::string_view text = get(p, s);
        for (const TextTerm& t : q.terms)
            if (term_applies(t, where) && contains_folded(text, t.needle)) return true;
        return false;
    };
    auto scan = [&](const Paper& p) {
        if (holds(p, Field::Any, p.arxiv_id)) bits |= MatchId;
        if (holds(p, Field::Title, p.title)) bits |= MatchTitle;
        for (Str a : p.authors)
            if (holds(p, Field::Author, a)) bits |= MatchAuthor;
        for (const SummaryItem& s : p.summary) {
            if (holds(p, Field::Summary, s.text)) bits |= MatchSummary;
            if (holds(p, Field::Label, s.label)) bits |= MatchLabel;
        }
    };
    if (e.listing_count == 0) scan(entry_paper(lib, e));
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) scan(listing_paper(lib, lib.listings[l]));
    return bits;
}

namespace {

bool is_cont(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The start of the code point holding byte i (i itself at a boundary).
size_t cp_start(std::string_view s, size_t i) {
    while (i > 0 && i < s.size() && is_cont(s[i])) --i;
    return i;
}

void append_flat(std::string& out, std::string_view s) {
    for (char c : s) out.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
}

}  // namespace

Snippet make_snippet(std::string_view text, Span match, int before, int after) {
    Snippet out;
    size_t b = std::min<size_t>(match.begin, text.size()), e = std::min<size_t>(std::max(match.begin, match.end), text.size());
    b = cp_start(text, b);
    while (e < text.size() && is_cont(text[e])) ++e;
    size_t lo = b, hi = e;
    for (int k = 0; k < before && lo > 0; ++k) lo = cp_start(text, lo - 1);
    for (int k = 0; k < after && hi < text.size(); ++k) {
        ++hi;
        while (hi < text.size() && is_cont(text[hi])) ++hi;
    }
    const char* kEllipsis = "\xE2\x80\xA6";  // …
    if (lo > 0) out.text += kEllipsis;
    append_flat(out.text, text.substr(lo, b - lo));
    out.mark.begin = uint32_t(out.text.size());
    append_flat(out.text, text.substr(b, e - b));
    out.mark.end = uint32_t(out.text.size());
    append_flat(out.text, text.substr(e, hi - e));
    if (hi < text.size()) out.text += kEllipsis;
    return out;
}

std::string runs_text(const std::vector<TextRun>& runs) {
    std::string out;
    for (const TextRun& r : runs) out += r.text;
    return out;
}

std::string rendered_text(std::string_view markdown) { return runs_text(inline_runs(markdown)); }

Snippet row_snippet(const Library& lib, uint32_t ei, const Query& q, uint8_t where) {
    if (!(where & MatchSummary) || (where & (MatchTitle | MatchAuthor | MatchId))) return {};
    return summary_snippet(lib, ei, q, kRowSnippetBefore, kRowSnippetAfter);
}

std::string summary_first_line(const Paper& p, int max_code_points) {
    for (const SummaryItem& item : p.summary) {
        std::string text = rendered_text(get(p, item.text));
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        const size_t start = text.find_first_not_of(" \t\r\n");
        return make_snippet(std::string_view(text).substr(start), Span{0, 0}, 0, max_code_points).text;
    }
    return {};
}

Snippet summary_snippet(const Library& lib, uint32_t ei, const Query& q, int before, int after) {
    if (ei >= lib.entries.size()) return {};
    const Entry& e = lib.entries[ei];
    auto first_in = [&](const Paper& p, Snippet& out) {
        for (const SummaryItem& s : p.summary) {
            const std::string_view src = get(p, s.text);
            const std::vector<Span> raw = match_spans(q, Field::Summary, src);
            if (raw.empty()) continue;
            const std::string plain = rendered_text(src);
            const std::vector<Span> shown = match_spans(q, Field::Summary, plain);
            out = shown.empty() ? make_snippet(src, raw[0], before, after) : make_snippet(plain, shown[0], before, after);
            return true;
        }
        return false;
    };
    Snippet out;
    if (first_in(entry_paper(lib, e), out)) return out;
    for (uint32_t l = e.first_listing; l < e.first_listing + e.listing_count; ++l) {
        const Listing& li = lib.listings[l];
        if (li.file == e.file && li.paper == e.paper) continue;
        if (first_in(listing_paper(lib, li), out)) return out;
    }
    return {};
}

}  // namespace dv
