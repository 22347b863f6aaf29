// Python literal repr reader (see pyrepr.h): a recursive-descent parser over the bytes, with an
// explicit depth bound. Errors are reported once, at the first failure, and unwind by return value.
#include "pyrepr.h"

#include <cstdint>

#include "text.h"

namespace dv {

namespace {

using nlohmann::json;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; }
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

struct Reader {
    std::string_view s;
    size_t i = 0;
    int max_depth = 64;
    std::string error;

    bool fail(size_t at, const char* what) {
        if (error.empty()) error = "offset " + std::to_string(at) + ": " + what;
        return false;
    }
    void skip_space() {
        while (i < s.size() && is_space(s[i])) ++i;
    }
    bool at_end() const { return i >= s.size(); }

    bool value(json& out, int depth) {
        skip_space();
        if (at_end()) return fail(i, "unexpected end of input, expected a value");
        char c = s[i];
        if (c == '{') return dict_or_set(out, depth);
        if (c == '[') return sequence(out, depth, ']');
        if (c == '(') return sequence(out, depth, ')');
        if (c == '\'' || c == '"') return string_value(out);
        if (c == '-' || c == '+' || c == '.' || is_digit(c)) return number(out);
        if (is_ident(c)) {
            size_t start = i;
            while (i < s.size() && is_ident(s[i])) ++i;
            std::string_view word = s.substr(start, i - start);
            // A string prefix: r'…', u'…', b'…', rb'…', br'…' (any case).
            if (i < s.size() && (s[i] == '\'' || s[i] == '"') && word.size() <= 2) {
                bool raw = false, ok = true;
                for (char p : word) {
                    char l = static_cast<char>(p | 0x20);
                    if (l == 'r') raw = true;
                    else if (l != 'u' && l != 'b') ok = false;
                }
                if (ok) return string_value(out, raw);
            }
            if (word == "True") out = true;
            else if (word == "False") out = false;
            else if (word == "None" || word == "inf" || word == "nan") out = nullptr;
            else return fail(start, "unknown name (only True, False, None, inf and nan are literals)");
            return true;
        }
        return fail(i, "unexpected character, expected a value");
    }

    bool enter(int depth) {
        if (depth >= max_depth) return fail(i, "nested deeper than the depth limit");
        return true;
    }

    // [a, b] or (a, b): a JSON array. "(x)" without a comma is just x, as in Python.
    bool sequence(json& out, int depth, char close) {
        if (!enter(depth)) return false;
        size_t open_at = i++;
        out = json::array();
        bool comma_seen = false;
        while (true) {
            skip_space();
            if (at_end()) return fail(open_at, close == ']' ? "unclosed '['" : "unclosed '('");
            if (s[i] == close) {
                ++i;
                break;
            }
            json item;
            if (!value(item, depth + 1)) return false;
            out.push_back(std::move(item));
            skip_space();
            if (at_end()) return fail(open_at, close == ']' ? "unclosed '['" : "unclosed '('");
            if (s[i] == ',') {
                comma_seen = true;
                ++i;
            } else if (s[i] != close) {
                return fail(i, "expected ',' or the closing bracket");
            }
        }
        if (close == ')' && out.size() == 1 && !comma_seen) {
            json inner = std::move(out[0]);
            out = std::move(inner);
        }
        return true;
    }

    // {k: v, ...} is a dict; {a, b} a set (an array here); {} an empty dict.
    bool dict_or_set(json& out, int depth) {
        if (!enter(depth)) return false;
        size_t open_at = i++;
        skip_space();
        if (!at_end() && s[i] == '}') {
            ++i;
            out = json::object();
            return true;
        }
        int kind = 0;  // 0 = not known yet, 1 = dict, 2 = set
        while (true) {
            skip_space();
            if (at_end()) return fail(open_at, "unclosed '{'");
            if (s[i] == '}') {
                ++i;
                return true;
            }
            size_t key_at = i;
            json key;
            if (!value(key, depth + 1)) return false;
            skip_space();
            if (at_end()) return fail(open_at, "unclosed '{'");
            if (kind == 0) {
                if (s[i] != ':' && s[i] != ',' && s[i] != '}') return fail(i, "expected ':' after a dict key");
                kind = s[i] == ':' ? 1 : 2;
                out = kind == 1 ? json::object() : json::array();
            }
            if (kind == 1) {
                if (s[i] != ':') return fail(i, "expected ':' after a dict key");
                ++i;
                std::string name;
                if (key.is_string()) name = key.get_ref<const std::string&>();
                else if (key.is_boolean()) name = key.get<bool>() ? "True" : "False";
                else if (key.is_null()) name = "None";
                else if (key.is_number()) name = key.dump();
                else return fail(key_at, "unsupported dict key (a container)");
                json v;
                if (!value(v, depth + 1)) return false;
                out[name] = std::move(v);  // a repeated key: the last one wins, as in Python
            } else {
                out.push_back(std::move(key));
            }
            skip_space();
            if (at_end()) return fail(open_at, "unclosed '{'");
            if (s[i] == ',') ++i;
            else if (s[i] != '}') return fail(i, kind == 1 ? "expected ',' or '}' after a dict value" : "expected ',' or '}'");
        }
    }

    // One or more adjacent string literals (Python concatenates them).
    bool string_value(json& out, bool raw = false) {
        std::string text;
        if (!string_literal(text, raw)) return false;
        while (true) {
            size_t save = i;
            skip_space();
            if (at_end()) break;
            size_t j = i;
            bool next_raw = false;
            while (j < s.size() && j - i < 2 && std::string_view("rRuUbB").find(s[j]) != std::string_view::npos) {
                if (s[j] == 'r' || s[j] == 'R') next_raw = true;
                ++j;
            }
            if (j >= s.size() || (s[j] != '\'' && s[j] != '"')) {
                i = save;
                break;
            }
            i = j;
            if (!string_literal(text, next_raw)) return false;
        }
        out = std::move(text);
        return true;
    }

    bool string_literal(std::string& text, bool raw) {
        size_t open_at = i;
        char q = s[i++];
        while (true) {
            if (at_end()) return fail(open_at, "unterminated string");
            char c = s[i];
            if (c == q) {
                ++i;
                return true;
            }
            if (c == '\n' || c == '\r') return fail(i, "line break inside a string literal");
            if (c != '\\') {
                text.push_back(c);
                ++i;
                continue;
            }
            if (i + 1 >= s.size()) return fail(open_at, "unterminated string");
            char e = s[i + 1];
            if (raw) {
                // r'…': the backslash stays, and it only protects the next character from ending
                // the string.
                text.push_back('\\');
                text.push_back(e);
                i += 2;
                continue;
            }
            size_t esc_at = i;
            i += 2;
            switch (e) {
            case '\\': text.push_back('\\'); break;
            case '\'': text.push_back('\''); break;
            case '"': text.push_back('"'); break;
            case 'a': text.push_back('\a'); break;
            case 'b': text.push_back('\b'); break;
            case 'f': text.push_back('\f'); break;
            case 'n': text.push_back('\n'); break;
            case 'r': text.push_back('\r'); break;
            case 't': text.push_back('\t'); break;
            case 'v': text.push_back('\v'); break;
            case '\n': break;  // line continuation
            case 'x':
            case 'u':
            case 'U': {
                int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                uint32_t cp = 0;
                for (int k = 0; k < n; ++k) {
                    int h = i < s.size() ? hex_value(s[i]) : -1;
                    if (h < 0) return fail(esc_at, e == 'x' ? "bad \\x escape (two hex digits needed)" : e == 'u' ? "bad \\u escape (four hex digits needed)" : "bad \\U escape (eight hex digits needed)");
                    cp = cp * 16 + static_cast<uint32_t>(h);
                    ++i;
                }
                if (cp > 0x10FFFF) return fail(esc_at, "\\U escape beyond U+10FFFF");
                // A surrogate pair written as two \u escapes is read as the one character it names.
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                    uint32_t lo = 0;
                    bool ok = true;
                    for (int k = 0; k < 4; ++k) {
                        int h = hex_value(s[i + 2 + k]);
                        if (h < 0) ok = false;
                        else lo = lo * 16 + static_cast<uint32_t>(h);
                    }
                    if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(text, cp);  // lone surrogates become U+FFFD there
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    uint32_t cp = static_cast<uint32_t>(e - '0');
                    for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) cp = cp * 8 + static_cast<uint32_t>(s[i++] - '0');
                    append_utf8(text, cp);
                } else {
                    // Unknown escapes (\N{…} included) are kept as written, as Python keeps "\d".
                    text.push_back('\\');
                    i = esc_at + 1;
                }
            }
        }
    }

    // Python int/float text, handed to nlohmann's number reader in JSON spelling so there is one
    // number rule (and no locale-dependent strtod of our own).
    bool number(json& out) {
        size_t start = i;
        std::string t;
        if (s[i] == '-' || s[i] == '+') {
            if (s[i] == '-') t.push_back('-');
            ++i;
            skip_space();  // "- 1" is valid Python
        }
        if (i + 3 <= s.size() && (s.substr(i, 3) == "inf" || s.substr(i, 3) == "nan") && (i + 3 == s.size() || !is_ident(s[i + 3]))) {
            i += 3;
            out = nullptr;
            return true;
        }
        size_t int_digits = 0, frac_digits = 0;
        while (i < s.size() && is_digit(s[i])) t.push_back(s[i++]), ++int_digits;
        bool is_float = false;
        if (i < s.size() && s[i] == '.') {
            is_float = true;
            ++i;
            if (int_digits == 0) t.push_back('0');
            t.push_back('.');
            while (i < s.size() && is_digit(s[i])) t.push_back(s[i++]), ++frac_digits;
            if (frac_digits == 0) t.push_back('0');
        }
        if (int_digits == 0 && frac_digits == 0) return fail(start, "malformed number");
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            is_float = true;
            t.push_back('e');
            ++i;
            if (i < s.size() && (s[i] == '+' || s[i] == '-')) t.push_back(s[i++]);
            size_t exp_digits = 0;
            while (i < s.size() && is_digit(s[i])) t.push_back(s[i++]), ++exp_digits;
            if (exp_digits == 0) return fail(start, "malformed number exponent");
        }
        if (i < s.size() && is_ident(s[i])) return fail(start, "malformed number");
        // JSON forbids leading zeros ("007"); Python 3 does too for ints, but not for floats.
        size_t lead = t[0] == '-' ? 1 : 0;
        while (t.size() > lead + 1 && t[lead] == '0' && is_digit(t[lead + 1])) t.erase(lead, 1);
        if (!is_float && int_digits <= 18) {  // the common case (votes, counts), no lexer needed
            int64_t v = 0;
            for (size_t k = lead; k < t.size(); ++k) v = v * 10 + (t[k] - '0');
            out = lead ? -v : v;
            return true;
        }
        // Python ints have no size limit; nlohmann gives a double beyond 64 bits, which is fine.
        out = json::parse(t, nullptr, false);
        if (out.is_discarded()) {
            out = nullptr;
            return fail(start, "malformed number");
        }
        return true;
    }
};

}  // namespace

bool parse_pyrepr(std::string_view s, nlohmann::json& out, std::string& error, int max_depth) {
    Reader r;
    r.s = s;
    r.max_depth = max_depth;
    out = nullptr;
    error.clear();
    json v;
    if (!r.value(v, 0)) {
        error = r.error;
        return false;
    }
    r.skip_space();
    if (!r.at_end()) {
        r.fail(r.i, "unexpected text after the value");
        error = r.error;
        return false;
    }
    out = std::move(v);
    return true;
}

}  // namespace dv
