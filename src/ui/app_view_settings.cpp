// The view settings the platform keeps between visits (Host::view_settings_changed): the papers
// table's columns as ImGui stores table settings (its ini text, kept whole: ImGui owns the
// format) and the row mode. ImGui's own ini file is off (fonts.cpp): the platform decides where
// settings live (localStorage, settings.json).
#include <nlohmann/json.hpp>

#include "app.h"
#include "imgui.h"

namespace dv {

const char* row_lines_name(RowLines r) {
    switch (r) {
    case RowLines::Title: return "title";
    case RowLines::Summary: return "summary";
    default: return "one";
    }
}

bool parse_row_lines(std::string_view s, RowLines& out) {
    if (s == "one") out = RowLines::One;
    else if (s == "title") out = RowLines::Title;
    else if (s == "summary") out = RowLines::Summary;
    else return false;
    return true;
}

void cycle_row_lines(App& app) {
    app.row_lines = RowLines((int(app.row_lines) + 1) % 3);
    app.view_settings_dirty = true;
    static const char* const kSay[] = {"Rows: one line", "Rows: the title on two lines", "Rows: the title and the summary's first line"};
    app_set_status(app, kSay[int(app.row_lines)]);
}

std::string app_view_settings_json(App& app) {
    nlohmann::json j;
    j["row_lines"] = row_lines_name(app.row_lines);
    size_t n = 0;
    const char* ini = ImGui::SaveIniSettingsToMemory(&n);
    j["imgui"] = std::string(ini ? ini : "", n);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool app_load_view_settings(App& app, const std::string& text) {
    if (text.empty()) return false;
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return false;
    if (auto it = j.find("row_lines"); it != j.end() && it->is_string()) parse_row_lines(it->get<std::string>(), app.row_lines);
    if (auto it = j.find("imgui"); it != j.end() && it->is_string()) {
        const std::string& ini = it->get_ref<const std::string&>();
        ImGui::LoadIniSettingsFromMemory(ini.data(), ini.size());
    }
    return true;
}

}  // namespace dv
