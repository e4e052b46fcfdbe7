#include <practicum/render/image.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include <practicum/core/file_io.hpp>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wshadow"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace practicum::render {

namespace {
void appendBytes(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                             static_cast<std::size_t>(size));
}
}  // namespace

core::Result<std::string> encodePng(const Image& image) {
  if (image.width == 0 || image.height == 0 ||
      image.rgba.size() != std::size_t{image.width} * image.height * 4)
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "cannot encode an empty or inconsistent image");
  std::string png;
  const int ok = stbi_write_png_to_func(appendBytes, &png, static_cast<int>(image.width),
                                        static_cast<int>(image.height), 4, image.rgba.data(),
                                        static_cast<int>(image.width * 4));
  if (!ok) return core::makeError(core::ErrorCode::Io, "PNG encoding failed");
  return png;
}

core::Status writePng(const std::filesystem::path& path, const Image& image) {
  // encode in memory, then write atomically
  auto png = encodePng(image);
  if (!png.ok())
    return core::makeError(png.error().code, path.string() + ": " + png.error().message);
  return core::writeFileAtomic(path, *png);
}

core::Result<Image> readPng(const std::filesystem::path& path) {
  auto bytes = core::readFile(path, 512ull * 1024 * 1024);
  if (!bytes.ok()) return bytes.error();
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()),
                                                static_cast<int>(bytes->size()), &w, &h, &n, 4);
  if (!pixels)
    return core::makeError(core::ErrorCode::Parse,
                           path.string() + ": not a readable PNG (" + stbi_failure_reason() + ")");
  Image img;
  img.width = static_cast<std::uint32_t>(w);
  img.height = static_cast<std::uint32_t>(h);
  img.rgba.assign(pixels, pixels + std::size_t{img.width} * img.height * 4);
  stbi_image_free(pixels);
  return img;
}

ImageDiff compareImages(const Image& a, const Image& b, int channelTolerance) {
  ImageDiff d;
  const std::uint64_t pixels = std::uint64_t{a.width} * a.height;
  if (a.width != b.width || a.height != b.height || a.rgba.size() != b.rgba.size()) {
    d.maxChannelDiff = 255;
    d.pixelsOver = std::max<std::uint64_t>(pixels, 1);
    d.fractionOver = 1.0;
    return d;
  }
  for (std::uint64_t p = 0; p < pixels; ++p) {
    int worst = 0;
    for (int c = 0; c < 4; ++c)
      worst = std::max(worst, std::abs(int(a.rgba[p * 4 + c]) - int(b.rgba[p * 4 + c])));
    d.maxChannelDiff = std::max(d.maxChannelDiff, worst);
    if (worst > channelTolerance) ++d.pixelsOver;
  }
  d.fractionOver = pixels ? double(d.pixelsOver) / double(pixels) : 0.0;
  return d;
}

Image diffImage(const Image& a, const Image& b) {
  Image out{a.width, a.height, std::vector<std::uint8_t>(a.rgba.size(), 255)};
  if (a.rgba.size() != b.rgba.size()) return out;
  for (std::size_t i = 0; i < a.rgba.size(); i += 4)
    for (int c = 0; c < 3; ++c)
      out.rgba[i + c] = static_cast<std::uint8_t>(
          std::min(255, 8 * std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]))));
  return out;
}

ImageStats imageStats(const Image& image) {
  ImageStats s;
  const std::size_t pixels = std::size_t{image.width} * image.height;
  if (pixels == 0) return s;
  double sum = 0, sumSq = 0;
  std::unordered_set<std::uint32_t> colours;
  for (std::size_t p = 0; p < pixels; ++p) {
    const std::uint8_t* px = &image.rgba[p * 4];
    const double luma = 0.2126 * px[0] + 0.7152 * px[1] + 0.0722 * px[2];
    sum += luma;
    sumSq += luma * luma;
    colours.insert((std::uint32_t(px[0] >> 3) << 10) | (std::uint32_t(px[1] >> 3) << 5) |
                   std::uint32_t(px[2] >> 3));
  }
  s.meanLuma = sum / double(pixels);
  s.stddevLuma = std::sqrt(std::max(0.0, sumSq / double(pixels) - s.meanLuma * s.meanLuma));
  s.distinctColors = static_cast<std::uint32_t>(colours.size());
  return s;
}

}  // namespace practicum::render
