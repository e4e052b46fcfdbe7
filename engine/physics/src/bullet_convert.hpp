#pragma once
/// Conversions between the engine's plain math types and Bullet's (private to physics).
#include <cmath>

#include <LinearMath/btQuaternion.h>
#include <LinearMath/btVector3.h>

#include <practicum/core/math.hpp>

namespace practicum::physics::detail {

/// Engine vector to Bullet vector.
inline btVector3 toBt(core::Vec3 v) { return btVector3(v.x, v.y, v.z); }
/// Engine quaternion to Bullet quaternion.
inline btQuaternion toBt(core::Quat q) { return btQuaternion(q.x, q.y, q.z, q.w); }
/// Bullet vector to engine vector.
inline core::Vec3 fromBt(const btVector3& v) { return {v.x(), v.y(), v.z()}; }
/// Bullet quaternion to engine quaternion.
inline core::Quat fromBt(const btQuaternion& q) { return {q.x(), q.y(), q.z(), q.w()}; }

/// Whether every component is a finite number.
inline bool isFinite(float v) { return std::isfinite(v); }
inline bool isFinite(core::Vec3 v) { return isFinite(v.x) && isFinite(v.y) && isFinite(v.z); }
inline bool isFinite(core::Quat q) {
  return isFinite(q.x) && isFinite(q.y) && isFinite(q.z) && isFinite(q.w);
}

}  // namespace practicum::physics::detail
