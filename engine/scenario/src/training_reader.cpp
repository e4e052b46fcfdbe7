// The training part of scenario format v1 (docs/scenario-format.md, "Training"): devices,
// variables, procedure, rules and rubric, with every condition parsed once against the names
// the scenario declares.
#include "training_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <practicum/scenario/names.hpp>

#include "json_path.hpp"

namespace practicum::scenario::detail {

namespace {

using nlohmann::json;

// a fastener's two named states, from the format's table
std::string_view fastenerState(std::size_t i) { return names(NameList::FastenerStates)[i]; }

bool isIdentifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool isView(SymbolSource::Kind kind) {
  return kind >= SymbolSource::Kind::ViewWalking && kind <= SymbolSource::Kind::ViewTurned;
}

// the catalog seen as a symbol table; since(X) entries are added as conditions ask for them
class CatalogTable final : public SymbolTable {
 public:
  explicit CatalogTable(SymbolCatalog& catalog) : catalog_(catalog) {
    for (std::uint32_t i = 0; i < catalog_.entries.size(); ++i)
      byName_[catalog_.entries[i].name] = i;
  }
  // const: since() entries are added while resolving (resolve is const in the interface)
  void add(std::string name, ValueType type, SymbolSource source) const {
    byName_[name] = static_cast<std::uint32_t>(catalog_.entries.size());
    catalog_.entries.push_back({std::move(name), type, source});
  }
  std::optional<SymbolRef> resolve(std::string_view name) const override {
    if (const auto it = byName_.find(std::string(name)); it != byName_.end())
      return SymbolRef{it->second, catalog_.entries[it->second].type};
    // since(X): X must be a boolean name
    if (name.size() > 7 && name.substr(0, 6) == "since(" && name.back() == ')') {
      const auto inner = resolve(name.substr(6, name.size() - 7));
      if (!inner || inner->type != ValueType::Bool) return std::nullopt;
      add(std::string(name), ValueType::Number, {SymbolSource::Kind::Since, 0, inner->id});
      return SymbolRef{static_cast<std::uint32_t>(catalog_.entries.size() - 1), ValueType::Number};
    }
    // the learner's view, declared when first named
    for (std::size_t i = 0; i < std::size(kViewNames); ++i) {
      if (name != kViewNames[i]) continue;
      const ValueType type = i < kViewBooleans ? ValueType::Bool : ValueType::Number;
      add(std::string(name), type,
          {static_cast<SymbolSource::Kind>(std::size_t(SymbolSource::Kind::ViewWalking) + i), 0,
           0});
      return SymbolRef{static_cast<std::uint32_t>(catalog_.entries.size() - 1), type};
    }
    return std::nullopt;
  }
  std::vector<std::string> names() const override {
    std::vector<std::string> out;
    for (const auto& e : catalog_.entries)
      if (e.source.kind != SymbolSource::Kind::Since && !isView(e.source.kind))
        out.push_back(e.name);
    // the view's names, unless something of the scenario's hides them
    for (std::string_view v : kViewNames)
      if (std::find(out.begin(), out.end(), v) == out.end()) out.emplace_back(v);
    return out;
  }

 private:
  SymbolCatalog& catalog_;
  mutable std::map<std::string, std::uint32_t, std::less<>> byName_;
};

class TrainingReader {
 public:
  TrainingReader(Checker& check, ScenarioDef& def, const EntityLookup& entityIndex,
                 const LocalizedReader& readLocalized)
      : check_(check),
        def_(def),
        t_(def.training),
        entityIndex_(entityIndex),
        readLocalized_(readLocalized),
        table_(t_.symbols) {}

  void read(const json& root) {
    table_.add(std::string(kElapsedName), ValueType::Number, {SymbolSource::Kind::Elapsed, 0, 0});
    if (const json* v = Checker::find(root, "devices")) readDevices(*v, "devices");
    if (const json* v = Checker::find(root, "zones")) readZones(*v, "zones");
    const json* procedure = Checker::find(root, "procedure");
    const json* steps = nullptr;
    if (procedure && check_.expectObject(*procedure, "procedure")) {
      check_.checkKeys(*procedure, "procedure", "procedure");
      steps = check_.require(*procedure, "procedure", "steps");
      if (steps && !check_.expectArray(*steps, "procedure.steps")) steps = nullptr;
      if (steps) declareSteps(*steps, "procedure.steps");
      check_.optNumber(*procedure, "procedure", "timeLimit", t_.timeLimit, Range::nonNegative());
    }
    const json* faults = Checker::find(root, "faults");
    if (faults && check_.expectArray(*faults, "faults"))
      declareFaults(*faults, "faults");
    else
      faults = nullptr;
    if (const json* v = Checker::find(root, "variables")) readVariables(*v, "variables");
    if (steps) readSteps(*procedure, *steps, "procedure.steps");
    if (faults) readFaults(*faults, "faults");
    if (const json* v = Checker::find(root, "rules")) readRules(*v, "rules");
    if (const json* v = Checker::find(root, "rubric")) readRubric(*v, "rubric");
    if (const json* v = Checker::find(root, "indicators")) readIndicators(*v, "indicators");
  }

 private:
  // a name in the one namespace shared by devices, steps and variables
  bool declareName(const std::string& name, const std::string& path, const char* what) {
    if (!isIdentifier(name)) {
      check_.error(path, say("{} name \"{}\" must be an identifier (letters, digits, _; not "
                             "starting with a digit) so that conditions can name it",
                             "{}名称“{}”必须是标识符（字母、数字和 _，不以数字开头），"
                             "条件才能引用它",
                             detail::noun(what), name));
      return false;
    }
    if (isName(NameList::ConditionWords, name)) {
      check_.error(path, say("\"{}\" is a word of the condition language; choose another name",
                             "“{}”是条件语言的保留词；请换一个名称", name));
      return false;
    }
    if (const auto [it, inserted] = names_.emplace(name, path); !inserted) {
      check_.error(path, say("the name \"{}\" is already used by {}", "名称“{}”已被 {} 使用", name,
                             it->second));
      return false;
    }
    return true;
  }

  // a condition string at path, parsed against the symbols declared so far
  std::optional<Condition> condition(const json& v, const std::string& path,
                                     std::optional<ValueType> expected = ValueType::Bool) {
    const auto text = check_.string(v, path);
    if (!text) return std::nullopt;
    auto parsed = parseCondition(*text, table_, expected);
    if (auto* error = std::get_if<ConditionError>(&parsed)) {
      check_.error(path, say("condition \"{}\", character {}: {}", "条件“{}”第 {} 个字符：{}",
                             conditionExcerpt(*text), error->column,
                             LocalizedText{error->messageZh, error->message}));
      return std::nullopt;
    }
    return std::get<Condition>(std::move(parsed));
  }

  // ---- devices ----

  void readDevices(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& d = v[i];
      if (!check_.expectObject(d, p)) continue;
      check_.checkKeys(d, p, "devices[]");
      DeviceDef dev;
      bool ok = true;
      if (const json* n = check_.require(d, p, "name")) {
        if (auto s = check_.string(*n, Checker::at(p, "name"))) {
          ok = declareName(*s, Checker::at(p, "name"), "device") && ok;
          dev.name = std::move(*s);
        }
      }
      if (const json* k = check_.require(d, p, "kind")) {
        if (const auto kind = check_.choice(*k, Checker::at(p, "kind"), NameList::DeviceKinds))
          dev.kind = static_cast<DeviceKind>(*kind);
        else
          ok = false;
      }
      if (const json* e = check_.require(d, p, "entity")) {
        if (auto s = check_.string(*e, Checker::at(p, "entity"))) {
          if (auto index = entityIndex_(*s, Checker::at(p, "entity"))) {
            dev.entity = *index;
            // the pointer finds devices through physics: the entity needs a collision body
            if (*index < def_.scene.entities.size() && !def_.scene.entities[*index].body &&
                dev.kind != DeviceKind::Socket) {
              check_.error(Checker::at(p, "entity"),
                           say("entity \"{}\" has no body, so the pointer cannot reach it; give "
                               "it a \"body\" (static is fine)",
                               "实体“{}”没有刚体，指针点不到它；请给它一个“body”（静态即可）", *s));
              ok = false;
            }
            // a socket marks a place: a solid there keeps the part from reaching it
            if (*index < def_.scene.entities.size() && def_.scene.entities[*index].body &&
                dev.kind == DeviceKind::Socket)
              check_.warning(Checker::at(p, "entity"),
                             say("entity \"{}\" has a body, so a part can never be brought to "
                                 "the socket's place (the middle of a solid); a socket needs no "
                                 "body",
                                 "实体“{}”有刚体，零件永远无法放到插座的位置（一个实体的内部）；"
                                 "插座不需要刚体",
                                 *s));
          } else {
            ok = false;
          }
        }
      }
      if (const json* l = check_.require(d, p, "label", detail::bothLanguages()))
        readLocalized_(*l, Checker::at(p, "label"), dev.label);
      readPositions(d, p, dev, ok);
      readPositionLabels(d, p, dev);
      // locks and tags name the device they go on (resolved once every device is known)
      const bool appliesToDevice = dev.kind == DeviceKind::Lock || dev.kind == DeviceKind::Tag;
      if (const json* target = Checker::find(d, "target")) {
        if (!appliesToDevice)
          check_.rejectKey(d, p, "target",
                           say("only locks and tags have a target", "只有挂锁和标示牌才有目标"));
        else if (auto s = check_.string(*target, Checker::at(p, "target")))
          pendingTargets_.push_back(
              {static_cast<std::uint32_t>(t_.devices.size()), *s, Checker::at(p, "target")});
      } else if (appliesToDevice) {
        check_.missing(p, "target",
                       say("a lock or tag needs the device it is applied to",
                           "挂锁或标示牌需要指明它挂在哪个设备上"));
      }
      readToolFields(d, p, dev);
      readValveFields(d, p, dev, ok);
      readSocketFields(d, p, dev);
      if (ok) addDeviceSymbols(dev, static_cast<std::uint32_t>(t_.devices.size()));
      t_.devices.push_back(std::move(dev));
    }
    // sockets accept parts; parts are dynamic bodies
    for (const auto& pending : pendingAccepts_) {
      const auto it = std::find_if(t_.devices.begin(), t_.devices.end(),
                                   [&](const DeviceDef& x) { return x.name == pending.name; });
      if (it == t_.devices.end() || it->kind != DeviceKind::Part)
        check_.error(pending.path, say("\"{}\" is not a part", "“{}”不是零件", pending.name));
      else
        t_.devices[pending.device].accepts.push_back(
            static_cast<std::uint32_t>(it - t_.devices.begin()));
    }
    for (std::size_t i = 0; i < t_.devices.size(); ++i) {
      const auto& dev = t_.devices[i];
      const auto& entity = def_.scene.entities[dev.entity];
      if (dev.kind == DeviceKind::Part &&
          (!entity.body || entity.body->type != scene::BodyType::Dynamic))
        check_.error(Checker::at(elementPath(path, i), "entity"),
                     say("a part's entity must have a dynamic body", "零件的实体必须有动态刚体"));
    }
    // a device that needs a tool needs one the scenario has
    for (std::size_t i = 0; i < t_.devices.size(); ++i) {
      const auto& dev = t_.devices[i];
      if (dev.requiresTool.empty()) continue;
      if (std::none_of(t_.devices.begin(), t_.devices.end(), [&](const DeviceDef& x) {
            return x.kind == DeviceKind::Tool && x.toolType == dev.requiresTool;
          }))
        check_.error(Checker::at(elementPath(path, i), "tool"),
                     say("no tool of type \"{}\" in the scenario", "场景中没有“{}”类型的工具",
                         dev.requiresTool));
    }
    // every tool can be used on every other non-tool device: a pulse name for each pair
    for (std::uint32_t tool = 0; tool < t_.devices.size(); ++tool) {
      if (t_.devices[tool].kind != DeviceKind::Tool) continue;
      for (std::uint32_t d = 0; d < t_.devices.size(); ++d)
        if (t_.devices[d].kind != DeviceKind::Tool)
          table_.add(t_.devices[d].name + ".usedWith." + t_.devices[tool].name, ValueType::Bool,
                     {SymbolSource::Kind::UsedWith, d, tool});
    }
    for (const auto& pending : pendingTargets_) {
      const auto it = std::find_if(t_.devices.begin(), t_.devices.end(),
                                   [&](const DeviceDef& x) { return x.name == pending.name; });
      if (it == t_.devices.end())
        check_.error(pending.path, say("unknown device \"{}\"", "未知设备“{}”", pending.name));
      else if ((it->positions.empty() && it->kind != DeviceKind::Valve &&
                it->kind != DeviceKind::Fastener) ||
               it->kind == DeviceKind::Lock || it->kind == DeviceKind::Tag)
        check_.error(pending.path,
                     say("\"{}\" cannot take a lock or tag: only devices with "
                         "positions, valves and fasteners can",
                         "“{}”不能挂锁或挂牌：只有有位置的设备、阀门和紧固件可以", pending.name));
      else
        t_.devices[pending.device].target = static_cast<std::uint32_t>(it - t_.devices.begin());
    }
  }

  // the scenario's own words for positions: {"half": {"zh-CN": "半开", "en": "half open"}}
  void readPositionLabels(const json& d, const std::string& p, DeviceDef& dev) {
    const json* labels = Checker::find(d, "positionLabels");
    if (!labels) return;
    if (dev.positions.empty() || dev.kind == DeviceKind::Lock || dev.kind == DeviceKind::Tag) {
      check_.rejectKey(d, p, "positionLabels",
                       say("only devices with positions of their own have them",
                           "只有自带位置的设备才有位置名称"));
      return;
    }
    const std::string lp = Checker::at(p, "positionLabels");
    if (!check_.expectObject(*labels, lp)) return;
    dev.positionLabels.assign(dev.positions.size(), {});
    for (const auto& [key, value] : labels->items()) {
      const auto it = std::find(dev.positions.begin(), dev.positions.end(), key);
      if (it == dev.positions.end()) {
        LocalizedText known;
        for (const auto& pos : dev.positions)
          known += say(known.en.empty() ? "{}" : ", {}", known.en.empty() ? "“{}”" : "、“{}”", pos);
        check_.error(Checker::at(lp, key), say("\"{}\" is not one of its positions ({})",
                                               "“{}”不是它的位置之一（{}）", key, known));
        continue;
      }
      readLocalized_(value, Checker::at(lp, key), dev.positionLabels[it - dev.positions.begin()]);
    }
  }

  void readPositions(const json& d, const std::string& p, DeviceDef& dev, bool& ok) {
    const json* positions = Checker::find(d, "positions");
    if (dev.kind == DeviceKind::Fastener) {
      if (positions)
        check_.rejectKey(d, p, "positions",
                         say("a fastener has turns, not positions", "紧固件只有圈数，没有位置"));
      return;  // its "initial" (tight or loose) is read with its turns
    }
    if (dev.kind == DeviceKind::Button || dev.kind == DeviceKind::Tool ||
        dev.kind == DeviceKind::Point || dev.kind == DeviceKind::Valve ||
        dev.kind == DeviceKind::Part || dev.kind == DeviceKind::Socket ||
        dev.kind == DeviceKind::Fastener) {
      const LocalizedText none = say("this kind of device has no positions", "这种设备没有位置");
      if (positions) check_.rejectKey(d, p, "positions", none);
      if (Checker::find(d, "initial")) check_.rejectKey(d, p, "initial", none);
      return;
    }
    if (dev.kind == DeviceKind::Lock || dev.kind == DeviceKind::Tag) {
      const auto lockPositions = names(NameList::LockPositions);
      if (positions)
        check_.rejectKey(d, p, "positions",
                         say("locks and tags are {}", "挂锁和标示牌的位置是{}",
                             joinedNames(NameList::LockPositions)));
      dev.positions.assign(lockPositions.begin(), lockPositions.end());
    } else if (!positions) {
      dev.positions = {"open", "closed"};  // the common case for switchgear
    } else if (check_.expectArray(*positions, Checker::at(p, "positions"))) {
      std::set<std::string> seen;
      for (std::size_t j = 0; j < positions->size(); ++j) {
        const std::string pp = elementPath(Checker::at(p, "positions"), j);
        if (auto s = check_.string((*positions)[j], pp)) {
          if (!isIdentifier(*s)) {
            check_.error(pp,
                         say("position \"{}\" must be an identifier", "位置“{}”必须是标识符", *s));
            ok = false;
          } else if (!seen.insert(*s).second || *s == "position" || *s == "operations") {
            check_.error(pp, say("position name \"{}\" is repeated or reserved",
                                 "位置名称“{}”重复或为保留名称", *s));
            ok = false;
          }
          dev.positions.push_back(std::move(*s));
        }
      }
      if (dev.positions.size() < 2) {
        check_.error(Checker::at(p, "positions"),
                     say("a device needs at least 2 positions", "设备至少需要 2 个位置"));
        ok = false;
      }
    }
    if (const json* init = Checker::find(d, "initial")) {
      if (auto s = check_.string(*init, Checker::at(p, "initial"))) {
        const auto it = std::find(dev.positions.begin(), dev.positions.end(), *s);
        if (it == dev.positions.end()) {
          check_.error(Checker::at(p, "initial"),
                       say("\"{}\" is not one of the positions", "“{}”不是其位置之一", *s));
          ok = false;
        } else {
          dev.initial = static_cast<std::uint32_t>(it - dev.positions.begin());
        }
      }
    }
  }

  // a valve turns on a hinge joint with both limits whose first entity is the valve's own
  void readValveFields(const json& d, const std::string& p, DeviceDef& dev, bool& ok) {
    const json* joint = Checker::find(d, "joint");
    if (dev.kind != DeviceKind::Valve) {
      if (joint)
        check_.rejectKey(d, p, "joint", say("only valves turn on a joint", "只有阀门在关节上转动"));
      if (Checker::find(d, "torque") && dev.kind != DeviceKind::Tool)
        check_.rejectKey(d, p, "torque",
                         say("only valves and tools have a torque", "只有阀门和工具有扭矩"));
      return;
    }
    check_.optNumber(d, p, "torque", dev.torque, Range::positive());
    if (!joint) {
      check_.missing(p, "joint",
                     say("a valve turns on a hinge joint named in \"joints\"",
                         "阀门在“joints”中列出的铰链关节上转动"));
      ok = false;
      return;
    }
    const auto name = check_.string(*joint, Checker::at(p, "joint"));
    if (!name) return;
    const auto& joints = def_.scene.joints;
    const auto it = std::find_if(joints.begin(), joints.end(),
                                 [&](const scene::Joint& j) { return j.name == *name; });
    if (it == joints.end()) {
      check_.error(Checker::at(p, "joint"), say("unknown joint \"{}\"", "未知关节“{}”", *name));
      ok = false;
    } else if (it->kind != scene::JointKind::Hinge || !it->lowerLimit || !it->upperLimit ||
               it->entityA != dev.entity) {
      check_.error(Checker::at(p, "joint"),
                   say("joint \"{}\" must be a hinge with both limits whose \"a\" is the "
                       "valve's entity",
                       "关节“{}”必须是有上下限的铰链，且其“a”是阀门的实体", *name));
      ok = false;
    } else {
      dev.joint = static_cast<std::uint32_t>(it - joints.begin());
    }
  }

  // sockets: which parts fit (resolved after every device is known) and how closely
  void readSocketFields(const json& d, const std::string& p, DeviceDef& dev) {
    const json* accepts = Checker::find(d, "accepts");
    const json* tolerance = Checker::find(d, "tolerance");
    if (dev.kind != DeviceKind::Socket) {
      if (accepts)
        check_.rejectKey(d, p, "accepts", say("only sockets accept parts", "只有插座接受零件"));
      if (tolerance)
        check_.rejectKey(d, p, "tolerance", say("only sockets have a tolerance", "只有插座有容差"));
      return;
    }
    if (!accepts) {
      check_.missing(p, "accepts",
                     say("a socket lists the parts that fit it", "插座要列出能装入它的零件"));
    } else if (check_.expectArray(*accepts, Checker::at(p, "accepts"))) {
      for (std::size_t j = 0; j < accepts->size(); ++j) {
        const std::string ap = elementPath(Checker::at(p, "accepts"), j);
        if (auto s = check_.string((*accepts)[j], ap))
          pendingAccepts_.push_back({static_cast<std::uint32_t>(t_.devices.size()), *s, ap});
      }
    }
    if (tolerance && check_.expectObject(*tolerance, Checker::at(p, "tolerance"))) {
      const std::string tp = Checker::at(p, "tolerance");
      check_.checkKeys(*tolerance, tp, "devices[].tolerance");
      check_.optNumber(*tolerance, tp, "distance", dev.toleranceDistance, Range::positive());
      check_.optNumber(*tolerance, tp, "angle", dev.toleranceAngle, Range::closed(0, 180));
    }
  }

  void readToolFields(const json& d, const std::string& p, DeviceDef& dev) {
    if (const json* type = Checker::find(d, "toolType")) {
      if (dev.kind != DeviceKind::Tool)
        check_.rejectKey(d, p, "toolType",
                         say("only tools have a toolType", "只有工具有“toolType”"));
      else if (auto s = check_.string(*type, Checker::at(p, "toolType")))
        dev.toolType = *s;
    } else if (dev.kind == DeviceKind::Tool) {
      check_.missing(p, "toolType",
                     say("a tool needs its toolType (e.g. \"voltage-detector\")",
                         "工具需要“toolType”（例如“voltage-detector”）"));
    }
    if (dev.kind == DeviceKind::Tool)
      check_.optNumber(d, p, "torque", dev.toolTorque, Range::positive());
    if (dev.kind == DeviceKind::Fastener) {
      if (const json* turns = Checker::find(d, "turns"))
        if (auto n = check_.integer(*turns, Checker::at(p, "turns"))) {
          if (*n < 1 || *n > 100)
            check_.error(Checker::at(p, "turns"),
                         say("turns must be 1 to 100", "圈数必须在 1 到 100 之间"));
          else
            dev.turns = static_cast<std::uint32_t>(*n);
        }
      if (const json* init = Checker::find(d, "initial"))
        if (auto s = check_.string(*init, Checker::at(p, "initial"))) {
          if (*s == fastenerState(1))
            dev.initial = dev.turns;  // loose: its position is the turns out
          else if (*s != fastenerState(0))
            check_.error(Checker::at(p, "initial"),
                         say("a fastener starts {}", "紧固件的初始状态只能是{}",
                             joinedNames(NameList::FastenerStates, " or ", true)));
        }
      if (!Checker::find(d, "tool"))
        check_.missing(p, "tool", say("a fastener is turned with a tool", "紧固件要用工具拧"));
    } else if (Checker::find(d, "turns")) {
      check_.rejectKey(d, p, "turns", say("only fasteners have turns", "只有紧固件有圈数"));
    }
    if (const json* needs = Checker::find(d, "tool")) {
      if (dev.kind == DeviceKind::Fastener) {
        if (auto s = check_.string(*needs, Checker::at(p, "tool"))) dev.requiresTool = *s;
      } else if (dev.positions.empty() || dev.kind == DeviceKind::Lock ||
                 dev.kind == DeviceKind::Tag)
        check_.rejectKey(d, p, "tool",
                         say("only devices with positions are operated with a tool",
                             "只有有位置的设备才用工具操作"));
      else if (auto s = check_.string(*needs, Checker::at(p, "tool")))
        dev.requiresTool = *s;
    }
  }

  void addDeviceSymbols(const DeviceDef& dev, std::uint32_t index) {
    using K = SymbolSource::Kind;
    const auto lockable = [&] {
      table_.add(dev.name + ".locked", ValueType::Bool, {K::DeviceLocked, index, 0});
      table_.add(dev.name + ".tagged", ValueType::Bool, {K::DeviceTagged, index, 0});
    };
    if (dev.kind == DeviceKind::Tool) {
      table_.add(dev.name + ".held", ValueType::Bool, {K::ToolHeld, index, 0});
      table_.add(dev.name + ".uses", ValueType::Number, {K::DeviceOperations, index, 0});
      return;
    }
    if (dev.kind == DeviceKind::Point) return;
    if (dev.kind == DeviceKind::Part) {
      table_.add(dev.name + ".held", ValueType::Bool, {K::PartHeld, index, 0});
      table_.add(dev.name + ".placed", ValueType::Bool, {K::PartPlaced, index, 0});
      return;
    }
    if (dev.kind == DeviceKind::Socket) {
      table_.add(dev.name + ".filled", ValueType::Bool, {K::SocketFilled, index, 0});
      return;
    }
    if (dev.kind == DeviceKind::Fastener) {
      table_.add(dev.name + ".turns", ValueType::Number, {K::FastenerTurns, index, 0});
      table_.add(dev.name + ".torque", ValueType::Number, {K::FastenerTorque, index, 0});
      table_.add(dev.name + "." + std::string(fastenerState(0)), ValueType::Bool,
                 {K::DeviceAt, index, 0});
      table_.add(dev.name + "." + std::string(fastenerState(1)), ValueType::Bool,
                 {K::DeviceAt, index, dev.turns});
      lockable();
      return;
    }
    if (dev.kind == DeviceKind::Valve) {
      table_.add(dev.name + ".opening", ValueType::Number, {K::ValveOpening, index, 0});
      table_.add(dev.name + ".angle", ValueType::Number, {K::ValveAngle, index, 0});
      lockable();
      return;
    }
    if (dev.kind == DeviceKind::Button) {
      table_.add(dev.name + ".pressed", ValueType::Bool, {K::ButtonPressed, index, 0});
      table_.add(dev.name + ".presses", ValueType::Number, {K::DeviceOperations, index, 0});
      return;
    }
    for (std::uint32_t k = 0; k < dev.positions.size(); ++k)
      table_.add(dev.name + "." + dev.positions[k], ValueType::Bool, {K::DeviceAt, index, k});
    table_.add(dev.name + ".position", ValueType::Number, {K::DevicePosition, index, 0});
    table_.add(dev.name + ".operations", ValueType::Number, {K::DeviceOperations, index, 0});
    if (dev.kind != DeviceKind::Lock && dev.kind != DeviceKind::Tag) lockable();
  }

  // ---- zones and indicators ----

  void readZones(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& z = v[i];
      if (!check_.expectObject(z, p)) continue;
      check_.checkKeys(z, p, "zones[]");
      ZoneDef zone;
      bool ok = true;
      if (const json* n = check_.require(z, p, "name"))
        if (auto s = check_.string(*n, Checker::at(p, "name"))) {
          ok = declareName(*s, Checker::at(p, "name"), "zone");
          zone.name = *s;
        }
      if (const json* l = check_.require(z, p, "label", detail::bothLanguages()))
        readLocalized_(*l, Checker::at(p, "label"), zone.label);
      if (const json* c = check_.require(z, p, "center"))
        if (auto v3 = check_.vec3(*c, Checker::at(p, "center"))) zone.center = *v3;
      if (const json* h = check_.require(z, p, "halfExtents"))
        if (auto v3 = check_.vec3(*h, Checker::at(p, "halfExtents"), Range::positive()))
          zone.halfExtents = *v3;
      if (const json* d = Checker::find(z, "detects"))
        if (auto s = check_.string(*d, Checker::at(p, "detects"))) {
          if (const auto detects = parseZoneDetects(*s))
            zone.detects = *detects;
          else
            check_.error(Checker::at(p, "detects"),
                         say("detects must be {}, got \"{}\"", "“detects”必须是{}，实为“{}”",
                             joinedNames(NameList::ZoneDetects, " or ", true), *s));
        }
      const auto index = static_cast<std::uint32_t>(t_.zones.size());
      if (ok) {
        table_.add(zone.name + ".occupied", ValueType::Bool,
                   {SymbolSource::Kind::ZoneOccupied, index, 0});
        table_.add(zone.name + ".count", ValueType::Number,
                   {SymbolSource::Kind::ZoneCount, index, 0});
      }
      t_.zones.push_back(std::move(zone));
    }
  }

  void readIndicators(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& d = v[i];
      if (!check_.expectObject(d, p)) continue;
      check_.checkKeys(d, p, "indicators[]");
      IndicatorDef ind;
      if (const json* n = check_.require(d, p, "name"))
        if (auto s = check_.string(*n, Checker::at(p, "name"))) {
          declareName(*s, Checker::at(p, "name"), "indicator");
          ind.name = *s;
        }
      if (const json* l = check_.require(d, p, "label", detail::bothLanguages()))
        readLocalized_(*l, Checker::at(p, "label"), ind.label);
      if (const json* e = check_.require(d, p, "entity"))
        if (auto s = check_.string(*e, Checker::at(p, "entity")))
          if (auto index = entityIndex_(*s, Checker::at(p, "entity"))) ind.entity = *index;
      ind.style = names(NameList::IndicatorStyles)[0];  // a lamp
      if (const json* st = Checker::find(d, "style"))
        if (auto s = check_.string(*st, Checker::at(p, "style"))) {
          if (!isName(NameList::IndicatorStyles, *s))
            check_.error(Checker::at(p, "style"),
                         say("style must be {}, got \"{}\"", "“style”必须是{}，实为“{}”",
                             joinedNames(NameList::IndicatorStyles), *s));
          ind.style = *s;
        }
      if (const json* u = Checker::find(d, "unit"))
        if (auto s = check_.string(*u, Checker::at(p, "unit"), false)) ind.unit = std::move(*s);
      if (const json* value = check_.require(d, p, "value"))
        if (auto c = condition(*value, Checker::at(p, "value"), std::nullopt)) ind.value = *c;
      t_.indicators.push_back(std::move(ind));
    }
  }

  // ---- variables ----

  void readVariables(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& var = v[i];
      if (!check_.expectObject(var, p)) continue;
      check_.checkKeys(var, p, "variables[]");
      VariableDef def;
      bool ok = true;
      if (const json* n = check_.require(var, p, "name"))
        if (auto s = check_.string(*n, Checker::at(p, "name"))) {
          ok = declareName(*s, Checker::at(p, "name"), "variable");
          def.name = std::move(*s);
        }
      // parsed before the variable is declared: a variable cannot refer to itself or later ones
      if (const json* value = check_.require(var, p, "value")) {
        if (auto c = condition(*value, Checker::at(p, "value"), std::nullopt))
          def.value = *c;
        else
          ok = false;
      }
      if (ok)
        table_.add(
            def.name, def.value.type(),
            {SymbolSource::Kind::Variable, static_cast<std::uint32_t>(t_.variables.size()), 0});
      t_.variables.push_back(std::move(def));
    }
  }

  // ---- procedure ----

  // step ids first, so that any condition may refer to any step's completion
  void declareSteps(const json& steps, const std::string& path) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string p = elementPath(path, i);
      StepDef step;
      if (steps[i].is_object()) {
        if (const json* id = Checker::find(steps[i], "id"))
          if (auto s = check_.string(*id, Checker::at(p, "id")))
            if (declareName(*s, Checker::at(p, "id"), "step")) {
              stepIndex_[*s] = static_cast<std::uint32_t>(i);
              table_.add(*s + ".done", ValueType::Bool,
                         {SymbolSource::Kind::StepDone, static_cast<std::uint32_t>(i), 0});
              step.id = *s;
            }
      }
      t_.steps.push_back(std::move(step));
    }
  }

  void readSteps(const json& procedure, const json& steps, const std::string& path) {
    bool sequence = true;
    if (const json* order = Checker::find(procedure, "order")) {
      if (auto s = check_.string(*order, "procedure.order")) {
        if (const auto parsed = parseProcedureOrder(*s))
          sequence = *parsed == ProcedureOrder::Sequence;
        else
          check_.error("procedure.order",
                       say("order must be {}, got \"{}\"", "“order”必须是{}，实为“{}”",
                           joinedNames(NameList::ProcedureOrders, " or ", true), *s));
      }
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& s = steps[i];
      StepDef& step = t_.steps[i];
      if (!check_.expectObject(s, p)) continue;
      check_.checkKeys(s, p, "procedure.steps[]");
      check_.require(s, p, "id");
      if (const json* text = check_.require(s, p, "text", detail::bothLanguages()))
        readLocalized_(*text, Checker::at(p, "text"), step.text);
      if (const json* hint = Checker::find(s, "hint"))
        readLocalized_(*hint, Checker::at(p, "hint"), step.hint);
      if (const json* done = check_.require(s, p, "done"))
        if (auto c = condition(*done, Checker::at(p, "done"))) step.done = *c;
      // prerequisites: explicit, or the previous step in a sequence
      if (const json* after = Checker::find(s, "after")) {
        const std::string ap = Checker::at(p, "after");
        if (check_.expectArray(*after, ap))
          for (std::size_t j = 0; j < after->size(); ++j) {
            const std::string ep = elementPath(ap, j);
            if (auto id = check_.string((*after)[j], ep)) {
              const auto it = stepIndex_.find(*id);
              if (it == stepIndex_.end())
                check_.error(ep, say("unknown step \"{}\"", "未知步骤“{}”", *id));
              else if (it->second >= i)
                check_.error(ep, say("step \"{}\" must come before the step that waits for it",
                                     "步骤“{}”必须排在等待它的步骤之前", *id));
              else
                step.after.push_back(it->second);
            }
          }
      } else if (sequence && i > 0) {
        step.after.push_back(static_cast<std::uint32_t>(i - 1));
      }
      if (const json* limit = Checker::find(s, "timeLimit"))
        if (auto n = check_.number(*limit, Checker::at(p, "timeLimit"), Range::positive()))
          step.timeLimit = *n;
      check_.optNumber(s, p, "points", step.points, Range::nonNegative());
    }
  }

  // ---- faults ----

  // fault ids first, so that conditions anywhere may use `<id>.active`
  void declareFaults(const json& faults, const std::string& path) {
    for (std::size_t i = 0; i < faults.size(); ++i) {
      const std::string p = elementPath(path, i);
      FaultDef fault;
      if (faults[i].is_object())
        if (const json* id = Checker::find(faults[i], "id"))
          if (auto s = check_.string(*id, Checker::at(p, "id")))
            if (declareName(*s, Checker::at(p, "id"), "fault")) {
              table_.add(*s + ".active", ValueType::Bool,
                         {SymbolSource::Kind::FaultActive, static_cast<std::uint32_t>(i), 0});
              fault.id = *s;
            }
      t_.faults.push_back(std::move(fault));
    }
  }

  void readFaults(const json& faults, const std::string& path) {
    for (std::size_t i = 0; i < faults.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& f = faults[i];
      FaultDef& fault = t_.faults[i];
      if (!check_.expectObject(f, p)) continue;
      check_.checkKeys(f, p, "faults[]");
      check_.require(f, p, "id");
      if (const json* text = check_.require(f, p, "text", detail::bothLanguages()))
        readLocalized_(*text, Checker::at(p, "text"), fault.text);
      // at most one way to trigger by itself; none = instructor only
      const json* at = Checker::find(f, toString(FaultTrigger::At));
      const json* window = Checker::find(f, toString(FaultTrigger::Window));
      const json* when = Checker::find(f, toString(FaultTrigger::Condition));
      if ((at != nullptr) + (window != nullptr) + (when != nullptr) > 1) {
        check_.error(p, say("a fault has at most one of {}", "一个故障最多只能有{}中的一个",
                            joinedNames(NameList::FaultTriggers, " and ", true)));
        continue;
      }
      if (at) {
        if (auto n = check_.number(*at, Checker::at(p, "at"), Range::nonNegative())) {
          fault.trigger = FaultTrigger::At;
          fault.at = *n;
        }
      } else if (window) {
        const std::string wp = Checker::at(p, "window");
        if (auto w = check_.numbers(*window, wp, {2}, Range::nonNegative())) {
          if ((*w)[0] > (*w)[1]) {
            check_.error(wp, say("the window's start is after its end", "时间窗的起点晚于终点"));
          } else {
            fault.trigger = FaultTrigger::Window;
            fault.at = (*w)[0];
            fault.windowEnd = (*w)[1];
          }
        }
      } else if (when) {
        if (auto c = condition(*when, Checker::at(p, "when"))) {
          fault.trigger = FaultTrigger::Condition;
          fault.when = *c;
        }
      }
    }
  }

  // ---- rules ----

  void readRules(const json& v, const std::string& path) {
    if (!check_.expectArray(v, path)) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = elementPath(path, i);
      const json& r = v[i];
      if (!check_.expectObject(r, p)) continue;
      RuleDef rule;
      if (const json* id = check_.require(r, p, "id"))
        if (auto s = check_.string(*id, Checker::at(p, "id"))) {
          if (!ids.insert(*s).second)
            check_.error(Checker::at(p, "id"),
                         say("duplicate rule id \"{}\"", "规则编号“{}”重复", *s));
          rule.id = std::move(*s);
        }
      // the kind decides the fields; a missing kind is read as an interlock
      std::optional<RuleKind> kind = RuleKind::Interlock;
      if (const json* k = check_.require(r, p, "kind"))
        if (auto s = check_.string(*k, Checker::at(p, "kind"))) {
          kind = parseRuleKind(*s);
          if (!kind) {
            check_.error(Checker::at(p, "kind"),
                         say("rule kind must be {}, got \"{}\"", "规则种类必须是{}，实为“{}”",
                             joinedNames(NameList::RuleKinds, " or ", true), *s));
            continue;
          }
        }
      rule.kind = *kind;
      if (rule.kind == RuleKind::Interlock) {
        check_.checkKeys(r, p, "rules[]", toString(rule.kind));
        readInterlockTarget(r, p, rule);
        if (const json* a = Checker::find(r, "action"))
          if (auto s = check_.string(*a, Checker::at(p, "action"))) {
            if (const auto action = parseRuleAction(*s))
              rule.prevent = *action == RuleAction::Prevent;
            else
              check_.error(Checker::at(p, "action"),
                           say("action must be {}, got \"{}\"", "“action”必须是{}，实为“{}”",
                               joinedNames(NameList::RuleActions, " or ", true), *s));
          }
      } else {
        check_.checkKeys(r, p, "rules[]", toString(rule.kind));
      }
      if (const json* text = check_.require(r, p, "text", detail::bothLanguages()))
        readLocalized_(*text, Checker::at(p, "text"), rule.text);
      if (const json* when = check_.require(r, p, "when"))
        if (auto c = condition(*when, Checker::at(p, "when"))) rule.when = *c;
      if (const json* sev = check_.require(r, p, "severity"))
        if (auto s = check_.string(*sev, Checker::at(p, "severity"))) {
          if (const auto severity = parseSeverity(*s))
            rule.severity = *severity;
          else
            check_.error(Checker::at(p, "severity"),
                         say("severity must be {}, got \"{}\"", "“severity”必须是{}，实为“{}”",
                             joinedNames(NameList::Severities), *s));
        }
      // what the player shows: one of the consequences it knows
      if (const json* c = Checker::find(r, "consequence"))
        if (const auto known =
                check_.choice(*c, Checker::at(p, "consequence"), NameList::Consequences))
          rule.consequence = names(NameList::Consequences)[*known];
      t_.rules.push_back(std::move(rule));
    }
  }

  void readInterlockTarget(const json& r, const std::string& p, RuleDef& rule) {
    const json* dev = check_.require(r, p, "device");
    if (!dev) return;
    const auto name = check_.string(*dev, Checker::at(p, "device"));
    if (!name) return;
    const auto it = std::find_if(t_.devices.begin(), t_.devices.end(),
                                 [&](const DeviceDef& d) { return d.name == *name; });
    if (it == t_.devices.end()) {
      check_.error(Checker::at(p, "device"), say("unknown device \"{}\"", "未知设备“{}”", *name));
      return;
    }
    rule.device = static_cast<std::uint32_t>(it - t_.devices.begin());
    if (it->positions.empty() && it->kind != DeviceKind::Fastener) {
      check_.error(Checker::at(p, "device"),
                   say("device \"{}\" has no positions to guard; interlocks guard devices "
                       "with positions and fasteners (use a hazard on its names instead)",
                       "设备“{}”没有可防护的位置；联锁防护的是有位置的设备和紧固件"
                       "（请改用基于其名称的危险规则）",
                       *name));
      return;
    }
    if (const json* to = Checker::find(r, "to"))
      if (auto s = check_.string(*to, Checker::at(p, "to"))) {
        const auto pos = std::find(it->positions.begin(), it->positions.end(), *s);
        if (pos == it->positions.end())
          check_.error(Checker::at(p, "to"), say("device \"{}\" has no position \"{}\"",
                                                 "设备“{}”没有位置“{}”", *name, *s));
        else
          rule.toPosition = static_cast<std::uint32_t>(pos - it->positions.begin());
      }
  }

  // ---- rubric ----

  void readRubric(const json& v, const std::string& path) {
    if (!check_.expectObject(v, path)) return;
    RubricDef& r = t_.rubric;
    check_.checkKeys(v, path, "rubric");
    check_.optNumber(v, path, "pass", r.passScore, Range::nonNegative());
    if (const json* pen = Checker::find(v, "penalties")) {
      const std::string pp = Checker::at(path, "penalties");
      if (check_.expectObject(*pen, pp)) {
        check_.checkKeys(*pen, pp, "rubric.penalties");
        check_.optNumber(*pen, pp, "timeout", r.penaltyTimeout, Range::nonNegative());
        check_.optNumber(*pen, pp, "warning", r.penaltyWarning, Range::nonNegative());
        check_.optNumber(*pen, pp, "major", r.penaltyMajor, Range::nonNegative());
        check_.optNumber(*pen, pp, "critical", r.penaltyCritical, Range::nonNegative());
        check_.optNumber(*pen, pp, "order", r.penaltyOrder, Range::nonNegative());
      }
    }
    if (const json* time = Checker::find(v, "time")) {
      const std::string tp = Checker::at(path, "time");
      if (check_.expectObject(*time, tp)) {
        check_.checkKeys(*time, tp, "rubric.time");
        if (const json* target = check_.require(*time, tp, "target"))
          if (auto n = check_.number(*target, Checker::at(tp, "target"), Range::positive()))
            r.targetSeconds = *n;
        check_.optNumber(*time, tp, "perSecondOver", r.penaltyPerSecondOver, Range::nonNegative());
        check_.optNumber(*time, tp, "max", r.maxTimePenalty, Range::nonNegative());
      }
    }
    if (const json* cf = Checker::find(v, "criticalFails")) {
      if (cf->is_boolean())
        r.criticalFails = cf->get<bool>();
      else
        check_.error(
            Checker::at(path, "criticalFails"),
            say("expected true or false, got {}", "应为 true 或 false，实为{}", typeName(*cf)));
    }
  }

  Checker& check_;
  ScenarioDef& def_;
  TrainingDef& t_;
  const EntityLookup& entityIndex_;
  const LocalizedReader& readLocalized_;
  CatalogTable table_;
  std::map<std::string, std::string> names_;  // name -> path that declared it
  std::map<std::string, std::uint32_t> stepIndex_;
  struct PendingTarget {
    std::uint32_t device;
    std::string name;
    std::string path;
  };
  std::vector<PendingTarget> pendingTargets_;
  std::vector<PendingTarget> pendingAccepts_;  ///< (socket, part name, path)
};

}  // namespace

void readTraining(const json& root, Checker& check, ScenarioDef& def,
                  const EntityLookup& entityIndex, const LocalizedReader& readLocalized) {
  TrainingReader(check, def, entityIndex, readLocalized).read(root);
}

}  // namespace practicum::scenario::detail

namespace practicum::scenario {

std::optional<ConditionError> checkCondition(const SymbolCatalog& symbols, std::string_view text) {
  SymbolCatalog scratch = symbols;  // since() names are added while resolving
  const detail::CatalogTable table(scratch);
  auto parsed = parseCondition(text, table);
  if (auto* error = std::get_if<ConditionError>(&parsed)) return std::move(*error);
  return std::nullopt;
}

}  // namespace practicum::scenario
