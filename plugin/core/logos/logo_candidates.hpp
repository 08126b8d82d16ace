#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace cg {

// A stable dark-on-light or light-on-dark region: a whole mark, one part of it, or the rounded
// square of an app icon.
struct LogoRegion {
    cv::Rect box;
    float fill = 1; // region area / box area
};

struct LogoRegionSettings {
    int minSide = 6;   // px: parts of a 32-px mark are this small
    int maxSide = 420; // px
    int delta = 4;     // MSER stability step, in gray levels
    // Regions are looked for on a copy this much smaller (boxes are returned at full scale): the
    // MSER pass is most of the detector's cost, and 0.75 keeps the parts of a 32-px mark.
    double scale = 1.0;
};

// MSER regions of both polarities, one per distinct box.
std::vector<LogoRegion> findLogoRegions(const cv::Mat& gray, const LogoRegionSettings& settings = {});

} // namespace cg
