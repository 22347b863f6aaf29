// The typed-path open and save dialogs (path_dialog.h). Moved out of the native platform: they
// are ImGui panels like the others; their file access is app.host.files.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "path_dialog.h"

namespace dv {

namespace {

const ImVec4 kErrorColor(1.0f, 0.45f, 0.4f, 1.0f);
const ImVec4 kWarnColor(0.95f, 0.65f, 0.3f, 1.0f);

PathKind stat_kind(const App& app, const std::string& path) {
    return app.host.files.stat ? app.host.files.stat(path) : PathKind::Missing;
}

// The folder part of what is typed and the name prefix to complete ("/a/b/c" -> "/a/b", "c";
// "~/x" -> "$HOME", "x": the platform's normalize expands the ~).
void split_typed(const App& app, const std::string& typed, std::string& dir, std::string& prefix) {
    std::string t = typed;
    if (t == "~") t.push_back('/');
    size_t slash = t.rfind('/');
    if (slash == std::string::npos) {
        dir = ".";
        prefix = t;
        return;
    }
    dir = t.substr(0, slash == 0 ? 1 : slash);  // "/x" -> "/"
    prefix = t.substr(slash + 1);
    if (dir[0] == '~' && app.host.files.normalize) dir = app.host.files.normalize(dir);
}

std::vector<std::string> list_folder(const App& app, const std::string& dir, size_t max_entries) {
    return app.host.files.list_folder ? app.host.files.list_folder(dir, max_entries) : std::vector<std::string>();
}

// Tab in the path field: completes to the longest common prefix of the matching entries.
int complete_path(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag != ImGuiInputTextFlags_CallbackCompletion) return 0;
    const App& app = *static_cast<const App*>(d->UserData);
    std::string dir, prefix;
    split_typed(app, std::string(d->Buf, (size_t)d->BufTextLen), dir, prefix);
    std::vector<std::string> hits;
    for (const std::string& e : list_folder(app, dir, 2000))
        if (e.rfind(prefix, 0) == 0) hits.push_back(e);
    if (hits.empty()) return 0;
    std::string common = hits[0];
    for (const std::string& h : hits) {
        size_t n = 0;
        while (n < common.size() && n < h.size() && common[n] == h[n]) n++;
        common.resize(n);
    }
    if (common.size() > prefix.size()) d->InsertChars(d->CursorPos, common.c_str() + prefix.size());
    return 0;
}

// Opens the popup on its first frame and centres it; false when it is not (or no longer) open.
bool begin_modal(PathDialog& dlg, const char* title, ImVec2 size) {
    if (dlg.opening) {
        ImGui::OpenPopup(title);
        dlg.opening = false;
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    bool keep = true;
    if (ImGui::BeginPopupModal(title, &keep, ImGuiWindowFlags_NoSavedSettings)) return true;
    if (!keep || !ImGui::IsPopupOpen(title)) dlg = PathDialog();
    return false;
}

void draw_open_dialog(App& app) {
    PathDialog& dlg = app.path_dialog;
    const float em = ImGui::GetFontSize();
    ImGuiViewport* vp = ImGui::GetMainViewport();
    if (!begin_modal(dlg, "Open digests", ImVec2(std::min(46 * em, vp->WorkSize.x - 2 * em), std::min(30 * em, vp->WorkSize.y - 2 * em))))
        return;
    bool do_open = false;
    ImGui::TextWrapped("Type a file or folder path (~ works; Tab completes). Folders are read recursively for .md, .markdown and .json "
                       "digests and watched for new and changed files.");
    ImGui::SetNextItemWidth(-6 * em);
    if (dlg.focus_input) {
        ImGui::SetKeyboardFocusHere();
        dlg.focus_input = false;
    }
    if (ImGui::InputText("##path", &dlg.path, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCompletion,
                         complete_path, &app))
        do_open = true;
    ImGui::SameLine();
    if (ImGui::Button("Open", ImVec2(-1, 0))) do_open = true;
    if (!dlg.error.empty()) ImGui::TextColored(kErrorColor, "%s", dlg.error.c_str());

    // The typed folder's entries: click fills the path, double click opens (or descends).
    std::string dir, prefix;
    split_typed(app, dlg.path, dir, prefix);
    if (dir != dlg.listed_dir) {
        dlg.listed_dir = dir;
        dlg.listing = list_folder(app, dir, 500);
    }
    const float recent_h = std::min<float>((float)dlg.recent.size(), 5.0f) * ImGui::GetTextLineHeightWithSpacing() +
                           (dlg.recent.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() * 1.5f);
    const float list_h = std::max(4 * em, ImGui::GetContentRegionAvail().y - recent_h - ImGui::GetFrameHeightWithSpacing() * 1.5f);
    ImGui::TextDisabled("In %s", dir.c_str());
    ImGui::BeginChild("##listing", ImVec2(0, list_h), ImGuiChildFlags_Borders);
    std::string base = dir == "/" ? "/" : dir + "/";
    for (const std::string& e : dlg.listing) {
        if (!prefix.empty() && e.rfind(prefix, 0) != 0) continue;
        bool folder = !e.empty() && e.back() == '/';
        if (ImGui::Selectable(e.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            dlg.path = base + e;
            dlg.error.clear();
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !folder) do_open = true;
        }
        if (folder && ImGui::IsItemHovered()) ImGui::SetTooltip("Click to enter; Open reads it recursively");
    }
    if (dlg.listing.empty()) ImGui::TextDisabled("(no folders or digests here)");
    ImGui::EndChild();

    if (!dlg.recent.empty()) {
        ImGui::SeparatorText("Recent");
        ImGui::BeginChild("##recent", ImVec2(0, recent_h - ImGui::GetFrameHeightWithSpacing() * 1.5f + 2));
        for (const std::string& r : dlg.recent) {
            bool exists = stat_kind(app, r) != PathKind::Missing;
            ImGui::PushID(r.c_str());
            if (!exists) ImGui::BeginDisabled();
            if (ImGui::Selectable(r.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
                dlg.path = r;
                dlg.error.clear();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) do_open = true;
            }
            if (!exists) ImGui::EndDisabled();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    bool close = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (do_open) {
        std::string p = app.host.files.normalize ? app.host.files.normalize(dlg.path) : dlg.path;
        if (stat_kind(app, p) == PathKind::Missing) {
            dlg.error = "No such file or folder: " + p;
        } else {
            close = true;
            if (app.host.files.open) app.host.files.open({p});
        }
    }
    if (close) {
        ImGui::CloseCurrentPopup();
        dlg = PathDialog();
    }
    ImGui::EndPopup();
}

void draw_save_dialog(App& app) {
    PathDialog& dlg = app.path_dialog;
    const float em = ImGui::GetFontSize();
    ImGuiViewport* vp = ImGui::GetMainViewport();
    if (!begin_modal(dlg, "Export", ImVec2(std::min(40 * em, vp->WorkSize.x - 2 * em), 0))) return;
    ImGui::Text("Save %s (%zu bytes) as:", dlg.save_name.c_str(), dlg.save_data.size());
    if (dlg.focus_input) {
        ImGui::SetKeyboardFocusHere();
        dlg.focus_input = false;
    }
    ImGui::SetNextItemWidth(-1);
    bool save = ImGui::InputText("##savepath", &dlg.path, ImGuiInputTextFlags_EnterReturnsTrue);
    std::string target = app.host.files.normalize ? app.host.files.normalize(dlg.path) : dlg.path;
    const PathKind kind = stat_kind(app, target);
    if (kind == PathKind::Folder) ImGui::TextColored(kErrorColor, "That is a folder: add a file name");
    else if (kind == PathKind::File) ImGui::TextColored(kWarnColor, "The file exists and will be replaced");
    if (!dlg.error.empty()) ImGui::TextColored(kErrorColor, "%s", dlg.error.c_str());
    if (ImGui::Button("Save")) save = true;
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (save && kind != PathKind::Folder && app.host.files.write) {
        std::string err;
        if (app.host.files.write(target, dlg.save_data, err)) {
            app_set_status(app, "Saved " + std::to_string(dlg.save_data.size()) + " bytes to " + target);
            cancel = true;
        } else {
            dlg.error = "Could not save: " + err;
        }
    }
    if (cancel) {
        ImGui::CloseCurrentPopup();
        dlg = PathDialog();
    }
    ImGui::EndPopup();
}

}  // namespace

void path_dialog_show_open(App& app, std::string start, std::vector<std::string> recent) {
    PathDialog& dlg = app.path_dialog;
    dlg = PathDialog();
    dlg.kind = PathDialog::Open;
    dlg.opening = true;
    dlg.focus_input = true;
    dlg.path = std::move(start);
    dlg.recent = std::move(recent);
}

void path_dialog_show_save(App& app, const std::string& dir, const char* name, const std::string& data) {
    PathDialog& dlg = app.path_dialog;
    dlg = PathDialog();
    dlg.kind = PathDialog::Save;
    dlg.opening = true;
    dlg.focus_input = true;
    dlg.save_name = name ? name : "export";
    dlg.save_data = data;
    dlg.path = dir + "/" + dlg.save_name;
}

void panel_path_dialog(App& app) {
    if (app.path_dialog.kind == PathDialog::Open) draw_open_dialog(app);
    else if (app.path_dialog.kind == PathDialog::Save) draw_save_dialog(app);
}

}  // namespace dv
