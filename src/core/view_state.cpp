#include "view_state.h"

#include "period.h"

#include "date.h"

namespace dv {

std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (unsigned char c : s) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '-' || c == '_' || c == '.' || c == '~' || c == ':' || c == ',';
        if (unreserved) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int hi = hex_value(s[i + 1]);
            int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i] == '+' ? ' ' : s[i];
    }
    return out;
}

std::string encode_view_state(const ViewState& v) {
    std::string out;
    auto add = [&](const char* key, const std::string& value) {
        out += out.empty() ? "" : "&";
        out += key;
        out += '=';
        out += percent_encode(value);
    };
    if (!v.query.empty()) add("q", v.query);
    Sort def;
    if (v.sort.key != def.key || v.sort.descending != def.descending) {
        add("sort", sort_key_name(v.sort.key));
        add("dir", v.sort.descending ? "desc" : "asc");
    }
    if (v.day != kNoDate) add("day", format_date(v.day));
    if (!v.period.empty()) add("period", v.period);
    if (!v.paper.empty()) add("p", v.paper);
    if (v.charts) add("charts", "1");
    return out;
}

ViewState decode_view_state(std::string_view hash) {
    ViewState v;
    if (!hash.empty() && hash[0] == '#') hash.remove_prefix(1);
    while (!hash.empty()) {
        size_t amp = hash.find('&');
        std::string_view pair = hash.substr(0, amp);
        hash = amp == std::string_view::npos ? std::string_view() : hash.substr(amp + 1);
        size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view key = pair.substr(0, eq);
        std::string value = percent_decode(pair.substr(eq + 1));
        if (key == "q") {
            v.query = value;
        } else if (key == "sort") {
            SortKey k;
            if (parse_sort_key(value, k)) v.sort.key = k;
        } else if (key == "dir") {
            if (value == "asc") v.sort.descending = false;
            else if (value == "desc") v.sort.descending = true;
        } else if (key == "day") {
            int32_t d;
            if (parse_date(value, d)) v.day = d;
        } else if (key == "period") {
            Period p;
            if (parse_period(value, p)) v.period = format_period(p);  // "2024-w23" reads as 2024-W23
        } else if (key == "p") {
            v.paper = value;
        } else if (key == "charts") {
            v.charts = value == "1";
        }
    }
    return v;
}

}  // namespace dv
