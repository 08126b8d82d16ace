#include "core/text/image_components.hpp"

#include <opencv2/imgproc.hpp>

namespace cg {

std::vector<ImageComponent> labelComponents(const cv::Mat& mask, cv::Mat& labels, int connectivity)
{
    cv::Mat stats, centroids;
    const int count = cv::connectedComponentsWithStats(mask, labels, stats, centroids, connectivity, CV_32S);
    std::vector<ImageComponent> components(static_cast<std::size_t>(count));
    for (int label = 1; label < count; ++label) {
        components[static_cast<std::size_t>(label)] = {
            cv::Rect(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                     stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT)),
            stats.at<int>(label, cv::CC_STAT_AREA)};
    }
    return components;
}

} // namespace cg
