// Imports the external model corpus ($PRACTICUM_MODEL_CORPUS, see /work/shared/models/README.md
// on the CI machines): every good file must import, every hostile one must end in an error or in
// validated data, never in a crash or a hang of the caller.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include <practicum/assets/model.hpp>

#include "assets_test_util.hpp"
#include "test_support.hpp"

namespace practicum {
namespace {

using core::ErrorCode;
namespace fs = std::filesystem;

constexpr double kTimeout = 5.0;

assets::ImportLimits corpusLimits() {
  assets::ImportLimits limits;
  limits.timeoutSeconds = kTimeout;  // the hanging file costs little
  limits.maxMemoryBytes = 1ull << 30;
  return limits;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool isSupported(const fs::path& file) {
  const auto& exts = assets::supportedExtensions();
  return std::find(exts.begin(), exts.end(), lower(file.extension().string())) != exts.end();
}

// regular files under a folder, sorted, for a stable order
std::vector<fs::path> filesUnder(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

struct Outcome {
  bool ok = false;
  ErrorCode code = ErrorCode::InvalidArgument;
  std::string message;
  double seconds = 0;
};

// imports one file, checks what must hold for any outcome, and reports it on stdout
Outcome importChecked(const fs::path& file, const std::string& label) {
  const auto limits = corpusLimits();
  const auto start = std::chrono::steady_clock::now();
  auto result = assets::importModel(file, limits);
  Outcome out;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(out.seconds, kTimeout + 2.0) << label << " took too long";
  out.ok = result.ok();
  if (result.ok()) {
    EXPECT_EQ(test::checkModelInvariants(*result, limits), "") << label;
    out.message =
        std::to_string(result->meshes.size()) + " meshes, " + std::to_string(result->vertexCount) +
        " vertices, " + std::to_string(result->triangleCount) + " triangles" +
        (result->warnings.empty() ? std::string()
                                  : ", " + std::to_string(result->warnings.size()) + " warnings");
  } else {
    out.code = result.error().code;
    out.message = result.error().message;
    EXPECT_NE(out.message.find(file.filename().string()), std::string::npos)
        << label << ": message does not name the file: " << out.message;
  }
  std::printf("[corpus] %-62s %6.3f s  %s%s\n", label.c_str(), out.seconds,
              out.ok ? "safe import: "
                     : (std::string("error (") + core::toString(out.code) + "): ").c_str(),
              out.message.c_str());
  return out;
}

TEST(ModelCorpus, GoodFilesImport) {
  const auto corpus = test::modelCorpus();
  if (!corpus) GTEST_SKIP() << "PRACTICUM_MODEL_CORPUS is not set to the model corpus folder";
  const auto good = *corpus / "good";
  ASSERT_TRUE(fs::is_directory(good)) << good;
  int count = 0;
  for (const auto& file : filesUnder(good)) {
    if (!isSupported(file)) continue;  // .mtl, .bin, .png companions
    ++count;
    const auto out = importChecked(file, fs::relative(file, *corpus).string());
    EXPECT_TRUE(out.ok) << file << ": " << out.message;
  }
  EXPECT_GT(count, 0) << "no model files under " << good;
}

TEST(ModelCorpus, HostileFilesFailSafely) {
  const auto corpus = test::modelCorpus();
  if (!corpus) GTEST_SKIP() << "PRACTICUM_MODEL_CORPUS is not set to the model corpus folder";
  const auto hostile = *corpus / "hostile";
  ASSERT_TRUE(fs::is_directory(hostile)) << hostile;
  test::allowEngineErrors();  // only warnings are expected, but a hostile file may log more
  const auto temp = test::makeTempDir("assets-corpus");
  const auto start = std::chrono::steady_clock::now();

  std::map<std::string, std::vector<Outcome>> byFile;  // file name -> outcomes of all passes
  for (const auto& file : filesUnder(hostile)) {
    const auto ext = lower(file.extension().string());
    if (ext == ".bin" || ext == ".png") continue;  // companions of the glTF files
    const std::string rel = fs::relative(file, *corpus).string();
    auto& outcomes = byFile[file.filename().string()];

    // under its own name: unsupported extensions are refused before any process starts
    auto original = importChecked(file, rel);
    if (!isSupported(file)) {
      EXPECT_FALSE(original.ok);
      EXPECT_EQ(original.code, ErrorCode::Unsupported) << original.message;
    }
    outcomes.push_back(original);

    // a copy in a temporary folder under each accepted extension: this is what reaches Assimp
    for (const auto& newExt : assets::supportedExtensions()) {
      const auto copy = temp / (file.stem().string() + "_as" + newExt);
      fs::copy_file(file, copy, fs::copy_options::overwrite_existing);
      outcomes.push_back(importChecked(copy, rel + " as " + newExt));
      fs::remove(copy);
    }
  }
  fs::remove_all(temp);

  // the two files that take Debian's Assimp down when it runs in-process: errors here, and the
  // crash (when this Assimp still crashes) contained in the helper
  if (const auto crash = byFile.find("crash-30d6d0f7c529b3b66b4131700b7a4580cd7082df.ply");
      crash != byFile.end()) {
    bool crashedOnce = false;
    for (const auto& o : crash->second) {
      EXPECT_FALSE(o.ok) << o.message;
      crashedOnce = crashedOnce || o.code == ErrorCode::Crashed;
    }
    std::printf("[corpus] crash .ply: %s\n", crashedOnce
                                                 ? "crashed the helper, reported as an error"
                                                 : "rejected without crashing the helper");
  }
  if (const auto oom = byFile.find("OutOfMemory.off"); oom != byFile.end()) {
    for (const auto& o : oom->second) EXPECT_FALSE(o.ok) << o.message;
  }

  const double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("[corpus] hostile pass: %zu files, %.1f s\n", byFile.size(), took);
  EXPECT_LT(took, 120.0);
}

}  // namespace
}  // namespace practicum
