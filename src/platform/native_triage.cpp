#include "native_triage.h"

#include <cstdio>
#include <cstdlib>

#include "native_files.h"
#include "ui/app.h"

namespace dvn {

std::string triage_path() {
    const char* data = std::getenv("XDG_DATA_HOME");
    std::string base;
    if (data && *data == '/') base = data;  // relative values are to be ignored (XDG spec)
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::string(home) + "/.local/share";
    else return {};
    return base + "/digest-viewer/triage.json";
}

std::string load_triage(const std::string& path, dv::App& app) {
    std::string text, err, msg;
    if (path_exists(path) && !read_file_bytes(path, text, err)) {
        // Unreadable (permissions): do not overwrite what we could not read.
        app.host.triage_changed = nullptr;
        dv::app_triage_load(app, "", err);
        dv::app_triage_storage_failed(app, "could not read " + path);
        return app.status;
    }
    // No write while loading: a bad file must be moved aside before anything replaces it.
    auto slot = app.host.triage_changed;
    app.host.triage_changed = nullptr;
    const bool ok = dv::app_triage_load(app, text, err);
    app.host.triage_changed = slot;
    if (!ok) {
        const std::string bad = path + ".bad";
        std::remove(bad.c_str());
        if (std::rename(path.c_str(), bad.c_str()) != 0) {
            app.host.triage_changed = nullptr;  // keep the only copy untouched
            dv::app_triage_storage_failed(app, "could not move the unusable " + path + " aside");
            return app.status;
        }
        msg = "Your marks file was not usable (" + err + "): kept as " + bad + ", starting with no marks";
        std::fprintf(stderr, "digest-viewer: %s\n", msg.c_str());
    }
    if (app.host.triage_changed) app.host.triage_changed(dv::triage_to_json(app.triage));  // records this visit
    return msg;
}

}  // namespace dvn
