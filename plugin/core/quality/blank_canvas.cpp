#include "core/quality/blank_canvas.hpp"

#include <opencv2/core.hpp>

#include <algorithm>

namespace cg::quality {

CanvasCoverage measureCoverage(const cv::Mat& gray, const CoverageSettings& settings)
{
    CanvasCoverage coverage;
    if (gray.empty() || settings.tileSize <= 0) {
        return coverage;
    }
    const double canvasArea = static_cast<double>(gray.total());
    double blankArea = 0;
    int left = gray.cols;
    int top = gray.rows;
    int right = 0;
    int bottom = 0;
    // Edge tiles may be narrower than tileSize so that the whole canvas is covered.
    for (int y = 0; y < gray.rows; y += settings.tileSize) {
        for (int x = 0; x < gray.cols; x += settings.tileSize) {
            const cv::Rect tile(x, y, std::min(settings.tileSize, gray.cols - x),
                                std::min(settings.tileSize, gray.rows - y));
            cv::Scalar mean;
            cv::Scalar deviation;
            cv::meanStdDev(gray(tile), mean, deviation);
            if (mean[0] <= settings.blankLevel && deviation[0] <= settings.blankDeviation) {
                blankArea += static_cast<double>(tile.area());
                continue;
            }
            left = std::min(left, tile.x);
            top = std::min(top, tile.y);
            right = std::max(right, tile.x + tile.width);
            bottom = std::max(bottom, tile.y + tile.height);
        }
    }
    coverage.blankShare = blankArea / canvasArea;
    if (right > left && bottom > top) {
        coverage.contentRect = cv::Rect(left, top, right - left, bottom - top);
        coverage.contentShare = static_cast<double>(coverage.contentRect.area()) / canvasArea;
    }
    return coverage;
}

} // namespace cg::quality
