#pragma once
/// Vulkan instance and device: device selection by requirements and preference, with the
/// reasons every other device was rejected. lavapipe and NVIDIA take the same path.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include <practicum/core/result.hpp>

namespace practicum::render {

/// What the application asks of the Vulkan context.
struct ContextOptions {
  std::string applicationName = "practicum";
  /// Enable VK_LAYER_KHRONOS_validation and route its messages to core::log (errors at error
  /// level). Also enabled by PRACTICUM_VALIDATION=1. A missing layer is a warning.
  bool validation = false;
  /// Substring (case-insensitive) of the device name to use; empty = choose by preference.
  /// Falls back to $PRACTICUM_GPU when empty.
  std::string gpu;
  /// Instance extensions needed by a window system (from Window::requiredExtensions()).
  std::vector<std::string> instanceExtensions;
  /// Creates the surface the device must present to; empty for headless use.
  std::function<core::Result<VkSurfaceKHR>(VkInstance)> createSurface;
};

/// One physical device as seen by selection.
struct DeviceCandidate {
  std::string name;
  VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
  std::uint32_t apiVersion = 0;
  bool accepted = false;  ///< met every requirement (and the override, after chooseDevice)
  std::string reason;     ///< why it was not chosen (empty for the chosen device)
};

/// Chooses a device among candidates whose `accepted` says they meet the requirements: those
/// whose name does not contain `gpu` (case-insensitive; empty = any) are rejected, then the most
/// preferred type wins (discrete > integrated > virtual > CPU > other; first listed on a tie).
/// Fills in `reason` for every candidate not chosen. Returns the index, or -1 when none is left.
int chooseDevice(std::vector<DeviceCandidate>& candidates, const std::string& gpu);

/// Human-readable device type ("discrete GPU", "CPU (software)", ...).
const char* toString(VkPhysicalDeviceType type);

/// Owns the VkInstance, optional debug messenger and surface, the chosen VkPhysicalDevice and
/// the VkDevice with one graphics (and present) queue. Must outlive everything created from it.
class Context {
 public:
  /// Creates instance and device. Errors (ErrorCode::Device) say what is missing, e.g. no
  /// Vulkan driver, no device meeting the requirements (with each device's reason).
  static core::Result<std::unique_ptr<Context>> create(const ContextOptions& options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  VkInstance instance() const { return instance_; }
  VkPhysicalDevice physicalDevice() const { return physical_; }
  VkDevice device() const { return device_; }
  VkQueue queue() const { return queue_; }
  std::uint32_t queueFamily() const { return queueFamily_; }
  /// The surface passed through ContextOptions::createSurface (VK_NULL_HANDLE if headless).
  VkSurfaceKHR surface() const { return surface_; }
  /// Depth format chosen for this device.
  VkFormat depthFormat() const { return depthFormat_; }
  /// Name and type of the chosen device, e.g. "llvmpipe (LLVM 15.0.6, 256 bits) (CPU)".
  const std::string& deviceDescription() const { return description_; }
  /// Every device considered, with reasons for rejection.
  const std::vector<DeviceCandidate>& candidates() const { return candidates_; }
  /// Whether validation layers are active.
  bool validationEnabled() const { return messenger_ != VK_NULL_HANDLE; }
  /// Validation messages at error severity received so far.
  std::uint32_t validationErrors() const;

  /// Index of a memory type with the given bits and properties; UINT32_MAX if none.
  std::uint32_t findMemoryType(std::uint32_t typeBits, VkMemoryPropertyFlags properties) const;
  /// Records commands into a one-off command buffer, submits it and waits.
  core::Status runOneShot(const std::function<void(VkCommandBuffer)>& record) const;

 private:
  Context() = default;
  VkInstance instance_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  std::uint32_t queueFamily_ = 0;
  VkFormat depthFormat_ = VK_FORMAT_UNDEFINED;
  VkCommandPool oneShotPool_ = VK_NULL_HANDLE;
  VkPhysicalDeviceMemoryProperties memory_{};
  std::string description_;
  std::vector<DeviceCandidate> candidates_;
  struct Messages;
  std::unique_ptr<Messages> messages_;
};

}  // namespace practicum::render
