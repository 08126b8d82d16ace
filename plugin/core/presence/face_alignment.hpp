#pragma once

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>
#include <string>

namespace cg {

inline constexpr const char* kDefaultLandmarkModel = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

// Face chips of one size and pose: dlib's 68-landmark predictor (Debian's libdlib-data) places eyes,
// nose and mouth, and the face is rotated and scaled so that they land on the same pixels every time.
class FaceAligner {
  public:
    static constexpr int kChipSize = 96;

    // Loads the landmark model (about 100 MB, a second or two); throws std::runtime_error when it
    // cannot be read.
    explicit FaceAligner(const std::string& landmarkModel = kDefaultLandmarkModel);
    ~FaceAligner();
    FaceAligner(const FaceAligner&) = delete;
    FaceAligner& operator=(const FaceAligner&) = delete;

    // The aligned kChipSize x kChipSize gray chip of the face around `face` in `gray`, or nothing
    // when the landmarks do not look like a face seen from the front.
    [[nodiscard]] std::optional<cv::Mat> align(const cv::Mat& gray, const cv::Rect& face) const;

  private:
    struct Model;
    std::unique_ptr<Model> model_;
};

} // namespace cg
