#pragma once
/// A render target that is a single device image: headless rendering and tests.
#include <memory>

#include <practicum/render/context.hpp>
#include <practicum/render/render_target.hpp>

namespace practicum::render {

/// One R8G8B8A8_SRGB image of a fixed size. Borrows the Context, which must outlive it.
class OffscreenTarget final : public RenderTarget {
 public:
  /// Creates the image; fails with ErrorCode::Device when the device cannot.
  static core::Result<std::unique_ptr<OffscreenTarget>> create(const Context& context,
                                                               std::uint32_t width,
                                                               std::uint32_t height);
  ~OffscreenTarget() override;

  VkExtent2D extent() const override { return extent_; }
  VkFormat format() const override { return VK_FORMAT_R8G8B8A8_SRGB; }
  std::uint32_t imageCount() const override { return 1; }
  VkImage image(std::uint32_t) const override { return image_; }
  VkImageView view(std::uint32_t) const override { return view_; }
  std::uint64_t generation() const override { return 1; }
  VkImageLayout presentLayout() const override { return VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL; }
  core::Result<std::optional<AcquiredImage>> acquire(VkSemaphore) override {
    return std::optional(AcquiredImage{});
  }
  core::Status present(std::uint32_t, VkSemaphore) override { return {}; }
  bool presents() const override { return false; }

 private:
  explicit OffscreenTarget(const Context& context) : context_(context) {}
  const Context& context_;
  VkExtent2D extent_{};
  VkImage image_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  VkImageView view_ = VK_NULL_HANDLE;
};

}  // namespace practicum::render
