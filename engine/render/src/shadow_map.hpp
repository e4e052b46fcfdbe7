#pragma once
// Private: the shadow of the scene's one directional light. A depth map per frame in flight,
// rendered from the light with an orthographic projection fitted around everything drawn, and
// the descriptor set the lit pass samples it through (with the light's matrix in a uniform).
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/render/context.hpp>

#include "gpu_resources.hpp"

namespace practicum::render {

class ShadowMap {
 public:
  /// `size` x `size` texels per map, one map per frame in flight.
  static core::Result<std::unique_ptr<ShadowMap>> create(const Context& context,
                                                         std::uint32_t frames, std::uint32_t size);
  ~ShadowMap();
  ShadowMap(const ShadowMap&) = delete;
  ShadowMap& operator=(const ShadowMap&) = delete;

  /// The set layout the lit pass's pipeline layout includes (binding 0: the map as a
  /// sampler2DShadow; binding 1: the light's view-projection and parameters).
  VkDescriptorSetLayout setLayout() const { return setLayout_; }
  /// The set of frame `frame`; valid for the map's lifetime.
  VkDescriptorSet set(std::uint32_t frame) const { return frames_[frame].set; }

  /// A sphere that must be inside the light's view (an item's bounds).
  struct Sphere {
    core::Vec3 center;
    float radius = 0;
  };
  /// An orthographic view-projection from `direction` (where the light travels) that holds
  /// every sphere.
  static core::Mat4 fit(core::Vec3 direction, const std::vector<Sphere>& spheres);

  /// Records the depth pass of frame `frame` into `cmd`: begins the pass, binds the pipeline and
  /// the light's matrix, lets `draw` issue the draws (vertex bindings 0 and 1 as the lit pass),
  /// ends the pass; writes the matrix and `strength` (0 = no shadow) for the lit pass.
  void record(VkCommandBuffer cmd, std::uint32_t frame, const core::Mat4& lightViewProj,
              float strength, const std::function<void()>& draw);

 private:
  struct Frame {
    GpuImage depth;
    VkFramebuffer framebuffer = VK_NULL_HANDLE;
    GpuBuffer uniforms;
    VkDescriptorSet set = VK_NULL_HANDLE;
  };
  explicit ShadowMap(const Context& context) : ctx_(context) {}
  core::Status createPipeline();

  const Context& ctx_;
  std::uint32_t size_ = 0;
  VkRenderPass renderPass_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  VkDescriptorSetLayout setLayout_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  std::vector<Frame> frames_;
};

}  // namespace practicum::render
