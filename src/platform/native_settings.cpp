#include "native_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "native_files.h"

namespace dvn {

using nlohmann::json;

std::string settings_path() {
    const std::string base = config_dir();
    return base.empty() ? std::string() : base + "/digest-viewer/settings.json";
}

namespace {

// Type-checked reads: a field of the wrong type is skipped (and reported), never thrown on.
struct Reader {
    const json& j;
    std::vector<std::string> bad;

    const json* field(const char* key) {
        auto it = j.find(key);
        return it == j.end() || it->is_null() ? nullptr : &*it;
    }
    void str(const char* key, std::string& out) {
        if (const json* v = field(key)) {
            if (v->is_string()) out = v->get<std::string>();
            else bad.push_back(key);
        }
    }
    void num(const char* key, int& out) {
        if (const json* v = field(key)) {
            if (v->is_number()) {
                double d = v->get<double>();
                if (std::isfinite(d) && std::fabs(d) < 1e6) out = (int)d;
                else bad.push_back(key);
            } else {
                bad.push_back(key);
            }
        }
    }
    void num(const char* key, float& out) {
        if (const json* v = field(key)) {
            if (v->is_number() && std::isfinite(v->get<double>())) out = (float)v->get<double>();
            else bad.push_back(key);
        }
    }
    void flag(const char* key, bool& out) {
        if (const json* v = field(key)) {
            if (v->is_boolean()) out = v->get<bool>();
            else bad.push_back(key);
        }
    }
    void strings(const char* key, std::vector<std::string>& out) {
        if (const json* v = field(key)) {
            if (!v->is_array()) {
                bad.push_back(key);
                return;
            }
            out.clear();
            for (const json& e : *v)
                if (e.is_string() && !e.get_ref<const std::string&>().empty()) out.push_back(e.get<std::string>());
        }
    }
};

}  // namespace

bool load_settings(const std::string& path, Settings& s, std::string& message) {
    message.clear();
    if (path.empty()) {
        message = "No settings folder (neither XDG_CONFIG_HOME nor HOME is set): settings are not kept";
        return false;
    }
    if (!path_exists(path)) return true;  // first run
    std::string text, err;
    if (!read_file_bytes(path, text, err)) {
        message = "Could not read the settings (" + err + "): starting with defaults";
        return false;
    }
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
        message = "The settings file " + path + " is not valid JSON: starting with defaults (it will be rewritten)";
        return false;
    }
    Settings d;  // defaults, filled from the file
    Reader r{j, {}};
    r.strings("library", d.library);
    r.strings("recent", d.recent);
    r.str("export_dir", d.export_dir);
    if (auto it = j.find("window"); it != j.end() && it->is_object()) {
        Reader w{*it, {}};
        w.num("width", d.win_w);
        w.num("height", d.win_h);
        if (it->contains("x") && it->contains("y")) {
            w.num("x", d.win_x);
            w.num("y", d.win_y);
            d.has_pos = w.bad.empty();
        }
        w.flag("maximized", d.maximized);
        for (auto& b : w.bad) r.bad.push_back("window." + b);
    } else if (it != j.end() && !it->is_null()) {
        r.bad.push_back("window");
    }
    r.num("font_size", d.font_size);
    if (!(d.font_size >= 9.0f && d.font_size <= 40.0f)) {
        d.font_size = 15.0f;
        r.bad.push_back("font_size");
    }
    r.str("theme", d.theme);
    if (d.theme != "dark" && d.theme != "light" && d.theme != "follow") {
        d.theme = "follow";
        r.bad.push_back("theme");
    }
    r.str("location", d.location);
    r.flag("hf_enabled", d.hf_enabled);
    r.flag("hf_notice_seen", d.hf_notice_seen);
    r.str("hf_base", d.hf_base);
    // The view settings are the UI's (app_view_settings_json): kept as the object it wrote.
    if (auto it = j.find("view"); it != j.end() && it->is_object()) d.view = it->dump();
    else if (it != j.end() && !it->is_null()) r.bad.push_back("view");
    if (d.recent.size() > kMaxRecent) d.recent.resize(kMaxRecent);
    s = std::move(d);
    if (!r.bad.empty()) {
        std::string list;
        for (const std::string& b : r.bad) list += (list.empty() ? "" : ", ") + b;
        message = "Settings: ignored invalid " + list + " in " + path;
        return false;
    }
    return true;
}

std::string settings_to_json(const Settings& s) {
    json j;
    j["version"] = 1;
    j["library"] = s.library;
    j["recent"] = s.recent;
    j["export_dir"] = s.export_dir;
    json w;
    w["width"] = s.win_w;
    w["height"] = s.win_h;
    if (s.has_pos) {
        w["x"] = s.win_x;
        w["y"] = s.win_y;
    }
    w["maximized"] = s.maximized;
    j["window"] = w;
    j["font_size"] = s.font_size;
    j["theme"] = s.theme;
    j["location"] = s.location;
    j["hf_enabled"] = s.hf_enabled;
    j["hf_notice_seen"] = s.hf_notice_seen;
    j["hf_base"] = s.hf_base;
    if (!s.view.empty()) {
        json v = json::parse(s.view, nullptr, false);
        if (v.is_object()) j["view"] = v;
    }
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

bool save_settings(const std::string& path, const Settings& s, std::string& error) {
    if (path.empty()) {
        error = "no settings folder";
        return false;
    }
    return write_file_bytes(path, settings_to_json(s), error);
}

void add_recent(Settings& s, const std::string& path) {
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), path), s.recent.end());
    s.recent.insert(s.recent.begin(), path);
    if (s.recent.size() > kMaxRecent) s.recent.resize(kMaxRecent);
}

}  // namespace dvn
