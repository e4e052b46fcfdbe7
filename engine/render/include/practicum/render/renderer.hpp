#pragma once
/// The scene renderer: lit materials (base colour, roughness, metalness; one shadow-casting
/// directional light plus ambient), depth buffer, back-face culling, per-entity transforms,
/// instanced draws for repeated meshes, and frame capture for screenshots. Draws to any
/// RenderTarget.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>

#include <vulkan/vulkan.h>

#include <practicum/core/math.hpp>
#include <practicum/core/result.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/image.hpp>
#include <practicum/render/render_target.hpp>
#include <practicum/scene/mesh.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::render {

/// A mesh uploaded to the GPU (index + 1; zero = null).
struct MeshHandle {
  std::uint32_t index = 0;
  explicit operator bool() const { return index != 0; }
  friend bool operator==(MeshHandle, MeshHandle) = default;
};

/// One thing to draw: a mesh, its model matrix and its surface. Items with baseColor.w < 1 are
/// drawn see-through (blended, back to front, after every opaque item); w = 0 is not drawn.
struct DrawItem {
  MeshHandle mesh;
  core::Mat4 model;
  core::Vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f};
  float roughness = 0.6f;
  float metalness = 0.0f;
  float emissive = 0.0f;   ///< light of its own, as a multiple of the base colour (lit lamps)
  float highlight = 0.0f;  ///< 0..1: hover highlight, a warm rim and tint; > 0 also outlines it
};

/// Where the frame is seen from.
struct CameraView {
  core::Mat4 view;
  core::Mat4 projection;
  core::Vec3 position;
};

/// Builds a CameraView from a scene camera for an image of the given aspect ratio.
CameraView makeCameraView(const scene::Camera& camera, float aspect);

/// Everything one frame shows. Items sharing a mesh are drawn in one instanced call.
struct FrameDesc {
  CameraView camera;
  scene::Lighting lighting;
  std::span<const DrawItem> items;
  /// Where in the image the scene is drawn (the rest keeps the background, e.g. under an
  /// editor's panels); nullopt: the whole image. The camera's aspect should be the region's.
  std::optional<VkRect2D> region;
};

/// What the last frame cost.
struct FrameStats {
  std::uint32_t drawCalls = 0;
  std::uint32_t instances = 0;
  std::uint64_t triangles = 0;
  bool skipped = false;  ///< target had no image (minimised window)
};

/// Renderer options.
struct RendererOptions {
  std::uint32_t framesInFlight = 2;
  static constexpr std::uint32_t kAutomatic = 0xffffffffu;
  /// Texels per side of the light's shadow map; 0 = no shadows; kAutomatic = 2048 on a GPU,
  /// 1024 on a CPU (software) device.
  std::uint32_t shadowMapSize = kAutomatic;
};

class ShadowMap;  // the light's shadow map (private to the module)

/// Owns pipelines, meshes and per-frame resources for one target. The Context and the target
/// must outlive it.
class Renderer {
 public:
  static core::Result<std::unique_ptr<Renderer>> create(const Context& context,
                                                        RenderTarget& target,
                                                        const RendererOptions& options = {});
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  /// Uploads a triangle mesh (positions, normals, indices); fails on empty or inconsistent data.
  /// Geometry identical to a mesh uploaded before gets that mesh's handle (nothing is uploaded).
  core::Result<MeshHandle> uploadMesh(const scene::MeshData& mesh);

  /// Records draws inside the render pass after the scene (e.g. the UI). Called per frame.
  using Overlay = std::function<void(VkCommandBuffer)>;
  void setOverlay(Overlay overlay) { overlay_ = std::move(overlay); }

  /// Draws and presents one frame. When `capture` is given, the frame is also read back into
  /// it (this waits for the GPU).
  core::Status drawFrame(const FrameDesc& frame, Image* capture = nullptr);
  /// Statistics of the last drawFrame.
  const FrameStats& lastFrameStats() const { return stats_; }

  /// Render pass compatible with every frame (for UI backends).
  VkRenderPass renderPass() const { return renderPass_; }
  std::uint32_t framesInFlight() const { return static_cast<std::uint32_t>(frames_.size()); }
  /// Waits until the GPU has finished every submitted frame.
  void waitIdle() const;

 private:
  struct Mesh;
  struct Frame;
  explicit Renderer(const Context& context, RenderTarget& target);
  core::Status createPipeline();
  core::Status ensureFramebuffers();
  core::Status recordFrame(Frame& frame, const FrameDesc& desc, std::uint32_t imageIndex,
                           bool capture);

  const Context& ctx_;
  RenderTarget& target_;
  VkFormat format_ = VK_FORMAT_UNDEFINED;  ///< colour format the render pass was made for
  VkRenderPass renderPass_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkPipeline blendPipeline_ = VK_NULL_HANDLE;    ///< see-through items
  VkPipeline outlinePipeline_ = VK_NULL_HANDLE;  ///< outlines of highlighted items
  VkCommandPool pool_ = VK_NULL_HANDLE;
  std::vector<std::unique_ptr<Mesh>> meshes_;
  std::map<std::uint64_t, MeshHandle> meshByContent_;  ///< content hash -> uploaded mesh
  std::vector<std::unique_ptr<Frame>> frames_;
  std::uint32_t frameIndex_ = 0;
  // per target image: framebuffer and the semaphore signalled when drawing it is done
  std::vector<VkFramebuffer> framebuffers_;
  std::vector<VkSemaphore> renderDone_;
  struct DepthBuffer;
  std::unique_ptr<DepthBuffer> depth_;
  std::unique_ptr<ShadowMap> shadow_;
  bool shadowed_ = true;
  bool wideShadowFilter_ = true;  ///< 3x3 filtered shadow taps (GPUs) rather than one
  std::uint64_t targetGeneration_ = 0;
  Overlay overlay_;
  FrameStats stats_;
};

}  // namespace practicum::render
