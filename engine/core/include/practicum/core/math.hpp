#pragma once
/// Small float math for the engine's plain data: vectors, quaternions, column-major 4x4 matrices.
/// Kept free of third-party types so that module headers expose none.
#include <cmath>

namespace practicum::core {

/// 3-component vector.
struct Vec3 {
  float x = 0, y = 0, z = 0;
  friend constexpr Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
  friend constexpr Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
  friend constexpr Vec3 operator-(Vec3 a) { return {-a.x, -a.y, -a.z}; }
  friend constexpr Vec3 operator*(Vec3 a, float s) { return {a.x * s, a.y * s, a.z * s}; }
  friend constexpr Vec3 operator*(float s, Vec3 a) { return a * s; }
  friend constexpr bool operator==(Vec3, Vec3) = default;
};
/// 4-component vector (colours, homogeneous points).
struct Vec4 {
  float x = 0, y = 0, z = 0, w = 0;
  friend constexpr bool operator==(Vec4, Vec4) = default;
};
/// Unit quaternion for rotations (x, y, z vector part, w scalar part).
struct Quat {
  float x = 0, y = 0, z = 0, w = 1;
  friend constexpr bool operator==(Quat, Quat) = default;
};
/// Column-major 4x4 matrix: m[column][row], as GLSL expects.
struct Mat4 {
  float m[4][4] = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
};

constexpr float dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
constexpr Vec3 cross(Vec3 a, Vec3 b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline float length(Vec3 a) { return std::sqrt(dot(a, a)); }
/// a / |a|; returns a unchanged when it has zero length.
Vec3 normalize(Vec3 a);
constexpr Vec3 mul(Vec3 a, Vec3 b) { return {a.x * b.x, a.y * b.y, a.z * b.z}; }

/// Quaternion for a rotation of `radians` about unit `axis`.
Quat quatFromAxisAngle(Vec3 axis, float radians);
/// Quaternion from Euler angles in degrees, applied in the order X, then Y, then Z (extrinsic).
Quat quatFromEulerDegrees(Vec3 degrees);
/// Hamilton product: the rotation b followed by a.
Quat operator*(Quat a, Quat b);
/// q normalized to unit length.
Quat normalize(Quat q);
/// Rotates v by unit quaternion q.
Vec3 rotate(Quat q, Vec3 v);

/// Matrix product a * b.
Mat4 operator*(const Mat4& a, const Mat4& b);
/// Transforms a point (w = 1).
Vec3 transformPoint(const Mat4& m, Vec3 p);
/// Translation * rotation * scale.
Mat4 composeTRS(Vec3 translation, Quat rotation, Vec3 scale);
/// Right-handed view matrix looking from eye at target.
Mat4 lookAt(Vec3 eye, Vec3 target, Vec3 up);
/// Vulkan perspective projection: right-handed view space, depth 0..1, y down in clip space
/// flipped so that +y is up on screen.
Mat4 perspective(float fovyRadians, float aspect, float zNear, float zFar);
/// Inverse of a general 4x4 matrix (identity when singular).
Mat4 inverse(const Mat4& m);

constexpr float kPi = 3.14159265358979323846f;
constexpr float radians(float degrees) { return degrees * kPi / 180.0f; }

}  // namespace practicum::core
