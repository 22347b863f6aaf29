// The native viewer's command line:  digest-viewer [options] [FILE|DIR...]  (see --help).
#pragma once

#include <string>
#include <vector>

namespace dvn {

struct Options {
    std::vector<std::string> paths;
    int frames = -1;            // render this many frames back to back, then exit
    double quit_after = -1;     // run the normal (idle-waiting) loop for this many seconds, then exit
    std::string screenshot;     // PNG of the last frame
    std::string dump_state;     // app_state_json at exit
    int width = 0, height = 0;  // window size override
    float scale = 0;            // UI scale override (else the monitor's content scale)
    bool has_query = false;
    std::string query;
    int select = -1;            // select the Nth visible paper
    std::string theme;          // dark | light
    std::string location;       // a view hash to apply after loading (as the web URL's #...)
    bool no_settings = false;
    bool open_dialog = false;   // show the open dialog at start (screenshots of it)
    // Get from Hugging Face (issue 11): fetch at start (-1 = no; 0 = the default plan; N = last N days).
    int fetch_hf = -1;
    std::string hf_base;        // API base for this run ("" = the settings')
    std::string hf_today;       // a fixed "today" (YYYY-MM-DD) for reproducible tests
    std::string keys;           // --keys: letters pressed one by one after the start (tests)
};

// Fills `o` from argv. --help and --version print and exit; false (after a message on stderr) on a
// bad option or value.
bool parse_args(int argc, char** argv, Options& o);

}  // namespace dvn
