#pragma once
// Shared set-up for render tests: a headless Vulkan context with validation layers on. Any
// validation error is logged at error level, which fails the running test (see test_main).
#include <gtest/gtest.h>

#include <memory>

#include <practicum/render/context.hpp>

namespace practicum::test {

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    render::ContextOptions options;
    options.validation = true;
    auto ctx = render::Context::create(options);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    context_ = std::move(*ctx);
  }
  void TearDown() override {
    if (context_) {
      EXPECT_EQ(context_->validationErrors(), 0u);
    }
  }
  std::unique_ptr<render::Context> context_;
};

}  // namespace practicum::test
