#include "core/codes/code_detector.hpp"

#include "core/codes/code_reading.hpp"
#include "core/codes/detection_merge.hpp"
#include "core/codes/located_code_rescue.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg {

namespace {

// GS1 DataBar (all three kinds) and DX film edge codes were read out of plain sensor noise and
// soft textures in our tests (e.g. "(01)12025394107000" on a noisy gray canvas); a streamer's
// frame is full of such texture, so they are left out.
ZXing::BarcodeFormats formatsToRead(const CodeDetectorSettings& settings)
{
    if (!settings.readLinearCodes) {
        return ZXing::BarcodeFormat::MatrixCodes;
    }
    return ZXing::BarcodeFormat::MatrixCodes | ZXing::BarcodeFormat::EAN8 | ZXing::BarcodeFormat::EAN13 |
           ZXing::BarcodeFormat::UPCA | ZXing::BarcodeFormat::UPCE | ZXing::BarcodeFormat::Code128 |
           ZXing::BarcodeFormat::Code39 | ZXing::BarcodeFormat::Code93 | ZXing::BarcodeFormat::Codabar |
           ZXing::BarcodeFormat::ITF;
}

ZXing::ReaderOptions wholeFrameOptions(const CodeDetectorSettings& settings)
{
    ZXing::ReaderOptions options;
    options.setFormats(formatsToRead(settings))
        .setTryHarder(true)
        .setTryRotate(true)
        .setTryInvert(true)
        .setTryDownscale(true)
        .setReturnErrors(settings.rescueLocatedCodes);
    return options;
}

} // namespace

CodeDetector::CodeDetector(CodeDetectorSettings settings) : settings_(settings) {}

std::vector<std::string> CodeDetector::categories() const
{
    return {std::string(kQrCategory), std::string(kBarcodeCategory)};
}

std::vector<Detection> CodeDetector::detect(const Frame& frame)
{
    if (frame.empty()) {
        return {};
    }
    cv::Mat gray = frame.gray();
    codes::ImageToFrame mapping;
    if (settings_.maxAnalysisWidth > 0 && gray.cols > settings_.maxAnalysisWidth) {
        mapping.scale = static_cast<float>(settings_.maxAnalysisWidth) / static_cast<float>(gray.cols);
        cv::resize(gray, gray, cv::Size(), mapping.scale, mapping.scale, cv::INTER_AREA);
    }

    std::vector<Detection> detections;
    std::vector<ZXing::Barcode> locatedOnly;
    for (const auto& barcode : codes::readCodes(gray, wholeFrameOptions(settings_))) {
        if (barcode.isValid()) {
            codes::addUnlessDuplicate(detections, codes::toDetection(barcode, mapping));
        } else if (codes::categoryOf(barcode.format()) == kQrCategory) {
            locatedOnly.push_back(barcode);
        }
    }
    if (settings_.rescueLocatedCodes) {
        for (auto& rescued :
             codes::rescueLocatedCodes(gray, mapping, locatedOnly, settings_.maxRescuedRegions)) {
            codes::addUnlessDuplicate(detections, std::move(rescued));
        }
    }
    return detections;
}

} // namespace cg
