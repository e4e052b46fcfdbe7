#include <practicum/editor/document.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <system_error>

#include <practicum/core/file_io.hpp>
#include <practicum/scenario/run_file.hpp>

#include "json_tree.hpp"

namespace practicum::editor {

using detail::Json;
using detail::PathStep;

namespace {

core::Error badCommand(const std::string& path, const std::string& why) {
  return core::makeError(core::ErrorCode::InvalidArgument,
                         (path.empty() ? std::string("the document") : path) + ": " + why);
}

std::filesystem::path scenarioFile(const std::filesystem::path& folderOrFile) {
  std::error_code ec;
  if (folderOrFile.extension() == ".json") return folderOrFile;
  if (std::filesystem::is_directory(folderOrFile, ec) || !folderOrFile.has_extension())
    return folderOrFile / "scenario.json";
  return folderOrFile;
}

// an applied change and what reverts it, both as plain commands
struct Step {
  Command forward;
  Command inverse;
  std::uint64_t state = 0;  // the document state this step leads to
};

}  // namespace

std::string newScenarioText(std::string_view id, const scenario::LocalizedText& title) {
  Json doc = Json::object();
  doc["format"] = 1;
  doc["id"] = std::string(id);
  doc["title"] = {{"zh-CN", title.zhCN}, {"en", title.en}};
  doc["trade"] = "general";
  doc["author"] = "instructor";
  doc["licence"] = "CC-BY-4.0";
  doc["materials"] =
      Json::array({{{"name", "floor"}, {"baseColor", {0.5, 0.52, 0.5}}, {"roughness", 0.8}},
                   {{"name", "steel"},
                    {"baseColor", {0.6, 0.62, 0.65}},
                    {"roughness", 0.4},
                    {"metalness", 1.0}}});
  doc["entities"] = Json::array({{{"name", "floor"},
                                  {"transform", {{"position", {0, -0.05, 0}}}},
                                  {"shape", {{"type", "box"}, {"halfExtents", {4, 0.05, 4}}}},
                                  {"material", "floor"},
                                  {"body", {{"type", "static"}}}}});
  doc["lights"] = {{"sun", {{"direction", {-0.4, -1, -0.3}}, {"intensity", 3}}},
                   {"ambient", {0.25, 0.27, 0.3}},
                   {"background", {0.55, 0.62, 0.7}}};
  doc["camera"] = {{"position", {2.5, 1.8, 2.5}}, {"target", {0, 0.8, 0}}};
  return detail::layout(doc);
}

struct Document::Impl {
  Json root;
  std::filesystem::path file;
  std::vector<Step> undo, redo;
  std::uint64_t baseState = 0;  // the state with an empty undo stack
  std::uint64_t nextState = 1;
  std::uint64_t savedState = 0;  // the state last saved (or opened)
  std::vector<Path> selection;
  // the folder's run files ("runs/x.json"), as they are now and as they were last saved
  std::map<std::string, Json> runs, savedRuns;
  std::vector<scenario::Diagnostic> unreadableRuns;
  // validation of the current state
  mutable std::uint64_t validatedState = ~0ull;
  mutable scenario::LoadResult validation;
  mutable std::uint64_t runsCheckedState = ~0ull;
  mutable std::vector<scenario::Diagnostic> runProblems;

  std::uint64_t state() const { return undo.empty() ? baseState : undo.back().state; }

  // applies one command, returning the command that reverts it
  core::Result<Command> run(const Command& c) {
    if (c.kind() == Command::Kind::Group) {
      std::vector<Command> inverses;
      for (const Command& child : c.children()) {
        auto inverse = run(child);
        if (!inverse.ok()) {
          // take back what this group already did
          for (auto it = inverses.rbegin(); it != inverses.rend(); ++it) (void)run(*it);
          return inverse.error();
        }
        inverses.push_back(std::move(*inverse));
      }
      std::reverse(inverses.begin(), inverses.end());
      return Command::group(c.label(), std::move(inverses));
    }
    if (c.file().empty()) return runOn(root, c);
    const auto run = runs.find(c.file());
    if (run == runs.end()) return badCommand(c.file(), "no such run file");
    auto inverse = runOn(run->second, c);
    if (inverse.ok()) inverse->in(c.file());
    return inverse;
  }

  // applies a command (not a group) to one JSON tree
  static core::Result<Command> runOn(Json& root, const Command& c) {
    if (!c.path().valid()) return badCommand(c.path().str(), "not a path");
    const std::vector<PathStep>* steps = &c.path().steps();
    const std::string& where = c.path().str();
    switch (c.kind()) {
      case Command::Kind::Set: {
        auto value = detail::parseJson(c.json(), c.path().empty() ? "value" : where);
        if (!value.ok()) return value.error();
        if (steps->empty()) {
          Command inverse = Command::set("", root.dump(), c.label());
          root = std::move(*value);
          return inverse;
        }
        const Path parentPath = c.path().parent();
        Json* parent = detail::find(root, parentPath.steps());
        if (!parent) return badCommand(parentPath.str(), "no such place");
        if (const auto* key = std::get_if<std::string>(&steps->back())) {
          if (!parent->is_object()) return badCommand(where, "not in an object");
          auto it = parent->find(*key);
          if (it == parent->end()) {
            (*parent)[*key] = std::move(*value);
            return Command::erase(c.path(), c.label());
          }
          Command inverse = Command::set(c.path(), it->dump(), c.label());
          *it = std::move(*value);
          return inverse;
        }
        const std::size_t index = std::get<std::size_t>(steps->back());
        if (!parent->is_array() || index >= parent->size())
          return badCommand(where, "no such element");
        Command inverse = Command::set(c.path(), (*parent)[index].dump(), c.label());
        (*parent)[index] = std::move(*value);
        return inverse;
      }
      case Command::Kind::Insert: {
        auto value = detail::parseJson(c.json(), where);
        if (!value.ok()) return value.error();
        Json* array = detail::find(root, *steps);
        if (!array) {
          // a list the document does not have yet ("procedure.steps" of a new scenario): it is
          // created with this first element, with the objects on the way to it; undo removes
          // the first member that was created
          if (c.index() != 0 || steps->empty()) return badCommand(where, "no such list");
          Json* at = &root;
          std::size_t n = 0;
          for (; n < steps->size(); ++n) {
            const auto* key = std::get_if<std::string>(&(*steps)[n]);
            if (!key || !at->is_object()) return badCommand(where, "no such list");
            auto it = at->find(*key);
            if (it == at->end()) break;
            at = &*it;
          }
          for (std::size_t k = n; k < steps->size(); ++k)
            if (!std::holds_alternative<std::string>((*steps)[k]))
              return badCommand(where, "no such list");
          const Path created = Path::of(
              std::vector<PathStep>(steps->begin(), steps->begin() + std::ptrdiff_t(n) + 1));
          for (std::size_t k = n; k + 1 < steps->size(); ++k)
            at = &((*at)[std::get<std::string>((*steps)[k])] = Json::object());
          (*at)[std::get<std::string>(steps->back())] = Json::array({std::move(*value)});
          return Command::erase(created, c.label());
        }
        if (!array->is_array()) return badCommand(where, "not a list");
        if (c.index() > array->size()) return badCommand(where, "index out of range");
        array->insert(array->begin() + std::ptrdiff_t(c.index()), std::move(*value));
        return Command::erase(c.path().element(c.index()), c.label());
      }
      case Command::Kind::Erase: {
        if (steps->empty()) return badCommand(where, "the document itself cannot be deleted");
        const Path parentPath = c.path().parent();
        Json* parent = detail::find(root, parentPath.steps());
        if (!parent) return badCommand(parentPath.str(), "no such place");
        if (const auto* key = std::get_if<std::string>(&steps->back())) {
          if (!parent->is_object() || !parent->contains(*key))
            return badCommand(where, "no such member");
          // members keep their order: undo puts the whole object back
          Command inverse = Command::set(parentPath, parent->dump(), c.label());
          parent->erase(*key);
          return inverse;
        }
        const std::size_t index = std::get<std::size_t>(steps->back());
        if (!parent->is_array() || index >= parent->size())
          return badCommand(where, "no such element");
        Command inverse = Command::insert(parentPath, index, (*parent)[index].dump(), c.label());
        parent->erase(parent->begin() + std::ptrdiff_t(index));
        return inverse;
      }
      case Command::Kind::Move: {
        Json* array = detail::find(root, *steps);
        if (!array || !array->is_array()) return badCommand(where, "not a list");
        if (c.index() >= array->size() || c.to() >= array->size())
          return badCommand(where, "index out of range");
        Json moved = std::move((*array)[c.index()]);
        array->erase(array->begin() + std::ptrdiff_t(c.index()));
        array->insert(array->begin() + std::ptrdiff_t(c.to()), std::move(moved));
        return Command::move(c.path(), c.to(), c.index(), c.label());
      }
      case Command::Kind::Group: break;
    }
    return badCommand(where, "unknown command");
  }

  // the folder's run files, read when the document is opened
  void readRuns() {
    runs.clear();
    unreadableRuns.clear();
    std::error_code ec;
    const std::filesystem::path folder = file.parent_path() / "runs";
    std::vector<std::filesystem::path> found;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
      if (e.path().extension() == ".json" && e.is_regular_file(ec)) found.push_back(e.path());
    std::sort(found.begin(), found.end());
    for (const auto& path : found) {
      const std::string name = "runs/" + path.filename().string();
      auto text = core::readFile(path, 1024 * 1024);
      auto parsed = text.ok() ? detail::parseJson(*text, name) : core::Result<Json>(text.error());
      if (parsed.ok())
        runs.emplace(name, std::move(*parsed));
      else
        unreadableRuns.push_back({scenario::Severity::Error, name, "", 0, 0, parsed.error().message,
                                  "无法读取此运行文件：" + parsed.error().message});
    }
    savedRuns = runs;
  }

  // writes the run files that differ from what `folder` holds (all of them to a new folder)
  core::Status writeRuns(const std::filesystem::path& folder, bool all) {
    for (const auto& [name, value] : runs) {
      const auto saved = savedRuns.find(name);
      if (!all && saved != savedRuns.end() && saved->second == value) continue;
      std::error_code ec;
      std::filesystem::create_directories(folder / "runs", ec);
      if (auto w = core::writeFileAtomic(folder / name, detail::layout(value)); !w.ok()) return w;
      savedRuns[name] = value;
    }
    return {};
  }

  const std::vector<scenario::Diagnostic>& checkRuns() const {
    if (runsCheckedState == state()) return runProblems;
    runProblems = unreadableRuns;
    const auto& scenario = validate().scenario;
    for (const auto& [name, value] : runs) {
      auto loaded = scenario::loadRunFileText(detail::layout(value), name);
      for (auto& d : loaded.diagnostics) runProblems.push_back(std::move(d));
      if (loaded.run && scenario)
        for (auto& d : scenario::checkRunFile(*loaded.run, *scenario))
          runProblems.push_back(std::move(d));
    }
    runsCheckedState = state();
    return runProblems;
  }

  const scenario::LoadResult& validate() const {
    if (validatedState != state()) {
      const std::filesystem::path as =
          file.empty() ? std::filesystem::path("untitled/scenario.json") : file;
      validation = scenario::loadScenarioText(detail::layout(root), as);
      validatedState = state();
    }
    return validation;
  }
};

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::create(std::string_view id, const scenario::LocalizedText& title) {
  auto impl = std::make_unique<Impl>();
  impl->root = Json::parse(newScenarioText(id, title));
  // a new document has nothing to lose until it is edited, but it has never been saved
  impl->savedState = ~0ull;
  return Document(std::move(impl));
}

core::Result<Document> Document::fromText(std::string_view text,
                                          const std::filesystem::path& file) {
  auto parsed = detail::parseJson(text, file.string());
  if (!parsed.ok()) return parsed.error();
  if (!parsed->is_object())
    return core::makeError(core::ErrorCode::Parse,
                           file.string() + ": the top level must be an object");
  auto impl = std::make_unique<Impl>();
  impl->root = std::move(*parsed);
  impl->file = file;
  impl->readRuns();
  return Document(std::move(impl));
}

core::Result<Document> Document::open(const std::filesystem::path& folderOrFile) {
  const std::filesystem::path file = scenarioFile(folderOrFile);
  auto text = core::readFile(file, 4ull * 1024 * 1024);
  if (!text.ok()) return text.error();
  return fromText(*text, file);
}

std::optional<std::string> Document::value(const Path& path) const {
  if (!path.valid()) return std::nullopt;
  const Json* v = detail::find(impl_->root, path.steps());
  if (!v) return std::nullopt;
  return v->dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<std::string> Document::string(const Path& path) const {
  if (!path.valid()) return std::nullopt;
  const Json* v = detail::find(impl_->root, path.steps());
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::size_t Document::size(const Path& path) const {
  if (!path.valid()) return 0;
  const Json* v = detail::find(impl_->root, path.steps());
  return v && (v->is_array() || v->is_object()) ? v->size() : 0;
}

std::vector<std::string> Document::keys(const Path& path) const {
  std::vector<std::string> out;
  if (!path.valid()) return out;
  const Json* v = detail::find(impl_->root, path.steps());
  if (v && v->is_object())
    for (auto it = v->begin(); it != v->end(); ++it) out.push_back(it.key());
  return out;
}

std::optional<std::size_t> Document::find(const Path& arrayPath, std::string_view name) const {
  if (!arrayPath.valid()) return std::nullopt;
  const Json* v = detail::find(impl_->root, arrayPath.steps());
  if (!v || !v->is_array()) return std::nullopt;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& e = (*v)[i];
    if (!e.is_object()) continue;
    for (const char* key : {"name", "id"}) {
      auto it = e.find(key);
      if (it != e.end() && it->is_string() && it->get<std::string>() == name) return i;
    }
  }
  return std::nullopt;
}

std::string Document::text() const { return detail::layout(impl_->root); }
std::uint64_t Document::revision() const { return impl_->state(); }

core::Status Document::apply(const Command& command) {
  // (the run files are compared only when the command reaches them: a drag applies a command
  // on every move of the pointer)
  const std::function<bool(const Command&)> reachesRuns = [&](const Command& c) {
    return !c.file().empty() || std::any_of(c.children().begin(), c.children().end(), reachesRuns);
  };
  const Json before = impl_->root;
  std::optional<std::map<std::string, Json>> runsBefore;
  if (reachesRuns(command)) runsBefore = impl_->runs;
  auto inverse = impl_->run(command);
  if (!inverse.ok()) return inverse.error();
  // a command that changes nothing (a click on a gizmo handle, a value set to what it was) is
  // no step to undo, and the work is no less saved
  if (impl_->root == before && (!runsBefore || impl_->runs == *runsBefore)) return {};
  impl_->redo.clear();
  // a continued drag: the step keeps its first inverse and takes on the new forward
  if (!command.mergeKey().empty() && !impl_->undo.empty() &&
      impl_->undo.back().forward.mergeKey() == command.mergeKey() &&
      impl_->undo.back().state != impl_->savedState) {
    Step& top = impl_->undo.back();
    Command merged = Command::group(command.label(), {top.forward, command});
    merged.mergeKey(command.mergeKey());
    top.forward = std::move(merged);
    top.state = impl_->nextState++;
    return {};
  }
  impl_->undo.push_back({command, std::move(*inverse), impl_->nextState++});
  return {};
}

bool Document::canUndo() const { return !impl_->undo.empty(); }
bool Document::canRedo() const { return !impl_->redo.empty(); }
std::string Document::undoLabel() const {
  return impl_->undo.empty() ? std::string() : impl_->undo.back().forward.label();
}
std::string Document::redoLabel() const {
  return impl_->redo.empty() ? std::string() : impl_->redo.back().forward.label();
}

bool Document::undo() {
  if (impl_->undo.empty()) return false;
  Step step = std::move(impl_->undo.back());
  impl_->undo.pop_back();
  auto redoInverse = impl_->run(step.inverse);
  if (!redoInverse.ok()) return false;  // cannot happen: the inverse fits by construction
  impl_->redo.push_back(std::move(step));
  return true;
}

bool Document::redo() {
  if (impl_->redo.empty()) return false;
  Step step = std::move(impl_->redo.back());
  impl_->redo.pop_back();
  auto inverse = impl_->run(step.forward);
  if (!inverse.ok()) return false;
  step.inverse = std::move(*inverse);
  impl_->undo.push_back(std::move(step));
  return true;
}

const std::filesystem::path& Document::file() const { return impl_->file; }
bool Document::dirty() const { return impl_->state() != impl_->savedState; }

core::Status Document::save() {
  if (impl_->file.empty())
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "the scenario has no file yet: save it as a folder first");
  if (auto written = core::writeFileAtomic(impl_->file, text()); !written.ok()) return written;
  // the run files a rename changed
  if (auto runs = impl_->writeRuns(impl_->file.parent_path(), false); !runs.ok()) return runs;
  impl_->savedState = impl_->state();
  discardRecovery();
  return {};
}

core::Status Document::saveAs(const std::filesystem::path& folderOrFile) {
  const std::filesystem::path file = scenarioFile(folderOrFile);
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (auto written = core::writeFileAtomic(file, text()); !written.ok()) return written;
  // the run files go with the scenario to its new folder
  if (file.parent_path() != impl_->file.parent_path() || impl_->file.empty()) {
    if (auto runs = impl_->writeRuns(file.parent_path(), true); !runs.ok()) return runs;
  } else if (auto runs = impl_->writeRuns(file.parent_path(), false); !runs.ok()) {
    return runs;
  }
  const std::filesystem::path old = impl_->file;
  if (old.empty()) std::filesystem::remove(untitledRecoveryFile(), ec);
  impl_->file = file;
  impl_->savedState = impl_->state();
  impl_->validatedState = ~0ull;  // model paths resolve against the new folder
  if (!old.empty() && old != file) {
    std::filesystem::remove(old.parent_path() / ("." + old.filename().string() + ".recovery"), ec);
  }
  discardRecovery();
  return {};
}

std::filesystem::path Document::untitledRecoveryFile() {
  std::filesystem::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::filesystem::path(home) / ".local" / "share";
  else
    base = std::filesystem::temp_directory_path();
  return base / "practicum" / "untitled.scenario.json.recovery";
}

std::filesystem::path Document::recoveryFile() const {
  if (impl_->file.empty()) return untitledRecoveryFile();
  return impl_->file.parent_path() / ("." + impl_->file.filename().string() + ".recovery");
}

std::filesystem::path Document::runRecoveryFile(std::string_view run) const {
  const std::filesystem::path name(run);  // "runs/perfect.json"
  return impl_->file.parent_path() / name.parent_path() /
         ("." + name.filename().string() + ".recovery");
}

core::Status Document::autosave() {
  if (!dirty()) return {};
  // a new scenario as it was made (never edited, or every edit undone) has nothing to lose
  if (impl_->file.empty() && impl_->state() == impl_->baseState) return {};
  std::error_code ec;
  std::filesystem::create_directories(recoveryFile().parent_path(), ec);
  if (auto written = core::writeFileAtomic(recoveryFile(), text()); !written.ok()) return written;
  // the run files a rename changed, each beside itself
  for (const auto& [name, value] : impl_->runs) {
    const auto saved = impl_->savedRuns.find(name);
    if (saved != impl_->savedRuns.end() && saved->second == value)
      std::filesystem::remove(runRecoveryFile(name), ec);
    else if (auto w = core::writeFileAtomic(runRecoveryFile(name), detail::layout(value)); !w.ok())
      return w;
  }
  return {};
}

std::optional<std::string> Document::pendingRecovery(const std::filesystem::path& folderOrFile) {
  const std::filesystem::path file =
      folderOrFile.empty() ? std::filesystem::path() : scenarioFile(folderOrFile);
  const std::filesystem::path recovery =
      file.empty() ? untitledRecoveryFile()
                   : file.parent_path() / ("." + file.filename().string() + ".recovery");
  std::error_code ec;
  if (!std::filesystem::exists(recovery, ec)) return std::nullopt;
  auto text = core::readFile(recovery, 4ull * 1024 * 1024);
  if (!text.ok()) return std::nullopt;
  // older than the file, or the same as it: nothing was lost
  if (!file.empty() && std::filesystem::exists(file, ec)) {
    if (std::filesystem::last_write_time(recovery, ec) < std::filesystem::last_write_time(file, ec))
      return std::nullopt;
    auto current = core::readFile(file, 4ull * 1024 * 1024);
    if (current.ok() && *current == *text) return std::nullopt;
  }
  return *text;
}

core::Status Document::restoreRecovery() {
  auto text = pendingRecovery(impl_->file);
  if (!text)
    return core::makeError(core::ErrorCode::NotFound,
                           recoveryFile().string() + ": no unsaved changes to restore");
  auto parsed = detail::parseJson(*text, recoveryFile().string());
  if (!parsed.ok()) return parsed.error();
  std::vector<Command> restore{Command::set("", parsed->dump())};
  // and the run files' unsaved changes, where they are newer than the run file
  std::error_code ec;
  for (const auto& [name, value] : impl_->runs) {
    const std::filesystem::path recovery = runRecoveryFile(name);
    if (!std::filesystem::exists(recovery, ec) ||
        std::filesystem::last_write_time(recovery, ec) <
            std::filesystem::last_write_time(impl_->file.parent_path() / name, ec))
      continue;
    auto runText = core::readFile(recovery, 1024 * 1024);
    auto run = runText.ok() ? detail::parseJson(*runText, recovery.string())
                            : core::Result<Json>(runText.error());
    if (run.ok()) restore.push_back(Command::set("", run->dump()).in(name));
  }
  return apply(Command::group("Restore unsaved changes", std::move(restore)));
}

void Document::discardRecovery() const {
  std::error_code ec;
  std::filesystem::remove(recoveryFile(), ec);
  for (const auto& [name, value] : impl_->runs) std::filesystem::remove(runRecoveryFile(name), ec);
}

const std::vector<scenario::Diagnostic>& Document::diagnostics() const {
  return impl_->validate().diagnostics;
}
bool Document::valid() const { return impl_->validate().ok(); }
const std::optional<scenario::ScenarioDef>& Document::scenario() const {
  return impl_->validate().scenario;
}

std::vector<std::string> Document::runFiles() const {
  std::vector<std::string> out;
  for (const auto& [name, value] : impl_->runs) out.push_back(name);
  return out;
}

std::optional<std::string> Document::runValue(std::string_view file, const Path& path) const {
  const auto run = impl_->runs.find(std::string(file));
  if (run == impl_->runs.end() || !path.valid()) return std::nullopt;
  const Json* v = detail::find(run->second, path.steps());
  if (!v) return std::nullopt;
  return v->dump(-1, ' ', false, Json::error_handler_t::replace);
}

const std::vector<scenario::Diagnostic>& Document::runDiagnostics() const {
  return impl_->checkRuns();
}

const scenario::SymbolCatalog& Document::symbols() const { return impl_->validate().symbols; }

const std::vector<Path>& Document::selection() const { return impl_->selection; }
void Document::select(std::vector<Path> paths) { impl_->selection = std::move(paths); }

Path Document::itemOf(const Path& path) { return path.item(); }

}  // namespace practicum::editor
