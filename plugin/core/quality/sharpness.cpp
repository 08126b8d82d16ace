#include "core/quality/sharpness.hpp"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace cg::quality {

Sharpness measureSharpness(const cv::Mat& gray, const SharpnessSettings& settings)
{
    Sharpness sharpness;
    if (gray.empty() || settings.tileSize <= 2) {
        return sharpness;
    }
    cv::Mat laplacian;
    cv::Laplacian(gray, laplacian, CV_32F);
    std::vector<double> ratios;
    for (int y = 0; y + settings.tileSize <= gray.rows; y += settings.tileSize) {
        for (int x = 0; x + settings.tileSize <= gray.cols; x += settings.tileSize) {
            const cv::Rect tile(x, y, settings.tileSize, settings.tileSize);
            cv::Scalar mean;
            cv::Scalar contrast;
            cv::meanStdDev(gray(tile), mean, contrast);
            if (contrast[0] < settings.minTileContrast) {
                continue;
            }
            cv::Scalar laplacianMean;
            cv::Scalar laplacianDeviation;
            cv::meanStdDev(laplacian(tile), laplacianMean, laplacianDeviation);
            ratios.push_back(100.0 * laplacianDeviation[0] / contrast[0]);
        }
    }
    sharpness.judgedTiles = static_cast<int>(ratios.size());
    if (ratios.empty()) {
        return sharpness;
    }
    const auto rank = static_cast<std::size_t>(std::clamp(settings.tilePercentile, 0.0, 1.0) *
                                               static_cast<double>(ratios.size() - 1));
    std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(rank), ratios.end());
    sharpness.score = ratios[rank];
    return sharpness;
}

double laplacianVariance(const cv::Mat& gray)
{
    if (gray.empty()) {
        return 0;
    }
    cv::Mat laplacian;
    cv::Laplacian(gray, laplacian, CV_32F);
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    return deviation[0] * deviation[0];
}

} // namespace cg::quality
