#version 450
// Depth from the light: the mesh's position through its instance's model matrix and the light's
// view-projection.
layout(location = 0) in vec3 inPosition;
layout(location = 2) in vec4 inModel0;
layout(location = 3) in vec4 inModel1;
layout(location = 4) in vec4 inModel2;
layout(location = 5) in vec4 inModel3;

layout(push_constant) uniform Push { mat4 lightViewProj; } pc;

void main() {
  mat4 model = mat4(inModel0, inModel1, inModel2, inModel3);
  gl_Position = pc.lightViewProj * model * vec4(inPosition, 1.0);
}
