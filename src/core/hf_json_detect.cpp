// What the bytes are (see hf_json_detail.h): the cheap content test parse() uses to hand a file to
// parse_hf_json, and the words the diagnostics use for what was found instead of Daily Papers.
#include "hf_json_detail.h"

#include <algorithm>
#include <string>

#include "hf_json.h"

namespace dv::hf {

// --- Describing what was found, for the diagnostics -----------------------------------------------

// "an array", "a string", ...
const char* kind_of(const json& v) {
    switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "a null";
    default: return "a number";
    }
}

std::string keys_of(const json& o) {
    std::string out;
    size_t n = 0;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (n == 5) {
            out += ", ...";
            break;
        }
        std::string k = it.key().size() > 40 ? it.key().substr(0, 40) + "..." : it.key();
        out += (n ? ", \"" : "\"") + k + "\"";
        ++n;
    }
    return out;
}

std::string describe(const json& v) {
    if (v.is_array() && v.empty()) return "an empty array";
    if (v.is_object()) return v.empty() ? "an empty object" : "an object with keys " + keys_of(v);
    if (v.is_array()) {
        const json& first = v.front();
        std::string s = "an array of " + std::to_string(v.size()) + " values, the first " +
                        (first.is_object() ? (first.empty() ? std::string("an empty object") : "an object with keys " + keys_of(first))
                                           : std::string(kind_of(first)));
        return s;
    }
    if (v.is_number()) return "the bare number " + v.dump();
    if (v.is_string()) return "a bare string";
    return std::string("a bare ") + (v.is_boolean() ? "boolean" : "null");
}

namespace {

// Records where nlohmann's parser stopped; only run after json::parse failed, to say why.
struct ErrorSax : nlohmann::json_sax<json> {
    size_t position = 0;
    std::string message;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::json::exception& ex) override {
        position = pos;
        message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> from "parse error".
        size_t b = message.find("] ");
        if (b != std::string::npos) message.erase(0, b + 2);
        return false;
    }
};

}  // namespace

Diagnostic syntax_error(std::string_view text, const std::string& source) {
    ErrorSax sax;
    json::sax_parse(text.begin(), text.end(), &sax);
    size_t pos = std::min(sax.position, text.size());
    uint32_t line = 1;
    for (size_t i = 0; i + 1 < pos && i < text.size(); ++i) line += text[i] == '\n';
    // Truncated: the parser read to the last non-space byte and still wanted more.
    size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == '\t')) --end;
    bool truncated = pos >= end && (sax.message.find("end of input") != std::string::npos ||
                                    sax.message.find("missing closing quote") != std::string::npos);
    std::string msg = truncated ? "truncated JSON: the text ends at byte " + std::to_string(text.size()) + " before the value is complete (" + sax.message + ")"
                                : "malformed JSON at byte " + std::to_string(pos) + ": " + (sax.message.empty() ? "syntax error" : sax.message);
    return {source, line, Severity::Error, msg};
}

}  // namespace dv::hf

namespace dv {

namespace {

size_t skip_ws(std::string_view s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// A JSON number spanning all of s.
bool is_number(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    size_t d = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == d) return false;
    if (i < s.size() && s[i] == '.') {
        size_t f = ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == f) return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        size_t e = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == e) return false;
    }
    return i == s.size();
}

}  // namespace

bool looks_like_json(std::string_view s) {
    size_t i = s.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    i = skip_ws(s, i);
    if (i >= s.size()) return false;
    if (s[i] == '{') {
        size_t j = skip_ws(s, i + 1);
        return j < s.size() && (s[j] == '"' || s[j] == '}');
    }
    if (s[i] != '[') {
        size_t end = s.size();
        while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r')) --end;
        return is_number(s.substr(i, end - i));
    }
    size_t j = skip_ws(s, i + 1);
    if (j >= s.size()) return false;
    switch (s[j]) {
    case '{': return true;
    case ']': return skip_ws(s, j + 1) == s.size();
    case '[': {
        size_t k = skip_ws(s, j + 1);
        return k < s.size() && std::string_view("[]{\"-0123456789").find(s[k]) != std::string_view::npos;
    }
    case '"': {
        size_t k = j + 1;
        while (k < s.size() && s[k] != '"' && s[k] != '\n') k += s[k] == '\\' ? 2 : 1;
        if (k >= s.size() || s[k] != '"') return false;
        k = skip_ws(s, k + 1);
        return k < s.size() && (s[k] == ',' || s[k] == ']');
    }
    default: return false;
    }
}

bool is_json_input(std::string_view bytes, std::string_view name) {
    std::string_view ext = ".json";
    bool json_name = name.size() >= ext.size();
    for (size_t k = 0; json_name && k < ext.size(); ++k) {
        char c = name[name.size() - ext.size() + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        json_name = c == ext[k];
    }
    return json_name || looks_like_json(bytes);
}

}  // namespace dv
