#pragma once
/// Where frames go: one interface, two implementations — a window swapchain (WindowTarget)
/// and an offscreen image (OffscreenTarget). The renderer draws to either the same way.
#include <cstdint>
#include <optional>

#include <vulkan/vulkan.h>

#include <practicum/core/result.hpp>

namespace practicum::render {

/// An image acquired for drawing.
struct AcquiredImage {
  std::uint32_t index = 0;
  /// Semaphore the GPU must wait on before writing the image (VK_NULL_HANDLE: none).
  VkSemaphore wait = VK_NULL_HANDLE;
};

/// A set of colour images the renderer draws into and hands back.
class RenderTarget {
 public:
  virtual ~RenderTarget() = default;

  /// Size of the images.
  virtual VkExtent2D extent() const = 0;
  /// Colour format of the images.
  virtual VkFormat format() const = 0;
  /// Number of images.
  virtual std::uint32_t imageCount() const = 0;
  /// Image and view by index; valid until generation() changes.
  virtual VkImage image(std::uint32_t index) const = 0;
  virtual VkImageView view(std::uint32_t index) const = 0;
  /// Increments whenever the images are recreated (window resize); views from earlier
  /// generations must not be used.
  virtual std::uint64_t generation() const = 0;
  /// Layout the image must be in when handed back with present().
  virtual VkImageLayout presentLayout() const = 0;

  /// Gets the next image to draw; targets that present signal `imageAvailable` when the image
  /// may be written and return it in AcquiredImage::wait. nullopt = skip this frame (e.g. a
  /// minimised window).
  virtual core::Result<std::optional<AcquiredImage>> acquire(VkSemaphore imageAvailable) = 0;
  /// Hands the image back after the GPU has signalled `renderDone` (may be VK_NULL_HANDLE for
  /// targets that do not present).
  virtual core::Status present(std::uint32_t index, VkSemaphore renderDone) = 0;
  /// Whether present() waits on a semaphore (windows do, offscreen does not).
  virtual bool presents() const = 0;
};

}  // namespace practicum::render
