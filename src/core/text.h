// UTF-8 helpers: validation with diagnostics, case folding and folded substring search.
// Folding is length-preserving (every folded code point has the same UTF-8 length as its
// original), so a folded needle can be compared against unfolded text byte position by position
// and the stored text never needs a second, lowercased copy (memory matters at 100k papers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model.h"

namespace dv {

// Replaces invalid UTF-8 sequences with U+FFFD and C0 control characters other than TAB and LF
// (they come from LaTeX escapes read as JSON escapes: "\f"ramework) with a space; CR LF and lone
// CR become LF. Appends one diagnostic per kind of problem, naming the first line where it occurs
// and how many there were. Returns the cleaned text.
std::string sanitize_utf8(std::string_view bytes, std::string_view source, std::vector<Diagnostic>& diags);

// Length of the longest prefix of bytes that sanitize_utf8 leaves unchanged (valid UTF-8 without
// C0 controls other than TAB and LF). bytes.size() means sanitizing would just copy.
size_t utf8_clean_prefix(std::string_view bytes);

// True if the bytes look like a binary file (NUL bytes, or mostly invalid UTF-8 near the start).
bool looks_binary(std::string_view bytes);

// The one gate both parsers (markdown and Hugging Face JSON) take a file's bytes through: `text`
// views `bytes` when they are clean (the usual case), else `owned`, their sanitize_utf8 copy.
// False, with an Error in `diags`, when there is nothing to parse: not text, empty, too large.
bool input_text(std::string_view bytes, std::string_view source, std::vector<Diagnostic>& diags, std::string& owned,
                std::string_view& text);

// Decodes one code point at s[i], advancing i. Invalid bytes decode as U+FFFD, one byte each.
uint32_t decode_utf8(std::string_view s, size_t& i);
void append_utf8(std::string& out, uint32_t cp);

// Simple case folding for Latin (ASCII, Latin-1, Latin Extended-A, full-width), Greek and
// Cyrillic; everything else (Hangul, Han, symbols) maps to itself: Hangul is matched as typed.
uint32_t fold_cp(uint32_t cp);
std::string fold(std::string_view s);
// Appends fold(s) to out without a temporary.
void fold_append(std::string& out, std::string_view s);

// Case-insensitive substring test. `folded_needle` must come from fold(); `hay` is raw text.
bool contains_folded(std::string_view hay, std::string_view folded_needle);
// The byte offset of the first place contains_folded finds (npos if none; 0 for an empty
// needle). Folding keeps lengths, so the match is hay[at, at + folded_needle.size()). The one
// matcher: contains_folded is find_folded != npos, and highlight.h's spans are built on it.
size_t find_folded(std::string_view hay, std::string_view folded_needle);

// Markdown source as text where only backslash escapes matter: a backslash before ASCII
// punctuation stands for that character (CommonMark's escapes; export.h escape_markdown writes
// them), any other backslash for itself.
std::string unescape_markdown(std::string_view s);

// Trims ASCII and Unicode spaces (U+00A0, U+3000) at both ends.
std::string_view trim(std::string_view s);
// Spaces and tabs (only those: markdown's indentation) off one end of a line.
inline std::string_view rtrim_spaces(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
inline std::string_view ltrim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

}  // namespace dv
