#include "bibtex.h"

#include "date.h"

namespace dv {

static std::string escape_bib(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '{' || c == '}' || c == '\\' || c == '%' || c == '&' || c == '#' || c == '$' || c == '_') {
            out += '\\';
            out += c;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string bibtex_entry(const Paper& p) {
    std::string_view id = get(p, p.arxiv_id);
    std::string year;
    // arXiv ids start with YYMM: the year the paper was submitted.
    if (id.size() >= 4 && id[0] >= '0' && id[0] <= '9' && id[1] >= '0' && id[1] <= '9' && id.find('.') == 4)
        year = "20" + std::string(id.substr(0, 2));
    else if (p.date != kNoDate)
        year = format_date(p.date).substr(0, 4);

    std::string key;
    if (!id.empty()) {
        key = "arxiv_" + std::string(id);
    } else {
        key = "paper";
        if (!year.empty()) key += year;
    }
    for (char& c : key)
        if (c == '.' || c == '/' || c == ' ') c = '_';

    std::string out = "@misc{" + key + ",\n";
    out += "  title = {" + escape_bib(get(p, p.title)) + "},\n";
    if (!p.authors.empty()) {
        std::string authors;
        for (size_t i = 0; i < p.authors.size(); i++) {
            if (i) authors += " and ";
            authors += escape_bib(get(p, p.authors[i]));
        }
        out += "  author = {" + authors + "},\n";
    }
    if (!year.empty()) out += "  year = {" + year + "},\n";
    if (!id.empty()) {
        out += "  eprint = {" + std::string(id) + "},\n";
        out += "  archivePrefix = {arXiv},\n";
    }
    std::string_view url = get(p, p.url);
    if (!url.empty()) out += "  url = {" + std::string(url) + "},\n";
    out += "}\n";
    return out;
}

}  // namespace dv
