// What the desktop app remembers between runs: the library (paths opened), the window, the text
// size and theme, recent paths and the last view. One JSON file in
// $XDG_CONFIG_HOME/digest-viewer/settings.json (default ~/.config/digest-viewer/settings.json).
// A missing, unreadable or corrupt file gives defaults and a message, never an exception.
#pragma once

#include <string>
#include <vector>

namespace dvn {

struct Settings {
    std::vector<std::string> library;  // files and folders opened, in order (reopened at start)
    std::vector<std::string> recent;   // most recent first, for the open dialog
    std::string export_dir;            // last folder exported to ("" = the download folder)
    // Window, in screen coordinates; w/h <= 0 = not known.
    int win_x = 0, win_y = 0, win_w = 0, win_h = 0;
    bool has_pos = false;
    bool maximized = false;
    float font_size = 15.0f;
    std::string theme = "follow";      // "dark", "light" or "follow" (the desktop's preference)
    std::string location;              // the view hash (query, sort, day, paper)
    // Get from Hugging Face (issue 11): the feature on/off, the first-use notice seen, the API base.
    bool hf_enabled = true;
    bool hf_notice_seen = false;
    std::string hf_base = "https://huggingface.co";
    // The papers table's columns and the row mode (dv::app_view_settings_json), a JSON object's text.
    std::string view;
};

constexpr size_t kMaxRecent = 12;

// The settings file path; "" if neither XDG_CONFIG_HOME nor HOME is set.
std::string settings_path();

// Fills `s` from `path`. Returns false with `message` set if the file exists but could not be
// used (partly valid files keep their valid fields); a missing file is a clean start (true, "").
bool load_settings(const std::string& path, Settings& s, std::string& message);
// Writes atomically (temporary file + rename), creating the folder.
bool save_settings(const std::string& path, const Settings& s, std::string& error);
std::string settings_to_json(const Settings& s);

// Moves `path` to the front of the recent list (no repeats, at most kMaxRecent).
void add_recent(Settings& s, const std::string& path);

}  // namespace dvn
