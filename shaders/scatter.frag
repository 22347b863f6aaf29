// A round, softly edged point; overlapping points accumulate through alpha blending.
in vec2 v_corner;

uniform vec4 u_color;     // straight (non-premultiplied) RGBA

out vec4 o_color;

void main() {
    float r2 = dot(v_corner, v_corner);
    if (r2 > 1.0) discard;
    float edge = 1.0 - smoothstep(0.55, 1.0, r2);
    o_color = vec4(u_color.rgb, u_color.a * edge);
}
