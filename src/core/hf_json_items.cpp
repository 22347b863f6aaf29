// Hugging Face JSON, one item -> PaperDraft (see hf_json_detail.h): the typed accessors, the text
// helpers that turn JSON strings into markdown source, the shape of an item and the field mapping
// for each shape. Every field is read through the accessors, which never assume a type, so
// foreign or half-broken JSON gives empty fields, never an exception.
#include "hf_json_detail.h"

#include <string>
#include <unordered_set>

#include "date.h"
#include "export.h"
#include "parse_fields.h"
#include "parser.h"
#include "text.h"

namespace dv::hf {

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

namespace {

bool is_ws(unsigned char c) { return c <= 0x20 || c == 0x7F; }  // controls count as spaces here

}  // namespace

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

std::string quote(std::string_view s) {
    std::string t = collapse(s);
    if (t.size() > 200) t = t.substr(0, 200) + "...";
    return "\"" + t + "\"";
}

namespace {

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
    // Appended rather than "[" + ...: g++ 12 -O3 warns falsely (-Wrestrict) on that form here.
    std::string out = "[";
    out += t.empty() ? escape_markdown(url) : t;
    out += "](";
    out += url;
    out += ")";
    return out;
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

// A bare paper object ({id, title, authors...}, as /api/papers/ID gives) or an item's "paper".
bool is_paper_object(const json& p) {
    return p.is_object() && member(p, "id") && member(p, "title") &&
           (member(p, "authors") || member(p, "upvotes") || member(p, "summary"));
}

}  // namespace

// --- Items --------------------------------------------------------------------------------------

const char* format_name(Shape s) {
    switch (s) {
    case Shape::Api: return "hf-api-json";
    case Shape::Ko: return "hf-ko-json";
    case Shape::Page: return "hf-page-json";
    default: return "";
    }
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

}  // namespace dv::hf
