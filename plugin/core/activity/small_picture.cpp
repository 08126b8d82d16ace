#include "core/activity/small_picture.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cg::activity {

cv::Mat smallGray(const Frame& frame, int width)
{
    if (frame.empty() || width <= 0) {
        return {};
    }
    const cv::Mat gray = frame.grayScaledTo(std::min(width, frame.width()));
    cv::Mat result;
    gray.convertTo(result, CV_32F);
    cv::GaussianBlur(result, result, cv::Size(3, 3), 0);
    return result;
}

} // namespace cg::activity
