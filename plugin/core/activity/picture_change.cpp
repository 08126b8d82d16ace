#include "core/activity/picture_change.hpp"

#include <opencv2/core.hpp>

#include <algorithm>

namespace cg::activity {

namespace {

// Flicker and exposure steps scale and shift the whole picture; a cut or a scene change alters its
// structure. Fitting `after`'s mean and contrast to `before`'s cancels the first and keeps the
// second. The gain is bounded so that a fade to black is not "explained away".
cv::Mat matchBrightness(const cv::Mat& before, const cv::Mat& after)
{
    cv::Scalar beforeMean;
    cv::Scalar beforeDeviation;
    cv::Scalar afterMean;
    cv::Scalar afterDeviation;
    cv::meanStdDev(before, beforeMean, beforeDeviation);
    cv::meanStdDev(after, afterMean, afterDeviation);
    constexpr double kFlatDeviation = 4.0;
    double gain = 1.0;
    if (beforeDeviation[0] > kFlatDeviation && afterDeviation[0] > kFlatDeviation) {
        gain = std::clamp(beforeDeviation[0] / afterDeviation[0], 0.8, 1.25);
    }
    cv::Mat matched;
    after.convertTo(matched, CV_32F, gain, beforeMean[0] - gain * afterMean[0]);
    return matched;
}

} // namespace

PictureChange measureChange(const cv::Mat& before, const cv::Mat& after, float pixelLevel)
{
    if (before.empty() || after.empty() || before.size() != after.size()) {
        return {1.0, 255.0};
    }
    cv::Mat difference;
    cv::absdiff(before, matchBrightness(before, after), difference);
    const double pixels = static_cast<double>(difference.total());
    PictureChange change;
    change.meanAbsDiff = cv::mean(difference)[0];
    change.changedShare = static_cast<double>(cv::countNonZero(difference > pixelLevel)) / pixels;
    return change;
}

} // namespace cg::activity
