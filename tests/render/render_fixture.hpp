#pragma once
// Shared set-up for render tests: a headless Vulkan context with validation layers on. Any
// validation error is logged at error level, which fails the running test (see test_main).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <practicum/render/context.hpp>

namespace practicum::test {

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    render::ContextOptions options;
    options.validation = true;
    options.gpu = preferredGpu();
    auto ctx = render::Context::create(options);
    if (!ctx.ok() && !options.gpu.empty()) {
      options.gpu.clear();  // that device is not here: take the default one
      ctx = render::Context::create(options);
    }
    ASSERT_TRUE(ctx.ok()) << ctx.error().message;
    context_ = std::move(*ctx);
    // without the layer a validation error could not fail anything
    ASSERT_TRUE(context_->validationEnabled())
        << "VK_LAYER_KHRONOS_validation is missing (vulkan-validationlayers)";
  }
  /// Device to ask for first (a name substring); empty = the default choice.
  virtual std::string preferredGpu() const { return {}; }
  void TearDown() override {
    if (context_) {
      EXPECT_EQ(context_->validationErrors(), 0u);
    }
  }
  std::unique_ptr<render::Context> context_;
};

}  // namespace practicum::test
