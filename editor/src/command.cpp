#include <practicum/editor/command.hpp>

#include <utility>

namespace practicum::editor {

Command Command::set(Path path, std::string json, std::string label) {
  Command c;
  c.kind_ = Kind::Set;
  c.path_ = std::move(path);
  c.json_ = std::move(json);
  c.label_ = label.empty() ? "Set " + c.path_.str() : std::move(label);
  return c;
}

Command Command::insert(Path arrayPath, std::size_t index, std::string json, std::string label) {
  Command c;
  c.kind_ = Kind::Insert;
  c.path_ = std::move(arrayPath);
  c.index_ = index;
  c.json_ = std::move(json);
  c.label_ = label.empty() ? "Add to " + c.path_.str() : std::move(label);
  return c;
}

Command Command::erase(Path path, std::string label) {
  Command c;
  c.kind_ = Kind::Erase;
  c.path_ = std::move(path);
  c.label_ = label.empty() ? "Delete " + c.path_.str() : std::move(label);
  return c;
}

Command Command::move(Path arrayPath, std::size_t from, std::size_t to, std::string label) {
  Command c;
  c.kind_ = Kind::Move;
  c.path_ = std::move(arrayPath);
  c.index_ = from;
  c.to_ = to;
  c.label_ = label.empty() ? "Reorder " + c.path_.str() : std::move(label);
  return c;
}

Command Command::group(std::string label, std::vector<Command> commands) {
  Command c;
  c.kind_ = Kind::Group;
  c.label_ = std::move(label);
  c.children_ = std::move(commands);
  return c;
}

}  // namespace practicum::editor
