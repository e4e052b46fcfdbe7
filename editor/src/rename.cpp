// Renames that follow every reference: through the scenario by the format's table of fields (a
// field of type Entity names an entity, one of type Device a device, ...), into conditions by
// their names, and into the folder's run files by the run format's actions and expectations.
#include <algorithm>
#include <cctype>

#include <practicum/editor/authoring.hpp>
#include <practicum/scenario/fields.hpp>

#include "json_tree.hpp"

namespace practicum::editor {

using detail::Json;
using scenario::FieldType;

namespace {

// what the items of one list are called by, and where their names appear
struct NamedList {
  std::string_view list;
  std::string_view key;                 // name or id
  std::vector<FieldType> referredToAs;  // the field types that name one of them
  bool inConditions = false;            // conditions use the name
};

const std::vector<NamedList>& namedLists() {
  static const std::vector<NamedList> lists = {
      {"entities", "name", {FieldType::Entity}},
      {"materials", "name", {FieldType::Material}},
      {"joints", "name", {FieldType::Joint}},
      {"devices", "name", {FieldType::Device, FieldType::Parts}, true},
      {"procedure.steps", "id", {FieldType::Steps}, true},
      {"rules", "id", {}},
      {"faults", "id", {}, true},
      {"zones", "name", {}, true},
      {"variables", "name", {}, true},
      {"indicators", "name", {}},
  };
  return lists;
}

const NamedList* listOf(const Path& item) {
  for (const NamedList& l : namedLists())
    if (item.depth() == Path(l.list).depth() + 1 && item.indexIn(Path(l.list)) &&
        item.parent() == Path(l.list))
      return &l;
  return nullptr;
}

Json valueAt(const Document& doc, const Path& path) {
  const auto text = doc.value(path);
  return text ? Json::parse(*text, nullptr, false) : Json();
}

// as the condition language reads names: letters, digits and underscores
bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// whether the `length` characters of `text` at `at` are a whole word ("QS1" in "Open QS1.")
bool wordAt(std::string_view text, std::size_t at, std::size_t length) {
  return (at == 0 || !identifierChar(text[at - 1])) &&
         (at + length >= text.size() || !identifierChar(text[at + length]));
}

bool mentions(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); !word.empty() && at != std::string_view::npos;
       at = text.find(word, at + 1))
    if (wordAt(text, at, word.size())) return true;
  return false;
}

// `text` with every whole-word `from` replaced by `to`
std::string replaceWord(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && !from.empty()) {
    const std::size_t at = text.find(from, i);
    if (at == std::string_view::npos) break;
    out.append(text.substr(i, at - i));
    out.append(wordAt(text, at, from.size()) ? to : from);
    i = at + from.size();
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

// walks the scenario by the format's table: every field with its spec and value
template <typename Visit>
void eachField(const Json& v, const Path& path, const Visit& visit) {
  if (v.is_object()) {
    const scenario::PlaceSpec* place = scenario::placeAt(path.str());
    for (auto it = v.begin(); it != v.end(); ++it) {
      const Path child = path.child(it.key());
      if (place)
        if (const scenario::FieldSpec* f = scenario::findField(*place, it.key()))
          visit(child, *f, *it);
      eachField(*it, child, visit);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) eachField(v[i], path.element(i), visit);
  }
}

// the run-file edits that follow a rename: actions that name it, expected violations
void followIntoRuns(const Document& doc, const NamedList& list, const std::string& from,
                    const std::string& to, std::vector<Command>& edits) {
  const bool device = list.list == "devices", entity = list.list == "entities";
  const bool step = list.list == "procedure.steps", rule = list.list == "rules";
  const bool fault = list.list == "faults";
  const bool isDevice = doc.find("devices", from).has_value();
  const auto set = [&](const std::string& file, const Path& path, const std::string& value) {
    edits.push_back(Command::set(path, Json(value).dump()).in(file));
  };
  for (const std::string& file : doc.runFiles()) {
    const auto actionsText = doc.runValue(file, "actions");
    const Json actions = actionsText ? Json::parse(*actionsText, nullptr, false) : Json();
    for (std::size_t i = 0; actions.is_array() && i < actions.size(); ++i) {
      const Json& a = actions[i];
      if (!a.is_object()) continue;
      const Path at = Path("actions").element(i);
      for (auto it = a.begin(); it != a.end(); ++it) {
        if (!it->is_string() || it->get<std::string>() != from) continue;
        const std::string& key = it.key();
        // `look at` names a device first, else an entity
        const bool names =
            (device && (key == "device" || key == "tool" || key == "on" || key == "part" ||
                        key == "into" || key == "fastener" || key == "at")) ||
            (entity && key == "at" && !isDevice) || (fault && key == "fault");
        if (names) set(file, at.child(key), to);
      }
    }
    const auto violationsText = doc.runValue(file, "expect.violations");
    const Json violations = violationsText ? Json::parse(*violationsText, nullptr, false) : Json();
    for (std::size_t i = 0; violations.is_array() && i < violations.size(); ++i) {
      if (!violations[i].is_string()) continue;
      const std::string v = violations[i].get<std::string>();
      const Path at = Path("expect.violations").element(i);
      if (rule && v == from) set(file, at, to);
      for (const char* prefix : {"order:", "timeout:"})
        if (step && v == prefix + from) set(file, at, prefix + to);
    }
  }
}

}  // namespace

std::optional<Path> namedBy(const Path& field) {
  if (field == Path("id")) return Path();
  const Path item = field.parent();
  const NamedList* list = listOf(item);
  if (!list || field.key() != list->key) return std::nullopt;
  return item;
}

core::Result<Command> rename(const Document& doc, const Path& item, std::string_view name) {
  const NamedList* list = listOf(item);
  const auto old = list ? doc.string(item.child(list->key)) : std::nullopt;
  if (!old)
    return core::makeError(core::ErrorCode::NotFound, item.str() + ": no such item to rename");
  const std::string to(name);
  if (to.empty())
    return core::makeError(core::ErrorCode::InvalidArgument, "a name cannot be empty");
  if (const auto other = doc.find(list->list, to); other && *other != *item.index())
    return core::makeError(
        core::ErrorCode::InvalidArgument,
        std::string(list->list) + ": \"" + to + "\" is the name of another item already");
  std::vector<Command> edits{Command::set(item.child(list->key), Json(to).dump())};
  if (*old != to) {
    eachField(valueAt(doc, Path()), Path(),
              [&](const Path& path, const scenario::FieldSpec& f, const Json& v) {
                const bool refers = std::find(list->referredToAs.begin(), list->referredToAs.end(),
                                              f.type) != list->referredToAs.end();
                if (refers && v.is_string() && v.get<std::string>() == *old)
                  edits.push_back(Command::set(path, Json(to).dump()));
                if (refers && v.is_array())
                  for (std::size_t k = 0; k < v.size(); ++k)
                    if (v[k].is_string() && v[k].get<std::string>() == *old)
                      edits.push_back(Command::set(path.element(k), Json(to).dump()));
                if (list->inConditions && f.type == FieldType::Condition && v.is_string()) {
                  const std::string renamed = renameInCondition(v.get<std::string>(), *old, to);
                  if (renamed != v.get<std::string>())
                    edits.push_back(Command::set(path, Json(renamed).dump()));
                }
              });
    followIntoRuns(doc, *list, *old, to, edits);
  }
  std::string what(list->list == "procedure.steps" ? "step" : list->list);
  if (what.size() > 1 && what.back() == 's') what.pop_back();
  return Command::group("Rename " + what + " " + *old + " to " + to, std::move(edits));
}

std::string renameInCondition(std::string_view condition, std::string_view from,
                              std::string_view to) {
  // a name of the language is dotted: the thing first ("QF1", "verify_dead"), then what of it
  // ("closed", "done"), and after "usedWith" a tool ("TP1.usedWith.VD1"). `from` is a thing's
  // name, or a thing and one of its names ("QS1.open"): only those places are renamed, so a
  // step called "open" leaves "QF1.open" alone
  const auto split = [](std::string_view dotted) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
      const std::size_t dot = dotted.find('.', start);
      parts.push_back(dotted.substr(start, dot - start));
      if (dot == std::string_view::npos) return parts;
      start = dot + 1;
    }
  };
  const std::vector<std::string_view> target = split(from);
  const std::vector<std::string_view> into = split(to);
  std::string out;
  std::size_t i = 0;
  while (i < condition.size()) {
    if (!identifierChar(condition[i])) {
      out += condition[i++];
      continue;
    }
    std::size_t j = i;
    while (j < condition.size() && (identifierChar(condition[j]) || condition[j] == '.')) ++j;
    std::vector<std::string_view> parts = split(condition.substr(i, j - i));
    std::vector<std::string> renamed(parts.begin(), parts.end());
    const auto matchesAt = [&](std::size_t k) {
      if (k + target.size() > parts.size()) return false;
      for (std::size_t t = 0; t < target.size(); ++t)
        if (parts[k + t] != target[t]) return false;
      return true;
    };
    const auto replaceAt = [&](std::size_t k) {
      for (std::size_t t = 0; t < target.size() && t < into.size(); ++t)
        renamed[k + t] = std::string(into[t]);
    };
    if (matchesAt(0)) replaceAt(0);
    if (target.size() == 1 && parts.size() == 3 && parts[1] == "usedWith" && matchesAt(2))
      replaceAt(2);
    for (std::size_t k = 0; k < renamed.size(); ++k) out += (k ? "." : "") + renamed[k];
    i = j;
  }
  return out;
}

core::Result<Command> renamePosition(const Document& doc, std::size_t device, std::size_t position,
                                     std::string_view name) {
  const Path devicePath = Path("devices").element(device);
  const auto deviceName = doc.string(devicePath.child("name"));
  const Path at = devicePath.child("positions").element(position);
  const auto old = doc.string(at);
  if (!deviceName || !old)
    return core::makeError(core::ErrorCode::NotFound, at.str() + ": no such position");
  const std::string to(name);
  std::vector<Command> edits{Command::set(at, Json(to).dump())};
  if (doc.string(devicePath.child("initial")) == *old)
    edits.push_back(Command::set(devicePath.child("initial"), Json(to).dump()));
  const std::string from = *deviceName + "." + *old, into = *deviceName + "." + to;
  eachField(valueAt(doc, Path()), Path(),
            [&](const Path& path, const scenario::FieldSpec& f, const Json& v) {
              if (!v.is_string()) return;
              const std::string text = v.get<std::string>();
              if (f.type == FieldType::Condition) {
                const std::string renamed = renameInCondition(text, from, into);
                if (renamed != text) edits.push_back(Command::set(path, Json(renamed).dump()));
              } else if (f.type == FieldType::Position && path.key() == "to" && text == *old &&
                         doc.string(path.parent().child("device")) == *deviceName) {
                edits.push_back(Command::set(path, Json(to).dump()));  // an interlock's
              }
            });
  for (const std::string& file : doc.runFiles()) {
    const auto actionsText = doc.runValue(file, "actions");
    const Json actions = actionsText ? Json::parse(*actionsText, nullptr, false) : Json();
    for (std::size_t i = 0; actions.is_array() && i < actions.size(); ++i)
      if (actions[i].is_object() && actions[i].value("device", "") == *deviceName &&
          actions[i].value("to", "") == *old)
        edits.push_back(
            Command::set(Path("actions").element(i).child("to"), Json(to).dump()).in(file));
  }
  return Command::group("Rename position " + from + " to " + to, std::move(edits));
}

core::Result<Command> renameScenario(const Document& doc, std::string_view id) {
  const std::string old = doc.string("id").value_or("");
  const std::string to(id);
  std::vector<Command> edits{Command::set("id", Json(to).dump())};
  for (const std::string& file : doc.runFiles())
    if (const auto written = doc.runValue(file, "scenario");
        written && *written == Json(old).dump())
      edits.push_back(Command::set("scenario", Json(to).dump()).in(file));
  return Command::group("Change the scenario's id to " + to, std::move(edits));
}

std::vector<Path> textsMentioning(const Document& doc, std::string_view name) {
  std::vector<Path> out;
  if (name.empty()) return out;
  eachField(valueAt(doc, Path()), Path(),
            [&](const Path& path, const scenario::FieldSpec& f, const Json& v) {
              if (f.type != FieldType::Text || !v.is_object()) return;
              for (auto it = v.begin(); it != v.end(); ++it)
                if (it->is_string() && mentions(it->get<std::string>(), name))
                  out.push_back(path.child(it.key()));
            });
  return out;
}

core::Result<Command> renameInTexts(const Document& doc, std::string_view from,
                                    std::string_view to) {
  std::vector<Command> edits;
  for (const Path& path : textsMentioning(doc, from))
    if (const auto text = doc.string(path))
      edits.push_back(Command::set(path, Json(replaceWord(*text, from, to)).dump()));
  if (edits.empty())
    return core::makeError(core::ErrorCode::NotFound,
                           "no text mentions \"" + std::string(from) + "\"");
  return Command::group("Write " + std::string(to) + " for " + std::string(from) + " in the texts",
                        std::move(edits));
}

}  // namespace practicum::editor
