#include "editor_app.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <practicum/core/time.hpp>
#include <practicum/editor/authoring.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/render/image.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/ui/hud.hpp>

#include "inspector.hpp"
#include "player.hpp"
#include "scene_presenter.hpp"

namespace practicum::editor_app {

namespace {

using Json = nlohmann::ordered_json;
using editor::Command;
using editor::Document;
using Clock = std::chrono::steady_clock;

// the lists the outliner shows, with the key that names their items
struct ListInfo {
  const char* path;
  const char* title;
  const char* nameKey;
  const char* newItem;  // JSON of a new item; NAME is replaced by a unique name
};
constexpr ListInfo kLists[] = {
    {"entities", "Entities", "name", ""},  // entities are added with addEntity
    {"devices", "Devices", "name",
     R"({"name": "NAME", "kind": "switch", "entity": "ENTITY", "label": {"zh-CN": "NAME", "en": "NAME"}})"},
    {"procedure.steps", "Steps", "id",
     R"({"id": "NAME", "text": {"zh-CN": "新步骤", "en": "New step"}, "done": "true"})"},
    {"rules", "Rules", "id",
     R"({"id": "NAME", "kind": "hazard", "text": {"zh-CN": "新规则", "en": "New rule"}, "when": "false", "severity": "major"})"},
    {"faults", "Faults", "id",
     R"({"id": "NAME", "text": {"zh-CN": "新故障", "en": "New fault"}, "trigger": {"type": "manual"}})"},
    {"zones", "Zones", "name",
     R"({"name": "NAME", "label": {"zh-CN": "区域", "en": "Zone"}, "center": [0, 1, 0], "halfExtents": [0.5, 1, 0.5]})"},
    {"indicators", "Indicators", "name",
     R"({"name": "NAME", "label": {"zh-CN": "指示灯", "en": "Lamp"}, "entity": "ENTITY", "style": "lamp", "value": "false"})"},
    {"variables", "Variables", "name", R"({"name": "NAME", "value": "false"})"},
    {"joints", "Joints", "name",
     R"({"name": "NAME", "type": "fixed", "a": "ENTITY", "pivot": [0, 0, 0]})"},
    {"materials", "Materials", "name",
     R"({"name": "NAME", "baseColor": [0.7, 0.7, 0.7], "roughness": 0.6})"},
};

std::string item(const std::string& list, std::size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

// where a vector field is, as numbers (fallback when missing)
std::array<double, 3> vec3(const Json& v, std::array<double, 3> fallback) {
  if (!v.is_array() || v.size() != 3) return fallback;
  std::array<double, 3> out{};
  for (std::size_t i = 0; i < 3; ++i) out[i] = v[i].is_number() ? v[i].get<double>() : fallback[i];
  return out;
}

// projects a world point into the scene's region of the window; nullopt behind the eye
std::optional<ImVec2> project(const render::CameraView& view, core::Vec3 p, VkRect2D region) {
  const core::Mat4 vp = view.projection * view.view;
  float clip[4] = {0, 0, 0, 0};
  const float v[4] = {p.x, p.y, p.z, 1};
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) clip[r] += vp.m[c][r] * v[c];
  if (clip[3] <= 0.01f) return std::nullopt;
  return ImVec2(
      float(region.offset.x) + (clip[0] / clip[3] * 0.5f + 0.5f) * float(region.extent.width),
      float(region.offset.y) + (clip[1] / clip[3] * 0.5f + 0.5f) * float(region.extent.height));
}

float distanceToSegment(ImVec2 p, ImVec2 a, ImVec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
  return std::sqrt(qx * qx + qy * qy);
}

// the half extents of an entity's shape in its own frame (models: their meshes' bounds)
core::Vec3 localHalfExtents(const sim::Simulation& s, std::size_t entity, core::Vec3* centre) {
  *centre = {};
  if (const assets::Model* model = s.entityModel(entity)) {
    core::Vec3 lo{1e30f, 1e30f, 1e30f}, hi{-1e30f, -1e30f, -1e30f};
    for (const auto& mesh : model->meshes)
      for (const auto& p : mesh.positions) {
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y), std::min(lo.z, p.z)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y), std::max(hi.z, p.z)};
      }
    if (lo.x > hi.x) return {0.05f, 0.05f, 0.05f};
    *centre = (lo + hi) * 0.5f;
    return (hi - lo) * 0.5f;
  }
  const auto& shape = s.definition().scene.entities[entity].shape;
  switch (shape.kind) {
    case scene::ShapeKind::Box: return shape.halfExtents;
    case scene::ShapeKind::Sphere: return {shape.radius, shape.radius, shape.radius};
    case scene::ShapeKind::Cylinder: return {shape.radius, shape.height * 0.5f, shape.radius};
    case scene::ShapeKind::Capsule:
      return {shape.radius, shape.height * 0.5f + shape.radius, shape.radius};
    default: return {0.05f, 0.05f, 0.05f};
  }
}

core::Mat4 entityMatrix(const sim::Simulation& s, std::size_t entity) {
  const scene::Transform pose = s.entityPose(entity);
  const bool model = !s.definition().scene.entities[entity].model.empty();
  return core::composeTRS(pose.position, pose.rotation, model ? pose.scale : core::Vec3{1, 1, 1});
}

// distance along a ray to an entity's box, if the ray hits it
std::optional<float> hitEntity(const sim::Simulation& s, std::size_t entity, core::Vec3 origin,
                               core::Vec3 dir) {
  core::Vec3 centre;
  const core::Vec3 h = localHalfExtents(s, entity, &centre);
  const core::Mat4 inv = core::inverse(entityMatrix(s, entity));
  const core::Vec3 o = core::transformPoint(inv, origin) - centre;
  const core::Vec3 d = core::transformPoint(inv, origin + dir) - centre - o;
  float tmin = 0, tmax = 1e30f;
  const float ov[3] = {o.x, o.y, o.z}, dv[3] = {d.x, d.y, d.z}, hv[3] = {h.x, h.y, h.z};
  for (int k = 0; k < 3; ++k) {
    if (std::abs(dv[k]) < 1e-9f) {
      if (std::abs(ov[k]) > hv[k]) return std::nullopt;
      continue;
    }
    float t1 = (-hv[k] - ov[k]) / dv[k], t2 = (hv[k] - ov[k]) / dv[k];
    if (t1 > t2) std::swap(t1, t2);
    tmin = std::max(tmin, t1);
    tmax = std::min(tmax, t2);
    if (tmin > tmax) return std::nullopt;
  }
  return tmin;
}

// a wire box from its eight corners (local box through a matrix)
void wireBox(ImDrawList* draw, const render::CameraView& view, VkRect2D size, const core::Mat4& m,
             core::Vec3 centre, core::Vec3 h, ImU32 colour) {
  core::Vec3 corners[8];
  for (int i = 0; i < 8; ++i)
    corners[i] = core::transformPoint(
        m, centre + core::Vec3{i & 1 ? h.x : -h.x, i & 2 ? h.y : -h.y, i & 4 ? h.z : -h.z});
  static constexpr int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                        {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  for (const auto& e : kEdges) {
    const auto a = project(view, corners[e[0]], size), b = project(view, corners[e[1]], size);
    if (a && b) draw->AddLine(*a, *b, colour, 1.5f);
  }
}

class Editor {
  enum class Gizmo { Move, Rotate, Scale };
  enum class Modal { None, New, Open, SaveAs };

 public:
  Editor(Document doc, app::Viewer& viewer, const EditorOptions& options)
      : doc_(std::move(doc)),
        viewer_(viewer),
        options_(options),
        rig_(doc_.scenario() ? doc_.scenario()->scene.camera : scene::Camera{}) {
    lastAutosave_ = Clock::now();
    if (!options.select.empty()) doc_.select({options.select});
    // a recovery file left by a crash: the scenario's own, or a new scenario's never saved
    recoveryPending_ = Document::pendingRecovery(doc_.file()).has_value();
  }

  int run() {
    int frames = 0;
    render::Image image;
    render::Window& w = viewer_.window();
    while (true) {
      if (w.shouldClose() && !closeAsked_) {
        if (doc_.dirty() && options_.frames == 0) {
          w.cancelClose();
          closeAsked_ = true;  // the prompt decides
        } else {
          break;
        }
      }
      viewer_.beginFrame();
      refreshPreview();
      shortcuts();
      menuBar();
      panels();
      viewport();
      modals();
      autosave();
      updateTitle();

      ++frames;
      const bool last = options_.frames > 0 && frames >= options_.frames;
      const scene::Camera eye = rig_.camera();
      std::vector<render::EntityLook> looks;
      if (preview_) looks = selectionLooks();
      // with no valid state yet, an empty room
      if (!preview_ && !empty_) {
        auto room = Document::create("empty", {"", "empty"});
        auto sim = sim::Simulation::create(*room.scenario());
        if (sim.ok()) empty_ = std::move(*sim);
        if (empty_) (void)viewer_.show(*empty_);
      }
      const sim::Simulation* shown = preview_ ? preview_.get() : empty_.get();
      if (!shown) return 1;
      if (auto drawn = viewer_.endFrame(*shown, eye, looks,
                                        last && !options_.screenshot.empty() ? &image : nullptr);
          !drawn.ok()) {
        std::fprintf(stderr, "practicum-editor: %s\n", drawn.error().message.c_str());
        return 1;
      }
      if (last || quit_) break;
      if (playRequest_) {
        const bool exam = *playRequest_;
        playRequest_.reset();
        playInEditor(exam, nullptr);
      }
      // a scripted learner in play mode, once, for tests
      if (!options_.playBot.empty() && !botPlayed_ && preview_) {
        botPlayed_ = true;
        const auto run = scenario::loadRunFile(options_.playBot);
        for (const auto& d : run.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        if (!run.run) return 1;
        playInEditor(run.run->exam, &*run.run);
      }
    }
    // a clean close leaves no recovery file behind
    if (!doc_.dirty()) doc_.discardRecovery();
    if (!options_.screenshot.empty()) {
      if (image.rgba.empty()) {
        std::fprintf(stderr, "practicum-editor: no frame was captured for the screenshot\n");
        return 1;
      }
      if (auto s = render::writePng(options_.screenshot, image); !s.ok()) {
        std::fprintf(stderr, "practicum-editor: %s\n", s.error().message.c_str());
        return 1;
      }
      std::printf("screenshot: %s\n", options_.screenshot.string().c_str());
    }
    if (viewer_.validationErrors() > 0) {
      std::fprintf(stderr, "practicum-editor: %u Vulkan validation error(s)\n",
                   viewer_.validationErrors());
      return 1;
    }
    return 0;
  }

 private:
  // ---- the scene the viewport shows: the document's last valid state ----
  void refreshPreview() {
    if (previewRevision_ == doc_.revision() && (preview_ || !doc_.valid())) return;
    previewRevision_ = doc_.revision();
    if (!doc_.valid()) return;  // keep showing the last valid state
    auto sim = sim::Simulation::create(*doc_.scenario());
    if (!sim.ok()) {
      status_ = sim.error().message;
      return;
    }
    const bool first = !preview_;
    preview_ = std::move(*sim);
    if (auto shown = viewer_.show(*preview_); !shown.ok()) status_ = shown.error().message;
    if (first) rig_ = app::CameraRig(doc_.scenario()->scene.camera);
  }

  // the selected entity drawn highlighted
  std::vector<render::EntityLook> selectionLooks() const {
    std::vector<render::EntityLook> looks(preview_->entityCount());
    for (const auto& path : doc_.selection())
      if (auto e = selectedEntity(path); e && *e < looks.size()) looks[*e].highlight = 0.5f;
    return looks;
  }

  // the entity an item stands for: itself, or a device's or an indicator's entity
  std::optional<std::size_t> selectedEntity(const std::string& path) const {
    if (path.rfind("entities[", 0) == 0)
      return std::size_t(std::strtoul(path.c_str() + 9, nullptr, 10));
    for (const char* list : {"devices[", "indicators["})
      if (path.rfind(list, 0) == 0)
        if (const auto name = doc_.string(Document::itemOf(path) + ".entity"))
          return doc_.find("entities", *name);
    return std::nullopt;
  }
  std::optional<std::size_t> selectedEntity() const {
    return doc_.selection().empty() ? std::nullopt : selectedEntity(doc_.selection()[0]);
  }

  void apply(const Command& c) {
    if (auto s = doc_.apply(c); !s.ok()) status_ = s.error().message;
  }
  template <typename R>
  void apply(const core::Result<R>& c) {
    if (!c.ok())
      status_ = c.error().message;
    else
      apply(*c);
  }

  // ---- menus and shortcuts ----
  void shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    render::Window& w = viewer_.window();
    if (io.WantTextInput) return;
    if (io.KeyCtrl && w.keyPressed(render::kKeyS)) save();
    if (io.KeyCtrl && w.keyPressed(int('Z'))) io.KeyShift ? (void)doc_.redo() : (void)doc_.undo();
    if (io.KeyCtrl && w.keyPressed(int('Y'))) (void)doc_.redo();
    if (io.KeyCtrl && w.keyPressed(render::kKeyD))
      if (auto e = selectedEntity()) apply(editor::duplicateEntity(doc_, *e));
    if (!io.KeyCtrl) {
      // W/E/R pick the gizmo (in the fly view W and E move the eye instead)
      const bool orbit = rig_.mode() == app::CameraRig::Mode::Orbit;
      if (orbit && w.keyPressed(render::kKeyW)) gizmo_ = Gizmo::Move;
      if (orbit && w.keyPressed(render::kKeyE)) gizmo_ = Gizmo::Rotate;
      if (w.keyPressed(render::kKeyR)) gizmo_ = Gizmo::Scale;
      if (w.keyPressed(int('F'))) frameSelected();
      if (w.keyPressed(261 /* Delete */)) deleteSelected();
    }
  }

  void menuBar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("New...")) modal_ = Modal::New;
      if (ImGui::MenuItem("Open...")) modal_ = Modal::Open;
      if (ImGui::MenuItem("Save", "Ctrl+S")) save();
      if (ImGui::MenuItem("Save as...")) modal_ = Modal::SaveAs;
      ImGui::Separator();
      if (ImGui::MenuItem("Quit")) viewer_.window().requestClose();
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
      const std::string undo = "Undo " + doc_.undoLabel(), redo = "Redo " + doc_.redoLabel();
      if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc_.canUndo())) (void)doc_.undo();
      if (ImGui::MenuItem(redo.c_str(), "Ctrl+Y", false, doc_.canRedo())) (void)doc_.redo();
      ImGui::Separator();
      if (ImGui::MenuItem("Duplicate", "Ctrl+D", false, selectedEntity().has_value()))
        apply(editor::duplicateEntity(doc_, *selectedEntity()));
      if (ImGui::MenuItem("Delete", "Del", false, !doc_.selection().empty())) deleteSelected();
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      ImGui::MenuItem("Physics shapes", nullptr, &showShapes_);
      ImGui::MenuItem("Zones", nullptr, &showZones_);
      ImGui::MenuItem("Sockets", nullptr, &showSockets_);
      ImGui::MenuItem("Joint axes", nullptr, &showJoints_);
      ImGui::Separator();
      if (ImGui::MenuItem("Frame selected", "F")) frameSelected();
      ImGui::Checkbox("Snap", &snap_);
      ImGui::SetNextItemWidth(80);
      ImGui::InputDouble("grid (m)", &grid_, 0, 0, "%.3f");
      ImGui::SetNextItemWidth(80);
      ImGui::InputDouble("angle (deg)", &angleStep_, 0, 0, "%.0f");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Play")) {
      if (ImGui::MenuItem("Practice", nullptr, false, doc_.valid())) playRequest_ = false;
      if (ImGui::MenuItem("Exam", nullptr, false, doc_.valid())) playRequest_ = true;
      ImGui::EndMenu();
    }
    ImGui::TextDisabled("| %s  %s", gizmoName(), doc_.dirty() ? "(unsaved)" : "");
    if (!status_.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1, 0.6f, 0.3f, 1), "%s", status_.c_str());
    }
    ImGui::EndMainMenuBar();
  }

  const char* gizmoName() const {
    return gizmo_ == Gizmo::Move ? "W move" : gizmo_ == Gizmo::Rotate ? "E rotate" : "R scale";
  }

  void save() {
    if (doc_.file().empty()) {
      modal_ = Modal::SaveAs;
      return;
    }
    if (auto s = doc_.save(); !s.ok())
      status_ = "not saved: " + s.error().message;
    else
      status_ = "saved " + doc_.file().string();
  }

  void deleteSelected() {
    if (doc_.selection().empty()) return;
    const std::string path = doc_.selection()[0];
    apply(Command::erase(path, "Delete " + path));
    doc_.select({});
  }

  void frameSelected() {
    const auto e = selectedEntity();
    if (!e || !preview_ || *e >= preview_->entityCount()) return;
    core::Vec3 centre;
    const core::Vec3 h = localHalfExtents(*preview_, *e, &centre);
    const core::Vec3 at = core::transformPoint(entityMatrix(*preview_, *e), centre);
    scene::Camera c = rig_.camera();
    const float reach = std::max(core::length(h) * 3.0f, 0.5f);
    const core::Vec3 back = core::normalize(c.position - c.target);
    c.target = at;
    c.position = at + back * reach;
    rig_ = app::CameraRig(c);
  }

  // ---- panels ----
  void panels() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetFrameHeight();
    const float side = std::min(340.0f, display.x * 0.27f);
    // the scene is drawn between the panels, under the menu
    viewer_.setSceneRegion(VkRect2D{{std::int32_t(side), std::int32_t(top)},
                                    {std::uint32_t(std::max(display.x - 2 * side, 16.0f)),
                                     std::uint32_t(std::max(display.y - top, 16.0f))}});
    const ImGuiWindowFlags fixed =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

    // left: the outliner and the assets
    ImGui::SetNextWindowPos(ImVec2(0, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(side, display.y - top), ImGuiCond_Always);
    if (ImGui::Begin("Outliner", nullptr, fixed)) {
      outliner();
      assets();
    }
    ImGui::End();

    // right: the inspector, the procedure, the problems
    ImGui::SetNextWindowPos(ImVec2(display.x - side, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(side, display.y - top), ImGuiCond_Always);
    if (ImGui::Begin("Inspector", nullptr, fixed)) {
      if (ImGui::BeginTabBar("##right")) {
        const auto first = [&](const char* name) {
          return firstFrame_ && options_.panel == name ? ImGuiTabItemFlags_SetSelected : 0;
        };
        if (ImGui::BeginTabItem("Inspector", nullptr, first("inspector"))) {
          const std::string path = doc_.selection().empty() ? "" : doc_.selection()[0];
          if (path.empty())
            ImGui::TextDisabled("Select something in the outliner or the viewport.");
          else if (auto refused = drawInspector(doc_, path); !refused.empty())
            status_ = refused;
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Procedure", nullptr, first("procedure"))) {
          procedure();
          ImGui::EndTabItem();
        }
        const std::string problems =
            "Problems (" + std::to_string(doc_.diagnostics().size()) + ")###problems";
        if (ImGui::BeginTabItem(problems.c_str(), nullptr, first("problems"))) {
          validation();
          ImGui::EndTabItem();
        }
        if (result_ && ImGui::BeginTabItem("Assessment", nullptr,
                                           showAssessment_ ? ImGuiTabItemFlags_SetSelected : 0)) {
          showAssessment_ = false;
          assessment();
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
    firstFrame_ = false;
  }

  void outliner() {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "search", search_, sizeof search_);
    // the scenario's own fields and its rubric
    if (ImGui::Selectable("Scenario", isSelected(""))) doc_.select({""});
    if (ImGui::Selectable("Rubric", isSelected("rubric"))) {
      if (!doc_.value("rubric")) apply(Command::set("rubric", R"({"pass": 0})", "Add a rubric"));
      doc_.select({"rubric"});
    }
    for (const ListInfo& list : kLists) {
      const std::size_t n = doc_.size(list.path);
      const std::string header = std::string(list.title) + " (" + std::to_string(n) + ")";
      if (!ImGui::CollapsingHeader(header.c_str(), list.path == std::string("entities")
                                                       ? ImGuiTreeNodeFlags_DefaultOpen
                                                       : 0))
        continue;
      ImGui::PushID(list.path);
      for (std::size_t i = 0; i < n; ++i) {
        const std::string path = item(list.path, i);
        const std::string name = doc_.string(path + "." + list.nameKey).value_or("?");
        if (search_[0] && name.find(search_) == std::string::npos) continue;
        ImGui::PushID(int(i));
        if (renaming_ == path) {
          ImGui::SetKeyboardFocusHere();
          if (ImGui::InputText(
                  "##rename", rename_, sizeof rename_,
                  ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll))
            commitRename(list, i);
          if (ImGui::IsItemDeactivated()) renaming_.clear();
        } else if (ImGui::Selectable(name.c_str(), isSelected(path))) {
          doc_.select({path});
        }
        if (ImGui::BeginPopupContextItem()) {
          if (ImGui::MenuItem("Rename")) {
            renaming_ = path;
            std::snprintf(rename_, sizeof rename_, "%s", name.c_str());
          }
          if (ImGui::MenuItem("Duplicate")) duplicate(list, i);
          if (ImGui::MenuItem("Delete")) {
            apply(Command::erase(path, "Delete " + name));
            doc_.select({});
          }
          if (i > 0 && ImGui::MenuItem("Move up")) apply(Command::move(list.path, i, i - 1));
          if (i + 1 < n && ImGui::MenuItem("Move down")) apply(Command::move(list.path, i, i + 1));
          ImGui::EndPopup();
        }
        ImGui::PopID();
      }
      if (ImGui::SmallButton("+ add")) add(list);
      ImGui::PopID();
    }
  }

  bool isSelected(const std::string& path) const {
    return std::find(doc_.selection().begin(), doc_.selection().end(), path) !=
           doc_.selection().end();
  }

  void commitRename(const ListInfo& list, std::size_t i) {
    renaming_.clear();
    const std::string path = item(list.path, i);
    if (list.path == std::string("entities"))
      apply(editor::renameEntity(doc_, i, rename_));
    else if (list.path == std::string("devices"))
      apply(editor::renameDevice(doc_, i, rename_));
    else
      apply(Command::set(path + "." + list.nameKey, Json(rename_).dump(), "Rename"));
  }

  void duplicate(const ListInfo& list, std::size_t i) {
    if (list.path == std::string("entities")) return apply(editor::duplicateEntity(doc_, i));
    Json copy = Json::parse(doc_.value(item(list.path, i)).value_or("{}"), nullptr, false);
    if (!copy.is_object()) return;
    copy[list.nameKey] = editor::uniqueName(doc_, list.path, copy.value(list.nameKey, "item"));
    apply(Command::insert(list.path, i + 1, copy.dump(), "Duplicate"));
  }

  void add(const ListInfo& list) {
    if (list.path == std::string("entities")) {
      editor::EntitySpec spec;
      spec.name = "box";
      spec.position = {0, 0.5, 0};
      apply(editor::addEntity(doc_, spec));
      doc_.select({item("entities", doc_.size("entities") - 1)});
      return;
    }
    std::string json = list.newItem;
    const std::string base = list.nameKey == std::string("id") ? "new_item" : "NEW";
    const std::string name = editor::uniqueName(doc_, list.path, base);
    const std::string entity = doc_.string("entities[0].name").value_or("floor");
    for (std::size_t at; (at = json.find("NAME")) != std::string::npos;) json.replace(at, 4, name);
    for (std::size_t at; (at = json.find("ENTITY")) != std::string::npos;)
      json.replace(at, 6, entity);
    apply(Command::insert(list.path, doc_.size(list.path), json, "Add " + name));
    doc_.select({item(list.path, doc_.size(list.path) - 1)});
  }

  // import a model file into <scenario>/models and place it
  void assets() {
    if (!ImGui::CollapsingHeader("Assets")) return;
    if (doc_.file().empty()) {
      ImGui::TextWrapped("Save the scenario first: models are copied into its folder.");
      return;
    }
    const std::filesystem::path models = doc_.file().parent_path() / "models";
    std::error_code ec;
    if (std::filesystem::is_directory(models, ec))
      for (const auto& f : std::filesystem::directory_iterator(models, ec))
        ImGui::BulletText("%s", f.path().filename().string().c_str());
    ImGui::SetNextItemWidth(-70);
    ImGui::InputTextWithHint("##import", "model file (.glb .gltf .obj .stl .fbx)", import_,
                             sizeof import_);
    ImGui::SameLine();
    if (ImGui::Button("Import") && import_[0]) importModel(import_);
    if (!importError_.empty())
      ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s", importError_.c_str());
  }

  void importModel(const std::filesystem::path& source) {
    importError_.clear();
    auto c = editor::importModel(doc_, source);
    if (!c.ok()) {
      importError_ = c.error().message;
      return;
    }
    apply(*c);
    doc_.select({item("entities", doc_.size("entities") - 1)});
  }

  void procedure() {
    const std::size_t n = doc_.size("procedure.steps");
    const auto names = symbolNames();
    for (std::size_t i = 0; i < n; ++i) {
      const std::string step = item("procedure.steps", i);
      ImGui::PushID(int(i));
      const std::string id = doc_.string(step + ".id").value_or("?");
      const bool open =
          ImGui::TreeNodeEx("##step", ImGuiTreeNodeFlags_DefaultOpen, "%zu. %s", i + 1, id.c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton("^") && i > 0) apply(Command::move("procedure.steps", i, i - 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("v") && i + 1 < n) apply(Command::move("procedure.steps", i, i + 1));
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) apply(Command::erase(step, "Delete step " + id));
      if (open) {
        textField("zh-CN", step + ".text.zh-CN");
        textField("en", step + ".text.en");
        textField("hint zh-CN", step + ".hint.zh-CN");
        textField("hint en", step + ".hint.en");
        afterField(step);
        conditionField("done", step + ".done", names);
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    if (ImGui::Button("+ step")) add(kLists[2]);
  }

  void textField(const char* label, const std::string& path) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", doc_.string(path).value_or("").c_str());
    ImGui::InputText(label, buf, sizeof buf);
    if (ImGui::IsItemDeactivatedAfterEdit()) setCreating(path, Json(buf));
  }

  // sets a member, creating the object that holds it when the item has none yet (a first hint)
  void setCreating(const std::string& path, const Json& value) {
    const std::size_t dot = path.rfind('.');
    const std::string parent = path.substr(0, dot);
    if (dot == std::string::npos || doc_.value(parent))
      return apply(Command::set(path, value.dump()));
    apply(Command::set(parent, Json{{path.substr(dot + 1), value}}.dump()));
  }

  // a step's prerequisites, as the ids of earlier steps separated by commas
  void afterField(const std::string& step) {
    const Json after = Json::parse(doc_.value(step + ".after").value_or("null"), nullptr, false);
    std::string ids = after.is_array() && after.empty() ? "-" : "";
    if (after.is_array())
      for (const auto& a : after)
        if (a.is_string()) ids += (ids.empty() ? "" : ", ") + a.get<std::string>();
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", ids.c_str());
    ImGui::InputTextWithHint("after", "the step before it; - for none", buf, sizeof buf);
    for (const auto& d : doc_.diagnostics())
      if (d.path.rfind(step + ".after", 0) == 0)
        ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s", d.message.c_str());
    if (!ImGui::IsItemDeactivatedAfterEdit()) return;
    if (std::string(buf) == "-")
      return apply(Command::set(step + ".after", "[]", "No prerequisites"));
    Json list = Json::array();
    std::string text = buf;
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = text.find(',', start);
      if (end == std::string::npos) end = text.size();
      std::string id = text.substr(start, end - start);
      id.erase(0, id.find_first_not_of(' '));
      id.erase(id.find_last_not_of(' ') + 1);
      if (!id.empty()) list.push_back(id);
      start = end + 1;
    }
    if (list.empty() && doc_.value(step + ".after"))
      apply(Command::erase(step + ".after", "Steps in sequence"));
    else if (!list.empty())
      apply(Command::set(step + ".after", list.dump(), "Prerequisites"));
  }

  // a condition with its live error mark and completion of the names it may use
  void conditionField(const char* label, const std::string& path,
                      const std::vector<std::string>& names) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", doc_.string(path).value_or("").c_str());
    // Tab completes the name being typed with the first name that starts with it
    const auto complete = [](ImGuiInputTextCallbackData* data) {
      const auto* all = static_cast<const std::vector<std::string>*>(data->UserData);
      int start = data->CursorPos;
      while (start > 0 && (std::isalnum(static_cast<unsigned char>(data->Buf[start - 1])) ||
                           data->Buf[start - 1] == '_' || data->Buf[start - 1] == '.'))
        --start;
      const std::string word(data->Buf + start, data->Buf + data->CursorPos);
      if (word.empty()) return 0;
      for (const auto& name : *all)
        if (name.rfind(word, 0) == 0) {
          data->DeleteChars(start, data->CursorPos - start);
          data->InsertChars(start, name.c_str());
          break;
        }
      return 0;
    };
    ImGui::InputText(label, buf, sizeof buf, ImGuiInputTextFlags_CallbackCompletion, complete,
                     const_cast<std::vector<std::string>*>(&names));
    const bool editing = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) setCreating(path, Json(buf));
    for (const auto& d : doc_.diagnostics())
      if (d.path == path) ImGui::TextColored(ImVec4(1, 0.35f, 0.3f, 1), "%s", d.message.c_str());
    if (!editing) return;
    // the word being typed, and the names that start with it
    std::string text = buf;
    std::size_t start = text.size();
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(text[start - 1])) ||
                         text[start - 1] == '_' || text[start - 1] == '.'))
      --start;
    const std::string word = text.substr(start);
    if (word.empty()) return;
    ImGui::BeginTooltip();
    int shown = 0;
    for (const auto& name : names)
      if (name.rfind(word, 0) == 0 && shown++ < 12) ImGui::TextUnformatted(name.c_str());
    if (shown == 0) ImGui::TextDisabled("no name starts with %s", word.c_str());
    if (shown > 0) ImGui::TextDisabled("Tab completes");
    ImGui::EndTooltip();
  }

  std::vector<std::string> symbolNames() const {
    std::vector<std::string> names;
    const scenario::ScenarioDef* def = doc_.scenario() ? &*doc_.scenario()
                                       : preview_      ? &preview_->definition()
                                                       : nullptr;
    if (!def) return names;
    for (const auto& e : def->training.symbols.entries) names.push_back(e.name);
    std::sort(names.begin(), names.end());
    return names;
  }

  void validation() {
    if (doc_.diagnostics().empty()) ImGui::TextColored(ImVec4(0.4f, 0.9f, 0.5f, 1), "No problems");
    for (std::size_t i = 0; i < doc_.diagnostics().size(); ++i) {
      const auto& d = doc_.diagnostics()[i];
      const ImVec4 colour = d.severity == scenario::Severity::Error ? ImVec4(1, 0.4f, 0.35f, 1)
                                                                    : ImVec4(1, 0.8f, 0.3f, 1);
      ImGui::PushStyleColor(ImGuiCol_Text, colour);
      const std::string label = d.path + ": " + d.message + "##" + std::to_string(i);
      if (ImGui::Selectable(label.c_str())) doc_.select({Document::itemOf(d.path)});
      ImGui::PopStyleColor();
    }
  }

  void assessment() {
    const auto& r = *result_;
    ImGui::TextColored(r.passed ? ImVec4(0.4f, 0.95f, 0.5f, 1) : ImVec4(1, 0.35f, 0.3f, 1), "%s",
                       r.passed ? "PASSED" : "NOT PASSED");
    ImGui::Text("score %g / %g, %.1f s", r.score, r.max, r.seconds);
    for (const auto& s : r.steps)
      ImGui::BulletText("%s %s (%.1f s)", s.done ? "[x]" : "[ ]", s.id.c_str(), s.at);
    for (const auto& v : r.violations)
      ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%.1f s  %s", v.at, v.textEn.c_str());
    ImGui::TextWrapped("log: %s", resultLog_.c_str());
  }

  // ---- the viewport: camera, picking, gizmo, overlays ----
  void viewport() {
    if (!preview_) {
      ImGui::GetForegroundDrawList()->AddText(ImVec2(360, 60), IM_COL32(255, 160, 80, 255),
                                              "The scenario has errors: see Problems");
      return;
    }
    if (!doc_.valid())
      ImGui::GetForegroundDrawList()->AddText(
          ImVec2(360, 30), IM_COL32(255, 160, 80, 255),
          "showing the last valid state; the scenario has errors (see Problems)");
    render::Window& w = viewer_.window();
    const ImGuiIO& io = ImGui::GetIO();
    const core::Vec3 cursor = w.cursorPosition();
    const float dx = cursor.x - lastCursor_.x, dy = cursor.y - lastCursor_.y;
    lastCursor_ = cursor;
    const VkRect2D size = viewer_.sceneRegion();
    const scene::Camera eye = rig_.camera();
    const render::CameraView view = viewer_.cameraView(eye);
    overlays(view, size);
    const bool mouse = !io.WantCaptureMouse || dragAxis_;
    // orbit the work, or fly through the room (V switches; WASD and right drag to look)
    if (!io.WantTextInput && w.keyPressed(render::kKeyV))
      rig_.setMode(rig_.mode() == app::CameraRig::Mode::Orbit ? app::CameraRig::Mode::Walk
                                                              : app::CameraRig::Mode::Orbit);
    if (rig_.mode() == app::CameraRig::Mode::Orbit) {
      if (mouse && w.mouseButtonDown(render::kMouseRight)) rig_.orbit(dx, dy);
      if (mouse) rig_.zoom(w.takeScroll());
    } else {
      if (mouse && w.mouseButtonDown(render::kMouseRight)) rig_.look(dx * 2, dy * 2);
      if (!io.WantTextInput && !io.KeyCtrl) {
        const float f = float(w.keyDown(render::kKeyW)) - float(w.keyDown(render::kKeyS));
        const float r = float(w.keyDown(render::kKeyD)) - float(w.keyDown(render::kKeyA));
        const float up = float(w.keyDown(render::kKeyE)) - float(w.keyDown(render::kKeyQ));
        core::Vec3 to = rig_.walkTarget(f, r, io.DeltaTime, w.keyDown(render::kKeyLeftShift));
        to.y += up * 1.4f * io.DeltaTime;
        rig_.moveEye(to);
      }
    }

    // the gizmo of the selected entity
    const auto selected = selectedEntity();
    std::optional<int> hoverAxis;
    ImVec2 axisScreen[3];
    ImVec2 origin;
    core::Vec3 position;
    if (selected && *selected < preview_->entityCount()) {
      position = preview_->entityPose(*selected).position;
      const float reach = 0.12f * core::length(position - eye.position);
      const auto o = project(view, position, size);
      if (o) {
        origin = *o;
        const ImU32 colours[3] = {IM_COL32(230, 60, 60, 255), IM_COL32(60, 200, 60, 255),
                                  IM_COL32(70, 110, 240, 255)};
        for (int k = 0; k < 3; ++k) {
          core::Vec3 axis{};
          (k == 0 ? axis.x : k == 1 ? axis.y : axis.z) = reach;
          const auto end = project(view, position + axis, size);
          if (!end) continue;
          axisScreen[k] = *end;
          const ImVec2 mp(cursor.x, cursor.y);
          const bool near = distanceToSegment(mp, origin, *end) < 7.0f;
          if (near && !hoverAxis) hoverAxis = k;
          ImDrawList* draw = ImGui::GetForegroundDrawList();
          draw->PushClipRect(clipMin(size), clipMax(size));  // the gizmo stays in the scene
          const float width = (dragAxis_ && *dragAxis_ == k) || near ? 4.0f : 2.5f;
          draw->AddLine(origin, *end, colours[k], width);
          if (gizmo_ == Gizmo::Move)
            draw->AddCircleFilled(*end, 5.0f, colours[k]);
          else if (gizmo_ == Gizmo::Scale)
            draw->AddRectFilled(ImVec2(end->x - 4, end->y - 4), ImVec2(end->x + 4, end->y + 4),
                                colours[k]);
          else
            draw->AddCircle(*end, 6.0f, colours[k], 12, 2.0f);
          draw->PopClipRect();
        }
      }
    }

    // press: grab an axis or pick an entity; drag: move along it; release: done
    const bool down = w.mouseButtonDown(render::kMouseLeft);
    if (down && !mouseWasDown_ && !io.WantCaptureMouse) {
      if (hoverAxis) {
        dragAxis_ = *hoverAxis;
        dragStart_ = ImVec2(cursor.x, cursor.y);
        dragEntity_ =
            Json::parse(doc_.value(item("entities", *selected)).value_or("{}"), nullptr, false);
      } else {
        pick(view, eye, cursor, size);
      }
    }
    if (down && dragAxis_ && selected)
      drag(*selected, ImVec2(cursor.x, cursor.y), origin, axisScreen[*dragAxis_], position, eye);
    if (!down) dragAxis_.reset();
    mouseWasDown_ = down;
  }

  void pick(const render::CameraView& view, const scene::Camera& eye, core::Vec3 cursor,
            VkRect2D size) {
    // the same ray the player's pointer casts
    const core::Vec3 dir = app::pointerInput(view, eye, cursor.x - float(size.offset.x),
                                             cursor.y - float(size.offset.y), size.extent)
                               .pointerDirection;
    std::optional<std::pair<float, std::size_t>> best;
    for (std::size_t e = 0; e < preview_->entityCount(); ++e) {
      // the floor and walls are picked only when nothing else is under the cursor
      const auto t = hitEntity(*preview_, e, eye.position, dir);
      if (!t) continue;
      core::Vec3 centre;
      const float bulk = core::length(localHalfExtents(*preview_, e, &centre));
      const float rank = *t + (bulk > 2.0f ? 100.0f : 0.0f);
      if (!best || rank < best->first) best = std::pair{rank, e};
    }
    doc_.select(best ? std::vector<std::string>{item("entities", best->second)}
                     : std::vector<std::string>{});
  }

  // moves, turns or scales the selected entity by the mouse's travel along the axis on screen
  void drag(std::size_t entity, ImVec2 mouse, ImVec2 origin, ImVec2 axisEnd, core::Vec3 position,
            const scene::Camera& eye) {
    const int k = *dragAxis_;
    const float ax = axisEnd.x - origin.x, ay = axisEnd.y - origin.y;
    const float len = std::max(std::sqrt(ax * ax + ay * ay), 1.0f);
    const float along = ((mouse.x - dragStart_.x) * ax + (mouse.y - dragStart_.y) * ay) / len;
    const float reach = 0.12f * core::length(position - eye.position);
    const Json& start = dragEntity_;
    const Json transform = start.value("transform", Json::object());
    auto pos = vec3(transform.value("position", Json()), {0, 0, 0});
    auto rot = vec3(transform.value("rotation", Json()), {0, 0, 0});
    if (gizmo_ == Gizmo::Move) {
      pos[k] += double(along / len * reach);
      if (snap_) pos[k] = editor::snap(pos[k], grid_);
      apply(editor::setTransform(doc_, entity, pos, rot, true));
    } else if (gizmo_ == Gizmo::Rotate) {
      if (transform.contains("rotation") && transform["rotation"].size() == 4) {
        status_ = "this entity's rotation is a quaternion: edit it in the inspector";
        return;
      }
      rot[k] += double(along) * 0.5;
      if (snap_) rot[k] = editor::snap(rot[k], angleStep_);
      apply(editor::setTransform(doc_, entity, pos, rot, true));
    } else {
      // models scale; primitives change their size
      const double factor = std::exp(double(along) * 0.01);
      const std::string path = item("entities", entity);
      Command c = Command::set("", "null");
      if (start.contains("model")) {
        auto scale = vec3(transform.value("scale", Json()), {1, 1, 1});
        scale[k] = std::max(0.001, scale[k] * factor);
        c = Command::set(path + ".transform.scale", Json(scale).dump());
      } else if (const Json shape = start.value("shape", Json()); shape.is_object()) {
        Json grown = shape;
        if (shape.contains("halfExtents")) {
          auto h = vec3(shape["halfExtents"], {0.1, 0.1, 0.1});
          h[k] = std::max(0.001, h[k] * factor);
          if (snap_) h[k] = std::max(grid_ * 0.5, editor::snap(h[k], grid_ * 0.5));
          grown["halfExtents"] = h;
        } else {
          const char* key = k == 1 && shape.contains("height") ? "height" : "radius";
          if (shape.contains(key)) grown[key] = std::max(0.001, shape[key].get<double>() * factor);
        }
        c = Command::set(path + ".shape", grown.dump());
      }
      c.mergeKey("scale:" + std::to_string(entity));
      apply(c);
    }
  }

  static ImVec2 clipMin(VkRect2D r) { return ImVec2(float(r.offset.x), float(r.offset.y)); }
  static ImVec2 clipMax(VkRect2D r) {
    return ImVec2(float(r.offset.x) + float(r.extent.width),
                  float(r.offset.y) + float(r.extent.height));
  }

  void overlays(const render::CameraView& view, VkRect2D size) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->PushClipRect(clipMin(size), clipMax(size));
    struct PopClip {
      ImDrawList* list;
      ~PopClip() { list->PopClipRect(); }
    } popClip{draw};
    const auto& def = preview_->definition();
    if (showShapes_)
      for (std::size_t e = 0; e < preview_->entityCount(); ++e) {
        if (!def.scene.entities[e].body) continue;
        core::Vec3 centre;
        const core::Vec3 h = localHalfExtents(*preview_, e, &centre);
        wireBox(draw, view, size, entityMatrix(*preview_, e), centre, h,
                IM_COL32(80, 220, 230, 200));
      }
    if (showZones_)
      for (const auto& z : def.training.zones)
        wireBox(draw, view, size, core::Mat4{}, z.center, z.halfExtents,
                IM_COL32(240, 210, 60, 220));
    if (showSockets_)
      for (const auto& d : def.training.devices) {
        if (d.kind != scenario::DeviceKind::Socket) continue;
        core::Vec3 centre;
        const core::Vec3 h = localHalfExtents(*preview_, d.entity, &centre);
        wireBox(draw, view, size, entityMatrix(*preview_, d.entity), centre,
                h + core::Vec3{d.toleranceDistance, d.toleranceDistance, d.toleranceDistance},
                IM_COL32(230, 90, 230, 220));
      }
    if (showJoints_)
      for (const auto& j : def.scene.joints) {
        const auto a = project(view, j.pivot - j.axis * 0.2f, size);
        const auto b = project(view, j.pivot + j.axis * 0.2f, size);
        if (a && b) draw->AddLine(*a, *b, IM_COL32(255, 150, 40, 255), 3.0f);
        if (const auto p = project(view, j.pivot, size))
          draw->AddCircleFilled(*p, 4.0f, IM_COL32(255, 150, 40, 255));
      }
  }

  // ---- play in editor: the player in this window, the document untouched ----
  void playInEditor(bool exam, const scenario::RunFile* bot) {
    if (!doc_.valid()) return;
    const std::string before = doc_.text();
    const scenario::ScenarioDef def = *doc_.scenario();
    const std::filesystem::path logDir =
        std::filesystem::temp_directory_path() / ("practicum-editor-" + std::to_string(::getpid()));
    std::error_code ec;
    std::filesystem::create_directories(logDir, ec);
    std::unique_ptr<record::SessionRecorder> recorder;
    app::PlayerSetup setup;
    setup.scenario = &def;
    setup.session.mode = exam ? sim::Mode::Exam : sim::Mode::Practice;
    setup.askLearner = false;
    setup.learner = "editor";
    setup.language = options_.language;
    setup.embedded = true;
    if (bot) {
      setup.bot = bot;
      setup.botSpeed = 1000;
      setup.frames = 2;  // then back to the editor
    }
    setup.startLog = [&](const sim::Session& s, const std::string& learner) -> core::Status {
      record::RecorderOptions ro;
      ro.learner = learner;
      ro.station = "editor";
      const auto file = logDir / record::logFileName(def.meta.id, learner, core::nowUnixMs());
      auto r = record::SessionRecorder::create(file, s, ro);
      if (!r.ok()) return r.error();
      recorder = std::move(*r);
      resultLog_ = file.string();
      return {};
    };
    setup.afterTick = [&](const sim::Session& s, const sim::InputRecord& in) {
      if (recorder) recorder->afterTick(s, in);
    };
    setup.finish = [&](sim::Session& s, const render::Context*, const render::Image*,
                       const std::string& error) {
      if (!s.ended()) s.stop();
      if (recorder) (void)recorder->finish(s);
      result_ = s.result();
      showAssessment_ = true;
      if (!error.empty()) status_ = error;
      return 0;
    };
    (void)app::playInViewer(setup, viewer_);
    // back to editing: the editor's own scene again
    viewer_.window().cancelClose();
    if (preview_) (void)viewer_.show(*preview_);
    status_ = "played: " + std::string(result_ && result_->passed ? "passed" : "not passed");
    if (doc_.text() != before) status_ += " (the document changed during play!)";
    if (bot && result_)
      std::printf("play: %s, score %g of %g, %s, log %s\n",
                  result_->passed ? "passed" : "not passed", result_->score, result_->max,
                  doc_.text() == before ? "document unchanged" : "document changed",
                  resultLog_.c_str());
  }

  // ---- modal dialogs: new, open, save as, recovery, unsaved changes ----
  void modals() {
    if (recoveryPending_ && options_.frames == 0) {
      ImGui::OpenPopup("Restore unsaved changes?");
      recoveryPending_ = false;
    }
    if (ImGui::BeginPopupModal("Restore unsaved changes?", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::TextWrapped("%s has unsaved changes from a session that did not end cleanly.",
                         doc_.file().empty() ? "A new scenario" : doc_.file().string().c_str());
      if (ImGui::Button("Restore")) {
        if (auto s = doc_.restoreRecovery(); !s.ok()) status_ = s.error().message;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard them")) {
        doc_.discardRecovery();
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }

    if (closeAsked_) {
      ImGui::OpenPopup("Save changes?");
      closeAsked_ = false;
    }
    if (ImGui::BeginPopupModal("Save changes?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("Save the changes to %s before closing?",
                  doc_.file().empty() ? "the new scenario" : doc_.file().string().c_str());
      if (ImGui::Button("Save")) {
        save();
        if (!doc_.dirty()) quit_ = true;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Don't save")) {
        doc_.discardRecovery();
        quit_ = true;
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) {
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }

    const char* titles[] = {"", "New scenario", "Open scenario", "Save as"};
    if (modal_ != Modal::None) {
      ImGui::OpenPopup(titles[int(modal_)]);
      modal_ = Modal::None;
    }
    for (int m = 1; m <= 3; ++m) {
      if (!ImGui::BeginPopupModal(titles[m], nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
      if (m == int(Modal::New)) {
        ImGui::InputText("id", newId_, sizeof newId_);
        ImGui::InputText("title zh-CN", newZh_, sizeof newZh_);
        ImGui::InputText("title en", newEn_, sizeof newEn_);
      } else {
        ImGui::InputText("scenario folder", path_, sizeof path_);
      }
      if (ImGui::Button("OK")) {
        pathAction(Modal(m));
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
  }

  void pathAction(Modal m) {
    if (m == Modal::New) {
      replaceDocument(Document::create(newId_, {newZh_, newEn_}));
    } else if (m == Modal::Open) {
      auto opened = Document::open(path_);
      if (!opened.ok()) {
        status_ = opened.error().message;
        return;
      }
      replaceDocument(std::move(*opened));
      recoveryPending_ = Document::pendingRecovery(doc_.file()).has_value();
    } else if (m == Modal::SaveAs) {
      if (auto s = doc_.saveAs(path_); !s.ok())
        status_ = "not saved: " + s.error().message;
      else
        status_ = "saved " + doc_.file().string();
    }
  }

  void replaceDocument(Document doc) {
    doc_ = std::move(doc);
    preview_.reset();
    previewRevision_ = ~0ull;
    result_.reset();
  }

  void autosave() {
    if (!doc_.dirty() || options_.frames > 0) return;  // tests leave no recovery files
    if (Clock::now() - lastAutosave_ < std::chrono::duration<double>(options_.autosaveSeconds))
      return;
    lastAutosave_ = Clock::now();
    if (auto s = doc_.autosave(); !s.ok()) status_ = "autosave failed: " + s.error().message;
  }

  void updateTitle() {
    const std::string title =
        "Practicum editor - " +
        (doc_.file().empty() ? std::string("new scenario") : doc_.file().parent_path().string()) +
        (doc_.dirty() ? " *" : "");
    if (title != title_) {
      viewer_.window().setTitle(title);
      title_ = title;
    }
  }

  Document doc_;
  app::Viewer& viewer_;
  EditorOptions options_;
  app::CameraRig rig_;
  std::unique_ptr<sim::Simulation> preview_;
  std::unique_ptr<sim::Simulation> empty_;  ///< shown while there is no valid state
  std::uint64_t previewRevision_ = ~0ull;
  std::string status_, title_;
  bool showShapes_ = false, showZones_ = true, showSockets_ = true, showJoints_ = true;
  bool snap_ = true;
  double grid_ = 0.05, angleStep_ = 15;
  Gizmo gizmo_ = Gizmo::Move;
  std::optional<int> dragAxis_;
  ImVec2 dragStart_;
  Json dragEntity_;
  bool mouseWasDown_ = false;
  core::Vec3 lastCursor_;
  char search_[64] = "";
  std::string renaming_;
  char rename_[128] = "";
  char import_[512] = "";
  std::string importError_;
  std::optional<bool> playRequest_;
  std::optional<procedure::SessionResult> result_;
  std::string resultLog_;
  Modal modal_ = Modal::None;
  char path_[512] = "";
  char newId_[64] = "new-scenario", newZh_[128] = "新场景", newEn_[128] = "New scenario";
  bool firstFrame_ = true;
  bool botPlayed_ = false;
  bool showAssessment_ = false;  ///< bring the assessment tab forward after playing
  bool recoveryPending_ = false, closeAsked_ = false, quit_ = false;
  Clock::time_point lastAutosave_;
};

}  // namespace

int runEditor(const EditorOptions& options) {
  // the document: the scenario named, or a new one
  std::optional<Document> doc;
  if (options.scenario.empty()) {
    doc = Document::create("new-scenario", {"新场景", "New scenario"});
  } else {
    auto opened = Document::open(options.scenario);
    if (!opened.ok()) {
      std::fprintf(stderr, "practicum-editor: %s\n", opened.error().message.c_str());
      return 1;
    }
    doc = std::move(*opened);
    for (const auto& d : doc->diagnostics()) std::fprintf(stderr, "%s\n", d.format().c_str());
  }

  auto window = render::Window::create({"Practicum editor", 1280, 720});
  if (!window.ok()) {
    std::fprintf(stderr, "practicum-editor: %s\n", window.error().message.c_str());
    return 1;
  }
  app::ViewerOptions vo;
  vo.gpu = options.gpu;
  vo.validation = options.validation;
  vo.language = options.language;
  if (doc->scenario()) vo.glyphText = app::scenarioGlyphs(*doc->scenario());
  auto viewer = app::Viewer::create(std::move(*window), vo);
  if (!viewer.ok()) {
    std::fprintf(stderr, "practicum-editor: %s\n", viewer.error().message.c_str());
    return 1;
  }
  Editor editor(std::move(*doc), **viewer, options);
  return editor.run();
}

}  // namespace practicum::editor_app
