#include "native_args.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace dvn {

namespace {

void print_usage(std::FILE* f) {
    std::fputs(
        "Usage: digest-viewer [options] [FILE|DIR...]\n"
        "  Opens Daily Papers digests (.md, .markdown) and Hugging Face JSON (.json); folders are read recursively and watched for changes.\n"
        "  Without paths, reopens the library of the last run.\n"
        "Options:\n"
        "  --size WxH          window size in screen pixels\n"
        "  --scale S           UI scale (default: the monitor's content scale)\n"
        "  --theme dark|light  theme for this run\n"
        "  --query Q           start with this search\n"
        "  --select N          select the Nth paper of the result (0-based)\n"
        "  --location HASH     apply a view hash (q=...&day=...&p=...&charts=1), as the web URL\n"
        "  --no-settings       neither read nor write the settings and triage files\n"
        "  --frames N          render N frames without waiting, print frame times, exit\n"
        "  --quit-after S      run normally for S seconds, then exit\n"
        "  --screenshot F.png  write the last frame as PNG (with --frames or --quit-after)\n"
        "  --dump-state F.json write the viewer's state object at exit\n"
        "  --open-dialog       show the open dialog at start\n"
        "  --fetch-hf N        get the last N days from Hugging Face at start (0: the days since\n"
        "                      the last one loaded, or the last 7); kept in $XDG_CACHE_HOME/digest-viewer/hf\n"
        "  --hf-base URL       the API base (default https://huggingface.co; a settings entry too)\n"
        "  --hf-today DATE     take DATE (YYYY-MM-DD) as today for the fetch plan\n"
        "  --keys LETTERS      press these keys (a-z, one every other frame) after the start,\n"
        "                      as a test would: --select 0 --keys s stars the first paper\n"
        "  --help, --version\n"
        "Settings: $XDG_CONFIG_HOME/digest-viewer/settings.json (default ~/.config/...).\n"
        "Marks (stars, read, hidden, notes, saved searches): $XDG_DATA_HOME/digest-viewer/triage.json\n"
        "(default ~/.local/share/...); --no-settings keeps them in memory only.\n",
        f);
}

}  // namespace

bool parse_args(int argc, char** argv, Options& o) {
    auto need = [&](int& i) -> const char* {
        if (i + 1 >= argc) {
            std::fprintf(stderr, "digest-viewer: %s needs a value\n", argv[i]);
            return nullptr;
        }
        return argv[++i];
    };
    bool only_paths = false;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        const char* v = nullptr;
        if (only_paths || a.empty() || a[0] != '-' || a == "-") {
            o.paths.push_back(a);
        } else if (a == "--") {
            only_paths = true;
        } else if (a == "--help" || a == "-h") {
            print_usage(stdout);
            std::exit(0);
        } else if (a == "--version") {
            std::puts("digest-viewer 0.1.0");
            std::exit(0);
        } else if (a == "--frames") {
            if (!(v = need(i))) return false;
            o.frames = std::max(1, std::atoi(v));
        } else if (a == "--quit-after") {
            if (!(v = need(i))) return false;
            o.quit_after = std::atof(v);
        } else if (a == "--screenshot") {
            if (!(v = need(i))) return false;
            o.screenshot = v;
        } else if (a == "--dump-state") {
            if (!(v = need(i))) return false;
            o.dump_state = v;
        } else if (a == "--size") {
            if (!(v = need(i))) return false;
            if (std::sscanf(v, "%dx%d", &o.width, &o.height) != 2 || o.width < 200 || o.height < 150) {
                std::fprintf(stderr, "digest-viewer: --size wants WxH (at least 200x150), got '%s'\n", v);
                return false;
            }
        } else if (a == "--scale") {
            if (!(v = need(i))) return false;
            o.scale = (float)std::atof(v);
            if (!(o.scale >= 0.5f && o.scale <= 4.0f)) {
                std::fprintf(stderr, "digest-viewer: --scale wants 0.5..4, got '%s'\n", v);
                return false;
            }
        } else if (a == "--query") {
            if (!(v = need(i))) return false;
            o.query = v;
            o.has_query = true;
        } else if (a == "--select") {
            if (!(v = need(i))) return false;
            o.select = std::atoi(v);
        } else if (a == "--theme") {
            if (!(v = need(i))) return false;
            o.theme = v;
            if (o.theme != "dark" && o.theme != "light") {
                std::fprintf(stderr, "digest-viewer: --theme wants dark or light\n");
                return false;
            }
        } else if (a == "--location") {
            if (!(v = need(i))) return false;
            o.location = v;
            if (!o.location.empty() && o.location[0] == '#') o.location.erase(0, 1);
        } else if (a == "--no-settings") {
            o.no_settings = true;
        } else if (a == "--keys") {
            if (!(v = need(i))) return false;
            o.keys = v;
            for (char c : o.keys)
                if (c < 'a' || c > 'z') {
                    std::fprintf(stderr, "digest-viewer: --keys takes letters a-z, got '%s'\n", v);
                    return false;
                }
        } else if (a == "--open-dialog") {
            o.open_dialog = true;
        } else if (a == "--fetch-hf") {
            if (!(v = need(i))) return false;
            char* end = nullptr;
            long n = std::strtol(v, &end, 10);
            if (*v == 0 || *end || n < 0 || n > 3660) {
                std::fprintf(stderr, "digest-viewer: --fetch-hf wants a number of days (0 = since the last loaded)\n");
                return false;
            }
            o.fetch_hf = (int)n;
        } else if (a == "--hf-base") {
            if (!(v = need(i))) return false;
            o.hf_base = v;
        } else if (a == "--hf-today") {
            if (!(v = need(i))) return false;
            o.hf_today = v;
        } else {
            std::fprintf(stderr, "digest-viewer: unknown option %s (see --help)\n", a.c_str());
            return false;
        }
    }
    return true;
}

}  // namespace dvn
