// What the user opened on the desktop: loading files and folders into the viewer, watching them
// for changes on disk, and remembering them in the settings. The platform's side of loading; the
// rules for what a file gives are the core library's, the status line wording is the app's.
#pragma once

#include <string>
#include <vector>

#include "native_files.h"
#include "native_settings.h"

namespace dv {
struct App;
}

namespace dvn {

struct NativeLibrary {
    FolderWatch watch;
    double next_poll = 0;      // when to poll the watch next (glfwGetTime seconds)
    bool own_change = false;   // inside our own load: host.library_changed is not the user's doing
};

// Opens files and folders (folders recursively), watches them and, if `remember`, adds them to
// the remembered library and the recent list. Returns the number of files read.
size_t library_open(NativeLibrary& nl, dv::App& app, Settings& settings, const std::vector<std::string>& paths, bool remember);

// Polls the watch if it is due at `now` and applies what changed (re-reads changed files, removes
// deleted ones). True if the library changed.
bool library_poll(NativeLibrary& nl, dv::App& app, double now);

// host.library_changed: the user removed files ("x" or "Clear all"). Stops remembering and
// watching what is gone, so it does not come back at the next poll or start.
void library_forget(NativeLibrary& nl, Settings& settings, const dv::App& app, const std::vector<std::string>& removed);

}  // namespace dvn
