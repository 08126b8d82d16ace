#include "core/codes/located_code_rescue.hpp"

#include "core/codes/curved_qr_reading.hpp"
#include "core/codes/detection_merge.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg::codes {

namespace {

constexpr double kRegionMargin = 0.35;
// A located code is enlarged until its region is at least this wide, never less than twice.
constexpr int kRescueRegionSize = 400;
// The curved-surface decoder costs 5-40 ms per region (several sizes); only the largest regions
// that ZXing still cannot read get it, so a frame full of located shapes stays cheap.
constexpr int kMaxCurvedReads = 2;

double area(const ZXing::Barcode& barcode)
{
    const auto& p = barcode.position();
    double twiceArea = 0;
    for (int i = 0; i < 4; ++i) {
        const auto& a = p[i];
        const auto& b = p[(i + 1) % 4];
        twiceArea += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    return std::abs(twiceArea) / 2;
}

bool overlapsAny(const cv::Rect& region, const std::vector<cv::Rect>& done)
{
    return std::any_of(done.begin(), done.end(), [&](const cv::Rect& other) {
        const cv::Rect common = region & other;
        return common.area() > region.area() / 2;
    });
}

} // namespace

std::vector<Detection> rescueLocatedCodes(const cv::Mat& gray, const ImageToFrame& grayToFrame,
                                          std::vector<ZXing::Barcode> located, int maxRegions)
{
    std::sort(located.begin(), located.end(),
              [](const ZXing::Barcode& a, const ZXing::Barcode& b) { return area(a) > area(b); });
    ZXing::ReaderOptions options;
    options.setFormats(ZXing::BarcodeFormat::MatrixCodes).setTryHarder(true).setTryInvert(true);

    std::vector<Detection> rescued;
    std::vector<cv::Rect> tried;
    int curvedReads = 0;
    for (const auto& barcode : located) {
        if (static_cast<int>(tried.size()) >= maxRegions) {
            break;
        }
        const cv::Rect region = regionAround(barcode, {}, kRegionMargin, gray.size());
        if (region.width < 8 || region.height < 8 || overlapsAny(region, tried)) {
            continue;
        }
        tried.push_back(region);
        const float enlarge = std::max(2.0F, static_cast<float>(kRescueRegionSize) /
                                                 static_cast<float>(std::max(region.width, region.height)));
        cv::Mat enlarged;
        cv::resize(gray(region), enlarged, cv::Size(), enlarge, enlarge, cv::INTER_LINEAR);
        // Frame point = gray origin + (region origin + enlarged point / enlarge) / gray scale.
        const cv::Point2f regionOrigin{
            grayToFrame.origin.x + static_cast<float>(region.x) / grayToFrame.scale,
            grayToFrame.origin.y + static_cast<float>(region.y) / grayToFrame.scale};
        bool decoded = false;
        for (const auto& found : readCodes(enlarged, options)) {
            if (found.isValid()) {
                addUnlessDuplicate(rescued, toDetection(found, {regionOrigin, enlarge * grayToFrame.scale}));
                decoded = true;
            }
        }
        if (!decoded && barcode.format() == ZXing::BarcodeFormat::QRCode && curvedReads < kMaxCurvedReads) {
            ++curvedReads;
            if (auto curved = readCurvedQrCode(gray(region), {regionOrigin, grayToFrame.scale})) {
                addUnlessDuplicate(rescued, std::move(*curved));
            }
        }
    }
    return rescued;
}

} // namespace cg::codes
