// Where scenarios are found (docs/scenario-format.md, "How scenarios are found"): a search path
// of folders, each holding scenario folders, matched by the "id" inside their scenario.json.
#include <practicum/scenario/find_scenario.hpp>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <set>

#include <nlohmann/json.hpp>

namespace practicum::scenario {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// largest scenario.json read while searching, as the loader's default limit
constexpr std::uint64_t kMaxSearchedFileBytes = 4ull * 1024 * 1024;

// SAX events up to the top-level "id": parsing stops as soon as its value is seen
class IdReader {
 public:
  std::optional<std::string> id;

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool binary(json::binary_t&) { return value(); }
  bool string(json::string_t& s) {
    if (!atId()) return true;
    id = s;
    return false;  // found: stop
  }
  bool start_object(std::size_t) { return open(); }
  bool start_array(std::size_t) { return open(); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (depth_ == 1) idNext_ = k == "id";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  bool atId() const { return depth_ == 1 && idNext_; }
  // a value that is not a string where the id is: there is no id to read
  bool value() { return !atId(); }
  bool open() {
    if (atId()) return false;
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  bool idNext_ = false;
};

// the top-level "id" of scenario.json text, parsed only as far as needed
std::optional<std::string> idOf(const std::string& text) {
  IdReader reader;
  try {
    json::sax_parse(text, &reader);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return reader.id;
}

bool isScenarioId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

}  // namespace

std::vector<fs::path> scenarioSearchPath(const std::vector<fs::path>& given,
                                         std::string_view envList) {
  std::vector<fs::path> dirs = given;
  // the environment's list, separated by ':' like PATH
  while (!envList.empty()) {
    const std::size_t colon = envList.find(':');
    const std::string_view entry = envList.substr(0, colon);
    if (!entry.empty()) dirs.emplace_back(entry);
    envList = colon == std::string_view::npos ? std::string_view() : envList.substr(colon + 1);
  }
  dirs.emplace_back(kDefaultScenarioFolder);
  return dirs;
}

std::vector<fs::path> scenarioSearchPath(const std::vector<fs::path>& given) {
  const char* env = std::getenv(kScenarioPathVariable);
  return scenarioSearchPath(given, env ? std::string_view(env) : std::string_view());
}

std::optional<std::string> readScenarioId(const fs::path& scenarioJson, std::uint64_t maxBytes) {
  try {
    std::error_code ec;
    if (!fs::is_regular_file(scenarioJson, ec)) return std::nullopt;
    auto text = core::readFile(scenarioJson, maxBytes);
    if (!text) return std::nullopt;
    return idOf(*text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

core::Result<fs::path> findScenario(std::string_view id, const std::vector<fs::path>& searchDirs,
                                    std::optional<std::uint64_t> preferHash) {
  if (!isScenarioId(id))
    return core::makeError(
        core::ErrorCode::InvalidArgument,
        "\"" + std::string(id) + "\" is not a scenario id (lowercase letters a-z, digits and '-')");
  try {
    std::optional<fs::path> first;      // the first folder with the id
    std::optional<fs::path> preferred;  // the first with the id and the hash
    std::set<fs::path> seen;            // folders already looked at (by their canonical path)
    std::vector<std::string> skipped;   // scenario.json files whose id could not be read

    // one folder that may hold a scenario.json; true once the search can stop
    const auto consider = [&](const fs::path& folder) {
      std::error_code ec;
      const fs::path file = folder / "scenario.json";
      if (!fs::is_regular_file(file, ec)) return false;
      const fs::path canonical = fs::weakly_canonical(folder, ec);
      if (!seen.insert(ec ? folder : canonical).second) return false;
      auto text = core::readFile(file, kMaxSearchedFileBytes);
      const auto fileId = text ? idOf(*text) : std::nullopt;
      if (!fileId) {
        skipped.push_back(file.string());
        return false;
      }
      if (*fileId != id) return false;
      if (!first) first = folder;
      if (!preferHash || core::fnv1a64(*text) == *preferHash) {
        preferred = folder;
        return true;
      }
      return false;
    };

    for (const fs::path& dir : searchDirs) {
      // <dir>/<id>, then <dir> itself, then the other subfolders in name order
      if (consider(dir / std::string(id)) || consider(dir)) break;
      std::vector<fs::path> subfolders;
      std::error_code ec;
      for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
           it.increment(ec)) {
        std::error_code typeError;
        if (it->is_directory(typeError)) subfolders.push_back(it->path());
      }
      std::sort(subfolders.begin(), subfolders.end());
      if (std::any_of(subfolders.begin(), subfolders.end(), consider)) break;
    }
    if (preferred) return *preferred;
    if (first) return *first;

    // not found: the id, every folder searched, and what could not be read
    std::string message = "no scenario with the id \"" + std::string(id) + "\" in ";
    if (searchDirs.empty()) message += "any folder (none to search)";
    for (std::size_t i = 0; i < searchDirs.size(); ++i) {
      std::error_code ec;
      message += (i ? ", " : "") + searchDirs[i].string();
      if (!fs::is_directory(searchDirs[i], ec)) message += " (no such folder)";
    }
    if (!skipped.empty()) {
      message += "; skipped, their id cannot be read:";
      for (std::size_t i = 0; i < skipped.size(); ++i) message += (i ? ", " : " ") + skipped[i];
    }
    return core::makeError(core::ErrorCode::NotFound, std::move(message));
  } catch (const std::exception& e) {
    return core::makeError(core::ErrorCode::Io,
                           "searching for the scenario \"" + std::string(id) + "\": " + e.what());
  }
}

core::Result<fs::path> resolveScenario(const std::string& given,
                                       const std::vector<fs::path>& searchDirs) {
  std::error_code ec;
  if (fs::exists(given, ec) || !isScenarioId(given)) return fs::path(given);
  return findScenario(given, searchDirs);
}

}  // namespace practicum::scenario
