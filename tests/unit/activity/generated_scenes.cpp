#include "unit/activity/generated_scenes.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdio>

namespace cg::scenes {

cv::Mat texturedStill(cv::Size size, int seed)
{
    cv::RNG rng(static_cast<std::uint64_t>(seed) * 7919U + 17U);
    cv::Mat coarse(size.height / 16 + 1, size.width / 16 + 1, CV_8UC3);
    rng.fill(coarse, cv::RNG::UNIFORM, cv::Scalar::all(30), cv::Scalar::all(220));
    cv::Mat picture;
    cv::resize(coarse, picture, size, 0, 0, cv::INTER_CUBIC);
    for (int i = 0; i < 25; ++i) {
        const cv::Point corner(rng.uniform(0, size.width), rng.uniform(0, size.height));
        const cv::Size extent(rng.uniform(20, size.width / 4), rng.uniform(20, size.height / 4));
        const cv::Scalar colour(rng.uniform(0, 255), rng.uniform(0, 255), rng.uniform(0, 255));
        if (i % 2 == 0) {
            cv::rectangle(picture, cv::Rect(corner, extent), colour, cv::FILLED);
        } else {
            cv::circle(picture, corner, extent.height / 2, colour, 3, cv::LINE_AA);
        }
    }
    return picture;
}

cv::Mat withSensorNoise(const cv::Mat& bgr, double sigma, cv::RNG& rng)
{
    cv::Mat noise(bgr.size(), CV_16SC3);
    rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(sigma));
    cv::Mat noisy;
    cv::add(bgr, noise, noisy, cv::noArray(), CV_8UC3);
    return noisy;
}

cv::Mat withGain(const cv::Mat& bgr, double gain)
{
    cv::Mat scaled;
    bgr.convertTo(scaled, -1, gain, 0);
    return scaled;
}

void drawClock(cv::Mat& bgr, int secondsOfDay)
{
    const double scale = bgr.cols / 1280.0;
    const cv::Rect box(bgr.cols - static_cast<int>(230 * scale), static_cast<int>(20 * scale),
                       static_cast<int>(210 * scale), static_cast<int>(56 * scale));
    cv::rectangle(bgr, box, cv::Scalar(30, 30, 30), cv::FILLED);
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d:%02d", secondsOfDay / 3600 % 24, secondsOfDay / 60 % 60,
                  secondsOfDay % 60);
    cv::putText(bgr, text, box.tl() + cv::Point(static_cast<int>(10 * scale), static_cast<int>(42 * scale)),
                cv::FONT_HERSHEY_SIMPLEX, 1.3 * scale, cv::Scalar(255, 255, 255),
                std::max(1, static_cast<int>(3 * scale)), cv::LINE_AA);
}

void drawPresenter(cv::Mat& bgr, double phase)
{
    const double scale = bgr.cols / 1280.0;
    const cv::Point centre(static_cast<int>((640 + 120 * std::sin(phase)) * scale),
                           static_cast<int>((420 + 25 * std::sin(2.3 * phase)) * scale));
    const auto s = [scale](double v) { return static_cast<int>(v * scale); };
    cv::ellipse(bgr, centre + cv::Point(0, s(230)), cv::Size(s(190), s(200)), 0, 180, 360,
                cv::Scalar(90, 60, 160), cv::FILLED);
    cv::circle(bgr, centre, s(95), cv::Scalar(120, 160, 210), cv::FILLED);
    // Eyes, mouth and a waving arm give texture that moves with the pose.
    const double tilt = 0.3 * std::sin(1.7 * phase);
    const cv::Point eye(s(35 * std::cos(tilt)), s(35 * std::sin(tilt)));
    cv::circle(bgr, centre - eye - cv::Point(0, s(20)), s(12), cv::Scalar(30, 30, 30), cv::FILLED);
    cv::circle(bgr, centre + eye - cv::Point(0, s(20)), s(12), cv::Scalar(30, 30, 30), cv::FILLED);
    cv::ellipse(bgr, centre + cv::Point(0, s(40)),
                cv::Size(s(40), s(10 + 10 * std::abs(std::sin(3 * phase)))), 0, 0, 360,
                cv::Scalar(40, 40, 150), cv::FILLED);
    const cv::Point shoulder = centre + cv::Point(s(150), s(150));
    const cv::Point hand =
        shoulder + cv::Point(s(150 * std::cos(2 * phase)), s(-150 * std::abs(std::sin(2 * phase))));
    cv::line(bgr, shoulder, hand, cv::Scalar(120, 160, 210), s(40), cv::LINE_AA);
}

Frame colourFrame(const cv::Mat& bgr, Millis time)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return Frame::fromMat(bgra, time);
}

Frame lumaFrame(const cv::Mat& bgr, Millis time)
{
    cv::Mat luma;
    cv::cvtColor(bgr, luma, cv::COLOR_BGR2GRAY);
    cv::Mat preview;
    cv::resize(bgr, preview, cv::Size(640, bgr.rows * 640 / bgr.cols), 0, 0, cv::INTER_AREA);
    cv::cvtColor(preview, preview, cv::COLOR_BGR2RGBA);
    return Frame::fromMat(luma, time).withPreview(Frame::fromMat(preview, time, PixelFormat::Rgba));
}

} // namespace cg::scenes
