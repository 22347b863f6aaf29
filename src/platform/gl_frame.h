// The part of a frame both platforms share: Dear ImGui's GLFW + OpenGL 3 backends around app_frame.
#pragma once

struct GLFWwindow;

namespace dv {

struct App;

// Creates the ImGui context, applies the app's fonts/theme and starts the backends.
// glsl_version: "#version 300 es" (WebGL2) or "#version 330" (desktop GL 3.3).
bool gl_init(GLFWwindow* window, App& app, const char* glsl_version, const char* font_dir);
// Runs one frame: new frame, app_frame, render into the window's framebuffer.
void gl_frame(GLFWwindow* window, App& app);
void gl_shutdown();

// Sets the UI scale (device pixel ratio / monitor content scale): fonts are rasterized at it and
// paddings grow with it, so high-DPI screens get crisp, same-sized text.
void gl_set_scale(App& app, float scale);

}  // namespace dv
