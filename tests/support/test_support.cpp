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

}  // namespace practicum::test
