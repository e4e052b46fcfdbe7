#version 450
// The bare floor for benchmarks: instanced tiny triangles, one colour, no depth, no lighting.
layout(location = 0) in vec2 inPosition;
layout(location = 1) in vec2 inOffset;
void main() { gl_Position = vec4(inPosition + inOffset, 0.0, 1.0); }
