#pragma once

// The feature-matching alternative the logo detector was compared with: ORB keypoints of every
// template (as a dark glyph on white and as an app icon) matched to the frame's, ratio test, then a
// RANSAC homography with enough inliers.
#include "core/detection.hpp"
#include "core/logos/logo_templates.hpp"

#include <opencv2/core/mat.hpp>
#include <vector>

namespace cg::test {

class OrbLogoBaseline {
  public:
    explicit OrbLogoBaseline(const std::vector<LogoTemplate>& logos);
    std::vector<Detection> detect(const cv::Mat& bgr) const;

  private:
    struct Model {
        std::string slug;
        std::vector<cv::KeyPoint> keypoints;
        cv::Mat descriptors;
        cv::Size size;
    };
    std::vector<Model> models_;
};

} // namespace cg::test
