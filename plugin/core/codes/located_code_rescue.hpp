#pragma once

#include "core/codes/code_reading.hpp"

#include <vector>

namespace cg::codes {

// Second look at 2D codes that ZXing located but could not decode (too small, blurred, bent):
// each region is cut out, enlarged and read again by ZXing; a QR code that still does not decode
// is given to OpenCV's curved-surface decoder (curved_qr_reading.hpp). Returns what decoded, in
// frame coordinates.
// Larger regions go first; at most `maxRegions` are tried.
std::vector<Detection> rescueLocatedCodes(const cv::Mat& gray, const ImageToFrame& grayToFrame,
                                          std::vector<ZXing::Barcode> located, int maxRegions);

} // namespace cg::codes
