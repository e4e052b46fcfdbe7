#version 450
layout(location = 0) out vec4 outColor;
void main() { outColor = vec4(0.8, 0.3, 0.2, 1.0); }
