// The GPU scatter of the charts panel: instanced points (shaders/scatter.vert + scatter.frag,
// embedded at build time) drawn from an ImDrawList callback. Shared by WebGL2 and desktop GL 3.3.
#pragma once

namespace dv {

struct App;

// Compiles the shaders and fills app.host.scatter_upload / scatter_draw. Call with the GL context
// current, after gl_init. On failure (logged to stderr) the fields stay null and the panel draws
// its CPU fallback.
bool scatter_gl_install(App& app);
void scatter_gl_shutdown();

}  // namespace dv
