#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/objdetect.hpp>

#include <string>
#include <vector>

namespace cg {

struct FaceFinderSettings {
    // Folder holding lbpcascades/ (Debian's opencv-data puts it in /usr/share/opencv4).
    std::string cascadeFolder = "/usr/share/opencv4";
    // Chosen with cg_presence_survey on the faces corpus at 640x360 (tests/corpus): OpenCV's original
    // LBP frontal cascade at a 1.15 scale step, 3 neighbours, faces from 24 px found every face image
    // with no detection on the images without faces, at about a third of dlib HOG+1's time. The
    // "improved" LBP cascade cannot see faces under 45 px; Haar cascades cost 2-3 times as much.
    double scaleStep = 1.15;
    int minNeighbours = 3;
    int minFacePx = 24;
    // Profile faces are looked for only near where the presenter was: over the whole frame the
    // profile cascades cost more than the frontal one and fired on a building (ocv_home.jpg).
    int profileMinNeighbours = 3;
};

struct FoundFace {
    cv::Rect box;
    int support = 0; // how many neighbouring cascade windows agreed: weak finds have a few
};

// Face finding on an 8-bit gray picture with OpenCV's LBP cascades from the system.
// The face a presenter most likely has among `faces`: the largest of those with at least half the
// support of the best supported one (a large weak find is more often a pattern than a face).
const FoundFace* dominantFace(const std::vector<FoundFace>& faces);

class FaceFinder {
  public:
    // Throws std::runtime_error when a cascade file cannot be loaded.
    explicit FaceFinder(FaceFinderSettings settings = {});

    // Frontal faces anywhere in `gray`.
    std::vector<FoundFace> frontal(const cv::Mat& gray);
    // Frontal faces in `gray` searched on a copy reduced to at most `maxWidth` px wide; boxes in
    // `gray`'s own coordinates.
    std::vector<FoundFace> frontalReduced(const cv::Mat& gray, int maxWidth);
    // Faces in profile, looking either way, inside `region` of `gray`, at least `minSize` px.
    std::vector<FoundFace> profile(const cv::Mat& gray, const cv::Rect& region, int minSize);

    [[nodiscard]] const FaceFinderSettings& settings() const { return settings_; }

  private:
    std::vector<FoundFace> profileOneWay(const cv::Mat& patch, bool mirrored, int minSize);

    FaceFinderSettings settings_;
    cv::CascadeClassifier frontal_;
    cv::CascadeClassifier profile_;
};

} // namespace cg
