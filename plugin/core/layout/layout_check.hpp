#pragma once

#include "core/analyzer.hpp"
#include "core/layout/canvas_coverage.hpp"

#include <map>
#include <string>
#include <vector>

namespace cg {

// What a scene item shows, as far as the layout rules care.
enum class LayoutItemKind { Camera, Media, ImageSlideshow, Browser, Image, Other };

// One visible item of the program scene, flattened to canvas space (nested scenes and groups
// already composed, crop applied).
struct LayoutItem {
    LayoutItemKind kind = LayoutItemKind::Other;
    std::string name;       // the source's name: follows a camera from one look to the next
    Polygon quad;           // canvas coordinates; convex, usually the item's four corners
    bool delivering = true; // the source has a picture (asynchronous sources: frames arrived)
};

struct LayoutSnapshot {
    CanvasSize canvas;
    std::vector<LayoutItem> items; // bottom to top
};

struct LayoutSettings {
    double minCameraShare =
        1.0 / 3.0;            // Alibaba.com's guidance: the presenter fills a good part of the picture
    double mediaShare = 0.5;  // a video, slideshow or page filling this much with no camera is a replay
    Millis frozenAfter{3000}; // a camera starting up takes a second or two to deliver
    int maskDivisor = 8;
};

inline constexpr const char* kNoCameraCategory = "no_camera";
inline constexpr const char* kCameraSmallCategory = "camera_small";
inline constexpr const char* kMediaOnAirCategory = "media_on_air";
inline constexpr const char* kCameraFrozenCategory = "camera_frozen";

// The layout categories for one look at the program scene. Keeps, per camera, since when it has
// delivered no picture. Items above a camera are not treated as hiding it: overlays are usually
// transparent frames, and libobs cannot tell which pixels of an item are opaque.
class LayoutCheck {
  public:
    explicit LayoutCheck(LayoutSettings settings = {}) : settings_(settings) {}

    AnalysisResult check(const LayoutSnapshot& snapshot, Millis now);
    // The program scene is not watched: every layout category checked, none seen, so open
    // findings clear; cameras are forgotten.
    AnalysisResult notWatching();

    [[nodiscard]] const LayoutSettings& settings() const { return settings_; }

  private:
    LayoutSettings settings_;
    std::map<std::string, Millis> silentSince_;
};

std::vector<std::string> layoutCategories();

} // namespace cg
