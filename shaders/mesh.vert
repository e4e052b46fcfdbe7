#version 450
// Lit mesh, instanced: per-vertex position/normal, per-instance model and normal matrices and
// material parameters.

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inModel0;
layout(location = 3) in vec4 inModel1;
layout(location = 4) in vec4 inModel2;
layout(location = 5) in vec4 inModel3;
layout(location = 6) in vec4 inNormal0;
layout(location = 7) in vec4 inNormal1;
layout(location = 8) in vec4 inNormal2;
layout(location = 9) in vec4 inColor;
layout(location = 10) in vec4 inParams;  // roughness, metalness, emissive, highlight

layout(push_constant) uniform Push {
  mat4 viewProj;
  vec4 cameraPos;
  vec4 lightDir;    // direction the light travels; w = intensity
  vec4 lightColor;
  vec4 ambient;
} pc;

layout(location = 0) out vec3 outWorldPos;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec4 outColor;
layout(location = 3) out vec4 outParams;

void main() {
  mat4 model = mat4(inModel0, inModel1, inModel2, inModel3);
  mat3 normalMatrix = mat3(inNormal0.xyz, inNormal1.xyz, inNormal2.xyz);
  vec4 world = model * vec4(inPosition, 1.0);
  outWorldPos = world.xyz;
  outNormal = normalMatrix * inNormal;
  outColor = inColor;
  outParams = inParams;
  gl_Position = pc.viewProj * world;
}
