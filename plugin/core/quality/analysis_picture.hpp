#pragma once

#include "core/frame.hpp"

#include <opencv2/core/mat.hpp>

namespace cg::quality {

// The frame as 8-bit gray scaled to `width` pixels wide (area-averaged when shrinking), the scale on
// which sharpness and canvas coverage are judged whatever the output resolution.
cv::Mat analysisGray(const Frame& frame, int width);

} // namespace cg::quality
