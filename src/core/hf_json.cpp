// Hugging Face Daily Papers JSON reader (see hf_json.h). nlohmann parses the bytes without
// exceptions; Python-repr items go through pyrepr.h; every field is read through the small
// accessors below, which never assume a type, so foreign or half-broken JSON is a diagnostic.
#include "hf_json.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "date.h"
#include "export.h"
#include "paper_builder.h"
#include "parse_fields.h"
#include "parser.h"
#include "pyrepr.h"
#include "text.h"

namespace dv {

namespace {

using nlohmann::json;

// --- Reading values without assuming their type -------------------------------------------------

const json* member(const json& o, const char* key) {
    if (!o.is_object()) return nullptr;
    auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
}

std::string_view str_at(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v || !v->is_string()) return {};
    return v->get_ref<const std::string&>();
}

const json* object_at(const json& o, const char* key) {
    const json* v = member(o, key);
    return v && v->is_object() ? v : nullptr;
}

const json* array_at(const json& o, const char* key) {
    const json* v = member(o, key);
    return v && v->is_array() ? v : nullptr;
}

// A count: a non-negative JSON integer, an integral float, or a count string ("66", "2.36k").
bool count_of(const json& v, int32_t& out) {
    if (v.is_number_unsigned()) {
        uint64_t x = v.get<uint64_t>();
        if (x > INT32_MAX) return false;
        out = static_cast<int32_t>(x);
        return true;
    }
    if (v.is_number_integer()) {
        int64_t x = v.get<int64_t>();
        if (x < 0 || x > INT32_MAX) return false;
        out = static_cast<int32_t>(x);
        return true;
    }
    if (v.is_number_float()) {
        double x = v.get<double>();
        if (!(x >= 0 && x <= INT32_MAX) || x != static_cast<double>(static_cast<int64_t>(x))) return false;
        out = static_cast<int32_t>(x);
        return true;
    }
    if (v.is_string()) return parse_detail::parse_count(v.get_ref<const std::string&>(), out);
    return false;
}

bool count_at(const json& o, const char* key, int32_t& out) {
    const json* v = member(o, key);
    return v && count_of(*v, out);
}

// "2024-12-17T08:03:36.826Z" or "2024-12-17" -> the day; kNoDate otherwise.
int32_t day_of(std::string_view s) {
    int32_t d = kNoDate;
    if (s.size() >= 10 && (s.size() == 10 || s[10] == 'T' || s[10] == ' ') && parse_date(s.substr(0, 10), d)) return d;
    return kNoDate;
}

// --- Text ---------------------------------------------------------------------------------------

bool is_ws(unsigned char c) { return c <= 0x20 || c == 0x7F; }  // controls count as spaces here

// All whitespace runs (arXiv's "\n  " wraps, tabs, stray controls) -> one space; trimmed.
std::string collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char ch : s) {
        if (is_ws(static_cast<unsigned char>(ch))) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(ch);
    }
    return std::string(trim(out));
}

// Plain text as markdown source that reads back as the same text.
std::string md_text(std::string_view s) { return escape_markdown(collapse(s)); }

// An abstract: arXiv wraps lines with "\n" and starts a paragraph with "\n" plus an indent (or a
// blank line); wraps become spaces, paragraphs are kept, separated by a blank line.
std::string md_paragraphs(std::string_view s) {
    std::string out;
    size_t start = 0;
    auto flush = [&](size_t end) {
        std::string para = md_text(s.substr(start, end - start));
        if (para.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += para;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\n') continue;
        size_t j = i + 1, spaces = 0;
        bool blank = false;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) {
            if (s[j] == '\n') blank = true;
            else ++spaces;
            ++j;
        }
        if (blank || spaces >= 2) {
            flush(i);
            start = j;
            i = j - 1;
        }
    }
    flush(s.size());
    return out;
}

bool is_http(std::string_view url) {
    return url.compare(0, 7, "http://") == 0 || url.compare(0, 8, "https://") == 0;
}

// "[text](url)" when the url can stand as a plain destination, else the text alone.
std::string md_link(std::string_view text, std::string_view url) {
    bool plain = is_http(url);
    for (char c : url)
        if (is_ws(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\') plain = false;
    std::string t = md_text(text);
    if (!plain) return t.empty() ? md_text(url) : t;
    return "[" + (t.empty() ? escape_markdown(url) : t) + "](" + std::string(url) + ")";
}

// "https://github.com/owner/repo(.git)(/...)" -> "owner/repo"; "" for anything else (the page's
// own footer link "https://github.com/huggingface" is not a repository).
std::string github_repo(std::string_view url) {
    for (std::string_view prefix : {"https://github.com/", "http://github.com/", "https://www.github.com/"}) {
        if (url.compare(0, prefix.size(), prefix) != 0) continue;
        std::string_view rest = url.substr(prefix.size());
        rest = rest.substr(0, rest.find_first_of("?#"));
        size_t slash = rest.find('/');
        if (slash == std::string_view::npos || slash == 0) return {};
        std::string_view owner = rest.substr(0, slash);
        std::string_view repo = rest.substr(slash + 1);
        repo = repo.substr(0, repo.find('/'));
        if (repo.size() > 4 && repo.compare(repo.size() - 4, 4, ".git") == 0) repo.remove_suffix(4);
        if (repo.empty()) return {};
        return std::string(owner) + "/" + std::string(repo);
    }
    return {};
}

// A link's text: the url without its scheme and trailing slash ("example.org/x").
std::string_view url_text(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://"})
        if (url.compare(0, scheme.size(), scheme) == 0) url.remove_prefix(scheme.size());
    while (url.size() > 1 && url.back() == '/') url.remove_suffix(1);
    return url;
}

std::string github_item(std::string_view url, const json* stars) {
    std::string repo = github_repo(url);
    std::string text = md_link(repo.empty() ? url : std::string_view(repo), url);
    int32_t n = 0;
    if (stars && count_of(*stars, n)) text += " · " + std::to_string(n) + (n == 1 ? " star" : " stars");
    return text;
}

// The paper id as the API gives it ("2406.02539"), validated by the one rule parser.h's
// arxiv_id_from_url applies to a papers link; "" if it is not an arXiv id. A version suffix is
// dropped, as it is from links.
std::string valid_id(std::string_view raw) {
    raw = trim(raw);
    if (raw.empty() || raw.size() > 64) return {};
    std::string id = arxiv_id_from_url("https://huggingface.co/papers/" + std::string(raw));
    if (id.empty() || raw.compare(0, id.size(), id) != 0) return {};
    std::string_view rest = raw.substr(id.size());
    if (rest.empty()) return id;
    if ((rest[0] != 'v' && rest[0] != 'V') || rest.size() == 1) return {};
    for (char c : rest.substr(1))
        if (c < '0' || c > '9') return {};
    return id;
}

void add_item(PaperDraft& d, const char* label, std::string text) {
    if (text.empty()) return;
    d.summary.push_back({label, std::move(text), 0});
}

void add_authors(PaperDraft& d, const json* list) {
    if (!list) return;
    std::unordered_set<std::string> seen;
    for (const json& a : *list) {
        std::string name = collapse(a.is_string() ? std::string_view(a.get_ref<const std::string&>()) : str_at(a, "name"));
        if (name.empty() || !seen.insert(name).second) continue;
        d.authors.push_back(std::move(name));
    }
}

// "fullname", else "name", of a user object.
std::string user_name(const json* user) {
    if (!user) return {};
    std::string n = collapse(str_at(*user, "fullname"));
    if (n.empty()) n = collapse(str_at(*user, "name"));
    return n;
}

std::string quote(std::string_view s);

// --- Items --------------------------------------------------------------------------------------

enum class Shape { None, Api, Ko, Page };

const char* format_name(Shape s) {
    switch (s) {
    case Shape::Api: return "hf-api-json";
    case Shape::Ko: return "hf-ko-json";
    case Shape::Page: return "hf-page-json";
    default: return "";
    }
}

struct Item {
    PaperDraft d;
    int32_t own_date = kNoDate;     // submittedOnDailyAt / scraped_date
    int32_t posted_date = kNoDate;  // top-level publishedAt, only when before 2025-03-11
    std::string bad_votes;          // a vote field that is there but not a count, for a Warning
};

// A bare paper object ({id, title, authors...}, as /api/papers/ID gives) or an item's "paper".
bool is_paper_object(const json& p) {
    return p.is_object() && member(p, "id") && member(p, "title") &&
           (member(p, "authors") || member(p, "upvotes") || member(p, "summary"));
}

Shape shape_of(const json& o) {
    if (!o.is_object()) return Shape::None;
    if (const json* p = object_at(o, "paper"); p && is_paper_object(*p)) {
        for (const char* k : {"translation_title", "translation_summary", "purpose", "advertising_copy"})
            if (member(o, k)) return Shape::Ko;
        return Shape::Api;
    }
    if (is_paper_object(o)) return Shape::Api;
    if ((member(o, "paper_url") || object_at(o, "details")) && (member(o, "title") || member(o, "stars"))) return Shape::Page;
    return Shape::None;
}

void read_api(const json& o, Shape shape, Item& it, int32_t march_11) {
    const json* pp = object_at(o, "paper");
    const json& p = pp ? *pp : o;  // a bare paper object has no top level of its own
    PaperDraft& d = it.d;
    d.arxiv_id = valid_id(str_at(p, "id"));
    d.title = collapse(str_at(p, "title"));
    if (d.title.empty() && pp) d.title = collapse(str_at(o, "title"));
    if (!d.arxiv_id.empty()) d.url = "https://huggingface.co/papers/" + d.arxiv_id;
    std::string_view thumb = pp ? str_at(o, "thumbnail") : std::string_view();
    if (!thumb.empty()) d.thumbnail = parse_detail::resolve_url(thumb);
    add_authors(d, array_at(p, "authors"));
    int32_t votes = 0;
    if (count_at(p, "upvotes", votes) || (pp && count_at(o, "upvotes", votes))) d.votes = votes;
    else if (const json* u = member(p, "upvotes"); u && !u->is_null()) it.bad_votes = u->dump(-1, ' ', false, json::error_handler_t::replace);

    if (shape == Shape::Ko) {
        add_item(d, "Translated title", md_text(str_at(o, "translation_title")));
        add_item(d, "Translated summary", md_paragraphs(str_at(o, "translation_summary")));
        add_item(d, "Purpose", md_text(str_at(o, "purpose")));
        std::string kw;
        if (const json* k = array_at(o, "keywords")) {
            for (const json& w : *k)
                if (w.is_string() && !collapse(w.get_ref<const std::string&>()).empty())
                    kw += (kw.empty() ? "" : ", ") + collapse(w.get_ref<const std::string&>());
        } else {
            kw = collapse(str_at(o, "keywords"));
        }
        add_item(d, "Keywords", escape_markdown(kw));
        add_item(d, "Advertising copy", md_text(str_at(o, "advertising_copy")));
    }
    add_item(d, "AI summary", md_text(str_at(p, "ai_summary")));
    std::string_view abstract = str_at(p, "summary");
    if (abstract.empty() && pp) abstract = str_at(o, "summary");
    add_item(d, "Abstract", md_paragraphs(abstract));
    if (const json* k = array_at(p, "ai_keywords")) {
        std::string kw;
        for (const json& w : *k) {
            if (!w.is_string()) continue;
            std::string t = collapse(w.get_ref<const std::string&>());
            if (!t.empty()) kw += (kw.empty() ? "" : ", ") + t;
        }
        add_item(d, "Keywords", escape_markdown(kw));
    }
    std::string_view repo = str_at(p, "githubRepo");
    if (!repo.empty()) {
        const json* stars = member(p, "githubStars");
        if (!stars && pp) stars = member(o, "githubStars");
        add_item(d, "GitHub", github_item(repo, stars));
    }
    std::string_view page = str_at(p, "projectPage");
    if (!page.empty()) add_item(d, "Project page", md_link(url_text(page), page));
    int32_t comments = 0;
    if (pp && count_at(o, "numComments", comments) && comments > 0) add_item(d, "Comments", std::to_string(comments));
    std::string by = user_name(pp ? object_at(o, "submittedBy") : nullptr);
    if (by.empty()) by = user_name(object_at(p, "submittedOnDailyBy"));
    add_item(d, "Submitted by", escape_markdown(by));

    it.own_date = day_of(str_at(p, "submittedOnDailyAt"));
    int32_t posted = pp ? day_of(str_at(o, "publishedAt")) : kNoDate;
    if (posted != kNoDate && posted < march_11) it.posted_date = posted;
}

void read_page(const json& o, Item& it) {
    PaperDraft& d = it.d;
    static const json kEmpty = json::object();
    const json* dp = object_at(o, "details");
    const json& det = dp ? *dp : kEmpty;
    for (std::string_view url : {str_at(o, "paper_url"), str_at(det, "page_url"), str_at(det, "arxiv_page_url")}) {
        d.arxiv_id = arxiv_id_from_url(url);
        if (!d.arxiv_id.empty()) break;
    }
    d.title = collapse(str_at(o, "title"));
    if (d.title.empty()) d.title = collapse(str_at(det, "title"));
    if (!d.arxiv_id.empty()) d.url = "https://huggingface.co/papers/" + d.arxiv_id;
    else if (is_http(str_at(o, "paper_url"))) d.url = std::string(str_at(o, "paper_url"));
    add_authors(d, array_at(o, "authors"));
    int32_t votes = 0;
    if (count_at(o, "stars", votes) || count_at(o, "upvotes", votes)) d.votes = votes;
    else if (const json* s = member(o, "stars"); s && !s->is_null())
        it.bad_votes = s->is_string() ? quote(s->get_ref<const std::string&>()) : s->dump(-1, ' ', false, json::error_handler_t::replace);
    add_item(d, "Abstract", md_paragraphs(str_at(det, "abstract")));
    if (const json* links = array_at(det, "github_links")) {
        std::unordered_set<std::string> seen;
        for (const json& l : *links) {
            if (!l.is_string()) continue;
            std::string_view url = l.get_ref<const std::string&>();
            std::string repo = github_repo(url);
            if (repo.empty() || !seen.insert(repo).second) continue;
            add_item(d, "GitHub", github_item(url, nullptr));
        }
    }
    it.own_date = day_of(str_at(o, "scraped_date"));
    if (it.own_date == kNoDate) it.own_date = day_of(str_at(det, "scraped_at"));
}

// --- Describing what was found, for the diagnostics -----------------------------------------------

// "an array", "a string", ...
const char* kind_of(const json& v) {
    switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "a null";
    default: return "a number";
    }
}

std::string keys_of(const json& o) {
    std::string out;
    size_t n = 0;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (n == 5) {
            out += ", ...";
            break;
        }
        std::string k = it.key().size() > 40 ? it.key().substr(0, 40) + "..." : it.key();
        out += (n ? ", \"" : "\"") + k + "\"";
        ++n;
    }
    return out;
}

std::string describe(const json& v) {
    if (v.is_array() && v.empty()) return "an empty array";
    if (v.is_object()) return v.empty() ? "an empty object" : "an object with keys " + keys_of(v);
    if (v.is_array()) {
        const json& first = v.front();
        std::string s = "an array of " + std::to_string(v.size()) + " values, the first " +
                        (first.is_object() ? (first.empty() ? std::string("an empty object") : "an object with keys " + keys_of(first))
                                           : std::string(kind_of(first)));
        return s;
    }
    if (v.is_number()) return "the bare number " + v.dump();
    if (v.is_string()) return "a bare string";
    return std::string("a bare ") + (v.is_boolean() ? "boolean" : "null");
}

// Records where nlohmann's parser stopped; only run after json::parse failed, to say why.
struct ErrorSax : nlohmann::json_sax<json> {
    size_t position = 0;
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::json::exception& ex) override {
        position = pos;
        message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> from "parse error".
        size_t b = message.find("] ");
        if (b != std::string::npos) message.erase(0, b + 2);
        return false;
    }
};

Diagnostic syntax_error(std::string_view text, const std::string& source) {
    ErrorSax sax;
    json::sax_parse(text.begin(), text.end(), &sax);
    size_t pos = std::min(sax.position, text.size());
    uint32_t line = 1;
    for (size_t i = 0; i + 1 < pos && i < text.size(); ++i) line += text[i] == '\n';
    // Truncated: the parser read to the last non-space byte and still wanted more.
    size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == '\t')) --end;
    bool truncated = pos >= end && (sax.message.find("end of input") != std::string::npos ||
                                    sax.message.find("missing closing quote") != std::string::npos);
    std::string msg = truncated ? "truncated JSON: the text ends at byte " + std::to_string(text.size()) + " before the value is complete (" + sax.message + ")"
                                : "malformed JSON at byte " + std::to_string(pos) + ": " + (sax.message.empty() ? "syntax error" : sax.message);
    return {source, line, Severity::Error, msg};
}

std::string quote(std::string_view s) {
    std::string t = collapse(s);
    if (t.size() > 200) t = t.substr(0, 200) + "...";
    return "\"" + t + "\"";
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

void run(std::string_view bytes, ParseResult& r) {
    auto diag = [&](Severity sev, std::string msg, uint32_t line = 0) { r.diagnostics.push_back({r.source, line, sev, std::move(msg)}); };
    if (looks_binary(bytes)) return diag(Severity::Error, "not a text file");
    std::string owned;
    std::string_view text = bytes;
    if (utf8_clean_prefix(bytes) != bytes.size()) {
        owned = sanitize_utf8(bytes, r.source, r.diagnostics);
        text = owned;
    }
    if (trim(text).empty()) return diag(Severity::Error, "empty file");
    if (text.size() >= UINT32_MAX / 2) return diag(Severity::Error, "file too large");

    json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded()) {
        r.diagnostics.push_back(syntax_error(text, r.source));
        return;
    }

    const int32_t march_11 = days_from_civil(2025, 3, 11);
    int32_t file_date = date_from_path(r.source);
    const json* items = nullptr;
    json single = json::array();
    if (doc.is_number_integer() && doc.get<int64_t>() == 1) {
        r.format = format_name(Shape::Api);
        r.date = file_date;
        return diag(Severity::Info, "no papers: the file is the bare JSON 1 a producer writes for a day without a list (weekend, holiday or failed request)");
    }
    if (doc.is_object()) {
        const json* data = array_at(doc, "data");
        if (const json* err = member(doc, "error"); err && !data && shape_of(doc) == Shape::None) {
            r.format = "hf-api-error";
            std::string what = err->is_string() ? quote(err->get_ref<const std::string&>())
                               : err->is_object() && !str_at(*err, "message").empty() ? quote(str_at(*err, "message"))
                                                                                       : err->dump(-1, ' ', false, json::error_handler_t::replace);
            return diag(Severity::Error, "an error response saved as data, no papers: " + what);
        }
        if (data) {
            items = data;
            if (file_date == kNoDate) file_date = day_of(str_at(doc, "date"));
        } else if (shape_of(doc) != Shape::None) {
            single.push_back(doc);
            items = &single;
        }
    } else if (doc.is_array()) {
        items = &doc;
    }
    if (!items) return diag(Severity::Error, "not Hugging Face Daily Papers JSON: found " + describe(doc));
    if (items->empty()) {
        r.format = format_name(Shape::Api);
        r.date = file_date;
        return diag(Severity::Info, "no papers: the list is empty");
    }

    // Read every item; repr strings are decoded first.
    std::vector<Item> out;
    out.reserve(items->size());
    Shape first_shape = Shape::None;
    size_t unreadable = 0, foreign = 0;
    const json* first_foreign = nullptr;
    json decoded;
    std::string error;
    for (size_t k = 0; k < items->size(); ++k) {
        const json* v = &(*items)[k];
        std::string item_no = "item " + std::to_string(k + 1);
        if (v->is_string()) {
            std::string_view s = trim(v->get_ref<const std::string&>());
            if (s.empty() || s[0] != '{') {
                ++foreign;
                if (!first_foreign) first_foreign = v;
                continue;
            }
            if (!parse_pyrepr(s, decoded, error)) {
                ++unreadable;
                diag(Severity::Error, item_no + " is not a readable Python literal: " + error);
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
        Item it;
        if (sh == Shape::Page) read_page(*v, it);
        else read_api(*v, sh, it, march_11);
        it.d.line = static_cast<uint32_t>(k + 1);  // the item number, see hf_json.h
        if (it.d.title.empty()) it.d.title = it.d.arxiv_id.empty() ? "(untitled)" : it.d.arxiv_id;
        if (it.d.arxiv_id.empty()) diag(Severity::Warning, item_no + " has no valid arXiv id; kept without one");
        if (!it.bad_votes.empty()) diag(Severity::Warning, item_no + ": votes " + it.bad_votes + " are not a count; read as no votes");
        out.push_back(std::move(it));
    }
    if (out.empty()) {
        if (unreadable == 0) return diag(Severity::Error, "not Hugging Face Daily Papers JSON: found " + describe(*items));
        return;  // each unreadable item has its own Error
    }
    r.format = format_name(first_shape);
    if (foreign) {
        std::string what = first_foreign->is_object() ? "an object with keys " + keys_of(*first_foreign) : std::string(kind_of(*first_foreign));
        diag(Severity::Warning, std::to_string(foreign) + " of " + std::to_string(items->size()) + " items are not papers (the first: " + what + ")");
    }

    // The listing date (hf_json.h): file-level first, then each item's own, then the old posting day.
    int32_t posted = kNoDate;
    for (const Item& it : out)
        if (it.posted_date != kNoDate && (posted == kNoDate || it.posted_date > posted)) posted = it.posted_date;

    std::unordered_map<std::string, size_t> by_id;
    size_t repeats = 0, undated = 0;
    for (Item& it : out) {
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
        diag(Severity::Info, std::to_string(repeats) + (repeats == 1 ? " entry repeats" : " entries repeat") +
                                 " an id listed earlier in the file; each id is kept once, with the highest votes");
    if (undated)
        diag(Severity::Warning, "no listing date for " + std::to_string(undated) + " of " + std::to_string(r.papers.size()) +
                                    " papers: no date in the file name, and the items carry none");

    r.date = file_date;
    if (r.date == kNoDate) {
        int32_t lo = kNoDate, hi = kNoDate;
        for (const Paper& p : r.papers) {
            if (p.date == kNoDate) continue;
            if (lo == kNoDate || p.date < lo) lo = p.date;
            if (hi == kNoDate || p.date > hi) hi = p.date;
        }
        if (lo != kNoDate && lo == hi && undated == 0) r.date = lo;
        else if (lo != hi)
            diag(Severity::Info, "papers listed on several days, " + format_date(lo) + " to " + format_date(hi) + "; the file has no one date");
    }
}

}  // namespace

ParseResult parse_hf_json(std::string_view bytes, std::string_view source_name) {
    ParseResult r;
    r.source = std::string(source_name);
    try {
        run(bytes, r);
    } catch (const std::exception& e) {
        r.papers.clear();
        r.diagnostics.push_back({r.source, 0, Severity::Error, std::string("JSON read failed: ") + e.what()});
    } catch (...) {
        r.papers.clear();
        r.diagnostics.push_back({r.source, 0, Severity::Error, "JSON read failed"});
    }
    return r;
}

namespace {

size_t skip_ws(std::string_view s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// A JSON number spanning all of s.
bool is_number(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == d) return false;
    if (i < s.size() && s[i] == '.') {
        size_t f = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == f) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        size_t e = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == e) return false;
    }
    return i == s.size();
}

}  // namespace

bool looks_like_json(std::string_view s) {
    size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    i = skip_ws(s, i);
    if (i >= s.size()) return false;
    if (s[i] == '{') {
        size_t j = skip_ws(s, i + 1);
        return j < s.size() && (s[j] == '"' || s[j] == '}');
    }
    if (s[i] != '[') {
        size_t end = s.size();
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r')) --end;
        return is_number(s.substr(i, end - i));
    }
    size_t j = skip_ws(s, i + 1);
    if (j >= s.size()) return false;
    switch (s[j]) {
    case '{': return true;
    case ']': return skip_ws(s, j + 1) == s.size();
    case '[': {
        size_t k = skip_ws(s, j + 1);
        return k < s.size() && std::string_view("[]{\"-0123456789").find(s[k]) != std::string_view::npos;
    }
    case '"': {
        size_t k = j + 1;
        while (k < s.size() && s[k] != '"' && s[k] != '\n') k += s[k] == '\\' ? 2 : 1;
        if (k >= s.size() || s[k] != '"') return false;
        k = skip_ws(s, k + 1);
        return k < s.size() && (s[k] == ',' || s[k] == ']');
    }
    default: return false;
    }
}

bool is_json_input(std::string_view bytes, std::string_view name) {
    std::string_view ext = ".json";
    bool json_name = name.size() >= ext.size();
    for (size_t k = 0; json_name && k < ext.size(); ++k) {
        char c = name[name.size() - ext.size() + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        json_name = c == ext[k];
    }
    return json_name || looks_like_json(bytes);
}

}  // namespace dv
