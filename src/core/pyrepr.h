// Python literal reprs -> JSON values. Two archived Hugging Face producers store each API item as
// str(item): a Python dict repr ('…' quotes, True/False/None) inside a JSON string. This reads the
// literals Python's repr() writes for such data (what ast.literal_eval would accept for it), and
// nothing that needs evaluating. Never throws; used by hf_json.cpp.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace dv {

// Accepted, with any whitespace between tokens and trailing commas where Python allows them:
//   dict {k: v, ...}   (keys: str; an int/float/bool/None key becomes its repr text)
//   list [...], tuple (...), set {a, b} -> array;  () and (x,) are tuples, (x) is x
//   str '…' or "…" with Python escapes: \\ \' \" \n \r \t \a \b \f \v \ooo \xhh \uXXXX
//       \UXXXXXXXX (lone surrogates become U+FFFD), a backslash-newline continuation, and an
//       unknown escape kept as written (backslash and all), as Python does. Prefixes r/u/b are
//       accepted (r: no escapes). Adjacent literals 'a' 'b' concatenate. Triple quotes, which
//       repr never writes, are not accepted.
//   int (any size: beyond int64 it becomes a double), float (1.5, 1e-05, .5, 2.),
//   True False None, inf/nan (-> null: JSON has no such numbers)
// The whole input must be one value. On failure returns false with `error` like
// "offset 12: expected ':' after a dict key" (0-based byte offset into `s`), and `out` is null.
// max_depth bounds nesting (each dict/list/tuple is one level), so hostile input cannot recurse
// the stack away.
bool parse_pyrepr(std::string_view s, nlohmann::json& out, std::string& error, int max_depth = 64);

}  // namespace dv
