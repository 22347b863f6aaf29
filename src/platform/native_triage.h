// The reader's marks on the desktop: one triage file (core/triage.h) in
// $XDG_DATA_HOME/digest-viewer/triage.json (default ~/.local/share/digest-viewer/triage.json),
// read once at start and rewritten atomically on every change. A file that cannot be used
// (corrupt, foreign, from a newer version) is kept aside as triage.json.bad, never overwritten.
#pragma once

#include <string>

namespace dv {
struct App;
}

namespace dvn {

// The triage file path; "" if neither XDG_DATA_HOME nor HOME is set.
std::string triage_path();

// Starts the app's visit from `path` (a missing file is a first visit). Returns a message for
// the status bar ("" if all went well), e.g. that a bad file was moved aside.
std::string load_triage(const std::string& path, dv::App& app);

}  // namespace dvn
