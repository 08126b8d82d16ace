#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace cg {

struct ImageComponent {
    cv::Rect box;
    int area = 0; // pixels
};

// The connected components of `mask` (4- or 8-connected), written into `labels` (CV_32S); entry i
// of the result is label i, entry 0 the background.
std::vector<ImageComponent> labelComponents(const cv::Mat& mask, cv::Mat& labels, int connectivity);

} // namespace cg
