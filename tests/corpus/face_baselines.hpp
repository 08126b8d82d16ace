#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/objdetect.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cg::corpus {

// dlib's HOG frontal face detector with one upsampling step (pyramid_up before detecting, as dlib's
// face_detection_ex does), on an 8-bit gray picture; boxes in the picture's coordinates.
class DlibHogFaces {
  public:
    DlibHogFaces();
    ~DlibHogFaces();
    std::vector<cv::Rect> find(const cv::Mat& gray, int upsampling = 1);

  private:
    struct Detector;
    std::unique_ptr<Detector> detector_;
};

// One of OpenCV's LBP face cascades with detectMultiScale's default parameters.
class LbpCascadeFaces {
  public:
    explicit LbpCascadeFaces(const std::string& cascadeFile);
    std::vector<cv::Rect> find(const cv::Mat& gray);

  private:
    cv::CascadeClassifier cascade_;
};

inline const std::string kOpenCvDataFolder = "/usr/share/opencv4";

} // namespace cg::corpus
