// The process-wide interrupt flag: SIGINT, SIGTERM and SIGHUP only record that they came (the
// first one), the handlers are put back on removal, and an ignored signal stays ignored.
#include <gtest/gtest.h>

#include <csignal>

#include <practicum/core/interrupt.hpp>

namespace practicum {
namespace {

// the handler a signal has now
void (*handlerOf(int signal))(int) {
  struct sigaction current {};
  ::sigaction(signal, nullptr, &current);
  return current.sa_handler;
}

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// every test starts from the default dispositions (ctest may run us with SIGINT ignored, as a
// shell's background job) and leaves the process as it found it
class Interrupt : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 3; ++i) saved_[i] = std::signal(kSignals[i], SIG_DFL);
  }
  void TearDown() override {
    core::removeInterruptHandlers();
    core::resetInterrupt();
    for (int i = 0; i < 3; ++i) std::signal(kSignals[i], saved_[i]);
  }

 private:
  void (*saved_[3])(int) = {};
};

TEST_F(Interrupt, EachSignalIsRecordedAndTheFirstIsKept) {
  for (const int signal : kSignals) {
    SCOPED_TRACE(core::signalName(signal));
    ASSERT_TRUE(core::installInterruptHandlers().ok());
    EXPECT_EQ(core::interruptSignal(), 0);
    ASSERT_EQ(::raise(signal), 0);  // the process goes on: the handler only records it
    EXPECT_EQ(core::interruptSignal(), signal);
    // a second one (a closing terminal sends SIGHUP twice) changes nothing
    ASSERT_EQ(::raise(signal == SIGHUP ? SIGTERM : SIGHUP), 0);
    EXPECT_EQ(core::interruptSignal(), signal);
    core::resetInterrupt();
    EXPECT_EQ(core::interruptSignal(), 0);
    core::removeInterruptHandlers();
  }
}

TEST_F(Interrupt, InstallingTwiceAndRemovingPutTheHandlersBack) {
  // the default handlers before ours, to be put back
  ASSERT_EQ(handlerOf(SIGTERM), SIG_DFL);
  ASSERT_TRUE(core::installInterruptHandlers().ok());
  const auto ours = handlerOf(SIGTERM);
  EXPECT_NE(ours, SIG_DFL);
  EXPECT_EQ(handlerOf(SIGINT), ours);
  EXPECT_EQ(handlerOf(SIGHUP), ours);
  ASSERT_TRUE(core::installInterruptHandlers().ok());  // idempotent
  core::removeInterruptHandlers();
  EXPECT_EQ(handlerOf(SIGTERM), SIG_DFL);
  core::removeInterruptHandlers();  // nothing installed: nothing happens
  EXPECT_EQ(handlerOf(SIGTERM), SIG_DFL);
}

TEST_F(Interrupt, AnIgnoredSignalStaysIgnored) {
  // as under `nohup`: SIGHUP must not end the session
  ASSERT_NE(std::signal(SIGHUP, SIG_IGN), SIG_ERR);
  ASSERT_TRUE(core::installInterruptHandlers().ok());
  EXPECT_EQ(handlerOf(SIGHUP), SIG_IGN);
  ASSERT_EQ(::raise(SIGHUP), 0);
  EXPECT_EQ(core::interruptSignal(), 0);
  core::removeInterruptHandlers();
  EXPECT_EQ(handlerOf(SIGHUP), SIG_IGN);
}

TEST_F(Interrupt, AHostCanRequestOneAndExitCodesAreConventional) {
  // no handlers needed: a host's own quit request
  core::requestInterrupt(SIGTERM);
  EXPECT_EQ(core::interruptSignal(), SIGTERM);
  core::requestInterrupt(SIGINT);
  EXPECT_EQ(core::interruptSignal(), SIGTERM);
  EXPECT_EQ(core::interruptExitCode(SIGINT), 130);
  EXPECT_EQ(core::interruptExitCode(SIGTERM), 143);
  EXPECT_EQ(core::interruptExitCode(SIGHUP), 129);
  EXPECT_EQ(core::signalName(SIGINT), "SIGINT");
  EXPECT_EQ(core::signalName(SIGTERM), "SIGTERM");
  EXPECT_EQ(core::signalName(SIGHUP), "SIGHUP");
  EXPECT_EQ(core::signalName(SIGUSR1), "signal " + std::to_string(SIGUSR1));
}

}  // namespace
}  // namespace practicum
