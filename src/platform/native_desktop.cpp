#include "native_desktop.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>

#include "core/inline_markdown.h"

namespace dvn {

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

std::string open_web_link(const char* url) {
    if (!url || !dv::is_web_url(url)) return "Not opening a link that is not http(s)";
    if (!spawn_detached({"xdg-open", url})) return std::string("Could not start xdg-open for ") + url;
    return "";
}

}  // namespace dvn
