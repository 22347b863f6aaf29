// The typed-path dialogs of the desktop (open digests, save an export): ImGui modals that
// app_frame draws over the layout. Everything they touch on disk goes through the Host's file
// slots (HostFiles in app.h: list a folder, stat, normalize, write, open), so the dialogs hold
// no platform code; a platform without those slots (the web) never shows them.
#pragma once

#include <string>
#include <vector>

namespace dv {

struct App;

// One dialog at a time; owned by App (app.path_dialog), valid while the App lives.
struct PathDialog {
    enum Kind { None, Open, Save } kind = None;
    bool opening = false;          // OpenPopup on the next frame
    bool focus_input = false;
    std::string path;              // what is typed
    std::string error;
    // Open: recently opened paths (newest first, given by the platform) and the typed folder's
    // listing, cached per folder.
    std::vector<std::string> recent;
    std::string listed_dir;
    std::vector<std::string> listing;
    // Save: what to write.
    std::string save_name;
    std::string save_data;
};

// Shows the open dialog with `start` typed (a folder ends in '/').
void path_dialog_show_open(App& app, std::string start, std::vector<std::string> recent);
// Shows the save dialog for `data`, proposing `dir`/`name`.
void path_dialog_show_save(App& app, const std::string& dir, const char* name, const std::string& data);
// Draws the open dialog, if any (called by app_frame, inside the frame's font scope).
void panel_path_dialog(App& app);

}  // namespace dv
