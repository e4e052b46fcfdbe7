#include "gpu_resources.hpp"

#include "vk_check.hpp"

namespace practicum::render {

core::Result<GpuBuffer> GpuBuffer::create(const Context& ctx, VkDeviceSize size,
                                          VkBufferUsageFlags usage, bool hostVisible) {
  GpuBuffer b;
  b.device_ = ctx.device();
  b.size_ = size;
  VkBufferCreateInfo bci{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bci.size = size;
  bci.usage = usage;
  bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  PRACTICUM_VK_TRY(vkCreateBuffer(b.device_, &bci, nullptr, &b.buffer_));

  // back it with host-visible coherent memory or device-local memory
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(b.device_, b.buffer_, &req);
  const VkMemoryPropertyFlags props =
      hostVisible ? VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT
                  : VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
  VkMemoryAllocateInfo mai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = ctx.findMemoryType(req.memoryTypeBits, props);
  if (mai.memoryTypeIndex == UINT32_MAX)
    return core::makeError(core::ErrorCode::Device, "no suitable memory type for a buffer");
  PRACTICUM_VK_TRY(vkAllocateMemory(b.device_, &mai, nullptr, &b.memory_));
  PRACTICUM_VK_TRY(vkBindBufferMemory(b.device_, b.buffer_, b.memory_, 0));
  if (hostVisible)
    PRACTICUM_VK_TRY(vkMapMemory(b.device_, b.memory_, 0, VK_WHOLE_SIZE, 0, &b.mapped_));
  return b;
}

void GpuBuffer::reset() {
  if (!device_) return;
  if (mapped_) vkUnmapMemory(device_, memory_);
  if (buffer_) vkDestroyBuffer(device_, buffer_, nullptr);
  if (memory_) vkFreeMemory(device_, memory_, nullptr);
  device_ = VK_NULL_HANDLE;
  buffer_ = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
  mapped_ = nullptr;
  size_ = 0;
}

core::Result<GpuImage> GpuImage::create(const Context& ctx, VkExtent2D extent, VkFormat format,
                                        VkImageUsageFlags usage, VkImageAspectFlags aspect) {
  GpuImage img;
  img.device = ctx.device();
  VkImageCreateInfo ici{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  ici.imageType = VK_IMAGE_TYPE_2D;
  ici.format = format;
  ici.extent = {extent.width, extent.height, 1};
  ici.mipLevels = 1;
  ici.arrayLayers = 1;
  ici.samples = VK_SAMPLE_COUNT_1_BIT;
  ici.tiling = VK_IMAGE_TILING_OPTIMAL;
  ici.usage = usage;
  ici.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  if (const VkResult r = vkCreateImage(img.device, &ici, nullptr, &img.image); r != VK_SUCCESS)
    return vkError("vkCreateImage", r);

  VkMemoryRequirements req{};
  vkGetImageMemoryRequirements(img.device, img.image, &req);
  VkMemoryAllocateInfo mai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = ctx.findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (mai.memoryTypeIndex == UINT32_MAX) {
    img.reset();
    return core::makeError(core::ErrorCode::Device, "no device-local memory for an image");
  }
  if (const VkResult r = vkAllocateMemory(img.device, &mai, nullptr, &img.memory);
      r != VK_SUCCESS) {
    img.reset();
    return vkError("vkAllocateMemory (image)", r);
  }
  if (const VkResult r = vkBindImageMemory(img.device, img.image, img.memory, 0); r != VK_SUCCESS) {
    img.reset();
    return vkError("vkBindImageMemory", r);
  }

  VkImageViewCreateInfo vci{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  vci.image = img.image;
  vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
  vci.format = format;
  vci.subresourceRange = {aspect, 0, 1, 0, 1};
  if (const VkResult r = vkCreateImageView(img.device, &vci, nullptr, &img.view); r != VK_SUCCESS) {
    img.reset();
    return vkError("vkCreateImageView", r);
  }
  return img;
}

void GpuImage::reset() {
  if (!device) return;
  if (view) vkDestroyImageView(device, view, nullptr);
  if (image) vkDestroyImage(device, image, nullptr);
  if (memory) vkFreeMemory(device, memory, nullptr);
  *this = GpuImage{};
}

}  // namespace practicum::render
