#pragma once

#include "core/codes/code_reading.hpp"

#include <optional>

namespace cg::codes {

// Reads a QR code printed on a bent or wrinkled surface (a sticker on a bottle, creased paper) with
// OpenCV's curved-surface decoder, which follows the code's bent rows and columns where ZXing's
// projective grid misses modules. `region` is an 8-bit gray cut-out around one located code;
// `regionToFrame` maps its pixels to frame coordinates. The decoder is sensitive to the exact pixel
// size of the modules, so the region is tried at a few sizes, smallest first.
std::optional<Detection> readCurvedQrCode(const cv::Mat& region, const ImageToFrame& regionToFrame);

} // namespace cg::codes
