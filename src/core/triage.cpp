// The reader's marks, the triage file and its merge (triage.h).
#include "triage.h"

#include <algorithm>
#include <cstdio>

#include "date.h"
#include "text.h"

namespace dv {

using nlohmann::json;

std::string triage_key(const Paper& p) {
    std::string_view id = get(p, p.arxiv_id);
    if (!id.empty()) return std::string(id);
    // Folded, whitespace runs as one space, trimmed: the same title from two producers meets.
    std::string folded = fold(get(p, p.title)), out;
    out.reserve(folded.size());
    bool space = false;
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string triage_key(const Library& lib, uint32_t entry) {
    if (entry >= lib.entries.size()) return {};
    return triage_key(entry_paper(lib, lib.entries[entry]));
}

const TriageMark* triage_find(const Triage& t, std::string_view key) {
    auto it = t.papers.find(key);
    return it == t.papers.end() ? nullptr : &it->second;
}

const TriageMark* triage_find_entry(const Triage& t, const Library& lib, uint32_t entry) {
    if (t.papers.empty() || entry >= lib.entries.size()) return nullptr;
    const Paper& p = entry_paper(lib, lib.entries[entry]);
    std::string_view id = get(p, p.arxiv_id);
    return id.empty() ? triage_find(t, triage_key(p)) : triage_find(t, id);
}

bool mark_value(const TriageMark& m, Mark which) {
    switch (which) {
        case Mark::Starred: return m.starred;
        case Mark::Read: return m.read;
        case Mark::Hidden: return m.hidden;
    }
    return false;
}

void triage_set(Triage& t, const std::string& key, Mark m, bool on, int64_t now_ms) {
    if (key.empty()) return;
    TriageMark& k = t.papers[key];
    switch (m) {
        case Mark::Starred: k.starred = on; k.starred_at = now_ms; break;
        case Mark::Read: k.read = on; k.read_at = now_ms; break;
        case Mark::Hidden: k.hidden = on; k.hidden_at = now_ms; break;
    }
}

void triage_set_note(Triage& t, const std::string& key, std::string note, int64_t now_ms) {
    if (key.empty()) return;
    TriageMark& k = t.papers[key];
    k.note = std::move(note);
    k.note_at = now_ms;
}

void triage_merge(Triage& into, const Triage& other) {
    for (const auto& [key, o] : other.papers) {
        auto it = into.papers.find(key);
        if (it == into.papers.end()) {
            into.papers.emplace(key, o);
            continue;
        }
        TriageMark& m = it->second;
        if (o.starred_at > m.starred_at) { m.starred = o.starred; m.starred_at = o.starred_at; }
        if (o.read_at > m.read_at) { m.read = o.read; m.read_at = o.read_at; }
        if (o.hidden_at > m.hidden_at) { m.hidden = o.hidden; m.hidden_at = o.hidden_at; }
        if (o.note_at > m.note_at) { m.note = o.note; m.note_at = o.note_at; }
    }
    for (const SavedSearch& s : other.saved) {
        bool have = false;
        for (const SavedSearch& mine : into.saved) have = have || mine.name == s.name;
        if (!have) into.saved.push_back(s);
    }
    into.last_visit = std::max(into.last_visit, other.last_visit);
    std::vector<int32_t> days;
    std::set_union(into.seen_days.begin(), into.seen_days.end(), other.seen_days.begin(), other.seen_days.end(),
                   std::back_inserter(days));
    into.seen_days = std::move(days);
}

// --- Times ------------------------------------------------------------------------------------------

std::string format_iso_time(int64_t ms) {
    int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int millis = int(ms - secs * 1000);
    int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const int64_t rem = secs - days * 86400;
    int y;
    unsigned m, d;
    civil_from_days(int32_t(days), y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", y, m, d, int(rem / 3600), int(rem / 60 % 60),
                  int(rem % 60), millis);
    return buf;
}

bool parse_iso_time(std::string_view s, int64_t& out) {
    // YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|+HH:MM|-HH:MM]
    int32_t day;
    if (s.size() < 10 || !parse_date(s.substr(0, 10), day)) return false;
    size_t i = 10;
    auto digits = [&](size_t n, int& v) {
        if (i + n > s.size()) return false;
        v = 0;
        for (size_t k = 0; k < n; ++k) {
            char c = s[i + k];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        i += n;
        return true;
    };
    int hh = 0, mm = 0, ss = 0, frac = 0;
    if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        ++i;
        if (!digits(2, hh) || i >= s.size() || s[i++] != ':' || !digits(2, mm)) return false;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!digits(2, ss)) return false;
            if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
                ++i;
                int scale = 100, n = 0;
                while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                    if (scale > 0) frac += (s[i] - '0') * scale;
                    scale /= 10;
                    ++i;
                    ++n;
                }
                if (n == 0) return false;
            }
        }
        if (hh > 23 || mm > 59 || ss > 60) return false;
    }
    int64_t offset_min = 0;
    if (i < s.size()) {
        if (s[i] == 'Z' || s[i] == 'z') {
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            const int sign = s[i] == '-' ? -1 : 1;
            ++i;
            int oh, om;
            if (!digits(2, oh)) return false;
            if (i < s.size() && s[i] == ':') ++i;
            if (!digits(2, om) || oh > 23 || om > 59) return false;
            offset_min = sign * (oh * 60 + om);
        }
    }
    if (i != s.size()) return false;
    const int64_t ms = ((int64_t(day) * 86400 + hh * 3600 + mm * 60 + ss) - offset_min * 60) * 1000 + frac;
    // format_iso_time writes four-digit years in UTC: an offset (or a leap second) that carries
    // the time out of 0000..9999 would write a file this function could not read back.
    static const int64_t lo = int64_t(days_from_civil(0, 1, 1)) * 86400000;
    static const int64_t hi = int64_t(days_from_civil(9999, 12, 31) + 1) * 86400000 - 1;
    if (ms < lo || ms > hi) return false;
    out = ms;
    return true;
}

// --- The file -----------------------------------------------------------------------------------

namespace {

const char* const kMarkNames[] = {"starred", "read", "hidden", "note"};

bool fail(std::string& error, std::string msg) {
    error = std::move(msg);
    return false;
}

bool read_paper(const std::string& key, const json& v, TriageMark& m, std::string& error) {
    const std::string where = "paper \"" + key + "\": ";
    if (!v.is_object()) return fail(error, where + "expected an object");
    int64_t updated = 0;
    if (auto it = v.find("updated"); it != v.end() && !it->is_null()) {
        if (!it->is_string() || !parse_iso_time(it->get_ref<const std::string&>(), updated))
            return fail(error, where + "\"updated\" is not an ISO-8601 time");
    }
    int64_t times[4] = {updated, updated, updated, updated};
    if (auto it = v.find("times"); it != v.end() && !it->is_null()) {
        if (!it->is_object()) return fail(error, where + "\"times\" is not an object");
        for (int64_t& t : times) t = 0;  // with per-mark times, a mark not listed was never set
        for (int k = 0; k < 4; ++k) {
            auto t = it->find(kMarkNames[k]);
            if (t == it->end() || t->is_null()) continue;
            if (!t->is_string() || !parse_iso_time(t->get_ref<const std::string&>(), times[k]))
                return fail(error, where + "times." + kMarkNames[k] + " is not an ISO-8601 time");
        }
    }
    bool* flags[3] = {&m.starred, &m.read, &m.hidden};
    for (int k = 0; k < 3; ++k) {
        auto it = v.find(kMarkNames[k]);
        if (it == v.end() || it->is_null()) continue;
        if (!it->is_boolean()) return fail(error, where + "\"" + kMarkNames[k] + "\" is not true or false");
        *flags[k] = it->get<bool>();
    }
    if (auto it = v.find("note"); it != v.end() && !it->is_null()) {
        if (!it->is_string()) return fail(error, where + "\"note\" is not text");
        m.note = it->get<std::string>();
    }
    m.starred_at = times[0];
    m.read_at = times[1];
    m.hidden_at = times[2];
    m.note_at = times[3];
    return true;
}

}  // namespace

bool triage_parse(std::string_view text, Triage& out, std::string& error) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return fail(error, "not valid JSON");
    if (!j.is_object()) return fail(error, "not a triage file (expected a JSON object)");
    auto fmt = j.find("format");
    if (fmt == j.end() || !fmt->is_string() || fmt->get_ref<const std::string&>() != kTriageFormat) {
        std::string what = fmt == j.end() ? "it has no \"format\"" : "its format is " + fmt->dump(-1, ' ', false, json::error_handler_t::replace);
        return fail(error, std::string("not a Digest Viewer triage file (") + what + ", expected \"" + kTriageFormat + "\")");
    }
    auto ver = j.find("version");
    if (ver == j.end() || !ver->is_number_integer()) return fail(error, "the triage file has no whole-number \"version\"");
    const int64_t version = ver->get<int64_t>();
    if (version > kTriageVersion)
        return fail(error, "the triage file is version " + std::to_string(version) + ", written by a newer Digest Viewer; this one reads version " +
                               std::to_string(kTriageVersion) + " and left it unchanged");
    if (version < 1) return fail(error, "the triage file has an unknown version " + std::to_string(version));

    Triage t;
    if (auto it = j.find("papers"); it != j.end() && !it->is_null()) {
        if (!it->is_object()) return fail(error, "\"papers\" is not an object");
        for (auto p = it->begin(); p != it->end(); ++p) {
            if (p.key().empty()) return fail(error, "a paper has an empty key");
            TriageMark m;
            if (!read_paper(p.key(), p.value(), m, error)) return false;
            t.papers.emplace(p.key(), std::move(m));
        }
    }
    if (auto it = j.find("saved"); it != j.end() && !it->is_null()) {
        if (!it->is_array()) return fail(error, "\"saved\" is not a list");
        for (const json& s : *it) {
            auto name = s.is_object() ? s.find("name") : s.end();
            if (!s.is_object() || name == s.end() || !name->is_string())
                return fail(error, "a saved search has no name");
            SavedSearch ss;
            ss.name = name->get<std::string>();
            if (auto q = s.find("query"); q != s.end() && q->is_string()) ss.query = q->get<std::string>();
            if (auto so = s.find("sort"); so != s.end() && so->is_string()) ss.sort = so->get<std::string>();
            t.saved.push_back(std::move(ss));
        }
    }
    if (auto it = j.find("last_visit"); it != j.end() && !it->is_null()) {
        if (!it->is_string() || !parse_iso_time(it->get_ref<const std::string&>(), t.last_visit))
            return fail(error, "\"last_visit\" is not an ISO-8601 time");
    }
    if (auto it = j.find("seen_days"); it != j.end() && !it->is_null()) {
        if (!it->is_array()) return fail(error, "\"seen_days\" is not a list");
        for (const json& d : *it) {
            int32_t day;
            if (!d.is_string() || !parse_date(d.get_ref<const std::string&>(), day))
                return fail(error, "\"seen_days\" holds something that is not a YYYY-MM-DD date");
            t.seen_days.push_back(day);
        }
        std::sort(t.seen_days.begin(), t.seen_days.end());
        t.seen_days.erase(std::unique(t.seen_days.begin(), t.seen_days.end()), t.seen_days.end());
    }
    if (auto it = j.find("settings"); it != j.end() && it->is_object()) {
        auto m = it->find("mark_read_on_view");
        if (m != it->end() && !m->is_null()) {
            if (!m->is_boolean()) return fail(error, "settings.mark_read_on_view is not true or false");
            t.mark_read_on_view = m->get<bool>();
        }
    }
    out = std::move(t);
    error.clear();
    return true;
}

std::string triage_to_json(const Triage& t) {
    json j = json::object();
    j["format"] = kTriageFormat;
    j["version"] = kTriageVersion;
    json papers = json::object();
    for (const auto& [key, m] : t.papers) {
        json p = {{"starred", m.starred}, {"read", m.read}, {"hidden", m.hidden}, {"note", m.note}};
        const int64_t at[4] = {m.starred_at, m.read_at, m.hidden_at, m.note_at};
        json times = json::object();
        int64_t latest = 0;
        for (int k = 0; k < 4; ++k) {
            if (at[k] == 0) continue;
            times[kMarkNames[k]] = format_iso_time(at[k]);
            latest = std::max(latest, at[k]);
        }
        if (latest) p["updated"] = format_iso_time(latest);
        p["times"] = std::move(times);
        papers[key] = std::move(p);
    }
    j["papers"] = std::move(papers);
    json saved = json::array();
    for (const SavedSearch& s : t.saved) saved.push_back({{"name", s.name}, {"query", s.query}, {"sort", s.sort}});
    j["saved"] = std::move(saved);
    j["last_visit"] = t.last_visit ? json(format_iso_time(t.last_visit)) : json(nullptr);
    json days = json::array();
    for (int32_t d : t.seen_days) days.push_back(format_date(d));
    j["seen_days"] = std::move(days);
    j["settings"] = {{"mark_read_on_view", t.mark_read_on_view}};
    return j.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

// --- Queries ------------------------------------------------------------------------------------

bool entry_is_new(const Library& lib, uint32_t entry, const VisitInfo& v) {
    if (v.last_visit <= 0 || entry >= lib.entries.size()) return false;
    const Entry& e = lib.entries[entry];
    const int64_t visit_day = v.last_visit >= 0 ? v.last_visit / 86400000 : 0;
    if (e.date != kNoDate && int64_t(e.date) > visit_day) return true;
    for (uint32_t a = e.first_appearance; a < e.first_appearance + e.appearance_count; ++a) {
        const int32_t d = lib.appearances[a].date;
        if (d == kNoDate || std::binary_search(v.seen_days.begin(), v.seen_days.end(), d)) return false;
    }
    return true;
}

QueryContext make_query_context(const Library& lib, const Triage& t, const VisitInfo& v) {
    QueryContext c;
    const size_t n = lib.entries.size();
    c.generation = lib.generation;
    c.marks.assign(n, nullptr);
    c.is_new.assign(n, 0);
    for (uint32_t i = 0; i < n; ++i) {
        c.marks[i] = triage_find_entry(t, lib, i);
        c.any_hidden = c.any_hidden || (c.marks[i] && c.marks[i]->hidden);
        c.is_new[i] = entry_is_new(lib, i, v) ? 1 : 0;
    }
    return c;
}

std::vector<uint32_t> starred_entries(const Library& lib, const QueryContext& ctx) {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < lib.entries.size() && i < ctx.marks.size(); ++i)
        if (ctx.marks[i] && ctx.marks[i]->starred) out.push_back(i);
    return out;
}

json triage_state_json(const Triage& t, const QueryContext& ctx) {
    json starred = json::array(), read = json::array(), hidden = json::array(), notes = json::object();
    for (const auto& [key, m] : t.papers) {
        if (m.starred) starred.push_back(key);
        if (m.read) read.push_back(key);
        if (m.hidden) hidden.push_back(key);
        if (!m.note.empty()) notes[key] = m.note;
    }
    size_t fresh = 0;
    for (uint8_t b : ctx.is_new) fresh += b;
    json saved = json::array();
    for (const SavedSearch& s : t.saved) saved.push_back({{"name", s.name}, {"query", s.query}, {"sort", s.sort}});
    return {{"starred", starred}, {"read", read}, {"hidden", hidden}, {"notes", notes}, {"new", fresh},
            {"saved", saved}, {"last_visit", t.last_visit ? json(format_iso_time(t.last_visit)) : json(nullptr)}};
}

}  // namespace dv
