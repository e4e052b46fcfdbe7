// Scenario format v1 (docs/scenario-format.md): strict reading of scenario.json into a
// ScenarioDef, reporting every problem with its JSON path, line and column.
#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/scenario/names.hpp>
#include <practicum/scenario/scenario.hpp>

#include <algorithm>
#include <exception>
#include <new>
#include <unordered_map>
#include <utility>

#include "checker.hpp"
#include "json_path.hpp"
#include "positioned_json.hpp"
#include "training_reader.hpp"

namespace practicum::scenario {

namespace {

namespace fs = std::filesystem;
using detail::Checker;
using detail::elementPath;
using detail::formatNumber;
using detail::PositionedJson;
using detail::Range;
using nlohmann::json;

constexpr double kMinTickRate = 30.0;
constexpr double kMaxTickRate = 1000.0;
constexpr double kMaxHingeLimitDegrees = 180.0;

// a name declared in the file, with the path that declared it (for duplicate messages)
struct Declared {
  std::uint32_t index = 0;
  std::string path;
};

// Reads one parsed document into a ScenarioDef. All checks report through the Checker and
// carry on, so one pass finds every problem.
class ScenarioReader {
 public:
  ScenarioReader(const PositionedJson& doc, Checker& check, const LoadLimits& limits,
                 ScenarioDef& def)
      : doc_(doc), check_(check), limits_(limits), def_(def) {}

  void read() {
    const json& root = doc_.root;
    if (!root.is_object()) {
      check_.error("", say("the top level must be an object, got {}", "最外层必须是对象，实为{}",
                           detail::typeName(root)));
      return;
    }
    // the version decides how to read everything else: stop on one this build cannot read
    if (const json* format = check_.require(root, "", "format")) {
      if (const auto version = check_.integer(*format, "format");
          version && *version != kFormatVersion) {
        check_.error("format",
                     say("unsupported format version {}; this build reads format {} only",
                         "不支持的格式版本 {}；本版本只能读取格式 {}", *version, kFormatVersion));
        return;
      }
    }
    check_.checkKeys(root, "", "");
    readMeta(root);
    if (const json* v = Checker::find(root, "physics")) readPhysics(*v, "physics");
    readMaterials(Checker::find(root, "materials"));
    bool entitiesRead = false;
    if (const json* v = check_.require(root, "", "entities")) entitiesRead = readEntities(*v);
    if (const json* v = Checker::find(root, "joints"); v && entitiesRead) readJoints(*v, "joints");
    if (const json* v = Checker::find(root, "lights")) readLights(*v, "lights");
    if (const json* v = Checker::find(root, "camera")) readCamera(*v, "camera");
    if (entitiesRead)
      detail::readTraining(
          root, check_, def_,
          [this](const std::string& name, const std::string& path) {
            return lookup(entityNames_, name, path, "entity");
          },
          [this](const json& v, const std::string& path, LocalizedText& out) {
            readLocalized(v, path, out);
          });
  }

 private:
  // ---- metadata ----

  void readMeta(const json& root) {
    Metadata& meta = def_.meta;
    if (const json* v = check_.require(root, "", "id")) {
      if (auto id = check_.string(*v, "id")) {
        const bool valid = std::all_of(id->begin(), id->end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (valid) {
          meta.id = std::move(*id);
        } else {
          check_.error("id",
                       say("must contain only lowercase letters a-z, digits and '-', got \"{}\"",
                           "只能包含小写字母“a-z”、数字和“-”，实为“{}”", *id));
        }
      }
    }
    if (const json* v = check_.require(root, "", "title", detail::bothLanguages()))
      readLocalized(*v, "title", meta.title);
    if (const json* v = Checker::find(root, "description"))
      readLocalized(*v, "description", meta.description);
    readRequiredString(root, "", "trade", meta.trade);
    readRequiredString(root, "", "author", meta.author);
    readRequiredString(root, "", "licence", meta.licence);
  }

  void readLocalized(const json& v, const std::string& path, LocalizedText& out) {
    if (!check_.expectObject(v, path)) return;
    check_.checkKeys(v, path, "text");
    const LocalizedText both =
        say("{} needs both zh-CN and en", "“{}”需要同时有“zh-CN”和“en”", path);
    readRequiredString(v, path, "zh-CN", out.zhCN, both);
    readRequiredString(v, path, "en", out.en, both);
  }

  void readRequiredString(const json& obj, const std::string& path, std::string_view key,
                          std::string& out, LocalizedText detail = {}) {
    if (const json* v = check_.require(obj, path, key, std::move(detail)))
      if (auto s = check_.string(*v, Checker::at(path, key))) out = std::move(*s);
  }

  // ---- physics, lights, camera ----

  void readPhysics(const json& v, const std::string& path) {
    if (!check_.expectObject(v, path)) return;
    check_.checkKeys(v, path, "physics");
    check_.optNumber(v, path, "tickRate", def_.physics.tickRate,
                     Range::closed(kMinTickRate, kMaxTickRate));
    check_.optVec3(v, path, "gravity", def_.physics.gravity);
  }

  void readLights(const json& v, const std::string& path) {
    if (!check_.expectObject(v, path)) return;
    check_.checkKeys(v, path, "lights");
    scene::Lighting& light = def_.scene.lighting;
    if (const json* sun = Checker::find(v, "sun")) {
      const std::string sunPath = Checker::at(path, "sun");
      if (check_.expectObject(*sun, sunPath)) {
        check_.checkKeys(*sun, sunPath, "lights.sun");
        if (const json* d = Checker::find(*sun, "direction")) {
          const std::string dirPath = Checker::at(sunPath, "direction");
          if (const auto dir = check_.vec3(*d, dirPath)) {
            if (core::length(*dir) > 0) {
              light.direction = core::normalize(*dir);
            } else {
              check_.error(dirPath, say("must not be the zero vector", "不能是零向量"));
            }
          }
        }
        check_.optVec3(*sun, sunPath, "color", light.color, Range::unit());
        check_.optNumber(*sun, sunPath, "intensity", light.intensity, Range::nonNegative());
      }
    }
    check_.optVec3(v, path, "ambient", light.ambient, Range::unit());
    check_.optVec3(v, path, "background", light.background, Range::unit());
  }

  void readCamera(const json& v, const std::string& path) {
    if (!check_.expectObject(v, path)) return;
    check_.checkKeys(v, path, "camera");
    scene::Camera& camera = def_.scene.camera;
    check_.optVec3(v, path, "position", camera.position);
    check_.optVec3(v, path, "target", camera.target);
    check_.optNumber(v, path, "fov", camera.fovYDegrees, Range::open(0, 180));
    check_.optNumber(v, path, "near", camera.nearPlane, Range::positive());
    check_.optNumber(v, path, "far", camera.farPlane, Range::positive());
    if (camera.farPlane <= camera.nearPlane) {
      const std::string at =
          Checker::find(v, "far") ? Checker::at(path, "far") : Checker::at(path, "near");
      check_.error(at, say("far ({}) must be greater than near ({})",
                           "远裁剪面“far”（{}）必须大于近裁剪面“near”（{}）", camera.farPlane,
                           camera.nearPlane));
    }
    if (camera.position == camera.target)
      check_.error(
          Checker::find(v, "target") ? Checker::at(path, "target") : path,
          say("the camera target must differ from its position", "相机的目标点不能与其位置相同"));
  }

  // ---- materials ----

  void readMaterials(const json* v) {
    std::vector<scene::Material>& materials = def_.scene.materials;
    if (v && check_.expectArray(*v, "materials")) {
      for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string path = elementPath("materials", i);
        materials.push_back(readMaterial((*v)[i], path, static_cast<std::uint32_t>(i)));
      }
    }
    // without materials a single default one exists, and primitives use it implicitly
    if (materials.empty()) {
      materials.push_back(scene::Material{"default"});
      materialNames_.emplace("default", Declared{0, "materials"});
      implicitMaterial_ = true;
    }
  }

  scene::Material readMaterial(const json& v, const std::string& path, std::uint32_t index) {
    scene::Material m;
    if (!check_.expectObject(v, path)) return m;
    check_.checkKeys(v, path, "materials[]");
    if (const json* name = check_.require(v, path, "name")) {
      if (auto s = check_.string(*name, Checker::at(path, "name"))) {
        declare(materialNames_, *s, Checker::at(path, "name"), index, "material");
        m.name = std::move(*s);
      }
    }
    if (const json* color = Checker::find(v, "baseColor")) {
      if (const auto c =
              check_.numbers(*color, Checker::at(path, "baseColor"), {3, 4}, Range::unit())) {
        m.baseColor = {static_cast<float>((*c)[0]), static_cast<float>((*c)[1]),
                       static_cast<float>((*c)[2]),
                       c->size() == 4 ? static_cast<float>((*c)[3]) : 1.0f};
      }
    }
    check_.optNumber(v, path, "roughness", m.roughness, Range::unit());
    check_.optNumber(v, path, "metalness", m.metalness, Range::unit());
    return m;
  }

  // ---- entities ----

  bool readEntities(const json& v) {
    if (!check_.expectArray(v, "entities")) return false;
    if (v.size() > limits_.maxEntities) {
      check_.error("entities", say("the scenario has {} entities, more than the limit of {}",
                                   "场景有 {} 个实体，超过上限 {}", v.size(), limits_.maxEntities));
      return false;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string path = elementPath("entities", i);
      def_.scene.entities.push_back(readEntity(v[i], path, static_cast<std::uint32_t>(i)));
    }
    return true;
  }

  scene::Entity readEntity(const json& v, const std::string& path, std::uint32_t index) {
    scene::Entity e;
    if (!check_.expectObject(v, path)) return e;
    check_.checkKeys(v, path, "entities[]");
    if (const json* cut = Checker::find(v, "cutaway")) {
      if (cut->is_boolean())
        e.cutaway = cut->get<bool>();
      else
        check_.error(Checker::at(path, "cutaway"),
                     say("expected true or false, got {}", "应为 true 或 false，实为{}",
                         detail::typeName(*cut)));
    }
    if (const json* name = check_.require(v, path, "name")) {
      if (auto s = check_.string(*name, Checker::at(path, "name"))) {
        declare(entityNames_, *s, Checker::at(path, "name"), index, "entity");
        e.name = std::move(*s);
      }
    }
    if (const json* t = Checker::find(v, "transform"))
      readTransform(*t, Checker::at(path, "transform"), e.transform);

    const json* model = Checker::find(v, "model");
    if (model)
      if (auto m = readModelPath(*model, Checker::at(path, "model"))) e.model = std::move(*m);
    const json* body = Checker::find(v, "body");
    bool bodyTypeKnown = false;
    if (body) {
      scene::Body b;
      bodyTypeKnown = readBody(*body, Checker::at(path, "body"), b);
      e.body = b;
    }

    // shape: given, or implied by the model
    const json* shape = Checker::find(v, "shape");
    if (shape) {
      const std::string shapePath = Checker::at(path, "shape");
      if (readShape(*shape, shapePath, e.shape)) {
        const std::string typePath = Checker::at(shapePath, "type");
        const bool needsModel = e.shape.kind == scene::ShapeKind::ConvexHull ||
                                e.shape.kind == scene::ShapeKind::TriangleMesh;
        const std::string_view kind = toString(e.shape.kind);
        if (needsModel && !model)
          check_.error(typePath,
                       say("a {} shape is built from the entity's model, but the entity has no "
                           "\"model\"",
                           "“{}”形状由实体的模型生成，但此实体没有“model”", kind));
        if (e.shape.kind == scene::ShapeKind::TriangleMesh && bodyTypeKnown &&
            e.body->type == scene::BodyType::Dynamic)
          check_.error(typePath,
                       say("a triangleMesh shape cannot belong to a dynamic body; use convexHull "
                           "or a primitive shape",
                           "“triangleMesh”形状不能属于动态刚体；请用“convexHull”或基本形状"));
      }
    } else if (model) {
      const bool dynamic = bodyTypeKnown && e.body->type == scene::BodyType::Dynamic;
      e.shape.kind = dynamic ? scene::ShapeKind::ConvexHull : scene::ShapeKind::TriangleMesh;
    } else {
      check_.missing(path, "shape",
                     say("an entity needs a \"shape\", a \"model\", or both",
                         "实体需要“shape”或“model”，或两者都有"));
    }
    // scale resizes model geometry; a primitive's size is its shape's parameters
    const scene::Vec3 sc = e.transform.scale;
    if (!model && (sc.x != 1.0f || sc.y != 1.0f || sc.z != 1.0f))
      check_.error(Checker::at(Checker::at(path, "transform"), "scale"),
                   say("scale applies to models only; give the shape's own size (halfExtents, "
                       "radius, height) instead",
                       "“scale”只用于模型；请改为给出形状自身的尺寸（“halfExtents”、“radius”、"
                       "“height”）"));

    // material: required for primitives when the scenario declares materials
    if (const json* m = Checker::find(v, "material")) {
      const std::string materialPath = Checker::at(path, "material");
      if (auto name = check_.string(*m, materialPath)) {
        if (const auto found = lookup(materialNames_, *name, materialPath, "material")) {
          e.material = *found;
          e.overrideMaterial = model != nullptr;
        }
      }
    } else if (!model && !implicitMaterial_) {
      check_.missing(path, "material",
                     say("a primitive shape has no material of its own; name one from "
                         "\"materials\"",
                         "基本形状没有自带材质；请从“materials”中选一个"));
    }
    return e;
  }

  void readTransform(const json& v, const std::string& path, scene::Transform& t) {
    if (!check_.expectObject(v, path)) return;
    check_.checkKeys(v, path, "entities[].transform");
    check_.optVec3(v, path, "position", t.position);
    if (const json* r = Checker::find(v, "rotation")) {
      const std::string rotationPath = Checker::at(path, "rotation");
      if (const auto values = check_.numbers(*r, rotationPath, {3, 4})) {
        const auto& q = *values;
        if (q.size() == 3) {
          t.rotation = core::quatFromEulerDegrees(
              {static_cast<float>(q[0]), static_cast<float>(q[1]), static_cast<float>(q[2])});
        } else if (q[0] == 0 && q[1] == 0 && q[2] == 0 && q[3] == 0) {
          check_.error(rotationPath, say("a quaternion [x, y, z, w] must not be all zeros",
                                         "四元数 [x, y, z, w] 不能全为零"));
        } else {
          t.rotation =
              core::normalize(core::Quat{static_cast<float>(q[0]), static_cast<float>(q[1]),
                                         static_cast<float>(q[2]), static_cast<float>(q[3])});
        }
      }
    }
    check_.optVec3(v, path, "scale", t.scale, Range::positive());
  }

  // the model path normalised and checked to name an existing file inside the folder
  std::optional<std::string> readModelPath(const json& v, const std::string& path) {
    const auto raw = check_.string(v, path);
    if (!raw) return std::nullopt;
    const fs::path rel(*raw);
    if (rel.has_root_path()) {
      check_.error(path, say("model path \"{}\" is absolute; it must be relative to the scenario "
                             "folder",
                             "模型路径“{}”是绝对路径；必须相对于场景文件夹", *raw));
      return std::nullopt;
    }
    const fs::path normal = rel.lexically_normal();
    if (normal.empty() || normal == "." || !normal.has_filename()) {
      check_.error(path,
                   say("model path \"{}\" does not name a file", "模型路径“{}”没有指向文件", *raw));
      return std::nullopt;
    }
    if (*normal.begin() == "..") {
      check_.error(path, say("model path \"{}\" leaves the scenario folder",
                             "模型路径“{}”超出了场景文件夹", *raw));
      return std::nullopt;
    }
    // the file must exist, be a regular file, and not lead out of the folder through a link
    const fs::path full = def_.folder / normal;
    std::error_code ec;
    const fs::file_status status = fs::status(full, ec);
    if (!fs::exists(status)) {
      check_.error(path, say("model file \"{}\" does not exist (looked for {})",
                             "模型文件“{}”不存在（查找位置：{}）", *raw, full.string()));
      return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
      check_.error(
          path, say("model path \"{}\" is not a regular file", "模型路径“{}”不是普通文件", *raw));
      return std::nullopt;
    }
    const fs::path canonicalFolder = fs::weakly_canonical(def_.folder, ec);
    const fs::path canonicalFile = fs::weakly_canonical(full, ec);
    if (!ec) {
      const fs::path inside = canonicalFile.lexically_relative(canonicalFolder);
      if (inside.empty() || *inside.begin() == "..") {
        check_.error(path, say("model file \"{}\" resolves to a file outside the scenario "
                               "folder ({})",
                               "模型文件“{}”实际指向场景文件夹以外的文件（{}）", *raw,
                               canonicalFile.string()));
        return std::nullopt;
      }
    }
    return normal.generic_string();
  }

  // returns whether the shape's type was read
  bool readShape(const json& v, const std::string& path, scene::Shape& s) {
    if (!check_.expectObject(v, path)) return false;
    check_.checkKeys(v, path, "entities[].shape");
    const json* type = check_.require(v, path, "type");
    if (!type) return false;
    const auto index = check_.choice(*type, Checker::at(path, "type"), NameList::ShapeTypes);
    if (!index) return false;
    const auto kind = static_cast<scene::ShapeKind>(*index);
    s.kind = kind;
    const LocalizedText reason =
        say("does not apply to a {} shape", "不适用于“{}”形状", toString(kind));
    const auto requireNumber = [&](std::string_view key, float& out, Range range) {
      if (const json* n = check_.require(
              v, path, key, say("a {} shape needs it", "“{}”形状需要此字段", toString(kind))))
        if (const auto d = check_.number(*n, Checker::at(path, key), range))
          out = static_cast<float>(*d);
    };
    switch (kind) {
      case scene::ShapeKind::Box:
        if (const json* h = check_.require(v, path, "halfExtents",
                                           say("a box shape needs it", "“box”形状需要此字段")))
          if (const auto e = check_.vec3(*h, Checker::at(path, "halfExtents"), Range::positive()))
            s.halfExtents = *e;
        check_.rejectKey(v, path, "radius", reason);
        check_.rejectKey(v, path, "height", reason);
        break;
      case scene::ShapeKind::Sphere:
        requireNumber("radius", s.radius, Range::positive());
        check_.rejectKey(v, path, "halfExtents", reason);
        check_.rejectKey(v, path, "height", reason);
        break;
      case scene::ShapeKind::Capsule:
        requireNumber("radius", s.radius, Range::positive());
        requireNumber("height", s.height, Range::nonNegative());
        check_.rejectKey(v, path, "halfExtents", reason);
        break;
      case scene::ShapeKind::Cylinder:
        requireNumber("radius", s.radius, Range::positive());
        requireNumber("height", s.height, Range::positive());
        check_.rejectKey(v, path, "halfExtents", reason);
        break;
      case scene::ShapeKind::ConvexHull:
      case scene::ShapeKind::TriangleMesh: {
        const LocalizedText fromModel =
            reason + say(" (its size comes from the model)", "（其尺寸来自模型）");
        check_.rejectKey(v, path, "halfExtents", fromModel);
        check_.rejectKey(v, path, "radius", fromModel);
        check_.rejectKey(v, path, "height", fromModel);
        break;
      }
    }
    return true;
  }

  // returns whether the body's type was read
  bool readBody(const json& v, const std::string& path, scene::Body& b) {
    if (!check_.expectObject(v, path)) return false;
    check_.checkKeys(v, path, "entities[].body");
    std::optional<scene::BodyType> type;
    if (const json* t = check_.require(v, path, "type"))
      if (const auto i = check_.choice(*t, Checker::at(path, "type"), NameList::BodyTypes))
        type = static_cast<scene::BodyType>(*i);
    if (type) b.type = *type;

    // mass: required for dynamic bodies, ignored (with a warning) for the others
    const json* mass = Checker::find(v, "mass");
    if (type == scene::BodyType::Dynamic && !mass)
      check_.missing(path, "mass",
                     say("a dynamic body needs a mass in kg", "动态刚体需要质量，单位为千克"));
    if (mass) {
      if (const auto m = check_.number(*mass, Checker::at(path, "mass"), Range::positive())) {
        b.mass = static_cast<float>(*m);
        if (type && *type != scene::BodyType::Dynamic)
          check_.warning(Checker::at(path, "mass"), say("mass is ignored for a {} body",
                                                        "“{}”刚体的质量不起作用", toString(*type)));
      }
    }
    check_.optNumber(v, path, "friction", b.friction, Range::nonNegative());
    check_.optNumber(v, path, "rollingFriction", b.rollingFriction, Range::nonNegative());
    check_.optNumber(v, path, "restitution", b.restitution, Range::unit());
    check_.optNumber(v, path, "linearDamping", b.linearDamping, Range::unit());
    check_.optNumber(v, path, "angularDamping", b.angularDamping, Range::unit());
    check_.optVec3(v, path, "linearVelocity", b.linearVelocity);
    // angles are degrees everywhere in the file: deg/s here, rad/s in the scene
    check_.optVec3(v, path, "angularVelocity", b.angularVelocity);
    b.angularVelocity = b.angularVelocity * core::radians(1.0f);
    if (type == scene::BodyType::Static) {
      for (const std::string_view key : {"linearVelocity", "angularVelocity"})
        if (Checker::find(v, key))
          check_.warning(Checker::at(path, key),
                         say("{} is ignored for a static body", "静态刚体的“{}”不起作用", key));
    }
    return type.has_value();
  }

  // ---- joints ----

  void readJoints(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string jointPath = elementPath(path, i);
      def_.scene.joints.push_back(readJoint(v[i], jointPath, static_cast<std::uint32_t>(i)));
    }
  }

  scene::Joint readJoint(const json& v, const std::string& path, std::uint32_t index) {
    scene::Joint j;
    if (!check_.expectObject(v, path)) return j;
    check_.checkKeys(v, path, "joints[]");
    if (const json* name = check_.require(v, path, "name")) {
      if (auto s = check_.string(*name, Checker::at(path, "name"))) {
        declare(jointNames_, *s, Checker::at(path, "name"), index, "joint");
        j.name = std::move(*s);
      }
    }
    std::optional<scene::JointKind> kind;
    if (const json* t = check_.require(v, path, "type"))
      if (const auto i = check_.choice(*t, Checker::at(path, "type"), NameList::JointTypes))
        kind = static_cast<scene::JointKind>(*i);
    if (kind) j.kind = *kind;

    // the jointed entities: a is required, b defaults to the world
    std::optional<std::uint32_t> a;
    if (const json* av = check_.require(v, path, "a")) {
      a = jointEntity(*av, Checker::at(path, "a"));
      if (a) j.entityA = *a;
    }
    if (const json* bv = Checker::find(v, "b")) {
      const std::string bPath = Checker::at(path, "b");
      j.entityB = jointEntity(*bv, bPath);
      if (a && j.entityB && *a == *j.entityB)
        check_.error(bPath, say("a joint cannot connect entity \"{}\" to itself",
                                "关节不能把实体“{}”连接到它自己", def_.scene.entities[*a].name));
    }

    if (const json* p = check_.require(v, path, "pivot"))
      if (const auto pivot = check_.vec3(*p, Checker::at(path, "pivot"))) j.pivot = *pivot;
    if (!kind) return j;

    const bool hinge = *kind == scene::JointKind::Hinge;
    const bool hasAxis = hinge || *kind == scene::JointKind::Slider;
    if (!hasAxis) {
      const LocalizedText reason =
          say("does not apply to a {} joint", "不适用于“{}”关节", toString(*kind));
      check_.rejectKey(v, path, "axis", reason);
      check_.rejectKey(v, path, "limits", reason);
      check_.rejectKey(v, path, "motor", reason);
      return j;
    }
    const std::string kindName(toString(*kind));
    if (const json* ax = check_.require(
            v, path, "axis", say("a {} joint needs it", "“{}”关节需要此字段", kindName))) {
      const std::string axisPath = Checker::at(path, "axis");
      if (const auto axis = check_.vec3(*ax, axisPath)) {
        if (core::length(*axis) > 0) {
          j.axis = core::normalize(*axis);
        } else {
          check_.error(axisPath, say("must not be the zero vector", "不能是零向量"));
        }
      }
    }
    // hinge angles are degrees in the file and radians in the scene; slider values are metres
    const float toScene = hinge ? core::radians(1.0f) : 1.0f;
    if (const json* l = Checker::find(v, "limits")) {
      const std::string limitsPath = Checker::at(path, "limits");
      if (check_.expectObject(*l, limitsPath)) {
        check_.checkKeys(*l, limitsPath, "joints[].limits");
        const Range range =
            hinge ? Range::closed(-kMaxHingeLimitDegrees, kMaxHingeLimitDegrees) : Range::any();
        std::optional<double> lower, upper;
        if (const json* lo = Checker::find(*l, "lower"))
          lower = check_.number(*lo, Checker::at(limitsPath, "lower"), range);
        if (const json* hi = Checker::find(*l, "upper"))
          upper = check_.number(*hi, Checker::at(limitsPath, "upper"), range);
        if (lower && upper && *lower > *upper) {
          check_.error(limitsPath, say("lower limit ({}) is greater than upper limit ({})",
                                       "下限（{}）大于上限（{}）", *lower, *upper));
        } else {
          if (lower) j.lowerLimit = static_cast<float>(*lower) * toScene;
          if (upper) j.upperLimit = static_cast<float>(*upper) * toScene;
        }
      }
    }
    if (const json* m = Checker::find(v, "motor")) {
      const std::string motorPath = Checker::at(path, "motor");
      if (check_.expectObject(*m, motorPath)) {
        check_.checkKeys(*m, motorPath, "joints[].motor");
        j.motor.enabled = true;
        check_.optNumber(*m, motorPath, "targetVelocity", j.motor.targetVelocity);
        j.motor.targetVelocity *= toScene;
        check_.optNumber(*m, motorPath, "maxForce", j.motor.maxForce, Range::nonNegative());
      }
    }
    return j;
  }

  // an entity named by a joint: it must exist and have a body
  std::optional<std::uint32_t> jointEntity(const json& v, const std::string& path) {
    const auto name = check_.string(v, path);
    if (!name) return std::nullopt;
    const auto index = lookup(entityNames_, *name, path, "entity");
    if (index && !def_.scene.entities[*index].body) {
      check_.error(path, say("entity \"{}\" has no \"body\"; joints connect bodies",
                             "实体“{}”没有“body”；关节连接的是刚体", *name));
      return std::nullopt;
    }
    return index;
  }

  // ---- helpers ----

  void declare(std::unordered_map<std::string, Declared>& names, const std::string& name,
               const std::string& path, std::uint32_t index, const char* what) {
    const auto [it, inserted] = names.emplace(name, Declared{index, path});
    if (inserted) return;
    const auto first = check_.positionOf(it->second.path);
    check_.error(path, say("duplicate {} name \"{}\" (already used by {} at line {})",
                           "{}名称“{}”重复（已被第 {3} 行的 {2} 使用）", detail::noun(what), name,
                           it->second.path, first.line));
  }

  std::optional<std::uint32_t> lookup(const std::unordered_map<std::string, Declared>& names,
                                      const std::string& name, const std::string& path,
                                      const char* what) {
    if (const auto it = names.find(name); it != names.end()) return it->second.index;
    std::vector<std::string_view> candidates;
    for (const auto& entry : names) candidates.push_back(entry.first);
    std::sort(candidates.begin(), candidates.end());
    const LocalizedText word = detail::noun(what);
    LocalizedText message = say("unknown {} \"{}\"", "未知{}“{}”", word, name);
    if (const auto close = detail::suggest(name, candidates)) {
      message += say("; did you mean \"{}\"?", "；是否想写“{}”？", *close);
    } else if (candidates.empty()) {
      message += say("; the scenario declares no {}", "；场景中没有任何{}", word);
    } else if (candidates.size() <= 12) {
      message += say("; the scenario declares:", "；场景中有：");
      for (std::size_t i = 0; i < candidates.size(); ++i)
        message += say(i ? ", {}" : " {}", i ? "、“{}”" : "“{}”", candidates[i]);
    }
    check_.error(path, std::move(message));
    return std::nullopt;
  }

  const PositionedJson& doc_;
  Checker& check_;
  const LoadLimits& limits_;
  ScenarioDef& def_;
  std::unordered_map<std::string, Declared> materialNames_;
  std::unordered_map<std::string, Declared> entityNames_;
  std::unordered_map<std::string, Declared> jointNames_;
  bool implicitMaterial_ = false;
};

// a whole-file problem (no JSON path, no position)
Diagnostic fileError(const fs::path& file, LocalizedText message) {
  return {Severity::Error, file.string(), "", 0, 0, std::move(message.en), std::move(message.zhCN)};
}

// an error message from core without its leading "<file>: "
std::string withoutFilePrefix(const std::string& message, const fs::path& file) {
  const std::string prefix = file.string() + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

}  // namespace

LoadResult loadScenarioText(std::string_view text, const fs::path& file, const LoadLimits& limits) {
  LoadResult result;
  try {
    // refuse what is too large or holds nothing before parsing
    if (text.size() > limits.maxFileBytes) {
      result.diagnostics.push_back(fileError(
          file, say("file is {} bytes, more than the limit of {} bytes",
                    "文件有 {} 字节，超过上限 {} 字节", text.size(), limits.maxFileBytes)));
      return result;
    }
    const std::string_view body = text.substr(text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      result.diagnostics.push_back(
          fileError(file, say("file is empty; a scenario is a JSON object (see "
                              "docs/scenario-format.md)",
                              "文件是空的；场景是一个 JSON 对象（见 docs/scenario-format.md）")));
      return result;
    }

    // parse with positions; syntax errors and excessive nesting end here
    auto doc =
        detail::parsePositionedJson(text, file.string(), limits.maxDepth, result.diagnostics);
    if (!doc) return result;

    ScenarioDef def;
    std::error_code ec;
    def.file = fs::absolute(file, ec).lexically_normal();
    if (ec) def.file = file;
    def.folder = def.file.parent_path();
    def.contentHash = core::fnv1a64(text);

    Checker check(file.string(), *doc, result.diagnostics);
    ScenarioReader(*doc, check, limits, def).read();
    result.symbols = def.training.symbols;
    if (result.errorCount() == 0) result.scenario = std::move(def);
  } catch (const std::exception& e) {
    result.scenario.reset();
    result.diagnostics.push_back(fileError(
        file, say("internal error while loading: {}", "加载时发生内部错误：{}", e.what())));
  } catch (...) {
    result.scenario.reset();
    result.diagnostics.push_back(
        fileError(file, say("internal error while loading", "加载时发生内部错误")));
  }
  return result;
}

LoadResult loadScenario(const fs::path& folderOrFile, const LoadLimits& limits) {
  LoadResult result;
  try {
    // a folder holds scenario.json; anything else is taken as the file itself
    std::error_code ec;
    const bool isFolder = fs::is_directory(folderOrFile, ec);
    const fs::path file = isFolder ? folderOrFile / "scenario.json" : folderOrFile;
    auto text = core::readFile(file, limits.maxFileBytes);
    if (!text) {
      const core::Error& error = text.error();
      const std::string detail = withoutFilePrefix(error.message, file);
      LocalizedText message = say("{}", "无法读取此文件：{}", detail);
      if (error.code == core::ErrorCode::Limit)
        message = say("{1}", "文件超过大小上限 {0} 字节", limits.maxFileBytes, detail);
      if (error.code == core::ErrorCode::NotFound)
        message = isFolder ? say("the scenario folder has no scenario.json",
                                 "场景文件夹里没有 scenario.json")
                           : say("scenario file not found", "找不到场景文件");
      result.diagnostics.push_back(fileError(file, std::move(message)));
      return result;
    }
    return loadScenarioText(*text, file, limits);
  } catch (const std::exception& e) {
    result.diagnostics.push_back(fileError(
        folderOrFile, say("internal error while loading: {}", "加载时发生内部错误：{}", e.what())));
  } catch (...) {
    result.diagnostics.push_back(
        fileError(folderOrFile, say("internal error while loading", "加载时发生内部错误")));
  }
  return result;
}

}  // namespace practicum::scenario
