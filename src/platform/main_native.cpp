// The native platform: desktop GLFW + OpenGL 3.3, the same UI as the web build. Everything that
// touches the desktop lives here or in native_files / native_settings: files and folders from the
// command line, drops and a typed-path open dialog; a stat-based watch of what was opened; links
// through xdg-open; exports through a typed-path save dialog; settings in $XDG_CONFIG_HOME.
//
//   digest-viewer [options] [FILE|DIR...]
//
// Test and measurement flags (see --help): --frames, --screenshot, --dump-state, --size, --scale,
// --query, --select, --theme, --no-settings, --quit-after, --open-dialog.
#include <GLFW/glfw3.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "gl_frame.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "native_files.h"
#include "native_settings.h"
#if __has_include("scatter_gl.h")
#include "scatter_gl.h"
#define DV_HAVE_SCATTER_GL 1
#endif
#include "ui/app.h"
#include "ui/widgets.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#if __has_include(<stb/stb_image_write.h>)
#include <stb/stb_image_write.h>
#define DV_HAVE_STB_WRITE 1
#else
#define DV_HAVE_STB_WRITE 0
#endif

#ifndef DV_SOURCE_FONT_DIR
#define DV_SOURCE_FONT_DIR ""
#endif

namespace {

// --- command line --------------------------------------------------------------------------------
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
};

void print_usage(std::FILE* f) {
    std::fputs(
        "Usage: digest-viewer [options] [FILE|DIR...]\n"
        "  Opens Daily Papers digests (.md); folders are read recursively and watched for changes.\n"
        "  Without paths, reopens the library of the last run.\n"
        "Options:\n"
        "  --size WxH          window size in screen pixels\n"
        "  --scale S           UI scale (default: the monitor's content scale)\n"
        "  --theme dark|light  theme for this run\n"
        "  --query Q           start with this search\n"
        "  --select N          select the Nth paper of the result (0-based)\n"
        "  --location HASH     apply a view hash (q=...&day=...&p=...&charts=1), as the web URL\n"
        "  --no-settings       neither read nor write the settings file\n"
        "  --frames N          render N frames without waiting, print frame times, exit\n"
        "  --quit-after S      run normally for S seconds, then exit\n"
        "  --screenshot F.png  write the last frame as PNG (with --frames or --quit-after)\n"
        "  --dump-state F.json write the viewer's state object at exit\n"
        "  --open-dialog       show the open dialog at start\n"
        "  --help, --version\n"
        "Settings: $XDG_CONFIG_HOME/digest-viewer/settings.json (default ~/.config/...).\n",
        f);
}

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
        } else if (a == "--open-dialog") {
            o.open_dialog = true;
        } else {
            std::fprintf(stderr, "digest-viewer: unknown option %s (see --help)\n", a.c_str());
            return false;
        }
    }
    return true;
}

// --- state ----------------------------------------------------------------------------------------
dv::App g_app;
GLFWwindow* g_window = nullptr;
Options g_opt;
dvn::Settings g_settings;
std::string g_settings_path;
bool g_use_settings = true;
dvn::FolderWatch g_watch;
std::vector<std::string> g_dropped;  // paths dropped on the window, loaded by the main loop
double g_awake_until = 0;            // keep drawing until then (hover delays, tooltips)
bool g_redraw = true;                // draw at least one frame (expose, resize, load)
size_t g_files_known = 0;            // library file count after our own changes

double now_s() { return glfwGetTime(); }
void wake(double seconds = 0.75) {
    g_awake_until = std::max(g_awake_until, now_s() + seconds);
    g_redraw = true;
}

// --- the dialogs (drawn after app_frame through gl_frame's extra hook) --------------------------
struct PathDialog {
    enum Kind { None, Open, Save } kind = None;
    bool opening = false;         // OpenPopup on the next frame
    std::string path;             // what is typed
    std::string error;
    bool focus_input = false;
    // Save: what to write.
    std::string save_name;
    std::string save_data;
    // Open: the listing of the typed folder, cached per folder.
    std::string listed_dir;
    std::vector<std::string> listing;
};
PathDialog g_dialog;

void open_paths(const std::vector<std::string>& paths, bool remember);
void save_settings_now();
volatile sig_atomic_t g_quit = 0;  // SIGINT/SIGTERM: leave the loop, save the settings

void request_open_dialog() {
    g_dialog = PathDialog();
    g_dialog.kind = PathDialog::Open;
    g_dialog.opening = true;
    g_dialog.focus_input = true;
    if (!g_settings.recent.empty()) {
        std::string r = g_settings.recent.front();
        g_dialog.path = dvn::path_is_dir(r) ? r + "/" : r;
    } else {
        g_dialog.path = dvn::home_dir() + "/";
    }
    wake();
}

// The folder part of what is typed and the name prefix to complete ("/a/b/c" -> "/a/b", "c").
void split_typed(const std::string& typed, std::string& dir, std::string& prefix) {
    std::string t = typed;
    if (t == "~") t = "~/";
    if (t.rfind("~/", 0) == 0) t = dvn::home_dir() + t.substr(1);
    size_t slash = t.rfind('/');
    if (slash == std::string::npos) {
        dir = ".";
        prefix = t;
    } else {
        dir = slash == 0 ? "/" : t.substr(0, slash);
        prefix = t.substr(slash + 1);
    }
}

void draw_open_dialog(dv::App& app) {
    const float em = ImGui::GetFontSize();
    const char* title = "Open digests";
    if (g_dialog.opening) {
        ImGui::OpenPopup(title);
        g_dialog.opening = false;
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(46 * em, vp->WorkSize.x - 2 * em), std::min(30 * em, vp->WorkSize.y - 2 * em)),
                             ImGuiCond_Appearing);
    bool keep = true;
    if (!ImGui::BeginPopupModal(title, &keep, ImGuiWindowFlags_NoSavedSettings)) {
        if (!keep || !ImGui::IsPopupOpen(title)) g_dialog.kind = PathDialog::None;
        return;
    }
    bool do_open = false;
    ImGui::TextWrapped("Type a file or folder path (~ works; Tab completes). Folders are read recursively for .md "
                       "digests and watched for new and changed files.");
    ImGui::SetNextItemWidth(-6 * em);
    if (g_dialog.focus_input) {
        ImGui::SetKeyboardFocusHere();
        g_dialog.focus_input = false;
    }
    struct Complete {
        static int cb(ImGuiInputTextCallbackData* d) {
            if (d->EventFlag != ImGuiInputTextFlags_CallbackCompletion) return 0;
            std::string dir, prefix;
            split_typed(std::string(d->Buf, (size_t)d->BufTextLen), dir, prefix);
            std::vector<std::string> hits;
            for (const std::string& e : dvn::list_dir_for_dialog(dir, 2000))
                if (e.rfind(prefix, 0) == 0) hits.push_back(e);
            if (hits.empty()) return 0;
            std::string common = hits[0];  // the longest common prefix of the matches
            for (const std::string& h : hits) {
                size_t n = 0;
                while (n < common.size() && n < h.size() && common[n] == h[n]) n++;
                common.resize(n);
            }
            if (common.size() > prefix.size()) d->InsertChars(d->CursorPos, common.c_str() + prefix.size());
            return 0;
        }
    };
    if (ImGui::InputText("##path", &g_dialog.path,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCompletion, Complete::cb))
        do_open = true;
    ImGui::SameLine();
    if (ImGui::Button("Open", ImVec2(-1, 0))) do_open = true;
    if (!g_dialog.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", g_dialog.error.c_str());

    // The typed folder's entries: click fills the path, double click opens (or descends).
    std::string dir, prefix;
    split_typed(g_dialog.path, dir, prefix);
    if (dir != g_dialog.listed_dir) {
        g_dialog.listed_dir = dir;
        g_dialog.listing = dvn::list_dir_for_dialog(dir, 500);
    }
    const float recent_h = std::min<float>((float)g_settings.recent.size(), 5.0f) * ImGui::GetTextLineHeightWithSpacing() +
                           (g_settings.recent.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() * 1.5f);
    const float list_h = std::max(4 * em, ImGui::GetContentRegionAvail().y - recent_h - ImGui::GetFrameHeightWithSpacing() * 1.5f);
    ImGui::TextDisabled("In %s", dir.c_str());
    ImGui::BeginChild("##listing", ImVec2(0, list_h), ImGuiChildFlags_Borders);
    std::string base = dir == "/" ? "/" : dir + "/";
    for (const std::string& e : g_dialog.listing) {
        if (!prefix.empty() && e.rfind(prefix, 0) != 0) continue;
        bool folder = !e.empty() && e.back() == '/';
        if (ImGui::Selectable(e.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            g_dialog.path = base + e;
            g_dialog.error.clear();
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !folder) do_open = true;
        }
        if (folder && ImGui::IsItemHovered()) ImGui::SetTooltip("Click to enter; Open reads it recursively");
    }
    if (g_dialog.listing.empty()) ImGui::TextDisabled("(no folders or digests here)");
    ImGui::EndChild();

    if (!g_settings.recent.empty()) {
        ImGui::SeparatorText("Recent");
        ImGui::BeginChild("##recent", ImVec2(0, recent_h - ImGui::GetFrameHeightWithSpacing() * 1.5f + 2));
        for (const std::string& r : g_settings.recent) {
            bool exists = dvn::path_exists(r);
            ImGui::PushID(r.c_str());
            if (!exists) ImGui::BeginDisabled();
            if (ImGui::Selectable(r.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
                g_dialog.path = r;
                g_dialog.error.clear();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) do_open = true;
            }
            if (!exists) ImGui::EndDisabled();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        ImGui::CloseCurrentPopup();
        g_dialog.kind = PathDialog::None;
    }
    if (do_open) {
        std::string p = dvn::normalize_path(g_dialog.path);
        if (!dvn::path_exists(p)) {
            g_dialog.error = "No such file or folder: " + p;
        } else {
            ImGui::CloseCurrentPopup();
            g_dialog.kind = PathDialog::None;
            open_paths({p}, true);
        }
    }
    ImGui::EndPopup();
    (void)app;
}

void draw_save_dialog(dv::App& app) {
    const float em = ImGui::GetFontSize();
    const char* title = "Export";
    if (g_dialog.opening) {
        ImGui::OpenPopup(title);
        g_dialog.opening = false;
    }
    ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(40 * em, vp->WorkSize.x - 2 * em), 0), ImGuiCond_Appearing);
    bool keep = true;
    if (!ImGui::BeginPopupModal(title, &keep, ImGuiWindowFlags_NoSavedSettings)) {
        if (!keep || !ImGui::IsPopupOpen(title)) g_dialog = PathDialog();
        return;
    }
    ImGui::Text("Save %s (%zu bytes) as:", g_dialog.save_name.c_str(), g_dialog.save_data.size());
    if (g_dialog.focus_input) {
        ImGui::SetKeyboardFocusHere();
        g_dialog.focus_input = false;
    }
    ImGui::SetNextItemWidth(-1);
    bool save = ImGui::InputText("##savepath", &g_dialog.path, ImGuiInputTextFlags_EnterReturnsTrue);
    std::string target = dvn::normalize_path(g_dialog.path);
    if (dvn::path_is_dir(target)) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "That is a folder: add a file name");
    else if (dvn::path_exists(target)) ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.3f, 1.0f), "The file exists and will be replaced");
    if (!g_dialog.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "%s", g_dialog.error.c_str());
    if (ImGui::Button("Save")) save = true;
    ImGui::SameLine();
    bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
    if (save && !dvn::path_is_dir(target)) {
        std::string err;
        if (dvn::write_file_bytes(target, g_dialog.save_data, err)) {
            dv::app_set_status(app, "Saved " + std::to_string(g_dialog.save_data.size()) + " bytes to " + target);
            size_t slash = target.rfind('/');
            if (slash != std::string::npos) g_settings.export_dir = target.substr(0, slash);
            cancel = true;
        } else {
            g_dialog.error = "Could not save: " + err;
        }
    }
    if (cancel) {
        ImGui::CloseCurrentPopup();
        g_dialog = PathDialog();
    }
    ImGui::EndPopup();
}

void draw_platform_ui(dv::App& app) {
    if (g_dialog.kind == PathDialog::Open) draw_open_dialog(app);
    else if (g_dialog.kind == PathDialog::Save) draw_save_dialog(app);
}

// --- host callbacks -------------------------------------------------------------------------------
// Starts argv without a shell and without waiting for it (double fork: no zombies).
bool spawn_detached(const std::vector<std::string>& args) {
    pid_t pid = fork();
    if (pid < 0) return false;
    if (pid == 0) {
        if (fork() == 0) {
            std::vector<char*> av;
            for (const std::string& a : args) av.push_back(const_cast<char*>(a.c_str()));
            av.push_back(nullptr);
            setsid();
            execvp(av[0], av.data());
            _exit(127);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return true;
}

bool is_web_url(const char* url) {
    return url && (std::strncmp(url, "https://", 8) == 0 || std::strncmp(url, "http://", 7) == 0) &&
           std::strpbrk(url, " \n\r\t") == nullptr;
}

void host_open_url(const char* url) {
    if (!is_web_url(url)) {
        dv::app_set_status(g_app, "Not opening a link that is not http(s)");
        return;
    }
    if (!spawn_detached({"xdg-open", url})) dv::app_set_status(g_app, std::string("Could not start xdg-open for ") + url);
}

void host_save_file(const char* name, const char* mime, const std::string& data) {
    (void)mime;
    g_dialog = PathDialog();
    g_dialog.kind = PathDialog::Save;
    g_dialog.opening = true;
    g_dialog.focus_input = true;
    g_dialog.save_name = name ? name : "export";
    g_dialog.save_data = data;
    std::string dir = g_settings.export_dir.empty() || !dvn::path_is_dir(g_settings.export_dir) ? dvn::download_dir()
                                                                                                  : g_settings.export_dir;
    g_dialog.path = dir + "/" + g_dialog.save_name;
    wake();
}

void host_set_location(const std::string& hash, bool push) {
    (void)push;
    g_settings.location = hash;  // restored at the next start
}

// --- the desktop's dark/light preference --------------------------------------------------------
// Runs argv (no shell), returns its stdout; gives up after timeout_ms.
bool run_capture(const std::vector<std::string>& args, std::string& out, int timeout_ms) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        dup2(fds[1], 1);
        int devnull = ::open("/dev/null", O_WRONLY);
        if (devnull >= 0) dup2(devnull, 2);
        close(fds[0]);
        close(fds[1]);
        std::vector<char*> av;
        for (const std::string& a : args) av.push_back(const_cast<char*>(a.c_str()));
        av.push_back(nullptr);
        execvp(av[0], av.data());
        _exit(127);
    }
    close(fds[1]);
    out.clear();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    char buf[256];
    for (;;) {
        int left = (int)std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) break;
        pollfd p{fds[0], POLLIN, 0};
        if (::poll(&p, 1, left) <= 0) break;
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, (size_t)n);
    }
    close(fds[0]);
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return false;
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// 1 dark, 0 light, -1 unknown.
int desktop_prefers_dark() {
    std::string out;
    if (run_capture({"gsettings", "get", "org.gnome.desktop.interface", "color-scheme"}, out, 300)) {
        if (out.find("prefer-dark") != std::string::npos) return 1;
        if (out.find("default") != std::string::npos || out.find("prefer-light") != std::string::npos) return 0;
    }
    if (const char* gtk = std::getenv("GTK_THEME"); gtk && *gtk) {
        std::string t = gtk;
        for (char& c : t) c = (char)std::tolower((unsigned char)c);
        return t.find("dark") != std::string::npos ? 1 : 0;
    }
    return -1;
}

void follow_desktop_theme() {
    if (!g_app.theme_follows_system) return;
    int d = desktop_prefers_dark();
    if (d < 0) return;
    if ((d == 1) != g_app.dark) {
        g_app.dark = d == 1;
        dv::app_apply_theme(g_app);
        wake();
    }
}

// --- loading --------------------------------------------------------------------------------------

// Opens files and folders (folders recursively), adds them to the watch and, if `remember`, to
// the library kept in the settings and the recent list.
void open_paths(const std::vector<std::string>& paths, bool remember) {
    std::vector<std::string> errors;
    size_t files = 0, unreadable = 0;
    std::string last;
    for (const std::string& raw : paths) {
        std::string root = dvn::normalize_path(raw);
        std::vector<dvn::FoundFile> found;
        std::string err;
        if (!dvn::collect_digest_files(root, found, err)) {
            errors.push_back(err);
            continue;
        }
        if (found.empty()) errors.push_back("no .md digests in " + root);
        std::string bytes;
        for (const dvn::FoundFile& f : found) {
            if (!dvn::read_file_bytes(f.path, bytes, err)) {
                unreadable++;
                errors.push_back(err);
                continue;
            }
            dv::app_add_file(g_app, f.path, bytes);
            g_watch.note(f);
            files++;
        }
        g_watch.add_root(root);
        last = root;
        if (remember) {
            if (std::find(g_settings.library.begin(), g_settings.library.end(), root) == g_settings.library.end())
                g_settings.library.push_back(root);
            dvn::add_recent(g_settings, root);
        }
    }
    dv::app_finish_load(g_app);
    g_files_known = g_app.lib.files.size();
    std::string msg;
    if (files > 0) {
        msg = "Opened " + (paths.size() == 1 ? last : std::to_string(paths.size()) + " paths") + ": " +
              dv::format_count(files) + " files; library " + dv::format_count(g_app.lib.entries.size()) + " papers";
    }
    if (!errors.empty()) {
        if (!msg.empty()) msg += ". ";
        msg += errors.size() == 1 ? errors.front() : errors.front() + " (and " + std::to_string(errors.size() - 1) + " more)";
        for (const std::string& e : errors) std::fprintf(stderr, "digest-viewer: %s\n", e.c_str());
    }
    if (!msg.empty()) dv::app_set_status(g_app, msg);
    (void)unreadable;
    if (remember && files > 0) save_settings_now();  // the library survives a crash
    wake(1.0);
}

// Applies what the watch found: changed files are re-added by name, removed ones removed.
void apply_watch_changes(const dvn::FolderWatch::Changes& ch) {
    size_t changed = 0, removed = 0;
    std::string bytes, err, last;
    for (const dvn::FoundFile& f : ch.changed) {
        if (!dvn::read_file_bytes(f.path, bytes, err)) {
            g_watch.forget(f.path);  // try again at the next poll
            continue;
        }
        dv::app_add_file(g_app, f.path, bytes);
        changed++;
        last = f.path;
    }
    if (!ch.removed.empty()) dv::app_begin_change(g_app);
    for (const std::string& p : ch.removed)
        if (dv::library_remove(g_app.lib, p)) removed++;
    if (changed + removed == 0) return;
    dv::app_finish_load(g_app);
    g_files_known = g_app.lib.files.size();
    std::string msg = "Updated from disk: ";
    if (changed == 1) msg += last;
    else if (changed > 1) msg += std::to_string(changed) + " files";
    if (removed) msg += (changed ? ", " : "") + std::to_string(removed) + " removed";
    msg += "; library " + dv::format_count(g_app.lib.entries.size()) + " papers";
    dv::app_set_status(g_app, msg);
    wake(1.0);
}

// The UI removed files ("x" or "Clear all"): stop watching what is gone so it does not come back.
void sync_library_removals() {
    size_t n = g_app.lib.files.size();
    if (n >= g_files_known) {
        g_files_known = n;
        return;
    }
    g_files_known = n;
    if (n == 0) {
        g_watch.clear();
        g_settings.library.clear();
        return;
    }
    // A file opened on its own and removed: drop it from the remembered library.
    std::vector<std::string> keep;
    for (const std::string& root : g_settings.library) {
        bool gone = !dvn::path_is_dir(root) &&
                    std::none_of(g_app.lib.files.begin(), g_app.lib.files.end(),
                                 [&](const dv::LoadedFile& f) { return f.name == root; });
        if (!gone) keep.push_back(root);
    }
    g_settings.library = keep;
}

// --- window callbacks (installed before ImGui's, which chain to them) ---------------------------
void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_button(GLFWwindow*, int, int, int) { wake(); }
void on_key(GLFWwindow*, int, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned int) { wake(); }
void on_scroll(GLFWwindow*, double, double) { wake(); }
void on_focus(GLFWwindow*, int focused) {
    wake();
    if (focused) follow_desktop_theme();
}
void on_refresh(GLFWwindow*) { g_redraw = true; }
void on_size(GLFWwindow* w, int width, int height) {
    if (!glfwGetWindowAttrib(w, GLFW_MAXIMIZED) && width > 0 && height > 0) {
        g_settings.win_w = width;
        g_settings.win_h = height;
    }
    wake();
}
void on_pos(GLFWwindow* w, int x, int y) {
    if (!glfwGetWindowAttrib(w, GLFW_MAXIMIZED)) {
        g_settings.win_x = x;
        g_settings.win_y = y;
        g_settings.has_pos = true;
    }
}
void on_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; i++)
        if (paths[i]) g_dropped.push_back(paths[i]);
    wake();
}

// The UI scale: the monitor's content scale over what the framebuffer already scales (X11: the
// framebuffer is in screen pixels, so all of it; Wayland/macOS: the framebuffer is 2x already).
void update_scale() {
    float scale = g_opt.scale;
    if (scale <= 0) {
        float xs = 1, ys = 1;
        glfwGetWindowContentScale(g_window, &xs, &ys);
        int ww = 0, wh = 0, fw = 0, fh = 0;
        glfwGetWindowSize(g_window, &ww, &wh);
        glfwGetFramebufferSize(g_window, &fw, &fh);
        float fb = ww > 0 && fw > 0 ? (float)fw / (float)ww : 1.0f;
        scale = std::clamp(xs / std::max(fb, 0.25f), 0.5f, 4.0f);
    }
    if (scale != g_app.ui_scale) {
        dv::gl_set_scale(g_app, scale);
        wake();
    }
}
void on_content_scale(GLFWwindow*, float, float) { update_scale(); }

// --- fonts, screenshot, state ----------------------------------------------------------------------
std::string find_font_dir() {
    std::vector<std::string> candidates;
    std::string exe = dvn::executable_dir();
    if (!exe.empty()) {
        candidates.push_back(exe + "/fonts");
        candidates.push_back(exe + "/../share/digest-viewer/fonts");
    }
    candidates.push_back(DV_SOURCE_FONT_DIR);
    for (const std::string& c : candidates)
        if (!c.empty() && dvn::path_exists(c + "/NanumSquareR.ttf")) return dvn::normalize_path(c);
    return exe.empty() ? std::string("fonts") : exe + "/fonts";  // app_init reports the miss
}

bool write_screenshot(const std::string& path) {
#if DV_HAVE_STB_WRITE
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    if (w <= 0 || h <= 0) return false;
    std::vector<unsigned char> px((size_t)w * (size_t)h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path.c_str(), w, h, 3, px.data(), w * 3) != 0;
#else
    (void)path;
    std::fprintf(stderr, "digest-viewer: built without stb_image_write.h: no screenshots\n");
    return false;
#endif
}

bool write_text(const std::string& path, const std::string& text) {
    std::string err;
    if (dvn::write_file_bytes(path, text, err)) return true;
    std::fprintf(stderr, "digest-viewer: %s\n", err.c_str());
    return false;
}

void save_settings_now() {
    if (!g_use_settings) return;
    if (!glfwGetWindowAttrib(g_window, GLFW_MAXIMIZED) && !glfwGetWindowAttrib(g_window, GLFW_ICONIFIED)) {
        glfwGetWindowSize(g_window, &g_settings.win_w, &g_settings.win_h);
        glfwGetWindowPos(g_window, &g_settings.win_x, &g_settings.win_y);
        g_settings.has_pos = true;
    }
    g_settings.font_size = g_app.font_size;
    g_settings.theme = g_app.theme_follows_system ? "follow" : g_app.dark ? "dark" : "light";
    g_settings.maximized = glfwGetWindowAttrib(g_window, GLFW_MAXIMIZED) != 0;
    std::string err;
    if (!dvn::save_settings(g_settings_path, g_settings, err))
        std::fprintf(stderr, "digest-viewer: could not save the settings: %s\n", err.c_str());
}

void print_frame_times(const char* what, std::vector<double> ms) {
    if (ms.empty()) return;
    double first = ms.front();
    std::vector<double> rest(ms.begin() + std::min<size_t>(ms.size() - 1, 3), ms.end());  // after warm-up
    std::sort(rest.begin(), rest.end());
    double sum = 0;
    for (double v : rest) sum += v;
    std::fprintf(stderr,
                 "digest-viewer: %s: %zu frames, %zu papers, %zu visible: first %.1f ms; then avg %.2f ms, "
                 "median %.2f ms, p95 %.2f ms, max %.2f ms\n",
                 what, ms.size(), g_app.lib.entries.size(), g_app.result.size(), first, sum / (double)rest.size(),
                 rest[rest.size() / 2], rest[std::min(rest.size() - 1, (size_t)((double)rest.size() * 0.95))],
                 rest.back());
}

}  // namespace

int main(int argc, char** argv) {
    if (!parse_args(argc, argv, g_opt)) return 2;
    g_use_settings = !g_opt.no_settings;

    std::string settings_msg;
    if (g_use_settings) {
        g_settings_path = dvn::settings_path();
        dvn::load_settings(g_settings_path, g_settings, settings_msg);
        if (!settings_msg.empty()) std::fprintf(stderr, "digest-viewer: %s\n", settings_msg.c_str());
        if (g_settings_path.empty()) g_use_settings = false;
    }

    glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "digest-viewer: GLFW error %d: %s\n", code, msg); });
    if (!glfwInit()) {
        std::fprintf(stderr, "digest-viewer: cannot start GLFW (no display?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once sized and placed
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "digest-viewer");  // StartupWMClass in the .desktop file
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "digest-viewer");
    int w = 1280, h = 800;
    if (g_opt.width > 0) {
        w = g_opt.width;
        h = g_opt.height;
    } else if (g_settings.win_w >= 200 && g_settings.win_h >= 150) {
        w = g_settings.win_w;
        h = g_settings.win_h;
    } else if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
        float xs = 1, ys = 1;
        glfwGetMonitorContentScale(m, &xs, &ys);
        if (const GLFWvidmode* mode = glfwGetVideoMode(m)) {
            w = std::min((int)std::lround(1280 * xs), mode->width * 9 / 10);
            h = std::min((int)std::lround(800 * ys), mode->height * 9 / 10);
        }
    }
    if (g_settings.maximized && g_opt.width <= 0) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    g_window = glfwCreateWindow(w, h, "Digest Viewer", nullptr, nullptr);
    if (!g_window) {
        std::fprintf(stderr, "digest-viewer: cannot create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    if (g_settings.has_pos && g_opt.width <= 0) {
        // Only where some monitor still is (a laptop undocked since).
        int count = 0;
        GLFWmonitor** mons = glfwGetMonitors(&count);
        for (int i = 0; i < count; i++) {
            int mx, my, mw, mh;
            glfwGetMonitorWorkarea(mons[i], &mx, &my, &mw, &mh);
            if (g_settings.win_x >= mx - 50 && g_settings.win_y >= my - 50 && g_settings.win_x < mx + mw - 100 &&
                g_settings.win_y < my + mh - 100) {
                glfwSetWindowPos(g_window, g_settings.win_x, g_settings.win_y);
                break;
            }
        }
    }
    glfwMakeContextCurrent(g_window);
    glfwSwapInterval(g_opt.frames > 0 ? 0 : 1);

    glfwSetCursorPosCallback(g_window, on_cursor);
    glfwSetMouseButtonCallback(g_window, on_button);
    glfwSetKeyCallback(g_window, on_key);
    glfwSetCharCallback(g_window, on_char);
    glfwSetScrollCallback(g_window, on_scroll);
    glfwSetWindowFocusCallback(g_window, on_focus);
    glfwSetWindowRefreshCallback(g_window, on_refresh);
    glfwSetWindowSizeCallback(g_window, on_size);
    glfwSetWindowPosCallback(g_window, on_pos);
    glfwSetDropCallback(g_window, on_drop);
    glfwSetWindowContentScaleCallback(g_window, on_content_scale);

    g_app.host.open_url = host_open_url;
    g_app.host.save_file = host_save_file;
    g_app.host.set_location = host_set_location;
    g_app.host.request_open_files = request_open_dialog;
    g_app.host.request_open_folder = request_open_dialog;
    g_app.host.platform_name = "native";
    g_app.font_size = g_settings.font_size;
    if (!g_opt.theme.empty()) {
        g_app.theme_follows_system = false;
        g_app.dark = g_opt.theme == "dark";
    } else if (g_settings.theme != "follow") {
        g_app.theme_follows_system = false;
        g_app.dark = g_settings.theme == "dark";
    } else {
        g_app.theme_follows_system = true;
        int d = desktop_prefers_dark();
        if (d >= 0) g_app.dark = d == 1;
    }

    std::string font_dir = find_font_dir();
    if (!dv::gl_init(g_window, g_app, "#version 330", font_dir.c_str())) {
        std::fprintf(stderr, "digest-viewer: could not start the UI (fonts in %s?)\n", font_dir.c_str());
        // The UI still runs with ImGui's default font: keep going.
    }
#ifdef DV_HAVE_SCATTER_GL
    dv::scatter_gl_install(g_app);  // GPU scatter of the charts panel (CPU fallback if it fails)
#endif
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_OpenInShellFn = [](ImGuiContext*, const char* url) {  // not ImGui's system("xdg-open ...")
        host_open_url(url);
        return true;
    };
    update_scale();

    // The library: the paths given, else the one remembered. Big libraries take seconds to parse:
    // show the window with a loading message first.
    if (!g_opt.paths.empty() || !g_settings.library.empty()) {
        glfwShowWindow(g_window);
        dv::app_set_status(g_app, "Loading " + (g_opt.paths.empty() ? g_settings.library : g_opt.paths).front() + " ...");
        dv::gl_frame(g_window, g_app);
        glfwSwapBuffers(g_window);
        glfwPollEvents();
    }
    if (!g_opt.paths.empty()) {
        if (g_use_settings) g_settings.library.clear();  // this run's library is what was asked for
        open_paths(g_opt.paths, true);
    } else if (!g_settings.library.empty()) {
        std::vector<std::string> lib = g_settings.library;
        std::vector<std::string> present;
        for (const std::string& p : lib)
            if (dvn::path_exists(p)) present.push_back(p);
        if (!present.empty()) open_paths(present, false);
        if (present.size() < lib.size())
            dv::app_set_status(g_app, std::to_string(lib.size() - present.size()) +
                                          " remembered path(s) are gone; they stay in the list until the library is cleared");
        if (!g_settings.location.empty()) dv::app_apply_location(g_app, g_settings.location);
    }
    if (!settings_msg.empty()) dv::app_set_status(g_app, settings_msg);
    if (!g_opt.location.empty()) dv::app_apply_location(g_app, g_opt.location);
    if (g_opt.has_query) {
        g_app.query_text = g_opt.query;
        g_app.query_dirty = true;
        dv::app_update_result(g_app);
    }
    if (g_opt.select >= 0) {
        dv::app_update_result(g_app);
        if ((size_t)g_opt.select < g_app.result.size()) dv::app_select(g_app, g_app.result[(size_t)g_opt.select]);
    }
    if (g_opt.open_dialog) request_open_dialog();
    g_files_known = g_app.lib.files.size();

    glfwShowWindow(g_window);
    wake(2.0);

    const double start = now_s();
    double next_poll = start + 1.0;
    double last_frame = 0;
    int frames = 0;
    std::vector<double> frame_ms, cpu_ms;  // whole frame (to glFinish after swap); UI + draw submission
    auto process_cpu_ms = [] {  // all threads (llvmpipe rasterizes on its own): fair on a busy machine
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    };
    double cpu_at_frame3 = 0, wall_at_frame3 = 0;
    const bool bench = g_opt.frames > 0;
    if (bench) frame_ms.reserve((size_t)g_opt.frames);

    struct sigaction sa {};
    sa.sa_handler = [](int) { g_quit = 1; };
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);

    while (!glfwWindowShouldClose(g_window) && !g_quit) {
        ImGuiIO& io = ImGui::GetIO();
        if (bench) {
            glfwPollEvents();
        } else {
            double now = now_s();
            double deadline = next_poll;
            if (g_opt.quit_after >= 0) deadline = std::min(deadline, start + g_opt.quit_after);
            if (now < g_awake_until || g_redraw) {
                // Drawing: at most ~60 frames a second (Xvfb and some drivers ignore vsync).
                double wait = last_frame + 1.0 / 60.0 - now;
                if (wait > 0) glfwWaitEventsTimeout(wait);
                else glfwPollEvents();
            } else {
                // Idle: sleep until input, the next folder poll or the text cursor's next blink.
                if (io.WantTextInput && glfwGetWindowAttrib(g_window, GLFW_FOCUSED))
                    deadline = std::min(deadline, last_frame + 0.5);
                double wait = deadline - now;
                if (wait > 0) glfwWaitEventsTimeout(wait);
                else glfwPollEvents();
            }
        }
        double now = now_s();
        if (g_opt.quit_after >= 0 && now - start >= g_opt.quit_after) break;

        if (!g_dropped.empty()) {
            std::vector<std::string> dropped;
            dropped.swap(g_dropped);
            open_paths(dropped, true);
        }
        if (!bench && now >= next_poll) {
            dvn::FolderWatch::Changes ch = g_watch.poll();
            if (!ch.empty()) apply_watch_changes(ch);
            // One stat per file: a big tree polls less often (the walk stays under ~1% of a core).
            next_poll = now_s() + std::clamp(g_watch.last_poll_ms() * 0.1, 1.0, 10.0);
        }

        bool blink = io.WantTextInput && now - last_frame >= 0.5 && glfwGetWindowAttrib(g_window, GLFW_FOCUSED);
        if (!bench && !g_redraw && now >= g_awake_until && !blink) continue;
        g_redraw = false;

        if (glfwGetWindowAttrib(g_window, GLFW_ICONIFIED)) continue;
        auto t0 = std::chrono::steady_clock::now();
        size_t lib_before = g_app.lib.files.size();
        dv::gl_frame(g_window, g_app, draw_platform_ui);
        auto t1 = std::chrono::steady_clock::now();
        if (g_app.lib.files.size() != lib_before) sync_library_removals();
        else g_files_known = std::max(g_files_known, g_app.lib.files.size());
        last_frame = now_s();
        frames++;
        bool last = bench && frames >= g_opt.frames;
        if (last && !g_opt.screenshot.empty()) {
            if (!write_screenshot(g_opt.screenshot)) std::fprintf(stderr, "digest-viewer: could not write %s\n", g_opt.screenshot.c_str());
        }
        glfwSwapBuffers(g_window);
        if (bench) {
            glFinish();
            frame_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            cpu_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            if (frames == 3) {
                cpu_at_frame3 = process_cpu_ms();
                wall_at_frame3 = now_s();
            }
        }
        if (last) break;
    }

    if (bench) {
        std::fprintf(stderr, "digest-viewer: GL renderer %s, UI scale %.2f, fonts from %s\n",
                     (const char*)glGetString(GL_RENDERER), g_app.ui_scale, font_dir.c_str());
        print_frame_times("frame (UI + GL raster + swap)", frame_ms);
        print_frame_times("UI only (NewFrame..RenderDrawData)", cpu_ms);
        if (frames > 3)
            std::fprintf(stderr, "digest-viewer: process CPU time per frame after warm-up: %.2f ms (wall %.2f ms)\n",
                         (process_cpu_ms() - cpu_at_frame3) / (frames - 3), (now_s() - wall_at_frame3) * 1e3 / (frames - 3));
    }
    if (!bench && !g_opt.screenshot.empty()) {
        dv::gl_frame(g_window, g_app, draw_platform_ui);
        if (!write_screenshot(g_opt.screenshot)) std::fprintf(stderr, "digest-viewer: could not write %s\n", g_opt.screenshot.c_str());
    }
    if (!g_opt.dump_state.empty()) write_text(g_opt.dump_state, dv::app_state_json(g_app) + "\n");
    g_settings.location = dv::app_current_location(g_app);
    save_settings_now();

#ifdef DV_HAVE_SCATTER_GL
    dv::scatter_gl_shutdown();
#endif
    dv::gl_shutdown();
    glfwDestroyWindow(g_window);
    glfwTerminate();
    return 0;
}
