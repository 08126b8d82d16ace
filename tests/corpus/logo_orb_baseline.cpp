#include "corpus/logo_orb_baseline.hpp"

#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

namespace cg::test {

OrbLogoBaseline::OrbLogoBaseline(const std::vector<LogoTemplate>& logos)
{
    auto orb = cv::ORB::create(400, 1.2f, 8, 15, 0, 2, cv::ORB::HARRIS_SCORE, 15);
    for (const auto& logo : logos) {
        cv::Mat glyph;
        cv::resize(logo.mask, glyph, cv::Size(), 1.6, 1.6, cv::INTER_LINEAR);
        cv::Mat onWhite(glyph.rows + 60, glyph.cols + 60, CV_8U, cv::Scalar(255));
        onWhite(cv::Rect(30, 30, glyph.cols, glyph.rows)).setTo(0, glyph > 127);
        Model model{logo.slug, {}, {}, onWhite.size()};
        orb->detectAndCompute(onWhite, cv::noArray(), model.keypoints, model.descriptors);
        if (!model.descriptors.empty())
            models_.push_back(std::move(model));
    }
}

std::vector<Detection> OrbLogoBaseline::detect(const cv::Mat& bgr) const
{
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    auto orb = cv::ORB::create(4000, 1.2f, 8, 15, 0, 2, cv::ORB::HARRIS_SCORE, 15);
    std::vector<cv::KeyPoint> keypoints;
    cv::Mat descriptors;
    orb->detectAndCompute(gray, cv::noArray(), keypoints, descriptors);
    std::vector<Detection> found;
    if (descriptors.empty())
        return found;
    cv::BFMatcher matcher(cv::NORM_HAMMING);
    for (const auto& model : models_) {
        std::vector<std::vector<cv::DMatch>> pairs;
        matcher.knnMatch(model.descriptors, descriptors, pairs, 2);
        std::vector<cv::Point2f> from;
        std::vector<cv::Point2f> to;
        for (const auto& pair : pairs) {
            if (pair.size() == 2 && pair[0].distance < 0.8f * pair[1].distance) {
                from.push_back(model.keypoints[static_cast<std::size_t>(pair[0].queryIdx)].pt);
                to.push_back(keypoints[static_cast<std::size_t>(pair[0].trainIdx)].pt);
            }
        }
        if (from.size() < 8)
            continue;
        std::vector<uchar> inliers;
        const cv::Mat homography = cv::findHomography(from, to, cv::RANSAC, 5.0, inliers);
        if (homography.empty() || cv::countNonZero(inliers) < 8)
            continue;
        const std::vector<cv::Point2f> corners{
            {30, 30},
            {static_cast<float>(model.size.width - 30), 30},
            {static_cast<float>(model.size.width - 30), static_cast<float>(model.size.height - 30)},
            {30, static_cast<float>(model.size.height - 30)}};
        std::vector<cv::Point2f> projected;
        cv::perspectiveTransform(corners, projected, homography);
        Detection detection;
        detection.category = "logo";
        detection.label = model.slug;
        for (const auto& p : projected)
            detection.polygon.push_back({p.x, p.y});
        found.push_back(detection);
    }
    return found;
}

} // namespace cg::test
