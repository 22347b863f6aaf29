// "Get from Hugging Face": the action, its first-use notice, progress, cancel and per-day results.
// The plan and every retry rule are core/hf_fetch.h's; the platform performs the requests through
// Host::hf_start and hands finished days back with app_hf_results.
#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "app.h"
#include "core/date.h"
#include "core/hf_json.h"
#include "imgui.h"
#include "panels.h"
#include "widgets.h"

namespace dv {

namespace {

constexpr const char* kNoticeTitle = "Get from Hugging Face?";

bool available(const App& app) { return app.hf.enabled && app.host.hf_start; }

int32_t hf_today(const App& app) {
    return app.hf.today != kNoDate ? app.hf.today : hf_day_from_unix((int64_t)std::time(nullptr));
}

// Days kept: the library's own hf/YYYY-MM-DD.json files and what the platform keeps.
std::vector<int32_t> kept_days(const App& app) {
    std::vector<int32_t> days = app.host.hf_cached_days ? app.host.hf_cached_days() : std::vector<int32_t>();
    for (const LoadedFile& f : app.lib.files) {
        int32_t d;
        if (f.name.size() == 18 && f.name.compare(0, 3, "hf/") == 0 && f.name.compare(13, 5, ".json") == 0 &&
            parse_date(std::string_view(f.name).substr(3, 10), d))
            days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool loaded(const App& app, const std::string& name) {
    for (const LoadedFile& f : app.lib.files)
        if (f.name == name) return true;
    return false;
}

void make_plan(App& app) {
    HfPlanRequest r;
    r.today = hf_today(app);
    r.days = app.hf.days;
    if (!app.lib.days.empty()) r.last_loaded = app.lib.days.back();
    app.hf.plan = hf_plan(r, kept_days(app));
    app.hf.summary = hf_plan_summary(app.hf.plan);
}

std::string run_status(const App& app) {
    const HfFetchUi& h = app.hf;
    std::string s = "Hugging Face: ";
    if (h.running) return s + std::to_string(h.done) + " of " + std::to_string(h.total) + " days";
    size_t ok = 0;
    const HfDayResult* first_failure = nullptr;
    for (const HfDayResult& r : h.results) {
        if (r.ok) ok++;
        else if (!first_failure) first_failure = &r;
    }
    s += std::to_string(h.results.size()) + (h.results.size() == 1 ? " day, " : " days, ") + std::to_string(ok) +
         " loaded (" + format_count(h.papers) + " papers)";
    if (first_failure) {
        s += ", " + std::to_string(h.results.size() - ok) + " failed (" + hf_day_line(*first_failure) + ")";
    }
    return s;
}

void record(App& app, HfDayResult r) {
    r.body.clear();
    r.body.shrink_to_fit();
    auto& v = app.hf.results;
    auto it = std::lower_bound(v.begin(), v.end(), r.day, [](const HfDayResult& a, int32_t d) { return a.day < d; });
    if (it != v.end() && it->day == r.day) *it = std::move(r);
    else v.insert(it, std::move(r));
}

// Loads the kept days the plan does not ask for again, then hands the rest to the platform.
void start(App& app) {
    HfFetchUi& h = app.hf;
    make_plan(app);
    h.results.clear();
    h.total = h.done = h.failed = h.papers = 0;
    h.show_panel = true;
    std::vector<int32_t> ask;
    bool changed = false;
    for (const HfPlannedDay& p : h.plan) {
        if (p.action != HfDayAction::Cached) {
            ask.push_back(p.day);
            continue;
        }
        HfDayResult r;
        r.day = p.day;
        r.from_cache = true;
        std::string name = hf_file_name(p.day), bytes;
        if (loaded(app, name)) {
            r.ok = true;
            for (const LoadedFile& f : app.lib.files)
                if (f.name == name) r.papers = f.papers.size();
        } else if (app.host.hf_read_cached && app.host.hf_read_cached(p.day, bytes)) {
            AddResult::Kind k = app_add_file(app, name, bytes);
            changed = true;
            r.ok = k != AddResult::Rejected;
            if (r.ok) r.papers = parse_hf_json(bytes, name).papers.size();
            else r.reason = "the kept copy could not be read";
        } else {
            r.reason = "the kept copy is gone";
        }
        h.papers += r.ok ? r.papers : 0;
        record(app, std::move(r));
    }
    if (changed) app_finish_load(app);
    h.total = ask.size();
    h.running = !ask.empty();
    if (h.running) app.host.hf_start(ask, h.base);
    app_set_status(app, h.running ? "Hugging Face: " + h.summary + " from " + h.base : run_status(app));
}

}  // namespace

void app_hf_request(App& app, int days) {
    if (!available(app)) {
        app_set_status(app, app.host.hf_start ? "Getting days from Hugging Face is turned off (see ? help)"
                                              : "Getting days from Hugging Face is not available in this build");
        return;
    }
    if (app.hf.running) return;
    app.hf.days = days;
    app.hf.request = true;
}

void app_hf_results(App& app, std::vector<HfDayResult>& results, bool finished) {
    HfFetchUi& h = app.hf;
    bool changed = false;
    for (HfDayResult& r : results) {
        h.done++;
        if (r.ok) {
            std::string name = hf_file_name(r.day);
            AddResult::Kind k = app_add_file(app, name, r.body);
            changed = true;
            if (k == AddResult::Rejected) {
                r.ok = false;
                r.reason = "the library did not take it";
            } else {
                h.papers += r.papers;
            }
        }
        if (!r.ok) h.failed++;
        record(app, std::move(r));
    }
    results.clear();
    if (changed) app_finish_load(app);
    if (finished) h.running = false;
    app_set_status(app, run_status(app));
}

void hf_fetch_controls(App& app, const char* section) {
    if (!available(app)) return;
    if (section) ImGui::SeparatorText(section);
    HfFetchUi& h = app.hf;
    if (h.running) {
        char label[48];
        std::snprintf(label, sizeof label, "%zu / %zu days", h.done, h.total);
        ImGui::ProgressBar(h.total ? (float)h.done / (float)h.total : 0.0f, ImVec2(-4.5f * ImGui::GetFontSize(), 0), label);
        ImGui::SameLine();
        if (ImGui::Button("Cancel##hf") && app.host.hf_cancel) app.host.hf_cancel();
        return;
    }
    if (ImGui::Button("Get from Hugging Face")) app_hf_request(app);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The days since the last one loaded (or the last 7) from %s  (G)", h.base.c_str());
    if (!h.results.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton("results")) h.show_panel = true;
    }
}

void panel_fetch(App& app) {
    HfFetchUi& h = app.hf;
    if (h.request) {
        h.request = false;
        if (available(app) && !h.running) {
            if (h.notice_seen) {
                start(app);
            } else {
                make_plan(app);
                ImGui::OpenPopup(kNoticeTitle);
                h.notice_open = true;
            }
        }
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kNoticeTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        // The one line that says what leaves the machine, shown before the first request.
        ImGui::Text("This asks %s/api/daily_papers for %s; nothing else is sent.", h.base.c_str(), h.summary.c_str());
        if (ImGui::Button("Get them") || ImGui::IsKeyPressed(ImGuiKey_Enter)) {
            h.notice_seen = true;
            if (app.host.hf_settings_changed) app.host.hf_settings_changed();
            ImGui::CloseCurrentPopup();
            start(app);
        }
        ImGui::SameLine();
        if (ImGui::Button("Not now") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Turn this off")) {
            h.enabled = false;
            if (app.host.hf_settings_changed) app.host.hf_settings_changed();
            app_set_status(app, "Getting days from Hugging Face is off (turn it on again in ? help)");
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    } else {
        h.notice_open = false;
    }

    if (!h.show_panel) return;
    const float em = ImGui::GetFontSize();
    // Over the papers, not the library pane (its button and progress bar stay visible).
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(30 * em, 16 * em), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Hugging Face", &h.show_panel, ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%s from %s", h.summary.c_str(), h.base.c_str());
    if (h.running) {
        char label[48];
        std::snprintf(label, sizeof label, "%zu / %zu days", h.done, h.total);
        ImGui::ProgressBar(h.total ? (float)h.done / (float)h.total : 0.0f, ImVec2(-5 * em, 0), label);
        ImGui::SameLine();
        if (ImGui::Button("Cancel") && app.host.hf_cancel) app.host.hf_cancel();
    }
    for (const HfDayResult& r : h.results) {
        ImVec4 col = r.ok ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : ImVec4(1.0f, 0.45f, 0.4f, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(hf_day_line(r).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::End();
}

// The state the test hooks read (app_state_json "hf").
nlohmann::json hf_state_json(const App& app) {
    const HfFetchUi& h = app.hf;
    nlohmann::json lines = nlohmann::json::array();
    for (const HfDayResult& r : h.results) lines.push_back(hf_day_line(r));
    return {{"enabled", h.enabled && app.host.hf_start != nullptr}, {"running", h.running}, {"total", h.total},
            {"done", h.done}, {"failed", h.failed}, {"lines", lines}, {"summary", h.summary},
            {"notice_seen", h.notice_seen}, {"notice_open", h.notice_open}, {"base", h.base}};
}

}  // namespace dv
