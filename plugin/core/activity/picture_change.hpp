#pragma once

#include <opencv2/core/mat.hpp>

namespace cg::activity {

// How much one small gray picture differs from another (both from smallGray, same size).
struct PictureChange {
    // Share of the picture (0..1) whose level moved by more than the pixel threshold once a global
    // brightness and contrast change (flicker, auto exposure) has been cancelled.
    double changedShare = 0;
    // Mean absolute difference in grey levels after that cancelling.
    double meanAbsDiff = 0;
};

// Compares `after` with `before`. `pixelLevel` is how many grey levels a pixel must move to count as
// changed; below it lie sensor noise, encoder noise and keyframe blips on the averaged picture.
PictureChange measureChange(const cv::Mat& before, const cv::Mat& after, float pixelLevel);

} // namespace cg::activity
