#include "core/activity/frame_signature.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cg::activity {

cv::Mat frameSignature(const Frame& frame, int width)
{
    if (frame.empty() || width <= 0) {
        return {};
    }
    const cv::Mat gray = frame.grayScaledTo(std::min(width, frame.width()));
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(gray, mean, deviation);
    // A nearly flat picture keeps a floor on its contrast so that noise is not blown up.
    constexpr double kMinDeviation = 8.0;
    const double scale = 1.0 / std::max(deviation[0], kMinDeviation);
    cv::Mat signature;
    gray.convertTo(signature, CV_32F, scale, -mean[0] * scale);
    return signature;
}

float signatureDistance(const cv::Mat& a, const cv::Mat& b)
{
    if (a.empty() || b.empty() || a.size() != b.size()) {
        return std::numeric_limits<float>::max();
    }
    return static_cast<float>(cv::norm(a, b, cv::NORM_L1) / static_cast<double>(a.total()));
}

} // namespace cg::activity
