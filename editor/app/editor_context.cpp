#include "editor_context.hpp"

#include <practicum/editor/authoring.hpp>

#include <algorithm>

#include <practicum/editor/picking.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::editor_app {

using editor::EditorText;
using editor::Path;

void nameLabel(std::string_view item, std::string_view text) {
  if (ui::uiMapEnabled()) ui::nameValue("label:" + std::string(item), text);
}

EditorContext::EditorContext(editor::Document document, present::Viewer& v, const EditorOptions& o)
    : doc(std::move(document)),
      viewer(v),
      options(o),
      rig(doc.scenario() ? doc.scenario()->scene.camera : scene::Camera{}) {}

void EditorContext::apply(const editor::Command& command) {
  if (auto s = doc.apply(command); !s.ok()) status = message(s.error().message);
}

void EditorContext::apply(const core::Result<editor::Command>& command) {
  if (!command.ok())
    status = message(command.error().message);
  else
    apply(*command);
}

void EditorContext::rename(const editor::Path& item, const std::string& to) {
  if (item.empty()) return apply(editor::renameScenario(doc, to));
  std::optional<std::string> from = doc.string(item.child("name"));
  if (!from) from = doc.string(item.child("id"));
  const auto revision = doc.revision();
  apply(editor::rename(doc, item, to));
  if (doc.revision() == revision || !from || *from == to) return;
  if (const std::size_t texts = editor::textsMentioning(doc, *from).size())
    textRename = TextRename{*from, to, texts};
}

void EditorContext::refreshPreview() {
  if (previewRevision_ == doc.revision() && (preview || !doc.valid())) return;
  previewRevision_ = doc.revision();
  if (!doc.valid()) return;  // keep showing the last valid state
  auto sim = sim::Simulation::create(*doc.scenario());
  if (!sim.ok()) {
    status = sim.error().message;
    return;
  }
  const bool first = !preview;
  preview = std::move(*sim);
  if (auto shown = viewer.show(*preview); !shown.ok()) status = shown.error().message;
  if (first) rig = present::CameraRig(doc.scenario()->scene.camera);
}

std::optional<std::size_t> EditorContext::entityOf(const Path& item) const {
  if (const auto e = item.indexIn("entities")) return e;
  for (const char* list : {"devices", "indicators"})
    if (item.indexIn(list))
      if (const auto name = doc.string(item.item().child("entity")))
        return doc.find("entities", *name);
  return std::nullopt;
}

std::optional<std::size_t> EditorContext::selectedEntity() const {
  return doc.selection().empty() ? std::nullopt : entityOf(doc.selection()[0]);
}

bool EditorContext::isSelected(const Path& item) const {
  return std::find(doc.selection().begin(), doc.selection().end(), item) != doc.selection().end();
}

void EditorContext::save() {
  if (doc.file().empty()) {
    dialog = Dialog::SaveAs;
    return;
  }
  if (auto s = doc.save(); !s.ok()) {
    status = format(EditorText::NotSaved, message(s.error().message).c_str());
  } else {
    status = format(EditorText::Saved, doc.file().string().c_str());
    savedStatus = status;
  }
}

void EditorContext::frameSelected() {
  const auto e = selectedEntity();
  if (!e || !preview || *e >= preview->entityCount()) return;
  const editor::EntityBox box = editor::entityBox(*preview, *e);
  const core::Vec3 at = core::transformPoint(box.matrix, box.centre);
  scene::Camera c = rig.camera();
  const float reach = std::max(core::length(box.halfExtents) * 3.0f, 0.5f);
  const core::Vec3 back = core::normalize(c.position - c.target);
  c.target = at;
  c.position = at + back * reach;
  rig = present::CameraRig(c);
}

void EditorContext::deleteSelected() {
  if (doc.selection().empty()) return;
  const Path item = doc.selection()[0];
  apply(editor::Command::erase(item, "Delete " + item.str()));
  doc.select({});
}

void EditorContext::replaceDocument(editor::Document document) {
  doc = std::move(document);
  preview.reset();
  previewRevision_ = ~0ull;
}

const scenario::SymbolCatalog& EditorContext::symbols() const {
  return doc.scenario() ? doc.scenario()->training.symbols : doc.symbols();
}

std::vector<std::string> EditorContext::symbolNames() const {
  std::vector<std::string> names;
  for (const auto& e : symbols().entries) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace practicum::editor_app
