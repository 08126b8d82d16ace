#pragma once

#include "core/detection.hpp"

#include <ZXing/ReadBarcode.h>
#include <opencv2/core/mat.hpp>

#include <string_view>
#include <vector>

namespace cg::codes {

// "qr_code" for every 2D symbology (QR, Micro QR, rMQR, Data Matrix, Aztec, PDF417, MaxiCode),
// "barcode" for the 1D ones.
std::string_view categoryOf(ZXing::BarcodeFormat format);

// Reads every code in an 8-bit gray image.
ZXing::Barcodes readCodes(const cv::Mat& gray, const ZXing::ReaderOptions& options);

// Maps a pixel of an image that was cut at `origin` of the frame and then resized by `scale`
// back to frame coordinates.
struct ImageToFrame {
    cv::Point2f origin{0, 0};
    float scale = 1;
    [[nodiscard]] Point apply(float x, float y) const { return {origin.x + x / scale, origin.y + y / scale}; }
};

Detection toDetection(const ZXing::Barcode& barcode, const ImageToFrame& mapping);

// The region, in frame pixels, around a barcode's quadrilateral with `marginRatio` of its size
// added on every side, clipped to the frame.
cv::Rect regionAround(const ZXing::Barcode& barcode, const ImageToFrame& mapping, double marginRatio,
                      cv::Size frameSize);

} // namespace cg::codes
