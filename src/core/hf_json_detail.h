// Private to the Hugging Face JSON reader (hf_json.cpp, hf_json_items.cpp, hf_json_detect.cpp);
// the public entry points and the shapes read are in hf_json.h.
//
//   hf_json.cpp         parse_hf_json(): the read as a list of steps (text, document, where the
//                       items are, each item, the listing dates, one paper per id, the file date).
//   hf_json_items.cpp   one item -> PaperDraft: the typed accessors, the text helpers, the shape
//                       of an item and the field mapping for each shape.
//   hf_json_detect.cpp  what the bytes are: looks_like_json / is_json_input, and the words the
//                       diagnostics use for what was found instead (describe, syntax_error).
//
// Nothing here owns a document: every json pointer returned points into the value passed in and
// is valid as long as that value is. Nothing throws on a JSON value of an unexpected type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model.h"
#include "paper_builder.h"

namespace dv::hf {

using nlohmann::json;

// --- Reading values without assuming their type (hf_json_items.cpp) ------------------------------

const json* member(const json& o, const char* key);      // nullptr unless o is an object with key
std::string_view str_at(const json& o, const char* key);  // "" unless that member is a string
const json* object_at(const json& o, const char* key);    // nullptr unless that member is an object
const json* array_at(const json& o, const char* key);     // nullptr unless that member is an array
// A count: a non-negative JSON integer, an integral float, or a count string ("66", "2.36k").
bool count_of(const json& v, int32_t& out);
bool count_at(const json& o, const char* key, int32_t& out);
// "2024-12-17T08:03:36.826Z" or "2024-12-17" -> the day; kNoDate otherwise.
int32_t day_of(std::string_view s);

// All whitespace runs (and controls) -> one space; trimmed.
std::string collapse(std::string_view s);
// collapse(s) in double quotes, cut after 200 bytes, for quoting foreign text in a diagnostic.
std::string quote(std::string_view s);

// --- Items (hf_json_items.cpp) -------------------------------------------------------------------

enum class Shape { None, Api, Ko, Page };

const char* format_name(Shape s);  // ParseResult.format for the shape ("" for None)
Shape shape_of(const json& item);  // None for anything that is not one paper

// One item as read, before the file-level dates and the repeats are settled (hf_json.cpp).
struct Item {
    PaperDraft d;
    int32_t own_date = kNoDate;     // submittedOnDailyAt / scraped_date
    int32_t posted_date = kNoDate;  // top-level publishedAt, only when before `march_11`
    std::string bad_votes;          // a vote field that is there but not a count, for a Warning
};

// Fill `it` from an item of shape Api or Ko (o is the item; a bare paper object is its own paper).
// march_11 is days_from_civil(2025, 3, 11), the day publishedAt stopped being the posting time.
void read_api(const json& o, Shape shape, Item& it, int32_t march_11);
// Fill `it` from an item of shape Page.
void read_page(const json& o, Item& it);

// --- What was found, for the diagnostics (hf_json_detect.cpp) ------------------------------------

const char* kind_of(const json& v);      // "an array", "a string", ...
std::string keys_of(const json& o);      // "\"a\", \"b\"": the first five keys of an object
std::string describe(const json& v);     // "an object with keys ...", "the bare number 3", ...
// The Error for text json::parse rejected: where it broke, or that it was cut short.
Diagnostic syntax_error(std::string_view text, const std::string& source);

}  // namespace dv::hf
