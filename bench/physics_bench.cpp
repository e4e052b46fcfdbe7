// physics_bench: 1,000 dynamic boxes settling on a static ground box, stepped through
// practicum::physics::World and through a hand-built Bullet world with the same settings.
// Prints the engine/raw time ratio after the runs (target <= 1.10).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <btBulletDynamicsCommon.h>

#include <practicum/physics/world.hpp>

namespace {

constexpr int kTicksPerIteration = 600;  // 5 s at 120 Hz: falling and settling
constexpr double kTickRate = 120.0;
constexpr float kHalf = 0.2f;

// the loose 10 x 10 x 10 grid, slightly staggered per layer so the stacks topple
btVector3 gridPosition(int i) {
  const int x = i % 10, y = (i / 10) % 10, z = i / 100;
  const float stagger = 0.05f * static_cast<float>(y % 3);
  return btVector3(-2.25f + 0.5f * static_cast<float>(x) + stagger,
                   0.5f + 0.6f * static_cast<float>(y),
                   -2.25f + 0.5f * static_cast<float>(z) + stagger);
}

void engineScene(practicum::physics::World& world) {
  using namespace practicum;
  physics::BodyDesc ground;
  ground.shape.halfExtents = {25, 0.5f, 25};
  ground.body.type = scene::BodyType::Static;
  ground.transform.position = {0, -0.5f, 0};
  (void)world.addBody(ground);
  for (int i = 0; i < 1000; ++i) {
    physics::BodyDesc d;
    d.shape.halfExtents = {kHalf, kHalf, kHalf};
    const btVector3 p = gridPosition(i);
    d.transform.position = {p.x(), p.y(), p.z()};
    (void)world.addBody(d);
  }
}

// raw bullet: the same objects and parameters as World uses for this scene
struct RawWorld {
  btDefaultCollisionConfiguration config;
  btCollisionDispatcher dispatcher{&config};
  btDbvtBroadphase broadphase;
  btSequentialImpulseConstraintSolver solver;
  btDiscreteDynamicsWorld world{&dispatcher, &broadphase, &solver, &config};
  std::vector<std::unique_ptr<btCollisionShape>> shapes;
  std::vector<std::unique_ptr<btRigidBody>> bodies;

  RawWorld() {
    world.setGravity(btVector3(0, -9.81f, 0));
    world.getSolverInfo().m_numIterations = 10;
    add(btVector3(25, 0.5f, 25), 0, btVector3(0, -0.5f, 0));
    for (int i = 0; i < 1000; ++i) add(btVector3(kHalf, kHalf, kHalf), 1, gridPosition(i));
  }
  ~RawWorld() {
    for (auto& b : bodies) world.removeRigidBody(b.get());
  }
  void add(const btVector3& half, btScalar mass, const btVector3& position) {
    auto shape = std::make_unique<btBoxShape>(half);
    btVector3 inertia(0, 0, 0);
    if (mass > 0) shape->calculateLocalInertia(mass, inertia);
    btRigidBody::btRigidBodyConstructionInfo info(mass, nullptr, shape.get(), inertia);
    info.m_startWorldTransform = btTransform(btQuaternion::getIdentity(), position);
    info.m_friction = 0.6f;  // scene::Body defaults
    info.m_rollingFriction = 0;
    info.m_restitution = 0.1f;
    info.m_linearDamping = 0.05f;
    info.m_angularDamping = 0.05f;
    auto body = std::make_unique<btRigidBody>(info);
    world.addRigidBody(body.get());
    shapes.push_back(std::move(shape));
    bodies.push_back(std::move(body));
  }
};

void setCounters(benchmark::State& state) {
  state.counters["ticks_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * kTicksPerIteration, benchmark::Counter::kIsRate);
}

void BM_PhysicsEngine1000Boxes(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto world = std::make_unique<practicum::physics::World>(
        practicum::physics::WorldSettings{kTickRate, {0, -9.81f, 0}, 10});
    engineScene(*world);
    state.ResumeTiming();
    for (int t = 0; t < kTicksPerIteration; ++t) world->step();
    benchmark::DoNotOptimize(world->stateHash());
    state.PauseTiming();
    world.reset();
    state.ResumeTiming();
  }
  setCounters(state);
}

void BM_PhysicsRawBullet1000Boxes(benchmark::State& state) {
  const btScalar dt = static_cast<btScalar>(1.0 / kTickRate);
  for (auto _ : state) {
    state.PauseTiming();
    auto raw = std::make_unique<RawWorld>();
    state.ResumeTiming();
    for (int t = 0; t < kTicksPerIteration; ++t) raw->world.stepSimulation(dt, 0, dt);
    benchmark::DoNotOptimize(raw->bodies[1]->getWorldTransform());
    state.PauseTiming();
    raw.reset();
    state.ResumeTiming();
  }
  setCounters(state);
}

BENCHMARK(BM_PhysicsEngine1000Boxes)->Unit(benchmark::kMillisecond)->Iterations(2)->Repetitions(3);
BENCHMARK(BM_PhysicsRawBullet1000Boxes)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->Repetitions(3);

// console output plus the fastest repetition of each benchmark, for the ratio
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.run_type != Run::RT_Iteration) continue;
      const std::string name = r.run_name.function_name;
      const double t = r.GetAdjustedRealTime();
      auto [it, inserted] = best.emplace(name, t);
      if (!inserted && t < it->second) it->second = t;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> best;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto engine = reporter.best.find("BM_PhysicsEngine1000Boxes");
  const auto raw = reporter.best.find("BM_PhysicsRawBullet1000Boxes");
  if (engine != reporter.best.end() && raw != reporter.best.end() && raw->second > 0) {
    std::printf("engine/raw ratio (fastest repetitions): %.3f (target <= 1.10)\n",
                engine->second / raw->second);
    std::printf("engine %.3f ms/tick, raw %.3f ms/tick\n", engine->second / kTicksPerIteration,
                raw->second / kTicksPerIteration);
  }
  benchmark::Shutdown();
  return 0;
}
