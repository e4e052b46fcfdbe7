#include <practicum/editor/authoring.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>

#include <practicum/assets/model.hpp>
#include <practicum/core/file_io.hpp>
#include <practicum/scenario/names.hpp>

#include <practicum/editor/fields.hpp>

#include "json_tree.hpp"

namespace practicum::editor {

using detail::Json;
using scenario::DeviceKind;
using scenario::toString;

namespace {

Json valueAt(const Document& doc, std::string_view path) {
  const auto text = doc.value(path);
  return text ? Json::parse(*text) : Json();
}

std::string at(std::string_view array, std::size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

core::Error noSuch(std::string_view what, std::size_t index) {
  return core::makeError(core::ErrorCode::NotFound,
                         std::string(what) + "[" + std::to_string(index) + "]: no such item");
}

}  // namespace

std::string uniqueName(const Document& doc, std::string_view arrayPath, std::string_view base) {
  std::string name(base.empty() ? "item" : base);
  if (!doc.find(arrayPath, name)) return name;
  // entity and material names may have dashes; the others are names conditions use
  const bool free = arrayPath == "entities" || arrayPath == "materials";
  for (int n = 2;; ++n) {
    std::string candidate = name + (free ? "-" : "_") + std::to_string(n);
    if (!doc.find(arrayPath, candidate)) return candidate;
  }
}

std::string numberJson(double value) {
  if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
    return Json(static_cast<std::int64_t>(value)).dump();
  return Json(value).dump();
}

Command addEntity(const Document& doc, const EntitySpec& spec) {
  Json e = Json::object();
  const std::string name = uniqueName(doc, "entities", spec.name);
  e["name"] = name;
  e["transform"] = {{"position", spec.position}, {"rotation", spec.rotation}};
  Json shape = {{"type", spec.shape}};
  const auto kind = scenario::parseShapeType(spec.shape);
  if (kind == scene::ShapeKind::Box)
    shape["halfExtents"] = spec.size;
  else if (kind == scene::ShapeKind::Sphere)
    shape["radius"] = spec.size[0];
  else {  // cylinder, capsule
    shape["radius"] = spec.size[0];
    shape["height"] = spec.size[1];
  }
  e["shape"] = shape;
  // a primitive needs a material when the scenario has any: the one named, else the one of the
  // entity made last (a new part looks like the one before it), else the first
  std::optional<std::string> material;
  if (!spec.material.empty()) material = spec.material;
  for (std::size_t i = doc.size("entities"); !material && i > 0; --i)
    material = doc.string(at("entities", i - 1) + ".material");
  if (!material) material = doc.string("materials[0].name");
  if (material) e["material"] = *material;
  if (!spec.body.empty()) {
    Json body = {{"type", spec.body}};
    if (scenario::parseBodyType(spec.body) == scene::BodyType::Dynamic) body["mass"] = spec.mass;
    e["body"] = body;
  }
  return Command::insert("entities", doc.size("entities"), e.dump(), "Add entity " + name);
}

core::Result<Command> renameEntity(const Document& doc, std::size_t index, std::string_view name) {
  return rename(doc, Path(at("entities", index)), name);
}

core::Result<Command> renameDevice(const Document& doc, std::size_t index, std::string_view name) {
  return rename(doc, Path(at("devices", index)), name);
}

core::Result<Command> renameStep(const Document& doc, std::size_t index, std::string_view id) {
  return rename(doc, Path(at("procedure.steps", index)), id);
}

core::Result<Command> duplicateEntity(const Document& doc, std::size_t index,
                                      std::array<double, 3> offset) {
  Json e = valueAt(doc, at("entities", index));
  if (!e.is_object()) return noSuch("entities", index);
  const std::string name =
      uniqueName(doc, "entities", e.value("name", std::string("entity")) + "-copy");
  e["name"] = name;
  Json& position = e["transform"]["position"];
  if (!position.is_array() || position.size() != 3) position = {0, 0, 0};
  for (std::size_t k = 0; k < 3; ++k)
    if (position[k].is_number()) position[k] = position[k].get<double>() + offset[k];
  return Command::insert("entities", index + 1, e.dump(), "Duplicate entity as " + name);
}

core::Result<Command> deleteEntity(const Document& doc, std::size_t index) {
  const auto name = doc.string(at("entities", index) + ".name");
  if (!name) return noSuch("entities", index);
  return Command::erase(at("entities", index), "Delete entity " + *name);
}

Command setTransform(const Document& doc, std::size_t index, std::array<double, 3> position,
                     std::array<double, 3> rotationDegrees, bool dragging) {
  const std::string path = at("entities", index) + ".transform";
  Command c =
      Command::set(path, Json{{"position", position}, {"rotation", rotationDegrees}}.dump());
  // an existing transform keeps its scale (and member order): position and rotation only
  if (doc.value(path))
    c = Command::group("Move entities[" + std::to_string(index) + "]",
                       {Command::set(path + ".position", Json(position).dump()),
                        Command::set(path + ".rotation", Json(rotationDegrees).dump())});
  if (dragging) c.mergeKey("transform:" + std::to_string(index));
  return c;
}

core::Result<Command> setShapeType(const Document& doc, std::size_t index, std::string_view type) {
  const std::string path = at("entities", index) + ".shape";
  const Json old = valueAt(doc, path);
  if (!doc.value(at("entities", index))) return noSuch("entities", index);
  const std::string to(type);
  const auto kind = scenario::parseShapeType(type);
  if (!kind)
    return core::makeError(core::ErrorCode::InvalidArgument,
                           path + ": unknown shape type \"" + to + "\"; expected one of: " +
                               scenario::joinNames(scenario::NameList::ShapeTypes, ", "));
  if (*kind == scene::ShapeKind::ConvexHull || *kind == scene::ShapeKind::TriangleMesh)
    return core::makeError(core::ErrorCode::InvalidArgument,
                           path + ": a " + to + " shape is made from a model (set \"model\")");
  // the radius and height as far as the old shape had them
  const auto number = [&](const char* key, std::size_t k, double fallback) {
    if (old.contains(key) && old[key].is_number()) return old[key].get<double>();
    if (old.contains("halfExtents") && old["halfExtents"].is_array() &&
        old["halfExtents"].size() == 3 && old["halfExtents"][k].is_number())
      return old["halfExtents"][k].get<double>() * (k == 1 ? 2.0 : 1.0);
    return fallback;
  };
  const double r = number("radius", 0, 0.1), h = number("height", 1, 0.2);
  Json shape = {{"type", to}};
  if (*kind == scene::ShapeKind::Box) shape["halfExtents"] = {r, h / 2, r};
  if (*kind == scene::ShapeKind::Sphere) shape["radius"] = r;
  if (*kind == scene::ShapeKind::Cylinder || *kind == scene::ShapeKind::Capsule) {
    shape["radius"] = r;
    shape["height"] = h;
  }
  return Command::set(path, shape.dump(), "Make entities[" + std::to_string(index) + "] a " + to);
}

core::Result<Command> setDeviceKind(const Document& doc, std::size_t index, std::string_view kind) {
  if (!doc.value(at("devices", index))) return noSuch("devices", index);
  // the format's table says what each kind has: what no longer applies goes, what the new kind
  // needs comes, named after the document's own things (a lock's target, a valve's hinge)
  return retype(doc, Path(at("devices", index)).child("kind"), kind);
}

namespace {
// the files a model refers to beside itself (relative paths only)
std::vector<std::string> referencedFiles(const std::filesystem::path& model) {
  std::vector<std::string> files;
  auto text = core::readFile(model, 64ull * 1024 * 1024);
  if (!text.ok()) return files;
  std::string ext = model.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".gltf") {
    const Json gltf = Json::parse(*text, nullptr, false);
    for (const char* list : {"buffers", "images"})
      if (gltf.is_object() && gltf.contains(list) && gltf[list].is_array())
        for (const auto& item : gltf[list])
          if (item.is_object() && item.contains("uri") && item["uri"].is_string()) {
            const std::string uri = item["uri"];
            if (uri.rfind("data:", 0) != 0) files.push_back(uri);
          }
  } else if (ext == ".obj") {
    std::size_t at = 0;
    while ((at = text->find("mtllib", at)) != std::string::npos) {
      const std::size_t start = text->find_first_not_of(" \t", at + 6);
      const std::size_t end = text->find_first_of("\r\n", start);
      if (start != std::string::npos) files.push_back(text->substr(start, end - start));
      at = start == std::string::npos ? text->size() : start;
    }
  }
  // nothing that climbs out of the model's folder
  std::erase_if(files, [](const std::string& f) {
    const std::filesystem::path p(f);
    return f.empty() || p.is_absolute() || f.find("..") != std::string::npos;
  });
  return files;
}
}  // namespace

core::Result<Command> importModel(const Document& doc, const std::filesystem::path& source) {
  if (doc.file().empty())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "save the scenario first: models are copied into its folder");
  // imported where it is: a file that does not import is not copied
  auto model = assets::importModel(source);
  if (!model.ok()) return model.error();

  // a name no model in models/ has
  const std::filesystem::path dir = doc.file().parent_path() / "models";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::path target = dir / source.filename();
  for (int n = 2; std::filesystem::exists(target, ec); ++n)
    target = dir / (source.stem().string() + "-" + std::to_string(n) + source.extension().string());

  // the model and what it refers to, then imported again from its new place
  std::vector<std::filesystem::path> copied;
  const auto undoCopies = [&] {
    for (const auto& f : copied) std::filesystem::remove(f, ec);
  };
  const auto copy = [&](const std::filesystem::path& from, const std::filesystem::path& to) {
    if (std::filesystem::exists(to, ec)) return true;  // shared (an .mtl two models use)
    std::filesystem::create_directories(to.parent_path(), ec);
    if (!std::filesystem::copy_file(from, to, ec)) return false;
    copied.push_back(to);
    return true;
  };
  if (!copy(source, target)) {
    undoCopies();
    return core::makeError(core::ErrorCode::Io,
                           target.string() + ": cannot copy (" + ec.message() + ")");
  }
  for (const auto& ref : referencedFiles(source))
    if (!copy(source.parent_path() / ref, dir / ref)) {
      undoCopies();
      return core::makeError(core::ErrorCode::Io, (source.parent_path() / ref).string() +
                                                      ": the model refers to it, cannot copy (" +
                                                      ec.message() + ")");
    }
  if (auto again = assets::importModel(target); !again.ok()) {
    undoCopies();
    return again.error();
  }

  Json e = {{"name", uniqueName(doc, "entities", source.stem().string())},
            {"transform", {{"position", {0, 0.5, 0}}}},
            {"model", "models/" + target.filename().string()},
            {"body", {{"type", "static"}}}};
  return Command::insert("entities", doc.size("entities"), e.dump(),
                         "Import " + target.filename().string());
}

double snap(double value, double step) {
  return step > 0 ? std::round(value / step) * step : value;
}

}  // namespace practicum::editor
