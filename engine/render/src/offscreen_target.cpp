#include <practicum/render/offscreen_target.hpp>

#include "gpu_resources.hpp"

namespace practicum::render {

core::Result<std::unique_ptr<OffscreenTarget>> OffscreenTarget::create(const Context& context,
                                                                       std::uint32_t width,
                                                                       std::uint32_t height) {
  if (width == 0 || height == 0 || width > 16384 || height > 16384)
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "offscreen size " + std::to_string(width) + "x" +
                               std::to_string(height) + " is out of range (1..16384)");
  std::unique_ptr<OffscreenTarget> t(new OffscreenTarget(context));
  t->extent_ = {width, height};
  auto img = GpuImage::create(context, t->extent_, VK_FORMAT_R8G8B8A8_SRGB,
                              VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                              VK_IMAGE_ASPECT_COLOR_BIT);
  if (!img.ok()) return img.error();
  t->image_ = img->image;
  t->memory_ = img->memory;
  t->view_ = img->view;
  return t;
}

OffscreenTarget::~OffscreenTarget() {
  GpuImage img{context_.device(), image_, memory_, view_};
  img.reset();
}

}  // namespace practicum::render
