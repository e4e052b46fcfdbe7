#include <practicum/render/context.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <practicum/core/log.hpp>

#include "vk_check.hpp"

namespace practicum::render {

const char* vkResultName(VkResult r) {
  switch (r) {
#define PRACTICUM_CASE(x) \
  case x: return #x;
    PRACTICUM_CASE(VK_SUCCESS)
    PRACTICUM_CASE(VK_NOT_READY)
    PRACTICUM_CASE(VK_TIMEOUT)
    PRACTICUM_CASE(VK_INCOMPLETE)
    PRACTICUM_CASE(VK_SUBOPTIMAL_KHR)
    PRACTICUM_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
    PRACTICUM_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    PRACTICUM_CASE(VK_ERROR_INITIALIZATION_FAILED)
    PRACTICUM_CASE(VK_ERROR_DEVICE_LOST)
    PRACTICUM_CASE(VK_ERROR_MEMORY_MAP_FAILED)
    PRACTICUM_CASE(VK_ERROR_LAYER_NOT_PRESENT)
    PRACTICUM_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
    PRACTICUM_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
    PRACTICUM_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
    PRACTICUM_CASE(VK_ERROR_TOO_MANY_OBJECTS)
    PRACTICUM_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
    PRACTICUM_CASE(VK_ERROR_SURFACE_LOST_KHR)
    PRACTICUM_CASE(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
    PRACTICUM_CASE(VK_ERROR_OUT_OF_DATE_KHR)
#undef PRACTICUM_CASE
    default: return "VK_ERROR_(unknown)";
  }
}

const char* toString(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return "CPU (software)";
    default: return "other";
  }
}

struct Context::Messages {
  std::atomic<std::uint32_t> errors{0};
};

namespace {

// lower rank = preferred: discrete > integrated > virtual > CPU > other
int preferenceRank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
    default: return 4;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool envFlag(const char* name) {
  const char* v = std::getenv(name);
  return v && *v && std::string_view(v) != "0";
}

VKAPI_ATTR VkBool32 VKAPI_CALL debugCallback(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                             VkDebugUtilsMessageTypeFlagsEXT,
                                             const VkDebugUtilsMessengerCallbackDataEXT* data,
                                             void* user) {
  auto* messages = static_cast<std::atomic<std::uint32_t>*>(user);
  const std::string text = std::string("vulkan: ") + (data && data->pMessage ? data->pMessage : "");
  if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
    ++*messages;
    core::logError(text);
  } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    core::logWarning(text);
  }
  return VK_FALSE;
}

bool hasLayer(const char* name) {
  std::uint32_t count = 0;
  vkEnumerateInstanceLayerProperties(&count, nullptr);
  std::vector<VkLayerProperties> layers(count);
  vkEnumerateInstanceLayerProperties(&count, layers.data());
  return std::any_of(layers.begin(), layers.end(), [&](const VkLayerProperties& l) {
    return std::strcmp(l.layerName, name) == 0;
  });
}

bool hasDeviceExtension(VkPhysicalDevice device, const char* name) {
  std::uint32_t count = 0;
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr);
  std::vector<VkExtensionProperties> exts(count);
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, exts.data());
  return std::any_of(exts.begin(), exts.end(), [&](const VkExtensionProperties& e) {
    return std::strcmp(e.extensionName, name) == 0;
  });
}

VkFormat pickDepthFormat(VkPhysicalDevice device) {
  for (VkFormat f : {VK_FORMAT_D32_SFLOAT, VK_FORMAT_D24_UNORM_S8_UINT, VK_FORMAT_D16_UNORM}) {
    VkFormatProperties props{};
    vkGetPhysicalDeviceFormatProperties(device, f, &props);
    if (props.optimalTilingFeatures & VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT) return f;
  }
  return VK_FORMAT_UNDEFINED;
}

// checks one device against the requirements; returns the queue family or a reason
struct Evaluation {
  bool ok = false;
  std::uint32_t family = 0;
  std::string reason;
};
Evaluation evaluate(VkPhysicalDevice device, VkSurfaceKHR surface) {
  VkPhysicalDeviceProperties props{};
  vkGetPhysicalDeviceProperties(device, &props);
  if (props.apiVersion < VK_API_VERSION_1_1) return {false, 0, "Vulkan 1.1 is required"};

  VkFormatProperties colour{};
  vkGetPhysicalDeviceFormatProperties(device, VK_FORMAT_R8G8B8A8_SRGB, &colour);
  const VkFormatFeatureFlags need =
      VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT | VK_FORMAT_FEATURE_TRANSFER_SRC_BIT;
  if ((colour.optimalTilingFeatures & need) != need)
    return {false, 0, "R8G8B8A8_SRGB cannot be rendered to and copied from"};
  if (pickDepthFormat(device) == VK_FORMAT_UNDEFINED)
    return {false, 0, "no depth attachment format"};
  if (surface && !hasDeviceExtension(device, VK_KHR_SWAPCHAIN_EXTENSION_NAME))
    return {false, 0, "no VK_KHR_swapchain"};

  std::uint32_t count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
  std::vector<VkQueueFamilyProperties> families(count);
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
  for (std::uint32_t i = 0; i < count; ++i) {
    if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
    if (surface) {
      VkBool32 present = VK_FALSE;
      vkGetPhysicalDeviceSurfaceSupportKHR(device, i, surface, &present);
      if (!present) continue;
    }
    return {true, i, {}};
  }
  return {
      false, 0,
      surface ? "no queue family can both draw and present to the window" : "no graphics queue"};
}

}  // namespace

int chooseDevice(std::vector<DeviceCandidate>& candidates, const std::string& gpu) {
  // a name that does not match the override rules a device out
  const std::string wanted = lower(gpu);
  for (auto& c : candidates)
    if (c.accepted && !wanted.empty() && lower(c.name).find(wanted) == std::string::npos) {
      c.accepted = false;
      c.reason = "does not match the requested GPU \"" + gpu + "\"";
    }

  // among the rest, the most preferred type; the first one listed on a tie
  int best = -1;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].accepted &&
        (best < 0 || preferenceRank(candidates[i].type) < preferenceRank(candidates[best].type)))
      best = static_cast<int>(i);

  // say why each usable device lost
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].accepted && static_cast<int>(i) != best)
      candidates[i].reason = std::string("usable, but a ") + toString(candidates[best].type) +
                             " (" + candidates[best].name + ") is preferred";
  return best;
}

core::Result<std::unique_ptr<Context>> Context::create(const ContextOptions& options) {
  std::unique_ptr<Context> ctx(new Context());
  ctx->messages_ = std::make_unique<Messages>();

  // instance, with validation and debug messages when asked for and available
  std::vector<const char*> extensions;
  for (const auto& e : options.instanceExtensions) extensions.push_back(e.c_str());
  std::vector<const char*> layers;
  const bool wantValidation = options.validation || envFlag("PRACTICUM_VALIDATION");
  if (wantValidation) {
    if (hasLayer("VK_LAYER_KHRONOS_validation")) {
      layers.push_back("VK_LAYER_KHRONOS_validation");
      extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    } else {
      core::logWarning(
          "validation requested but VK_LAYER_KHRONOS_validation is not installed "
          "(Debian package vulkan-validationlayers)");
    }
  }
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = options.applicationName.c_str();
  app.pEngineName = "practicum";
  app.apiVersion = VK_API_VERSION_1_1;
  VkInstanceCreateInfo ici{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ici.pApplicationInfo = &app;
  ici.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
  ici.ppEnabledExtensionNames = extensions.data();
  ici.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
  ici.ppEnabledLayerNames = layers.data();
  if (const VkResult r = vkCreateInstance(&ici, nullptr, &ctx->instance_); r != VK_SUCCESS)
    return core::makeError(
        core::ErrorCode::Device,
        std::string("cannot start Vulkan (vkCreateInstance: ") + vkResultName(r) +
            "): no Vulkan driver is installed or it is broken; for software rendering without a "
            "GPU install Debian's mesa-vulkan-drivers");

  if (!layers.empty()) {
    auto createMessenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(ctx->instance_, "vkCreateDebugUtilsMessengerEXT"));
    VkDebugUtilsMessengerCreateInfoEXT mci{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    mci.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                          VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    mci.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                      VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                      VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    mci.pfnUserCallback = debugCallback;
    mci.pUserData = &ctx->messages_->errors;
    if (createMessenger) createMessenger(ctx->instance_, &mci, nullptr, &ctx->messenger_);
  }

  // the surface comes before device selection: the device must be able to present to it
  if (options.createSurface) {
    auto surface = options.createSurface(ctx->instance_);
    if (!surface.ok()) return surface.error();
    ctx->surface_ = *surface;
  }

  // evaluate every device, then pick by override or preference
  std::uint32_t count = 0;
  vkEnumeratePhysicalDevices(ctx->instance_, &count, nullptr);
  std::vector<VkPhysicalDevice> devices(count);
  vkEnumeratePhysicalDevices(ctx->instance_, &count, devices.data());
  if (count == 0)
    return core::makeError(core::ErrorCode::Device,
                           "no Vulkan device found; for software rendering without a GPU install "
                           "Debian's mesa-vulkan-drivers (lavapipe)");
  std::string override = options.gpu;
  if (override.empty())
    if (const char* env = std::getenv("PRACTICUM_GPU")) override = env;

  // check each device against the requirements, then choose by override or preference
  std::vector<std::uint32_t> families(count, 0);
  for (std::uint32_t i = 0; i < count; ++i) {
    VkPhysicalDeviceProperties props{};
    vkGetPhysicalDeviceProperties(devices[i], &props);
    DeviceCandidate c{props.deviceName, props.deviceType, props.apiVersion, false, {}};
    const Evaluation e = evaluate(devices[i], ctx->surface_);
    c.accepted = e.ok;
    c.reason = e.reason;
    families[i] = e.family;
    ctx->candidates_.push_back(std::move(c));
  }
  const int best = chooseDevice(ctx->candidates_, override);
  if (best < 0) {
    std::string msg = override.empty() ? "no Vulkan device meets the requirements:"
                                       : "no Vulkan device matches \"" + override + "\":";
    for (const auto& c : ctx->candidates_)
      msg += "\n  " + c.name + " (" + toString(c.type) + "): " + c.reason;
    return core::makeError(core::ErrorCode::Device, msg);
  }
  for (std::size_t i = 0; i < ctx->candidates_.size(); ++i)
    if (static_cast<int>(i) != best)
      core::logInfo("GPU " + ctx->candidates_[i].name + " not used: " + ctx->candidates_[i].reason);
  const std::uint32_t bestFamily = families[static_cast<std::size_t>(best)];
  ctx->physical_ = devices[best];
  ctx->queueFamily_ = bestFamily;
  ctx->depthFormat_ = pickDepthFormat(ctx->physical_);
  ctx->description_ =
      ctx->candidates_[best].name + " (" + toString(ctx->candidates_[best].type) + ")";
  vkGetPhysicalDeviceMemoryProperties(ctx->physical_, &ctx->memory_);

  // logical device with one queue
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo qci{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueFamilyIndex = ctx->queueFamily_;
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;
  std::vector<const char*> deviceExtensions;
  if (ctx->surface_) deviceExtensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  VkDeviceCreateInfo dci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  dci.enabledExtensionCount = static_cast<std::uint32_t>(deviceExtensions.size());
  dci.ppEnabledExtensionNames = deviceExtensions.data();
  PRACTICUM_VK_TRY(vkCreateDevice(ctx->physical_, &dci, nullptr, &ctx->device_));
  vkGetDeviceQueue(ctx->device_, ctx->queueFamily_, 0, &ctx->queue_);

  VkCommandPoolCreateInfo pci{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pci.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
  pci.queueFamilyIndex = ctx->queueFamily_;
  PRACTICUM_VK_TRY(vkCreateCommandPool(ctx->device_, &pci, nullptr, &ctx->oneShotPool_));
  return ctx;
}

Context::~Context() {
  if (device_) {
    vkDeviceWaitIdle(device_);
    if (oneShotPool_) vkDestroyCommandPool(device_, oneShotPool_, nullptr);
    vkDestroyDevice(device_, nullptr);
  }
  if (surface_) vkDestroySurfaceKHR(instance_, surface_, nullptr);
  if (messenger_) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance_, messenger_, nullptr);
  }
  if (instance_) vkDestroyInstance(instance_, nullptr);
}

std::uint32_t Context::validationErrors() const { return messages_->errors; }

std::uint32_t Context::findMemoryType(std::uint32_t typeBits,
                                      VkMemoryPropertyFlags properties) const {
  for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
    if ((typeBits & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & properties) == properties)
      return i;
  return UINT32_MAX;
}

core::Status Context::runOneShot(const std::function<void(VkCommandBuffer)>& record) const {
  VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  ai.commandPool = oneShotPool_;
  ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  ai.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  PRACTICUM_VK_TRY(vkAllocateCommandBuffers(device_, &ai, &cmd));
  VkFence fence = VK_NULL_HANDLE;
  VkFenceCreateInfo fci{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkResult r = vkCreateFence(device_, &fci, nullptr, &fence);

  // record, submit, and wait for this submission only (frames in flight go on)
  VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  if (r == VK_SUCCESS) r = vkBeginCommandBuffer(cmd, &bi);
  if (r == VK_SUCCESS) {
    record(cmd);
    r = vkEndCommandBuffer(cmd);
  }
  if (r == VK_SUCCESS) {
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    r = vkQueueSubmit(queue_, 1, &si, fence);
  }
  if (r == VK_SUCCESS) r = vkWaitForFences(device_, 1, &fence, VK_TRUE, UINT64_MAX);
  if (fence) vkDestroyFence(device_, fence, nullptr);
  vkFreeCommandBuffers(device_, oneShotPool_, 1, &cmd);
  if (r != VK_SUCCESS) return vkError("one-shot submit", r);
  return {};
}

}  // namespace practicum::render
