#include "gl_frame.h"

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // SettingsDirtyTimer: a settings save ImGui has scheduled
#include "platform_common.h"
#include "ui/app.h"

namespace dv {

bool gl_init(GLFWwindow* window, App& app, const char* glsl_version, const char* font_dir) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;  // our own j/k/arrows navigation
    io.ConfigInputTrickleEventQueue = true;                 // keep fast key presses apart
    if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) return false;
    if (!ImGui_ImplOpenGL3_Init(glsl_version)) return false;
    return app_init(app, font_dir);
}

void gl_set_scale(App& app, float scale) {
    if (scale <= 0.0f) scale = 1.0f;
    if (scale == app.ui_scale && ImGui::GetStyle().FontScaleDpi == scale) return;
    app.ui_scale = scale;
    app_apply_theme(app);
}

void gl_frame(GLFWwindow* window, App& app) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app_frame(app);
    // ImGui counts down to a settings save (a column moved) only in frames: keep drawing until it
    // is handed over, however long the platform would otherwise sleep after the last input.
    if (ImGui::GetCurrentContext()->SettingsDirtyTimer > 0.0f) wake(0.1);
    if (app_has_pending_work(app)) wake(0.1);
    ImGui::Render();
    int w, h;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void gl_shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

}  // namespace dv
