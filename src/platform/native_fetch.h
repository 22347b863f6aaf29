// The desktop's side of "Get from Hugging Face": the Host slots (src/fetch's libcurl fetcher on its
// worker thread, the day cache in $XDG_CACHE_HOME/digest-viewer/hf) and the per-frame hand-over of
// finished days to the UI. Nothing here decides what to fetch or how to retry (core/hf_fetch.h).
#pragma once

#include <string>

namespace dv {
struct App;
}

namespace dvn {

// Fills app.host.hf_* (only if this build has libcurl; the action is hidden otherwise).
// settings_changed is called when the UI changes enabled/notice_seen.
void fetch_install(dv::App& app, void (*settings_changed)());
// Takes the days finished since the last call and gives them to the app (ok days are written to
// the cache first). Call once per loop iteration; true if anything arrived.
bool fetch_poll(dv::App& app);
// Cancels a running fetch and joins its thread (at exit).
void fetch_shutdown();

}  // namespace dvn
