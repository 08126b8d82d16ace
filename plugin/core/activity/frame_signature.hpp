#pragma once

#include "core/frame.hpp"

#include <opencv2/core/mat.hpp>

namespace cg::activity {

// A compact picture of a frame for recognising it again later: a tiny gray thumbnail (CV_32F)
// normalised to zero mean and unit contrast, so that a brightness change or re-encoding of the
// same picture leaves it almost unchanged.
cv::Mat frameSignature(const Frame& frame, int width);

// Mean absolute difference of two signatures, in units of the pictures' contrast: about 0 for the
// same picture, around 1 for unrelated ones.
float signatureDistance(const cv::Mat& a, const cv::Mat& b);

} // namespace cg::activity
