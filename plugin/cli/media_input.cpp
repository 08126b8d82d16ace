#include "cli/media_input.hpp"

#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace cg::cli {

namespace {

Frame toBgraFrame(const cv::Mat& decoded, Millis time)
{
    cv::Mat bgra;
    switch (decoded.channels()) {
    case 1:
        cv::cvtColor(decoded, bgra, cv::COLOR_GRAY2BGRA);
        break;
    case 3:
        cv::cvtColor(decoded, bgra, cv::COLOR_BGR2BGRA);
        break;
    default:
        bgra = decoded;
        break;
    }
    return Frame::fromMat(bgra, time);
}

} // namespace

MediaInput::MediaInput(const std::filesystem::path& file, Millis interval) : file_(file), interval_(interval)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        throw InputError(file.string() + ": no such file");
    image_ = cv::imread(file.string(), cv::IMREAD_COLOR);
    if (!image_.empty())
        return;
    video_.open(file.string(), cv::CAP_FFMPEG);
    if (!video_.isOpened())
        throw InputError(file.string() + ": not an image or video that OpenCV can read");
    framesPerSecond_ = video_.get(cv::CAP_PROP_FPS);
}

bool MediaInput::next(Frame& frame)
{
    if (!image_.empty()) {
        frame = toBgraFrame(image_, Millis{0});
        image_.release();
        return true;
    }
    if (!video_.isOpened())
        return false;
    while (video_.grab()) {
        // Media time from the frame index keeps sampling exact and repeatable; the container's
        // own clock is the fallback when the stream reports no frame rate.
        const double ms = framesPerSecond_ > 0 ? 1000.0 * static_cast<double>(frameIndex_) / framesPerSecond_
                                               : video_.get(cv::CAP_PROP_POS_MSEC);
        ++frameIndex_;
        const Millis time{static_cast<Millis::rep>(std::llround(ms))};
        if (time < nextSample_)
            continue;
        while (nextSample_ <= time)
            nextSample_ += interval_;
        cv::Mat decoded;
        if (!video_.retrieve(decoded) || decoded.empty())
            continue;
        frame = toBgraFrame(decoded, time);
        return true;
    }
    video_.release();
    return false;
}

} // namespace cg::cli
