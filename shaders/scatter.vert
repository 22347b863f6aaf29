// Instanced scatter points: one quad (4 vertices, a triangle strip) per instance.
// No #version line: the loader prepends "#version 300 es" + precision (WebGL2) or
// "#version 330 core" (desktop GL 3.3).
layout(location = 0) in vec2 a_point;   // per instance: x = day number, y = log10(votes + 1)

uniform vec4 u_data;      // the data rect shown in the viewport: x0, y0, x1, y1
uniform vec2 u_radius;    // point radius in normalized device units (x, y)

out vec2 v_corner;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1)) * 2.0 - 1.0;
    vec2 ndc = (a_point - u_data.xy) / (u_data.zw - u_data.xy) * 2.0 - 1.0;
    v_corner = corner;
    gl_Position = vec4(ndc + corner * u_radius, 0.0, 1.0);
}
