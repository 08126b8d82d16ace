#pragma once

#include "core/frame.hpp"

#include <opencv2/core.hpp>

namespace cg::scenes {

// A camera-like still: smooth random texture with shapes and edges (BGR, 8-bit).
cv::Mat texturedStill(cv::Size size, int seed);

// Sensor noise of standard deviation `sigma` grey levels, different on every call.
cv::Mat withSensorNoise(const cv::Mat& bgr, double sigma, cv::RNG& rng);

// Global brightness flicker: every level scaled by `gain`.
cv::Mat withGain(const cv::Mat& bgr, double gain);

// A ticking clock overlay (HH:MM:SS, white on a dark box) in the top-right corner, about 1.3% of the
// picture at 1280x720.
void drawClock(cv::Mat& bgr, int secondsOfDay);

// A textured "presenter" (head and body) whose position and pose follow `phase`, so a smooth
// function of time gives smooth motion and the same phase gives the same picture.
void drawPresenter(cv::Mat& bgr, double phase);

// The frame as the CLI gives it (BGRA) or as the OBS filter does (gray luma + 640-px RGBA preview).
Frame colourFrame(const cv::Mat& bgr, Millis time);
Frame lumaFrame(const cv::Mat& bgr, Millis time);

} // namespace cg::scenes
