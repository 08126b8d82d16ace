#include "core/codes/code_reading.hpp"

#include "core/codes/code_detector.hpp"

#include <algorithm>
#include <cmath>

namespace cg::codes {

std::string_view categoryOf(ZXing::BarcodeFormat format)
{
    const ZXing::BarcodeFormats matrix = ZXing::BarcodeFormat::MatrixCodes;
    return matrix.testFlag(format) ? CodeDetector::kQrCategory : CodeDetector::kBarcodeCategory;
}

ZXing::Barcodes readCodes(const cv::Mat& gray, const ZXing::ReaderOptions& options)
{
    CV_Assert(gray.type() == CV_8UC1);
    const ZXing::ImageView view(gray.data, gray.cols, gray.rows, ZXing::ImageFormat::Lum,
                                static_cast<int>(gray.step));
    return ZXing::ReadBarcodes(view, options);
}

Detection toDetection(const ZXing::Barcode& barcode, const ImageToFrame& mapping)
{
    Detection detection;
    detection.detector = std::string(CodeDetector::kId);
    detection.category = std::string(categoryOf(barcode.format()));
    detection.label = ZXing::ToString(barcode.format());
    detection.confidence = 1;
    detection.text = barcode.text();
    // ZXing orders the corners top-left, top-right, bottom-right, bottom-left of the symbol.
    const auto& position = barcode.position();
    for (int i = 0; i < 4; ++i) {
        detection.polygon.push_back(
            mapping.apply(static_cast<float>(position[i].x), static_cast<float>(position[i].y)));
    }
    return detection;
}

cv::Rect regionAround(const ZXing::Barcode& barcode, const ImageToFrame& mapping, double marginRatio,
                      cv::Size frameSize)
{
    float left = 1e9F;
    float top = 1e9F;
    float right = -1e9F;
    float bottom = -1e9F;
    const auto& position = barcode.position();
    for (int i = 0; i < 4; ++i) {
        const Point p = mapping.apply(static_cast<float>(position[i].x), static_cast<float>(position[i].y));
        left = std::min(left, p.x);
        top = std::min(top, p.y);
        right = std::max(right, p.x);
        bottom = std::max(bottom, p.y);
    }
    const float margin = static_cast<float>(marginRatio) * std::max(right - left, bottom - top) + 4;
    const cv::Rect wanted(
        cv::Point(static_cast<int>(std::floor(left - margin)), static_cast<int>(std::floor(top - margin))),
        cv::Point(static_cast<int>(std::ceil(right + margin)), static_cast<int>(std::ceil(bottom + margin))));
    return wanted & cv::Rect(cv::Point(0, 0), frameSize);
}

} // namespace cg::codes
