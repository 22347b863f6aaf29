// The triage terms of the query language (query.h): is:starred is:read is:unread is:hidden
// is:new has:note note:word. Kept apart from query.cpp so the text terms and these grow
// independently; query.cpp calls in at three places (parsing, matching, narrowing).
#include <cstring>

#include "query.h"
#include "text.h"
#include "triage.h"

namespace dv {

namespace {

bool has_prefix_ci(std::string_view s, const char* prefix) {
    const size_t n = std::strlen(prefix);
    if (s.size() < n) return false;
    for (size_t i = 0; i < n; ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = char(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

bool equals_ci(std::string_view s, const char* word) { return s.size() == std::strlen(word) && has_prefix_ci(s, word); }

bool names_hidden(const Query& q) {
    for (const MarkTerm& t : q.marks)
        if (t.kind == MarkKind::Hidden) return true;
    return false;
}

// The terms a query's marks amount to, with the implicit -is:hidden when it names no is:hidden.
std::vector<MarkTerm> effective_marks(const Query& q) {
    std::vector<MarkTerm> m = q.marks;
    if (!names_hidden(q)) m.push_back({MarkKind::Hidden, true});
    return m;
}

bool mark_holds(const MarkTerm& t, const TriageMark* m, bool fresh) {
    switch (t.kind) {
        case MarkKind::Starred: return m && m->starred;
        case MarkKind::Read: return m && m->read;
        case MarkKind::Hidden: return m && m->hidden;
        case MarkKind::Note: return m && !m->note.empty();
        case MarkKind::New: return fresh;
    }
    return false;
}

}  // namespace

bool parse_mark_term(std::string_view tok, bool negate, Query& q) {
    std::string shown;
    if (negate) shown.push_back('-');
    shown.append(tok);
    if (has_prefix_ci(tok, "is:")) {
        std::string_view v = tok.substr(3);
        static const struct {
            const char* word;
            MarkKind kind;
            bool negate;
        } kIs[] = {{"starred", MarkKind::Starred, false}, {"star", MarkKind::Starred, false},
                   {"read", MarkKind::Read, false},       {"unread", MarkKind::Read, true},
                   {"hidden", MarkKind::Hidden, false},   {"new", MarkKind::New, false}};
        for (const auto& k : kIs) {
            if (!equals_ci(v, k.word)) continue;
            q.marks.push_back({k.kind, k.negate != negate});
            return true;
        }
        q.errors.push_back("unknown filter " + shown + ": expected is:starred, is:read, is:unread, is:hidden or is:new");
        return true;
    }
    if (has_prefix_ci(tok, "has:")) {
        if (equals_ci(tok.substr(4), "note")) q.marks.push_back({MarkKind::Note, negate});
        else q.errors.push_back("unknown filter " + shown + ": expected has:note");
        return true;
    }
    if (has_prefix_ci(tok, "note:")) {
        std::string_view v = tok.substr(5);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        if (v.empty()) {
            q.errors.push_back("note: needs a value");
            return true;
        }
        TextTerm t;
        t.negate = negate;
        t.needle = fold(v);
        q.note_terms.push_back(std::move(t));
        return true;
    }
    return false;
}

bool marks_match(uint32_t e, const Query& q, const QueryContext* ctx) {
    const TriageMark* m = ctx && e < ctx->marks.size() ? ctx->marks[e] : nullptr;
    const bool fresh = ctx && e < ctx->is_new.size() && ctx->is_new[e];
    // Fast path: nothing asked and nothing hidden.
    if (q.marks.empty() && q.note_terms.empty() && (!m || !m->hidden)) return true;
    // Called per candidate: no allocation here (the implicit -is:hidden is checked apart).
    for (const MarkTerm& t : q.marks)
        if (mark_holds(t, m, fresh) == t.negate) return false;
    if (m && m->hidden && !names_hidden(q)) return false;
    for (const TextTerm& t : q.note_terms) {
        const bool holds = m && !m->note.empty() && contains_folded(m->note, t.needle);
        if (holds == t.negate) return false;
    }
    return true;
}

bool marks_narrow(const Query& n, const Query& w) {
    const std::vector<MarkTerm> nm = effective_marks(n), wm = effective_marks(w);
    for (const MarkTerm& wt : wm) {
        bool implied = false;
        for (const MarkTerm& nt : nm) implied = implied || (nt.kind == wt.kind && nt.negate == wt.negate);
        if (!implied) return false;
    }
    for (const TextTerm& wt : w.note_terms) {
        bool implied = false;
        for (const TextTerm& nt : n.note_terms) {
            if (nt.negate != wt.negate) continue;
            if (!wt.negate) implied = implied || nt.needle.find(wt.needle) != std::string::npos;
            else implied = implied || wt.needle.find(nt.needle) != std::string::npos;
        }
        if (!implied) return false;
    }
    return true;
}

}  // namespace dv
