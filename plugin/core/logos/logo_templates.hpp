#pragma once

#include <filesystem>
#include <opencv2/core/mat.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace cg {

// One brand mark as shipped in data/logos: the glyph's coverage (white on black, tightly cropped)
// and the brand colour.
struct LogoTemplate {
    std::string slug;  // simple-icons slug: "wechat", "sinaweibo", "x", "twitter", ...
    std::string title; // "WeChat"
    cv::Vec3b colourBgr;
    cv::Mat mask; // CV_8UC1
};

class LogoTemplateError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Reads `folder`/manifest.json and every mask it lists. Throws LogoTemplateError naming the file
// that is missing or malformed.
std::vector<LogoTemplate> loadLogoTemplates(const std::filesystem::path& folder);

// "#RRGGBB" -> BGR; throws std::invalid_argument on anything else.
cv::Vec3b parseHexColour(const std::string& hex);

} // namespace cg
