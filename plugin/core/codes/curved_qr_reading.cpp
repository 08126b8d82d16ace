#include "core/codes/curved_qr_reading.hpp"

#include "core/codes/code_detector.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <array>

namespace cg::codes {

namespace {

// Sizes (px, longer side) the region is enlarged to, in steps of about sqrt(2) from the size
// ZXing's own rescue read uses (cg_qr_rescue_survey, tests/bench/RESULTS.md).
constexpr std::array<int, 3> kRegionSizes = {400, 560, 800};

Detection toDetection(const std::string& text, const std::vector<cv::Point2f>& corners,
                      const ImageToFrame& mapping)
{
    Detection detection;
    detection.detector = std::string(CodeDetector::kId);
    detection.category = std::string(CodeDetector::kQrCategory);
    detection.label = ZXing::ToString(ZXing::BarcodeFormat::QRCode);
    detection.confidence = 1;
    detection.text = text;
    for (const auto& corner : corners) {
        detection.polygon.push_back(mapping.apply(corner.x, corner.y));
    }
    return detection;
}

} // namespace

std::optional<Detection> readCurvedQrCode(const cv::Mat& region, const ImageToFrame& regionToFrame)
{
    const int longerSide = std::max(region.cols, region.rows);
    if (longerSide < 8) {
        return std::nullopt;
    }
    cv::QRCodeDetector decoder;
    float previousEnlarge = 0;
    for (const int size : kRegionSizes) {
        const float enlarge = std::max(1.0F, static_cast<float>(size) / static_cast<float>(longerSide));
        if (enlarge == previousEnlarge) {
            continue; // a region already larger than this size is read once, at its own size
        }
        previousEnlarge = enlarge;
        cv::Mat enlarged;
        cv::resize(region, enlarged, cv::Size(), enlarge, enlarge, cv::INTER_CUBIC);
        std::vector<cv::Point2f> corners;
        std::string text;
        try {
            text = decoder.detectAndDecodeCurved(enlarged, corners);
        } catch (const cv::Exception&) {
            // OpenCV asserts on some degenerate geometries; that region simply does not decode.
            continue;
        }
        if (!text.empty() && corners.size() == 4) {
            const ImageToFrame mapping{regionToFrame.origin, regionToFrame.scale * enlarge};
            return toDetection(text, corners, mapping);
        }
    }
    return std::nullopt;
}

} // namespace cg::codes
