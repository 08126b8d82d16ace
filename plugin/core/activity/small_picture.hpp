#pragma once

#include "core/frame.hpp"

#include <opencv2/core/mat.hpp>

namespace cg::activity {

// The frame as a small gray picture (CV_32F, 0..255) `width` pixels wide, area-averaged and lightly
// blurred: averaging many pixels into one is what makes sensor and encoder noise vanish, and a
// small picture keeps every comparison cheap. Colour frames are shrunk before they are converted.
cv::Mat smallGray(const Frame& frame, int width);

} // namespace cg::activity
