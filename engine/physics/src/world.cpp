#include <practicum/physics/world.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>
#include <utility>

#include <BulletCollision/CollisionDispatch/btConvexConvexAlgorithm.h>
#include <btBulletDynamicsCommon.h>

#include <practicum/core/hash.hpp>
#include <practicum/core/log.hpp>

#include "bullet_convert.hpp"
#include "deterministic_broadphase.hpp"
#include "shapes.hpp"

namespace practicum::physics {
namespace {

using core::ErrorCode;
using core::makeError;
using detail::fromBt;
using detail::isFinite;
using detail::toBt;

core::Error invalid(const std::string& message) {
  return makeError(ErrorCode::InvalidArgument, "physics: " + message);
}

// a world frame whose column `primary` (0 = X, 2 = Z) is the unit axis, right-handed
btTransform frameAlong(const btVector3& pivot, const btVector3& axis, int primary) {
  btVector3 p, q;
  btPlaneSpace1(axis, p, q);  // (axis, p, q) is right-handed
  btMatrix3x3 basis;
  if (primary == 0)
    basis.setValue(axis.x(), p.x(), q.x(), axis.y(), p.y(), q.y(), axis.z(), p.z(), q.z());
  else
    basis.setValue(p.x(), q.x(), axis.x(), p.y(), q.y(), axis.y(), p.z(), q.z(), axis.z());
  return btTransform(basis, pivot);
}

// a touching pair as (lower slot << 32 | higher slot)
std::uint64_t pairKey(std::uint32_t lo, std::uint32_t hi) {
  return (static_cast<std::uint64_t>(lo) << 32) | hi;
}

// btDefaultCollisionConfiguration, plus full contact manifolds in one step for pairs with a
// cylinder or convex hull: without them a flat face lands on a single point and skids. Spheres
// and capsules keep the default (perturbing them creates off-centre points that make them
// drift); box-box pairs use their own algorithm either way
class CollisionConfiguration final : public btDefaultCollisionConfiguration {
 public:
  CollisionConfiguration() : multipoint_(m_pdSolver) {
    multipoint_.m_numPerturbationIterations = 3;
    multipoint_.m_minimumPointsPerturbationThreshold = 3;
  }
  btCollisionAlgorithmCreateFunc* getCollisionAlgorithmCreateFunc(int type0, int type1) override {
    btCollisionAlgorithmCreateFunc* f =
        btDefaultCollisionConfiguration::getCollisionAlgorithmCreateFunc(type0, type1);
    if (f != m_convexConvexCreateFunc) return f;
    const auto flat = [](int t) {
      return t == CYLINDER_SHAPE_PROXYTYPE || t == CONVEX_HULL_SHAPE_PROXYTYPE ||
             t == BOX_SHAPE_PROXYTYPE;
    };
    if (flat(type0) && flat(type1)) return &multipoint_;
    return f;
  }

 private:
  btConvexConvexAlgorithm::CreateFunc multipoint_;
};

}  // namespace

struct World::Impl {
  struct BodySlot {
    std::uint32_t generation = 1;
    bool live = false;
    detail::OwnedShape shape;  // declared before body: destroyed after it
    std::unique_ptr<btRigidBody> body;
    std::uint64_t userData = 0;
  };
  struct JointSlot {
    std::uint32_t generation = 1;
    bool live = false;
    scene::JointKind kind = scene::JointKind::Hinge;
    BodyId a, b;
    std::unique_ptr<btTypedConstraint> constraint;
  };
  // a touching manifold of the last step, keyed by its body pair
  struct Touch {
    std::uint64_t key;
    const btPersistentManifold* manifold;
    bool began;
  };

  WorldSettings settings;
  btScalar dt = btScalar(1.0 / 120.0);
  std::uint64_t tick = 0;

  // bullet objects, destroyed in reverse order (world first)
  std::unique_ptr<CollisionConfiguration> config;
  std::unique_ptr<btCollisionDispatcher> dispatcher;
  std::unique_ptr<detail::DeterministicBroadphase> broadphase;
  std::unique_ptr<btSequentialImpulseConstraintSolver> solver;
  std::unique_ptr<btDiscreteDynamicsWorld> world;

  std::vector<BodySlot> bodies;
  std::vector<std::uint32_t> freeBodies;  // reused last-in first-out
  std::vector<std::uint32_t> order;       // live body slots in creation order
  std::vector<JointSlot> joints;
  std::vector<std::uint32_t> freeJoints;

  std::vector<Touch> touches;               // sorted by key; rebuilt every step
  std::vector<std::uint64_t> previousKeys;  // pairs touching in the step before (sorted)
  std::vector<std::uint64_t> currentKeys;
  mutable std::vector<Contact> contacts;  // built from touches on demand
  mutable bool contactsStale = false;

  ~Impl() {
    // constraints and bodies leave the world before anything is deleted
    for (auto& j : joints)
      if (j.live) world->removeConstraint(j.constraint.get());
    for (auto& b : bodies)
      if (b.live) world->removeRigidBody(b.body.get());
  }

  BodySlot* body(BodyId id) {
    if (id.index == 0 || id.index > bodies.size()) return nullptr;
    BodySlot& s = bodies[id.index - 1];
    return s.live && s.generation == id.generation ? &s : nullptr;
  }
  const BodySlot* body(BodyId id) const { return const_cast<Impl*>(this)->body(id); }

  JointSlot* joint(JointId id) {
    if (id.index == 0 || id.index > joints.size()) return nullptr;
    JointSlot& s = joints[id.index - 1];
    return s.live && s.generation == id.generation ? &s : nullptr;
  }
  const JointSlot* joint(JointId id) const { return const_cast<Impl*>(this)->joint(id); }

  BodyId idOfSlot(std::uint32_t slot) const { return {slot + 1, bodies[slot].generation}; }

  void removeJoint(JointSlot& j) {
    world->removeConstraint(j.constraint.get());
    j.constraint->getRigidBodyA().activate(true);
    j.constraint->getRigidBodyB().activate(true);
    j.constraint.reset();
    j.live = false;
    if (++j.generation == 0) j.generation = 1;
    freeJoints.push_back(static_cast<std::uint32_t>(&j - joints.data()));
  }

  void setMotor(JointSlot& j, const scene::Motor& m) {
    const btScalar force = btMax(btScalar(0), m.maxForce);
    if (j.kind == scene::JointKind::Hinge) {
      // bullet limits the motor's impulse per step
      static_cast<btHingeConstraint*>(j.constraint.get())
          ->enableAngularMotor(m.enabled, m.targetVelocity, force * dt);
    } else if (j.kind == scene::JointKind::Slider) {
      auto* s = static_cast<btSliderConstraint*>(j.constraint.get());
      s->setPoweredLinMotor(m.enabled);
      s->setTargetLinMotorVelocity(m.targetVelocity);
      s->setMaxLinMotorForce(force);
    }
    j.constraint->getRigidBodyA().activate(true);
    j.constraint->getRigidBodyB().activate(true);
  }

  // touching pairs of the last step, sorted by (a.index, b.index), with `began` marked; the
  // Contact records are built only when someone asks (buildContacts)
  void refreshTouches() {
    touches.clear();
    const int numManifolds = dispatcher->getNumManifolds();
    for (int i = 0; i < numManifolds; ++i) {
      const btPersistentManifold* m = dispatcher->getManifoldByIndexInternal(i);
      if (m->getNumContacts() == 0) continue;
      const int s0 = m->getBody0()->getUserIndex();
      const int s1 = m->getBody1()->getUserIndex();
      if (s0 < 0 || s1 < 0) continue;
      const auto u0 = static_cast<std::uint32_t>(s0), u1 = static_cast<std::uint32_t>(s1);
      touches.push_back({pairKey(std::min(u0, u1), std::max(u0, u1)), m, false});
    }
    // manifold order is already deterministic; sorting by key makes it independent of it
    std::sort(touches.begin(), touches.end(),
              [](const Touch& l, const Touch& r) { return l.key < r.key; });
    // mark pairs that did not touch in the previous step (one entry per pair)
    currentKeys.clear();
    auto prev = previousKeys.begin();
    for (Touch& t : touches) {
      if (!currentKeys.empty() && currentKeys.back() == t.key) continue;
      while (prev != previousKeys.end() && *prev < t.key) ++prev;
      t.began = prev == previousKeys.end() || *prev != t.key;
      currentKeys.push_back(t.key);
    }
    std::swap(previousKeys, currentKeys);
    contactsStale = true;
  }

  // forgets a removed slot's pairs, so a body that reuses the slot starts with `began`
  void forgetSlot(std::uint32_t slot) {
    std::erase_if(previousKeys, [slot](std::uint64_t k) {
      return static_cast<std::uint32_t>(k >> 32) == slot || static_cast<std::uint32_t>(k) == slot;
    });
    std::erase_if(touches, [slot](const Touch& t) {
      return static_cast<std::uint32_t>(t.key >> 32) == slot ||
             static_cast<std::uint32_t>(t.key) == slot;
    });
    contactsStale = true;
  }

  void buildContacts() const {
    if (!contactsStale) return;
    contactsStale = false;
    contacts.clear();
    for (const Touch& t : touches) {
      const btPersistentManifold* m = t.manifold;
      // deepest point and largest impulse
      int deepest = 0;
      btScalar impulse = 0;
      for (int k = 0; k < m->getNumContacts(); ++k) {
        const btManifoldPoint& p = m->getContactPoint(k);
        if (p.getDistance() < m->getContactPoint(deepest).getDistance()) deepest = k;
        impulse = btMax(impulse, p.getAppliedImpulse());
      }
      const btManifoldPoint& p = m->getContactPoint(deepest);
      const auto ua = static_cast<std::uint32_t>(t.key >> 32);
      const auto ub = static_cast<std::uint32_t>(t.key);
      // bullet's body1 is B; when our b is bullet's body0, take A's side
      const bool swap = static_cast<std::uint32_t>(m->getBody0()->getUserIndex()) != ua;
      // several manifolds of one pair (rare) merge into the first contact
      if (!contacts.empty() && contacts.back().a.index == ua + 1 &&
          contacts.back().b.index == ub + 1) {
        Contact& c = contacts.back();
        c.impulse = std::max(c.impulse, static_cast<float>(impulse));
        continue;
      }
      Contact c;
      c.a = idOfSlot(ua);
      c.b = idOfSlot(ub);
      c.userDataA = bodies[ua].userData;
      c.userDataB = bodies[ub].userData;
      c.point = fromBt(swap ? p.getPositionWorldOnA() : p.getPositionWorldOnB());
      c.normalOnB = fromBt(swap ? -p.m_normalWorldOnB : p.m_normalWorldOnB);
      c.impulse = impulse;
      c.began = t.began;
      contacts.push_back(c);
    }
  }
};

World::World(const WorldSettings& settings) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.settings = settings;
  // sanitize settings: the constructor cannot fail
  if (!(std::isfinite(settings.tickRate) && settings.tickRate > 0.0)) {
    core::logWarning("physics: invalid tick rate " + std::to_string(settings.tickRate) +
                     ", using 120 Hz");
    m.settings.tickRate = 120.0;
  }
  if (!isFinite(settings.gravity)) {
    core::logWarning("physics: non-finite gravity, using (0, -9.81, 0)");
    m.settings.gravity = {0, -9.81f, 0};
  }
  if (settings.solverIterations < 1) {
    core::logWarning("physics: solver iterations < 1, using 1");
    m.settings.solverIterations = 1;
  }
  m.dt = static_cast<btScalar>(1.0 / m.settings.tickRate);

  // bullet world: one solver per world, so its random seed is per world
  m.config = std::make_unique<CollisionConfiguration>();
  m.dispatcher = std::make_unique<btCollisionDispatcher>(m.config.get());
  m.broadphase = std::make_unique<detail::DeterministicBroadphase>();
  m.solver = std::make_unique<btSequentialImpulseConstraintSolver>();
  m.world = std::make_unique<btDiscreteDynamicsWorld>(m.dispatcher.get(), m.broadphase.get(),
                                                      m.solver.get(), m.config.get());
  m.world->setGravity(toBt(m.settings.gravity));
  m.world->getSolverInfo().m_numIterations = m.settings.solverIterations;
  // m_deterministicOverlappingPairs stays off: DeterministicBroadphase already makes the pair
  // (and so manifold) order reproducible, and re-sorting every step costs ~8% in physics_bench
}

World::~World() = default;

core::Result<BodyId> World::addBody(const BodyDesc& desc) {
  Impl& m = *impl_;
  if (auto st = detail::validateBody(desc); !st) return st.error();
  auto shape = detail::makeShape(desc);
  if (!shape) return shape.error();

  // mass and inertia
  const auto& b = desc.body;
  const bool dynamic = b.type == scene::BodyType::Dynamic;
  const btScalar mass = dynamic ? b.mass : btScalar(0);
  btVector3 inertia(0, 0, 0);
  if (dynamic) shape->shape->calculateLocalInertia(mass, inertia);

  // the rigid body, without a motion state: its world transform is the state
  const core::Quat q = core::normalize(desc.transform.rotation);
  btRigidBody::btRigidBodyConstructionInfo info(mass, nullptr, shape->shape.get(), inertia);
  info.m_startWorldTransform = btTransform(toBt(q), toBt(desc.transform.position));
  info.m_friction = b.friction;
  info.m_rollingFriction = b.rollingFriction;
  info.m_restitution = b.restitution;
  info.m_linearDamping = b.linearDamping;
  info.m_angularDamping = b.angularDamping;
  auto body = std::make_unique<btRigidBody>(info);
  if (b.type == scene::BodyType::Kinematic) {
    body->setCollisionFlags(body->getCollisionFlags() | btCollisionObject::CF_KINEMATIC_OBJECT);
    body->setActivationState(DISABLE_DEACTIVATION);
  }
  if (dynamic) {
    body->setLinearVelocity(toBt(b.linearVelocity));
    body->setAngularVelocity(toBt(b.angularVelocity));
  }

  // slot: reuse the most recently freed one
  std::uint32_t slot;
  if (!m.freeBodies.empty()) {
    slot = m.freeBodies.back();
    m.freeBodies.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(m.bodies.size());
    m.bodies.emplace_back();
  }
  body->setUserIndex(static_cast<int>(slot));
  m.world->addRigidBody(body.get());
  Impl::BodySlot& s = m.bodies[slot];
  s.live = true;
  s.shape = std::move(shape).value();
  s.body = std::move(body);
  s.userData = desc.userData;
  m.order.push_back(slot);
  return m.idOfSlot(slot);
}

void World::removeBody(BodyId id) {
  Impl& m = *impl_;
  Impl::BodySlot* s = m.body(id);
  if (!s) {
    core::logWarning("physics: removeBody with a stale or null body id");
    return;
  }
  // joints attached to it go first
  for (auto& j : m.joints)
    if (j.live && (j.a == id || j.b == id)) m.removeJoint(j);
  // wake what touched it, so nothing sleeps in mid-air
  for (int i = 0; i < m.dispatcher->getNumManifolds(); ++i) {
    const btPersistentManifold* pm = m.dispatcher->getManifoldByIndexInternal(i);
    if (pm->getBody0() == s->body.get())
      const_cast<btCollisionObject*>(pm->getBody1())->activate(true);
    else if (pm->getBody1() == s->body.get())
      const_cast<btCollisionObject*>(pm->getBody0())->activate(true);
  }
  m.world->removeRigidBody(s->body.get());
  s->body.reset();
  s->shape.shape.reset();
  s->shape.mesh.reset();
  s->live = false;
  if (++s->generation == 0) s->generation = 1;
  const std::uint32_t slot = id.index - 1;
  m.forgetSlot(slot);
  m.freeBodies.push_back(slot);
  m.order.erase(std::find(m.order.begin(), m.order.end(), slot));
}

core::Result<JointId> World::addJoint(const JointDesc& desc) {
  Impl& m = *impl_;
  using scene::JointKind;
  // bodies
  Impl::BodySlot* a = m.body(desc.a);
  if (!a) return invalid("joint body a is null or stale");
  Impl::BodySlot* b = nullptr;
  if (desc.b) {
    b = m.body(desc.b);
    if (!b) return invalid("joint body b is stale");
    if (desc.a == desc.b) return invalid("joint connects a body to itself");
  }
  // geometry and limits
  if (!isFinite(desc.pivot))
    return invalid("joint pivot " + detail::toString(desc.pivot) + " is not finite");
  if (!isFinite(desc.axis))
    return invalid("joint axis " + detail::toString(desc.axis) + " is not finite");
  const bool needsAxis = desc.kind == JointKind::Hinge || desc.kind == JointKind::Slider;
  if (needsAxis && !(core::length(desc.axis) > 1e-6f)) return invalid("joint axis has zero length");
  if ((desc.lowerLimit && !std::isfinite(*desc.lowerLimit)) ||
      (desc.upperLimit && !std::isfinite(*desc.upperLimit)))
    return invalid("joint limits must be finite");
  if (desc.lowerLimit && desc.upperLimit && *desc.lowerLimit > *desc.upperLimit)
    return invalid("joint lower limit " + std::to_string(*desc.lowerLimit) +
                   " exceeds upper limit " + std::to_string(*desc.upperLimit));
  if (desc.kind == JointKind::Hinge &&
      ((desc.lowerLimit && std::fabs(*desc.lowerLimit) > SIMD_PI) ||
       (desc.upperLimit && std::fabs(*desc.upperLimit) > SIMD_PI)))
    return invalid("hinge limits must lie in [-pi, pi] radians");
  if (!std::isfinite(desc.motor.targetVelocity) || !std::isfinite(desc.motor.maxForce) ||
      desc.motor.maxForce < 0.0f)
    return invalid("joint motor needs a finite target velocity and a finite maxForce >= 0");

  // bullet's A is the partner (b or the world), bullet's B is our a: positions and motor
  // velocities then read as "a relative to b"
  btRigidBody& rbB = *a->body;
  btRigidBody& rbA = b ? *b->body : btTypedConstraint::getFixedBody();
  const btTransform invA = rbA.getCenterOfMassTransform().inverse();
  const btTransform invB = rbB.getCenterOfMassTransform().inverse();
  const btVector3 pivot = toBt(desc.pivot);
  const btVector3 axis = toBt(core::normalize(desc.axis));
  std::unique_ptr<btTypedConstraint> c;
  switch (desc.kind) {
    case JointKind::Hinge: {
      const btTransform frame = frameAlong(pivot, axis, 2);
      auto h = std::make_unique<btHingeConstraint>(rbA, rbB, invA * frame, invB * frame, true);
      if (desc.lowerLimit || desc.upperLimit)
        h->setLimit(desc.lowerLimit.value_or(-SIMD_PI), desc.upperLimit.value_or(SIMD_PI));
      c = std::move(h);
      break;
    }
    case JointKind::Slider: {
      const btTransform frame = frameAlong(pivot, axis, 0);
      auto s = std::make_unique<btSliderConstraint>(rbA, rbB, invA * frame, invB * frame, true);
      if (desc.lowerLimit || desc.upperLimit) {
        s->setLowerLinLimit(desc.lowerLimit.value_or(-BT_LARGE_FLOAT));
        s->setUpperLinLimit(desc.upperLimit.value_or(BT_LARGE_FLOAT));
      } else {
        // lower > upper: free
        s->setLowerLinLimit(1);
        s->setUpperLinLimit(-1);
      }
      c = std::move(s);
      break;
    }
    case JointKind::Fixed: {
      const btTransform frame(btQuaternion::getIdentity(), pivot);
      c = std::make_unique<btFixedConstraint>(rbA, rbB, invA * frame, invB * frame);
      break;
    }
    case JointKind::Point:
      c = std::make_unique<btPoint2PointConstraint>(rbA, rbB, invA * pivot, invB * pivot);
      break;
  }
  if (!c) return invalid("unknown joint kind " + std::to_string(static_cast<int>(desc.kind)));

  // slot
  std::uint32_t slot;
  if (!m.freeJoints.empty()) {
    slot = m.freeJoints.back();
    m.freeJoints.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(m.joints.size());
    m.joints.emplace_back();
  }
  Impl::JointSlot& j = m.joints[slot];
  j.live = true;
  j.kind = desc.kind;
  j.a = desc.a;
  j.b = desc.b;
  j.constraint = std::move(c);
  // jointed bodies do not collide with each other
  m.world->addConstraint(j.constraint.get(), b != nullptr);
  m.setMotor(j, desc.motor);
  return JointId{slot + 1, j.generation};
}

void World::removeJoint(JointId id) {
  if (Impl::JointSlot* j = impl_->joint(id)) {
    impl_->removeJoint(*j);
  } else {
    core::logWarning("physics: removeJoint with a stale or null joint id");
  }
}

void World::setPointTarget(JointId id, Vec3 worldPoint) {
  Impl::JointSlot* j = impl_->joint(id);
  if (!j || j->b) return;
  if (!std::isfinite(worldPoint.x) || !std::isfinite(worldPoint.y) || !std::isfinite(worldPoint.z))
    return;
  // bullet's A is the world side (see addJoint), B our body
  if (j->kind == scene::JointKind::Point) {
    auto* p2p = static_cast<btPoint2PointConstraint*>(j->constraint.get());
    p2p->setPivotA(toBt(worldPoint));
    p2p->getRigidBodyB().activate(true);
  } else if (j->kind == scene::JointKind::Fixed) {
    auto* fixed = static_cast<btFixedConstraint*>(j->constraint.get());
    btTransform frameA = fixed->getFrameOffsetA();
    frameA.setOrigin(toBt(worldPoint));
    fixed->setFrames(frameA, fixed->getFrameOffsetB());
    fixed->getRigidBodyB().activate(true);
  }
}

void World::setMotor(JointId id, const scene::Motor& motor) {
  Impl::JointSlot* j = impl_->joint(id);
  if (!j) {
    core::logWarning("physics: setMotor with a stale or null joint id");
    return;
  }
  if (!std::isfinite(motor.targetVelocity) || !std::isfinite(motor.maxForce)) {
    core::logWarning("physics: setMotor with non-finite values ignored");
    return;
  }
  impl_->setMotor(*j, motor);
}

float World::jointPosition(JointId id) const {
  const Impl::JointSlot* j = impl_->joint(id);
  if (!j) return 0.0f;
  if (j->kind == scene::JointKind::Hinge)
    return static_cast<btHingeConstraint*>(j->constraint.get())->getHingeAngle();
  if (j->kind == scene::JointKind::Slider) {
    // offset of B's frame from A's frame along A's slide axis (bullet's linear position)
    const auto* s = static_cast<const btSliderConstraint*>(j->constraint.get());
    const btTransform fa = s->getRigidBodyA().getCenterOfMassTransform() * s->getFrameOffsetA();
    const btTransform fb = s->getRigidBodyB().getCenterOfMassTransform() * s->getFrameOffsetB();
    return (fb.getOrigin() - fa.getOrigin()).dot(fa.getBasis().getColumn(0));
  }
  return 0.0f;
}

void World::step() {
  Impl& m = *impl_;
  // exactly one internal step of dt, no interpolation
  m.world->stepSimulation(m.dt, 0, m.dt);
  ++m.tick;
  m.refreshTouches();
}

std::uint64_t World::tick() const { return impl_->tick; }

double World::tickSeconds() const { return 1.0 / impl_->settings.tickRate; }

void World::applyImpulse(BodyId id, Vec3 impulse, Vec3 relativePoint) {
  Impl::BodySlot* s = impl_->body(id);
  if (!s) {
    core::logWarning("physics: applyImpulse with a stale or null body id");
    return;
  }
  if (!isFinite(impulse) || !isFinite(relativePoint)) {
    core::logWarning("physics: applyImpulse with non-finite values ignored");
    return;
  }
  s->body->activate(true);
  s->body->applyImpulse(toBt(impulse), toBt(relativePoint));
}

void World::setPose(BodyId id, Vec3 position, Quat rotation) {
  Impl& m = *impl_;
  Impl::BodySlot* s = m.body(id);
  if (!s) {
    core::logWarning("physics: setPose with a stale or null body id");
    return;
  }
  const float qlen2 = rotation.x * rotation.x + rotation.y * rotation.y + rotation.z * rotation.z +
                      rotation.w * rotation.w;
  if (!isFinite(position) || !isFinite(rotation) || !(qlen2 > 1e-12f)) {
    core::logWarning("physics: setPose with a non-finite position or invalid rotation ignored");
    return;
  }
  const btTransform t(toBt(core::normalize(rotation)), toBt(position));
  btRigidBody& body = *s->body;
  body.setWorldTransform(t);
  // kinematic bodies derive their velocity from the move in the next step; others teleport and
  // arrive at rest (a part set into its socket does not keep the speed it was carried with)
  if (!body.isKinematicObject()) {
    body.setInterpolationWorldTransform(t);
    body.setLinearVelocity(btVector3(0, 0, 0));
    body.setAngularVelocity(btVector3(0, 0, 0));
  }
  m.world->updateSingleAabb(&body);
  body.activate(true);
}

bool World::isValid(BodyId id) const { return impl_->body(id) != nullptr; }

BodyState World::state(BodyId id) const {
  const Impl::BodySlot* s = impl_->body(id);
  if (!s) return {};
  const btRigidBody& b = *s->body;
  const btTransform& t = b.getWorldTransform();
  return {fromBt(t.getOrigin()), fromBt(t.getRotation()), fromBt(b.getLinearVelocity()),
          fromBt(b.getAngularVelocity())};
}

bool World::isSleeping(BodyId id) const {
  const Impl::BodySlot* s = impl_->body(id);
  return s && s->body->getActivationState() == ISLAND_SLEEPING;
}

std::vector<BodyId> World::bodies() const {
  std::vector<BodyId> out;
  out.reserve(impl_->order.size());
  for (std::uint32_t slot : impl_->order) out.push_back(impl_->idOfSlot(slot));
  return out;
}

std::optional<RayHit> World::raycast(Vec3 from, Vec3 to) const {
  const Impl& m = *impl_;
  if (!isFinite(from) || !isFinite(to) || from == to) return std::nullopt;
  const btVector3 f = toBt(from), t = toBt(to);
  btCollisionWorld::ClosestRayResultCallback cb(f, t);
  m.world->rayTest(f, t, cb);
  if (!cb.hasHit() || !cb.m_collisionObject) return std::nullopt;
  const int slot = cb.m_collisionObject->getUserIndex();
  if (slot < 0) return std::nullopt;
  RayHit hit;
  hit.body = m.idOfSlot(static_cast<std::uint32_t>(slot));
  hit.userData = m.bodies[static_cast<std::size_t>(slot)].userData;
  hit.point = fromBt(cb.m_hitPointWorld);
  hit.normal = core::normalize(fromBt(cb.m_hitNormalWorld));
  hit.fraction = cb.m_closestHitFraction;
  return hit;
}

std::span<const Contact> World::contacts() const {
  impl_->buildContacts();
  return impl_->contacts;
}

std::uint64_t World::stateHash() const {
  const Impl& m = *impl_;
  core::Fnv1a64 h;
  h.u64(m.tick);
  for (std::uint32_t slot : m.order) {
    const btRigidBody& b = *m.bodies[slot].body;
    const btTransform& t = b.getWorldTransform();
    const btMatrix3x3& r = t.getBasis();
    const btVector3& p = t.getOrigin();
    const btVector3& v = b.getLinearVelocity();
    const btVector3& w = b.getAngularVelocity();
    // the exact basis (not a quaternion derived from it), position and velocities
    for (int row = 0; row < 3; ++row)
      for (int col = 0; col < 3; ++col) h.f32(r[row][col]);
    for (btScalar x : {p.x(), p.y(), p.z(), v.x(), v.y(), v.z(), w.x(), w.y(), w.z()}) h.f32(x);
    // sleeping and the time towards it change what the next ticks do
    h.u32(static_cast<std::uint32_t>(b.getActivationState()));
    h.f32(b.getDeactivationTime());
  }
  return h.value();
}

}  // namespace practicum::physics
