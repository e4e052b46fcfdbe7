#include <practicum/sim/simulation.hpp>

#include <atomic>
#include <map>
#include <string>

#include <practicum/core/log.hpp>

namespace practicum::sim {

namespace {
std::string entityPlace(const scenario::ScenarioDef& def, std::size_t i) {
  return def.file.string() + ": entities[" + std::to_string(i) + "] (\"" +
         def.scene.entities[i].name + "\")";
}
}  // namespace

Simulation::Simulation() {
  static std::atomic<std::uint64_t> made{0};
  serial_ = ++made;
}

core::Result<std::unique_ptr<Simulation>> Simulation::create(const scenario::ScenarioDef& def,
                                                             const SimulationOptions& options) {
  std::unique_ptr<Simulation> sim(new Simulation());
  sim->def_ = def;
  const auto& entities = sim->def_.scene.entities;

  // import each distinct model file once
  std::map<std::string, std::shared_ptr<const assets::Model>> imported;
  sim->models_.resize(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const auto& e = entities[i];
    if (e.model.empty()) continue;
    auto& slot = imported[e.model];
    if (!slot) {
      auto model = assets::importModelCached(sim->def_.folder / e.model, options.importLimits);
      if (!model.ok())
        return core::makeError(model.error().code,
                               entityPlace(sim->def_, i) + ": model: " + model.error().message);
      // data the importer repaired or dropped is worth a word to whoever runs the scenario
      for (const auto& warning : (*model)->warnings)
        core::logWarning(entityPlace(sim->def_, i) + ": model: " + warning);
      slot = *model;
    }
    sim->models_[i] = slot;
  }

  // bodies, in entity order so that the state hash order is the scenario's order
  physics::WorldSettings ws;
  ws.tickRate = sim->def_.physics.tickRate;
  ws.gravity = sim->def_.physics.gravity;
  sim->world_ = std::make_unique<physics::World>(ws);
  sim->bodies_.resize(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const auto& e = entities[i];
    if (!e.body) continue;
    physics::BodyDesc desc;
    desc.shape = e.shape;
    desc.body = *e.body;
    desc.transform = e.transform;
    if (sim->models_[i]) desc.meshes = sim->models_[i]->meshes;
    desc.userData = i;
    auto body = sim->world_->addBody(desc);
    if (!body.ok())
      return core::makeError(body.error().code,
                             entityPlace(sim->def_, i) + ": body: " + body.error().message);
    sim->bodies_[i] = *body;
  }

  // joints between the bodies just made
  for (std::size_t j = 0; j < sim->def_.scene.joints.size(); ++j) {
    const auto& joint = sim->def_.scene.joints[j];
    physics::JointDesc desc;
    desc.kind = joint.kind;
    desc.a = sim->bodies_[joint.entityA];
    if (joint.entityB) desc.b = sim->bodies_[*joint.entityB];
    desc.pivot = joint.pivot;
    desc.axis = joint.axis;
    desc.lowerLimit = joint.lowerLimit;
    desc.upperLimit = joint.upperLimit;
    desc.motor = joint.motor;
    auto id = sim->world_->addJoint(desc);
    if (!id.ok())
      return core::makeError(id.error().code, sim->def_.file.string() + ": joints[" +
                                                  std::to_string(j) + "] (\"" + joint.name +
                                                  "\"): " + id.error().message);
    sim->joints_.push_back(*id);
  }
  return sim;
}

core::Result<std::unique_ptr<Simulation>> Simulation::load(
    const std::filesystem::path& folderOrFile, const SimulationOptions& options) {
  scenario::LoadResult loaded = scenario::loadScenario(folderOrFile);
  if (!loaded.ok()) {
    std::string message;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == scenario::Severity::Error)
        message += (message.empty() ? "" : "\n") + d.format();
    return core::makeError(core::ErrorCode::Validation, message);
  }
  return create(*loaded.scenario, options);
}

void Simulation::step() { world_->step(); }

scene::Transform Simulation::entityPose(std::size_t entity) const {
  scene::Transform t = def_.scene.entities[entity].transform;
  if (const physics::BodyId body = bodies_[entity]; body && world_->isValid(body)) {
    const physics::BodyState s = world_->state(body);
    t.position = s.position;
    t.rotation = s.rotation;
  }
  return t;
}

const assets::Model* Simulation::entityModel(std::size_t entity) const {
  return models_[entity].get();
}

int Simulation::entityOfBody(physics::BodyId body) const {
  for (std::size_t i = 0; i < bodies_.size(); ++i)
    if (bodies_[i] == body) return static_cast<int>(i);
  return -1;
}

}  // namespace practicum::sim
