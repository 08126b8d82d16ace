#include "core/quality/analysis_picture.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cg::quality {

cv::Mat analysisGray(const Frame& frame, int width)
{
    if (frame.empty() || width <= 0) {
        return {};
    }
    const cv::Size size(width, std::max(1, static_cast<int>(std::lround(static_cast<double>(frame.height()) *
                                                                        width / frame.width()))));
    const int interpolation = width < frame.width() ? cv::INTER_AREA : cv::INTER_LINEAR;
    cv::Mat scaled;
    cv::resize(frame.view(), scaled, size, 0, 0, interpolation);
    switch (frame.format()) {
    case PixelFormat::Gray:
        return scaled;
    case PixelFormat::Bgra:
        cv::cvtColor(scaled, scaled, cv::COLOR_BGRA2GRAY);
        return scaled;
    case PixelFormat::Rgba:
        cv::cvtColor(scaled, scaled, cv::COLOR_RGBA2GRAY);
        return scaled;
    }
    return scaled;
}

} // namespace cg::quality
