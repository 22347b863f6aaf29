// Packs a PaperDraft into one text arena (layout documented in model.h):
//   [arxiv_id \n] title \n (author \n)* (label \n? text \n)*  | search_end |  url thumbnail
// Null fields (empty arxiv_id/url/thumbnail) take no bytes and get off = kNullOff. An empty label
// is stored as a non-null empty Str (no bytes, no '\n'); get() gives "" for both.
#include "paper_builder.h"

namespace dv {

namespace {

Str put(std::string& arena, std::string_view s, bool newline) {
    Str r{static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(s.size())};
    arena.append(s.data(), s.size());
    if (newline) arena.push_back('\n');
    return r;
}

Str put_nullable(std::string& arena, std::string_view s, bool newline) {
    if (s.empty()) return Str{kNullOff, 0};
    return put(arena, s, newline);
}

}  // namespace

Paper build_paper(const PaperDraft& d) {
    Paper p;
    size_t total = d.arxiv_id.size() + 1 + d.title.size() + 1 + d.url.size() + d.thumbnail.size();
    for (const auto& a : d.authors) total += a.size() + 1;
    for (const auto& s : d.summary) total += s.label.size() + 1 + s.text.size() + 1;
    p.text.reserve(total);

    p.arxiv_id = put_nullable(p.text, d.arxiv_id, true);
    p.title = put(p.text, d.title, true);
    p.authors.reserve(d.authors.size());
    for (const auto& a : d.authors) p.authors.push_back(put(p.text, a, true));
    p.summary.reserve(d.summary.size());
    for (const auto& s : d.summary) {
        SummaryItem item;
        item.label = s.label.empty() ? Str{static_cast<uint32_t>(p.text.size()), 0} : put(p.text, s.label, true);
        item.text = put(p.text, s.text, true);
        item.level = s.level;
        p.summary.push_back(item);
    }
    p.search_end = static_cast<uint32_t>(p.text.size());
    p.url = put_nullable(p.text, d.url, false);
    p.thumbnail = put_nullable(p.text, d.thumbnail, false);
    p.date = d.date;
    p.votes = d.votes;
    p.line = d.line;
    return p;
}

PaperDraft draft_of(const Paper& p) {
    PaperDraft d;
    d.arxiv_id = std::string(get(p, p.arxiv_id));
    d.title = std::string(get(p, p.title));
    d.url = std::string(get(p, p.url));
    d.thumbnail = std::string(get(p, p.thumbnail));
    d.authors.reserve(p.authors.size());
    for (Str a : p.authors) d.authors.emplace_back(get(p, a));
    d.summary.reserve(p.summary.size());
    for (const auto& s : p.summary) d.summary.push_back({std::string(get(p, s.label)), std::string(get(p, s.text)), s.level});
    d.date = p.date;
    d.votes = p.votes;
    d.line = p.line;
    return d;
}

}  // namespace dv
