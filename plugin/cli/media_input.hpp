#pragma once

#include "core/frame.hpp"

#include <filesystem>
#include <opencv2/videoio.hpp>
#include <stdexcept>

namespace cg::cli {

class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The frames of an image file (one, at media time 0) or of a video file sampled every
// `interval` of media time, as BGRA frames stamped with their media time.
class MediaInput {
  public:
    // Throws InputError naming the file when it is missing or neither an image nor a video.
    MediaInput(const std::filesystem::path& file, Millis interval);

    bool next(Frame& frame);
    [[nodiscard]] bool isVideo() const { return video_.isOpened(); }

  private:
    std::filesystem::path file_;
    Millis interval_;
    cv::Mat image_;
    cv::VideoCapture video_;
    double framesPerSecond_ = 0;
    long frameIndex_ = 0;
    Millis nextSample_{0};
};

} // namespace cg::cli
