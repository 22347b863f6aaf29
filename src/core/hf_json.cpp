// Hugging Face Daily Papers JSON reader (see hf_json.h): parse_hf_json() and the steps of one read,
// in the order run() calls them. nlohmann parses the bytes without exceptions; Python-repr items go
// through pyrepr.h; one item's fields are read in hf_json_items.cpp (hf_json_detail.h says which
// file does what).
#include "hf_json.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "date.h"
#include "hf_json_detail.h"
#include "paper_builder.h"
#include "pyrepr.h"
#include "text.h"

namespace dv::hf {

namespace {

void diag(ParseResult& r, Severity sev, std::string msg) { r.diagnostics.push_back({r.source, 0, sev, std::move(msg)}); }

std::string item_name(size_t k) { return "item " + std::to_string(k + 1); }

// --- 1. The bytes as text: input_text (text.h), the gate markdown input takes too ---------------

// --- 2. Where the items are ---------------------------------------------------------------------

// The items of a document and the file-level date. `items` points into the document or to
// `single` (the one item a bare object is), so a Listing is filled in place, never copied.
struct Listing {
    const json* items = nullptr;
    json single = json::array();
    int32_t file_date = kNoDate;  // from the path, else the wrapper's "date"
};

// What an error body says: its string or its "message", quoted, else the value as JSON.
std::string error_text(const json& err) {
    if (err.is_string()) return quote(err.get_ref<const std::string&>());
    if (err.is_object() && !str_at(err, "message").empty()) return quote(str_at(err, "message"));
    return err.dump(-1, ' ', false, json::error_handler_t::replace);
}

// False when the document ends the read without papers: the bare 1 or an empty list (an Info,
// format and date set), an error body or anything that is not Daily Papers (an Error).
bool find_items(const json& doc, ParseResult& r, Listing& l) {
    l.file_date = date_from_path(r.source);
    if (doc.is_number_integer() && doc.get<int64_t>() == 1) {
        r.format = format_name(Shape::Api);
        r.date = l.file_date;
        diag(r, Severity::Info, "no papers: the file is the bare JSON 1 a producer writes for a day without a list (weekend, holiday or failed request)");
        return false;
    }
    if (doc.is_object()) {
        const json* data = array_at(doc, "data");
        if (const json* err = member(doc, "error"); err && !data && shape_of(doc) == Shape::None) {
            r.format = "hf-api-error";
            diag(r, Severity::Error, "an error response saved as data, no papers: " + error_text(*err));
            return false;
        }
        if (data) {
            l.items = data;
            if (l.file_date == kNoDate) l.file_date = day_of(str_at(doc, "date"));
        } else if (shape_of(doc) != Shape::None) {
            l.single.push_back(doc);
            l.items = &l.single;
        }
    } else if (doc.is_array()) {
        l.items = &doc;
    }
    if (!l.items) {
        diag(r, Severity::Error, "not Hugging Face Daily Papers JSON: found " + describe(doc));
        return false;
    }
    if (l.items->empty()) {
        r.format = format_name(Shape::Api);
        r.date = l.file_date;
        diag(r, Severity::Info, "no papers: the list is empty");
        return false;
    }
    return true;
}

// --- 3. Each item -------------------------------------------------------------------------------

// Item k (0-based) of shape `sh`, with its own Warnings.
Item read_item(const json& v, Shape sh, size_t k, int32_t march_11, ParseResult& r) {
    Item it;
    if (sh == Shape::Page) read_page(v, it);
    else read_api(v, sh, it, march_11);
    it.d.line = static_cast<uint32_t>(k + 1);  // the item number, see hf_json.h
    if (it.d.title.empty()) it.d.title = it.d.arxiv_id.empty() ? "(untitled)" : it.d.arxiv_id;
    if (it.d.arxiv_id.empty()) diag(r, Severity::Warning, item_name(k) + " has no valid arXiv id; kept without one");
    if (!it.bad_votes.empty()) diag(r, Severity::Warning, item_name(k) + ": votes " + it.bad_votes + " are not a count; read as no votes");
    return it;
}

// Every item that is a paper, in file order; repr strings are decoded first. Per-item diagnostics
// as they come, then one Warning for the items that are not papers; sets r.format from the first
// paper's shape. False when no item is a paper.
bool read_items(const json& items, ParseResult& r, std::vector<Item>& out) {
    const int32_t march_11 = days_from_civil(2025, 3, 11);
    out.reserve(items.size());
    Shape first_shape = Shape::None;
    size_t unreadable = 0, foreign = 0;
    const json* first_foreign = nullptr;
    json decoded;  // the latest repr string decoded
    std::string error;
    for (size_t k = 0; k < items.size(); ++k) {
        const json* v = &items[k];
        if (v->is_string()) {
            std::string_view s = trim(v->get_ref<const std::string&>());
            if (s.empty() || s[0] != '{') {
                ++foreign;
                if (!first_foreign) first_foreign = v;
                continue;
            }
            if (!parse_pyrepr(s, decoded, error)) {
                ++unreadable;
                diag(r, Severity::Error, item_name(k) + " is not a readable Python literal: " + error);
                continue;
            }
            v = &decoded;
        }
        Shape sh = shape_of(*v);
        if (sh == Shape::None) {
            ++foreign;
            if (!first_foreign) first_foreign = v;
            continue;
        }
        if (first_shape == Shape::None) first_shape = sh;
        out.push_back(read_item(*v, sh, k, march_11, r));
    }
    if (out.empty()) {
        if (unreadable == 0) diag(r, Severity::Error, "not Hugging Face Daily Papers JSON: found " + describe(items));
        return false;  // else each unreadable item has its own Error
    }
    r.format = format_name(first_shape);
    if (foreign) {
        std::string what = first_foreign->is_object() ? "an object with keys " + keys_of(*first_foreign) : std::string(kind_of(*first_foreign));
        diag(r, Severity::Warning, std::to_string(foreign) + " of " + std::to_string(items.size()) + " items are not papers (the first: " + what + ")");
    }
    return true;
}

// --- 4. Dates and repeats -----------------------------------------------------------------------

// The latest old-style posting day of the file (Item.posted_date), kNoDate if no item has one.
int32_t latest_posting_day(const std::vector<Item>& items) {
    int32_t posted = kNoDate;
    for (const Item& it : items)
        if (it.posted_date != kNoDate && (posted == kNoDate || it.posted_date > posted)) posted = it.posted_date;
    return posted;
}


// Merges a repeat of one id into the first entry: highest votes, fields the first lacks.
void merge_repeat(PaperDraft& a, const PaperDraft& b) {
    if (b.votes != kNoVotes && (a.votes == kNoVotes || b.votes > a.votes)) a.votes = b.votes;
    if (a.authors.empty()) a.authors = b.authors;
    if (a.thumbnail.empty()) a.thumbnail = b.thumbnail;
    for (const SummaryDraft& s : b.summary) {
        bool have = false;
        for (const SummaryDraft& t : a.summary)
            if (t.label == s.label && (s.label != "GitHub" || t.text == s.text)) have = true;
        if (!have) a.summary.push_back(s);
    }
}

// Dates each item by the rule in hf_json.h (file-level date, then the item's own, then the old
// posting day) and adds one paper per id to r.papers, in file order; a repeat merges into the
// first. Returns how many papers have no date.
size_t add_papers(std::vector<Item>& items, int32_t file_date, ParseResult& r) {
    int32_t posted = latest_posting_day(items);
    std::unordered_map<std::string, size_t> by_id;
    size_t repeats = 0, undated = 0;
    for (Item& it : items) {
        PaperDraft& d = it.d;
        d.date = file_date != kNoDate ? file_date : it.own_date != kNoDate ? it.own_date : posted;
        if (!d.arxiv_id.empty()) {
            auto [pos, fresh] = by_id.emplace(d.arxiv_id, r.papers.size());
            if (!fresh) {
                PaperDraft first = draft_of(r.papers[pos->second]);
                merge_repeat(first, d);
                r.papers[pos->second] = build_paper(first);
                ++repeats;
                continue;
            }
        }
        if (d.date == kNoDate) ++undated;
        r.papers.push_back(build_paper(d));
    }
    if (repeats)
        diag(r, Severity::Info, std::to_string(repeats) + (repeats == 1 ? " entry repeats" : " entries repeat") +
                                    " an id listed earlier in the file; each id is kept once, with the highest votes");
    if (undated)
        diag(r, Severity::Warning, "no listing date for " + std::to_string(undated) + " of " + std::to_string(r.papers.size()) +
                                       " papers: no date in the file name, and the items carry none");
    return undated;
}

// ParseResult.date: the file-level date, else the one date every paper shares (an Info when the
// papers span several days).
void set_file_date(ParseResult& r, int32_t file_date, size_t undated) {
    r.date = file_date;
    if (r.date != kNoDate) return;
    int32_t lo = kNoDate, hi = kNoDate;
    for (const Paper& p : r.papers) {
        if (p.date == kNoDate) continue;
        if (lo == kNoDate || p.date < lo) lo = p.date;
        if (hi == kNoDate || p.date > hi) hi = p.date;
    }
    if (lo != kNoDate && lo == hi && undated == 0) r.date = lo;
    else if (lo != hi)
        diag(r, Severity::Info, "papers listed on several days, " + format_date(lo) + " to " + format_date(hi) + "; the file has no one date");
}

// --- The read -----------------------------------------------------------------------------------

void run(std::string_view bytes, ParseResult& r) {
    std::string owned;
    std::string_view text;
    if (!input_text(bytes, r.source, r.diagnostics, owned, text)) return;
    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        r.diagnostics.push_back(syntax_error(text, r.source));
        return;
    }
    Listing listing;
    if (!find_items(doc, r, listing)) return;
    std::vector<Item> items;
    if (!read_items(*listing.items, r, items)) return;
    size_t undated = add_papers(items, listing.file_date, r);
    set_file_date(r, listing.file_date, undated);
}

}  // namespace

}  // namespace dv::hf

namespace dv {

ParseResult parse_hf_json(std::string_view bytes, std::string_view source_name) {
    ParseResult r;
    r.source = std::string(source_name);
    try {
        hf::run(bytes, r);
    } catch (const std::exception& e) {
        r.papers.clear();
        r.diagnostics.push_back({r.source, 0, Severity::Error, std::string("JSON read failed: ") + e.what()});
    } catch (...) {
        r.papers.clear();
        r.diagnostics.push_back({r.source, 0, Severity::Error, "JSON read failed"});
    }
    return r;
}

}  // namespace dv
