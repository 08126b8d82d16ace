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
    const int smallWidth = std::min(width, frame.width());
    const int smallHeight = std::max(
        1, static_cast<int>(std::lround(static_cast<double>(frame.height()) * smallWidth / frame.width())));
    const cv::Size size(smallWidth, smallHeight);

    cv::Mat shrunk;
    cv::resize(frame.view(), shrunk, size, 0, 0, cv::INTER_AREA);
    cv::Mat gray;
    switch (frame.format()) {
    case PixelFormat::Gray:
        gray = shrunk;
        break;
    case PixelFormat::Bgra:
        cv::cvtColor(shrunk, gray, cv::COLOR_BGRA2GRAY);
        break;
    case PixelFormat::Rgba:
        cv::cvtColor(shrunk, gray, cv::COLOR_RGBA2GRAY);
        break;
    }
    cv::Mat result;
    gray.convertTo(result, CV_32F);
    cv::GaussianBlur(result, result, cv::Size(3, 3), 0);
    return result;
}

} // namespace cg::activity
