#version 450
// Metal/roughness shading: Lambert diffuse + GGX specular from one directional light, a
// hemispheric ambient term, and a filmic tone curve. The target is sRGB: output stays linear.

layout(location = 0) in vec3 inWorldPos;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inColor;
layout(location = 3) in vec4 inParams;  // roughness, metalness, emissive, highlight

layout(push_constant) uniform Push {
  mat4 viewProj;
  vec4 cameraPos;
  vec4 lightDir;
  vec4 lightColor;
  vec4 ambient;
} pc;

// chosen when the pipeline is made: shadows at all, and 3x3 filtered taps (GPUs) or one
// (software rendering); constants, so the compiler drops what is not used
layout(constant_id = 0) const bool kShadows = true;
layout(constant_id = 1) const bool kWideFilter = true;

// the light's shadow map (compared: the fraction of lit texels) and its view-projection
layout(set = 0, binding = 0) uniform sampler2DShadow shadowMap;
layout(set = 0, binding = 1) uniform Shadow {
  mat4 lightViewProj;
  vec4 params;  // strength, texel size
} shadow;

layout(location = 0) out vec4 outColor;

const float PI = 3.14159265;

float distributionGGX(float nh, float a) {
  float a2 = a * a;
  float d = nh * nh * (a2 - 1.0) + 1.0;
  return a2 / (PI * d * d);
}

float geometrySmith(float nv, float nl, float roughness) {
  float k = (roughness + 1.0) * (roughness + 1.0) / 8.0;
  return (nv / (nv * (1.0 - k) + k)) * (nl / (nl * (1.0 - k) + k));
}

// how much of the light reaches this point: 1 lit, 0 in full shadow. Each tap is a linear-
// filtered comparison (2x2 texels).
float lightReaching(vec3 n, vec3 l) {
  if (!kShadows) return 1.0;
  // a little along the normal, more at grazing angles, against self-shadowing
  float slope = 1.0 - max(dot(n, l), 0.0);
  vec4 p = shadow.lightViewProj * vec4(inWorldPos + n * (0.004 + 0.01 * slope), 1.0);
  vec3 c = p.xyz / p.w;
  vec2 uv = c.xy * 0.5 + 0.5;
  if (c.z >= 1.0 || any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) return 1.0;
  float lit;
  if (kWideFilter) {
    lit = 0.0;
    for (int y = -1; y <= 1; ++y)
      for (int x = -1; x <= 1; ++x)
        lit += textureLod(shadowMap, vec3(uv + vec2(x, y) * shadow.params.y, c.z), 0.0);
    lit /= 9.0;
  } else {
    lit = textureLod(shadowMap, vec3(uv, c.z), 0.0);
  }
  return mix(1.0, lit, shadow.params.x);
}

void main() {
  vec3 n = normalize(inNormal);
  vec3 v = normalize(pc.cameraPos.xyz - inWorldPos);
  // two-sided lighting for thin or open geometry seen from behind
  if (dot(n, v) < 0.0) n = -n;
  vec3 l = normalize(-pc.lightDir.xyz);
  vec3 h = normalize(l + v);

  vec3 base = inColor.rgb;
  float roughness = clamp(inParams.x, 0.04, 1.0);
  float metalness = clamp(inParams.y, 0.0, 1.0);
  vec3 f0 = mix(vec3(0.04), base, metalness);

  float nl = max(dot(n, l), 0.0);
  float nv = max(dot(n, v), 1e-4);
  float nh = max(dot(n, h), 0.0);
  float vh = max(dot(v, h), 0.0);
  vec3 fresnel = f0 + (1.0 - f0) * pow(1.0 - vh, 5.0);
  float d = distributionGGX(nh, roughness * roughness);
  float g = geometrySmith(nv, nl, roughness);
  vec3 specular = d * g * fresnel / max(4.0 * nv * nl, 1e-4);
  vec3 diffuse = (1.0 - fresnel) * (1.0 - metalness) * base / PI;
  vec3 direct = (diffuse + specular) * pc.lightColor.rgb * pc.lightDir.w * nl * lightReaching(n, l);

  // hemispheric ambient: sky from above, dimmer bounce from below
  float up = n.y * 0.5 + 0.5;
  vec3 ambient = pc.ambient.rgb * mix(0.45, 1.0, up);
  vec3 ambientTerm = ambient * (base * (1.0 - metalness) + f0 * 0.6);

  vec3 color = direct + ambientTerm + base * inParams.z;
  // hover highlight: a warm rim along the silhouette and a slight lift of the whole surface
  float rim = pow(1.0 - nv, 2.0);
  color += inParams.w * vec3(1.0, 0.72, 0.2) * (0.12 + 1.6 * rim);
  // filmic tone mapping (Narkowicz's ACES fit)
  color = clamp((color * (2.51 * color + 0.03)) / (color * (2.43 * color + 0.59) + 0.14), 0.0, 1.0);
  outColor = vec4(color, inColor.a);
}
