#include "test_support.hpp"

#include <cstdlib>
#include <random>

namespace practicum::test {

std::filesystem::path sourceDir() { return PRACTICUM_SOURCE_DIR; }
std::filesystem::path binaryDir() { return PRACTICUM_BINARY_DIR; }
std::filesystem::path scenarioDir(const std::string& name) {
  return sourceDir() / "scenarios" / name;
}

std::filesystem::path copyOfScenario(const std::string& name, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  const fs::path copy = dir / name;
  fs::copy(scenarioDir(name), copy, fs::copy_options::recursive);
  for (const auto& e : fs::recursive_directory_iterator(copy))
    if (e.path().extension() == ".recovery") fs::remove(e.path());
  return copy;
}

std::optional<std::filesystem::path> modelCorpus() {
  const char* env = std::getenv("PRACTICUM_MODEL_CORPUS");
  if (!env || !*env) return std::nullopt;
  std::filesystem::path p(env);
  if (!std::filesystem::is_directory(p)) return std::nullopt;
  return p;
}

std::filesystem::path makeTempDir(const std::string& tag) {
  std::random_device rd;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("practicum-test-" + tag + "-" + std::to_string(rd()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string untranslatedWordIn(std::string_view chinese) {
  // the text without its quoted parts
  std::string rest;
  for (std::size_t i = 0; i < chinese.size();) {
    const auto skipTo = [&](std::string_view close, std::size_t from) {
      const auto end = chinese.find(close, from);
      return end == std::string_view::npos ? chinese.size() : end + close.size();
    };
    if (chinese.substr(i, 3) == "“") {
      i = skipTo("”", i + 3);
    } else if (chinese[i] == '"' || chinese[i] == '`') {
      i = skipTo(std::string_view(&chinese[i], 1), i + 1);
    } else {
      rest += chinese[i++];
    }
  }
  // its ASCII tokens, each checked whole
  std::string token;
  for (const char c : rest + " ") {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f && c != ',' && c != '(' && c != ')' && c != ';' && c != ':') {
      token += c;
      continue;
    }
    const bool code = token.find_first_of("./_[]0123456789\\") != std::string::npos;
    int lower = 0;
    for (const char t : token) lower += t >= 'a' && t <= 'z';
    if (!code && lower >= 2 && token != "true" && token != "false" && token != "null") return token;
    token.clear();
  }
  return {};
}

}  // namespace practicum::test
