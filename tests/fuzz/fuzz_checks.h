// The invariants the libFuzzer targets in tests/fuzz check, as functions that return the first
// broken one as a message ("" when all hold). The fuzz targets abort on a message (so libFuzzer
// saves the input); tests/test_fuzz_regressions.cpp runs the same checks on saved inputs in
// tests/data/fuzz, so a fixture test and the fuzzer never disagree on what "broken" means.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/paper_builder.h"

namespace dvfuzz {

// How much of the markdown round trip check_pipeline compares.
enum class RoundTrip {
    Off,    // none (to look for crashes and query mismatches past a known round-trip bug)
    Ids,    // the paper count, titles and arXiv ids
    Full,   // every field tests/test_export.cpp's paper_diff compares
};

// The whole pipeline on any bytes: library_add under a dated .md name, a .json name (the bytes
// plus "\n", so it is no duplicate and the Hugging Face JSON reader sees it) and a second .md name
// (the same bytes: must be a Duplicate); library_rebuild; two queries cut from the bytes (the last
// line, and a slice the first two bytes choose), each run with the index and compared with the
// entry_matches oracle over every entry (library order, one other sort, and the typing path:
// `within` the result of the query one byte shorter when query_narrows allows it); then
// export_markdown of every entry parsed again (see RoundTrip), export_json read back, export_csv.
std::string check_pipeline(std::string_view bytes, RoundTrip level);

// parse() of any bytes read in pieces of piece_bytes (parse_detail::parse_in_pieces; a big file
// is) gives what reading them whole does: papers, lines, dates, format and diagnostics.
std::string check_pieces(std::string_view bytes, size_t piece_bytes);

// Everything a ParseResult says (format, date, every paper with its line, diagnostics), as text.
std::string described(const dv::ParseResult& r);

// parse_query on any text: non-empty folded needles without line breaks, a query narrows itself,
// and over a small fixed library the indexed run and the typing path equal the oracle.
std::string check_query_text(std::string_view text);

// parse_hf_json on any bytes under `name`: papers have titles and fields inside their arena, and
// parse() agrees with it on input it sniffs as JSON; parse_pyrepr on the same bytes either fails
// with a message and a null value or succeeds without one.
std::string check_json_input(std::string_view name, std::string_view bytes);

// triage_parse on any bytes: a refusal has a message and leaves `out` as it was; an accepted file
// written with triage_to_json reads back as the same Triage (every mark, time, note, saved search,
// seen day and setting), writes the same text again, and merging it into itself changes nothing.
std::string check_triage_input(std::string_view bytes);

// For the targets: if `message` is non-empty, prints it and aborts (libFuzzer then saves the input).
// With DV_FUZZ_EXPECT=text in the environment only messages containing `text` abort, so
// -minimize_crash keeps the same bug instead of drifting to the simplest one.
void report(const std::string& message);

// The first difference between two papers in every field the markdown export must keep (the line
// is where the heading sits in each text, so it is not compared). Empty when equal. The fuzz
// round trip and tests/test_export.cpp's round-trip tests share it.
std::string paper_diff(const dv::PaperDraft& a, const dv::PaperDraft& b);

}  // namespace dvfuzz
