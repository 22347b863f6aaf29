// The query language of the search box, the URL hash and `digest-cli query`.
//
//   diffusion video            words, AND-ed; case-insensitive for Latin, Hangul as typed
//   "world model"              a phrase
//   -survey                    exclude
//   title:x author:x summary:x label:x     scoped terms (combine with quotes and -)
//   votes>=10 votes<5 votes>N votes<=N votes=N votes:N votes:10..50
//   date:2024-06  date:2024  date:2024-06-01..2024-06-30
//   is:starred is:read is:unread is:hidden is:new has:note note:word   the reader's marks
//                              (triage.h; -is:starred etc. negate). Hidden papers are left out
//                              unless the query names is:hidden.
//
// A malformed term is a diagnostic and is ignored; the rest of the query still applies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "library.h"

namespace dv {

enum class Field : uint8_t { Any, Title, Author, Summary, Label };

struct TextTerm {
    Field field = Field::Any;
    bool negate = false;
    std::string needle;            // folded
};

enum class MarkKind : uint8_t { Starred, Read, Hidden, Note, New };
struct MarkTerm {
    MarkKind kind = MarkKind::Starred;
    bool negate = false;               // is:unread = negated Read
};

struct QueryContext;  // triage.h

struct Query {
    std::vector<TextTerm> terms;
    int32_t votes_lo = INT32_MIN, votes_hi = INT32_MAX;  // inclusive; papers without votes fail
    bool has_votes = false;
    int32_t date_lo = INT32_MIN, date_hi = INT32_MAX;    // inclusive, matched against appearances
    bool has_date = false;
    std::vector<std::string> errors;                    // one message per malformed term
    // Triage terms (query_marks.cpp): matched against a QueryContext; without one nothing is
    // marked, new or hidden.
    std::vector<MarkTerm> marks;
    std::vector<TextTerm> note_terms;                   // note:word (field unused)
};

Query parse_query(std::string_view text);

// --- Query terms: the inverse of parse_query (what a click on a chart appends) -----------------
// Each builder returns one token that parse_query reads back as exactly the filter it names.

// `value` as one query token: bare if parse_query would read it whole (no space of any kind it
// splits on, no quote, no leading '-'), else "quoted" (a '"' inside, which the query language
// cannot escape, and line breaks and tabs become spaces).
std::string query_value(std::string_view value);
// Appends a term to a query text (space-separated) unless the same term is already in it.
// Returns true if the text changed.
bool append_query_term(std::string& query, std::string_view term);
std::string date_term(int32_t date);                       // date:2024-06-03
std::string votes_term(int32_t lo, int32_t hi_inclusive);  // votes:4..7, votes:0 for one value
std::string author_term(std::string_view name);            // author:"Jane Doe"

enum class SortKey : uint8_t { Date, Votes, Title, Percentile };
struct Sort {
    SortKey key = SortKey::Date;
    bool descending = true;
};
const char* sort_key_name(SortKey k);                 // "date", "votes", "title", "percentile"
bool parse_sort_key(std::string_view s, SortKey& out);

// Sorts entry indices in place by `sort`; ties go in library order (entry index). The one ordering of
// papers: run_query and the period view (period_entries) both sort with it.
void sort_entries(const Library& lib, Sort sort, std::vector<uint32_t>& result);

// Entry indices matching q, sorted (stable, ties keep the library's order). With `within`, only
// those entries are considered (a superset of the answer, e.g. the result of a wider query).
// With `ctx` (built for this library generation), the triage terms apply and hidden papers are
// left out; without it the triage terms match nothing marked.
std::vector<uint32_t> run_query(const Library& lib, const Query& q, Sort sort,
                                const std::vector<uint32_t>* within = nullptr, const QueryContext* ctx = nullptr);

// True if every entry matching `narrower` also matches `wider`, so typing can search the previous
// result instead of the library: each positive term of `wider` is contained in a positive term of
// `narrower` (same field, or any field), each negated term of `wider` is implied by a negated
// term of `narrower`, and vote and date ranges are no wider.
bool query_narrows(const Query& narrower, const Query& wider);
// True if entry e matches q (the slow path, without the index; used by tests as the oracle).
bool entry_matches(const Library& lib, uint32_t e, const Query& q);
bool entry_matches(const Library& lib, uint32_t e, const Query& q, const QueryContext* ctx);

// --- Triage terms (query_marks.cpp) -------------------------------------------------------------
// If `tok` is a triage term (is:..., has:note, note:...), records it (or an error) and returns true.
bool parse_mark_term(std::string_view tok, bool negate, Query& q);
// The triage terms of q (and the implicit -is:hidden) on entry e. Always true without a context.
bool marks_match(uint32_t e, const Query& q, const QueryContext* ctx);
// query_narrows for the triage terms: every term of `wider` is implied by one of `narrower`.
bool marks_narrow(const Query& narrower, const Query& wider);

}  // namespace dv
