#pragma once
// Private helpers for turning VkResult into core::Error.
#include <string>

#include <vulkan/vulkan.h>

#include <practicum/core/result.hpp>

namespace practicum::render {

/// Name of a VkResult ("VK_ERROR_OUT_OF_DEVICE_MEMORY", ...).
const char* vkResultName(VkResult result);

/// A Device error naming the call that failed and its result.
inline core::Error vkError(const char* what, VkResult result) {
  return core::makeError(core::ErrorCode::Device,
                         std::string(what) + " failed: " + vkResultName(result));
}

}  // namespace practicum::render

// returns a core::Error from the enclosing function when a Vulkan call fails
#define PRACTICUM_VK_TRY(call)                                          \
  do {                                                                  \
    const VkResult practicum_vk_result_ = (call);                       \
    if (practicum_vk_result_ != VK_SUCCESS)                             \
      return ::practicum::render::vkError(#call, practicum_vk_result_); \
  } while (false)
