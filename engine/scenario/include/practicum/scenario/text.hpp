#pragma once
/// Text in both of the product's languages.
#include <string>

namespace practicum::scenario {

/// Text in Simplified Chinese and English.
struct LocalizedText {
  std::string zhCN;
  std::string en;
};

}  // namespace practicum::scenario
