#pragma once
// Private RAII owners for device buffers and images.
#include <cstdint>
#include <utility>

#include <practicum/render/context.hpp>

namespace practicum::render {

/// A VkBuffer with its own memory. Host-visible buffers stay mapped.
class GpuBuffer {
 public:
  GpuBuffer() = default;
  GpuBuffer(GpuBuffer&& o) noexcept { swap(o); }
  GpuBuffer& operator=(GpuBuffer&& o) noexcept {
    GpuBuffer tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~GpuBuffer() { reset(); }

  /// Creates a buffer of `size` bytes; hostVisible buffers are coherent and mapped.
  static core::Result<GpuBuffer> create(const Context& ctx, VkDeviceSize size,
                                        VkBufferUsageFlags usage, bool hostVisible);
  void reset();
  VkBuffer handle() const { return buffer_; }
  VkDeviceSize size() const { return size_; }
  void* mapped() const { return mapped_; }

 private:
  void swap(GpuBuffer& o) noexcept {
    std::swap(device_, o.device_);
    std::swap(buffer_, o.buffer_);
    std::swap(memory_, o.memory_);
    std::swap(size_, o.size_);
    std::swap(mapped_, o.mapped_);
  }
  VkDevice device_ = VK_NULL_HANDLE;
  VkBuffer buffer_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  VkDeviceSize size_ = 0;
  void* mapped_ = nullptr;
};

/// A 2D image with its memory and one view.
struct GpuImage {
  VkDevice device = VK_NULL_HANDLE;
  VkImage image = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;

  /// Creates an optimal-tiling device-local image and a view of it.
  static core::Result<GpuImage> create(const Context& ctx, VkExtent2D extent, VkFormat format,
                                       VkImageUsageFlags usage, VkImageAspectFlags aspect);
  void reset();
};

}  // namespace practicum::render
