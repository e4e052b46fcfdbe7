// main() for every test executable: routes engine log messages to the test output and fails
// the running test when the engine logs an error it did not expect (MuJoCo's fixture idea).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <practicum/core/log.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {
std::atomic<int> g_errors{0};
std::atomic<bool> g_allowed{false};

class EngineLogListener : public ::testing::EmptyTestEventListener {
  void OnTestStart(const ::testing::TestInfo&) override {
    g_errors = 0;
    g_allowed = false;
  }
  void OnTestEnd(const ::testing::TestInfo&) override {}
};
}  // namespace

int engineErrorCount() { return g_errors; }
void allowEngineErrors() { g_allowed = true; }

}  // namespace practicum::test

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // session logs of the programs tests start go to a folder of their own, not the user's
  const auto data = std::filesystem::temp_directory_path() / "practicum-test-data";
  std::filesystem::create_directories(data);
  ::setenv("XDG_DATA_HOME", data.c_str(), 1);
  ::testing::UnitTest::GetInstance()->listeners().Append(new practicum::test::EngineLogListener);
  practicum::core::setLogSink([](practicum::core::LogLevel level, std::string_view message) {
    using practicum::core::LogLevel;
    std::fprintf(stderr, "[engine %s] %.*s\n", level == LogLevel::Error ? "error" : "log",
                 static_cast<int>(message.size()), message.data());
    if (level == LogLevel::Error) {
      ++practicum::test::g_errors;
      if (!practicum::test::g_allowed)
        ADD_FAILURE() << "engine logged an error: " << std::string(message);
    }
  });
  return RUN_ALL_TESTS();
}
