#include "core/logos/logo_candidates.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>
#include <unordered_set>

namespace cg {

std::vector<LogoRegion> findLogoRegions(const cv::Mat& gray, const LogoRegionSettings& settings)
{
    const double scale = std::clamp(settings.scale, 0.25, 1.0);
    const double side = settings.minSide * scale;
    const int minArea = std::max(8, static_cast<int>(side * side / 3));
    const int maxArea = static_cast<int>(settings.maxSide * settings.maxSide * scale * scale);
    auto mser = cv::MSER::create(settings.delta, minArea, maxArea, 0.5, 0.1);
    std::vector<std::vector<cv::Point>> points;
    std::vector<cv::Rect> boxes;
    if (scale < 1.0) {
        cv::Mat small;
        cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
        mser->detectRegions(small, points, boxes);
        const cv::Rect frame(0, 0, gray.cols, gray.rows);
        for (auto& box : boxes) {
            box = cv::Rect(static_cast<int>(box.x / scale), static_cast<int>(box.y / scale),
                           static_cast<int>(std::ceil(box.width / scale)),
                           static_cast<int>(std::ceil(box.height / scale))) &
                  frame;
        }
    } else {
        mser->detectRegions(gray, points, boxes);
    }

    std::vector<LogoRegion> regions;
    std::unordered_set<long long> seen;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const cv::Rect& box = boxes[i];
        if (std::max(box.width, box.height) < settings.minSide ||
            std::max(box.width, box.height) > settings.maxSide)
            continue;
        // Nested MSER levels repeat nearly the same box; one of them is enough.
        const long long key =
            (static_cast<long long>(box.x / 2) << 42) | (static_cast<long long>(box.y / 2) << 28) |
            (static_cast<long long>(box.width / 2) << 14) | static_cast<long long>(box.height / 2);
        if (!seen.insert(key).second)
            continue;
        const double area = static_cast<double>(points[i].size()) / (scale * scale);
        regions.push_back({box, static_cast<float>(std::min(1.0, area / box.area()))});
    }
    return regions;
}

} // namespace cg
