#pragma once
/// CPU-side RGBA8 images: PNG files, comparison with tolerance (for golden images), statistics.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>

namespace practicum::render {

/// Tightly packed 8-bit RGBA pixels, top row first, sRGB-encoded.
struct Image {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> rgba;
};

/// Encodes an image as PNG bytes (for embedding, e.g. in a report).
core::Result<std::string> encodePng(const Image& image);
/// Writes a PNG (atomically: a crash leaves no half-written file).
core::Status writePng(const std::filesystem::path& path, const Image& image);
/// Reads a PNG into RGBA8.
core::Result<Image> readPng(const std::filesystem::path& path);

/// How two images of the same size differ.
struct ImageDiff {
  int maxChannelDiff = 0;        ///< largest per-channel difference over all pixels
  std::uint64_t pixelsOver = 0;  ///< pixels with any channel differing by more than the tolerance
  double fractionOver = 0.0;     ///< pixelsOver / pixel count
};
/// Compares two images; sizes must match (a mismatch reports every pixel over).
ImageDiff compareImages(const Image& a, const Image& b, int channelTolerance);
/// Writes |a-b| amplified into an image, for looking at failures.
Image diffImage(const Image& a, const Image& b);

/// Simple statistics used to check that a picture shows something.
struct ImageStats {
  double meanLuma = 0;               ///< 0..255
  double stddevLuma = 0;             ///< spread of brightness
  std::uint32_t distinctColors = 0;  ///< counted on colours quantised to 5 bits per channel
};
ImageStats imageStats(const Image& image);

}  // namespace practicum::render
