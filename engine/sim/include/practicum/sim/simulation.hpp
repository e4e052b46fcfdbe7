#pragma once
/// A running scenario: the immutable ScenarioDef plus the mutable state (physics world,
/// imported models) stepped in fixed ticks. Headless and deterministic: same build, same
/// scenario, same calls => same stateHash() at every tick. Never includes rendering or UI.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include <practicum/assets/model.hpp>
#include <practicum/core/result.hpp>
#include <practicum/physics/world.hpp>
#include <practicum/scenario/scenario.hpp>

namespace practicum::sim {

/// Options for building a simulation.
struct SimulationOptions {
  assets::ImportLimits importLimits;
};

/// Scenario definition + state. The definition is copied in and never changes.
class Simulation {
 public:
  /// Imports the scenario's models (out of process, each distinct file once) and builds the
  /// physics world. Errors name the scenario file, the entity and the model.
  static core::Result<std::unique_ptr<Simulation>> create(const scenario::ScenarioDef& def,
                                                          const SimulationOptions& options = {});

  /// Loads the scenario at `folderOrFile` and creates its simulation: the one-call path for
  /// tools, tests and benchmarks. A scenario with errors fails with every error diagnostic in
  /// the message, one per line.
  static core::Result<std::unique_ptr<Simulation>> load(const std::filesystem::path& folderOrFile,
                                                        const SimulationOptions& options = {});

  /// Advances one fixed tick.
  void step();
  /// Ticks stepped so far.
  std::uint64_t tick() const { return world_->tick(); }
  /// Simulated seconds so far.
  double time() const { return double(world_->tick()) * world_->tickSeconds(); }
  /// Seconds per tick.
  double tickSeconds() const { return world_->tickSeconds(); }
  /// Hash of the whole simulated state (see physics::World::stateHash).
  std::uint64_t stateHash() const { return world_->stateHash(); }

  /// The definition this simulation runs.
  const scenario::ScenarioDef& definition() const { return def_; }
  /// This simulation's number, unique in the process and never reused (a simulation made where
  /// a destroyed one was has another): what observers compare to know they still show it.
  std::uint64_t serial() const { return serial_; }
  /// Number of entities (same order as the definition's).
  std::size_t entityCount() const { return def_.scene.entities.size(); }
  /// Current pose of an entity (entities without a body keep their initial pose).
  scene::Transform entityPose(std::size_t entity) const;
  /// The model imported for an entity, or nullptr for primitive shapes.
  const assets::Model* entityModel(std::size_t entity) const;
  /// The entity's body (null id when it has none).
  physics::BodyId entityBody(std::size_t entity) const { return bodies_[entity]; }
  /// The physics joint made for the scenario's joint `index`.
  physics::JointId joint(std::size_t index) const { return joints_[index]; }
  /// The entity whose body is `body`, or -1.
  int entityOfBody(physics::BodyId body) const;

  /// The physics world, for queries (raycasts, contacts) and inputs (impulses).
  physics::World& physics() { return *world_; }
  const physics::World& physics() const { return *world_; }

 private:
  Simulation();
  std::uint64_t serial_ = 0;
  scenario::ScenarioDef def_;
  std::unique_ptr<physics::World> world_;
  std::vector<std::shared_ptr<const assets::Model>> models_;  ///< per entity (null: primitive)
  std::vector<physics::BodyId> bodies_;                       ///< per entity
  std::vector<physics::JointId> joints_;                      ///< per scenario joint
};

}  // namespace practicum::sim
