#pragma once

#include <ZXing/BarcodeFormat.h>
#include <opencv2/core/mat.hpp>

#include <string>

namespace cg::test {

// A code drawn by ZXing's writer, black on white, `moduleSize` pixels per module, with a quiet
// zone of `quietModules` modules (1D codes: `barHeight` pixels high).
cv::Mat renderCode(ZXing::BarcodeFormat format, const std::string& text, int moduleSize, int quietModules = 4,
                   int barHeight = 80);

// A 8-bit gray canvas with a soft gradient and fixed-seed noise, like an out-of-focus background.
cv::Mat grayCanvas(int width, int height, unsigned seed = 7);

// Copies a gray image onto the canvas with its top-left corner at (x, y).
void place(cv::Mat& canvas, const cv::Mat& image, int x, int y);

} // namespace cg::test
