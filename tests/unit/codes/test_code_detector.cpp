#include "core/codes/code_detector.hpp"
#include "unit/codes/code_images.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg {
namespace {

using ZXing::BarcodeFormat;

std::vector<Detection> detectGray(const cv::Mat& gray, CodeDetectorSettings settings = {})
{
    CodeDetector detector(settings);
    return detector.detect(Frame::fromMat(gray));
}

bool polygonInside(const Detection& d, const cv::Rect& area)
{
    return d.polygon.size() == 4 && std::all_of(d.polygon.begin(), d.polygon.end(), [&](const Point& p) {
               const cv::Rect2f slack(static_cast<float>(area.x) - 2, static_cast<float>(area.y) - 2,
                                      static_cast<float>(area.width) + 4,
                                      static_cast<float>(area.height) + 4);
               return slack.contains({p.x, p.y});
           });
}

TEST(CodeDetector, DescribesItself)
{
    CodeDetector detector;
    EXPECT_EQ(detector.id(), "codes");
    EXPECT_EQ(detector.categories(), (std::vector<std::string>{"qr_code", "barcode"}));
    EXPECT_EQ(detector.cadence(), Millis(500));
    EXPECT_EQ(CodeDetector(CodeDetectorSettings{.cadence = Millis(200)}).cadence(), Millis(200));
}

TEST(CodeDetector, ReportsQrWithTextLabelAndFullFramePolygon)
{
    cv::Mat frame = test::grayCanvas(1280, 720);
    const cv::Mat code = test::renderCode(BarcodeFormat::QRCode, "https://shop.example/live?id=42", 4);
    const cv::Rect where(900, 400, code.cols, code.rows);
    test::place(frame, code, where.x, where.y);

    const auto found = detectGray(frame);
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].detector, "codes");
    EXPECT_EQ(found[0].category, "qr_code");
    EXPECT_EQ(found[0].label, "QRCode");
    EXPECT_EQ(found[0].text, "https://shop.example/live?id=42");
    EXPECT_FLOAT_EQ(found[0].confidence, 1.0F);
    EXPECT_TRUE(polygonInside(found[0], where));
    // Clockwise from the top-left corner of the upright symbol.
    EXPECT_LT(found[0].polygon[0].x, found[0].polygon[1].x);
    EXPECT_LT(found[0].polygon[1].y, found[0].polygon[2].y);
}

TEST(CodeDetector, ReadsBgraFramesAndKeepsExactBytes)
{
    cv::Mat gray = test::grayCanvas(1280, 720);
    const std::string text = "微信 WeChat: 扫码加我 +86 138 0000 0000";
    test::place(gray, test::renderCode(BarcodeFormat::QRCode, text, 5), 100, 100);
    cv::Mat bgra;
    cv::cvtColor(gray, bgra, cv::COLOR_GRAY2BGRA);
    CodeDetector detector;
    const auto found = detector.detect(Frame::fromMat(bgra));
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].text, text);
}

TEST(CodeDetector, MapsPolygonsBackWhenTheFrameIsDownscaled)
{
    cv::Mat frame = test::grayCanvas(2560, 1440);
    const cv::Mat code = test::renderCode(BarcodeFormat::QRCode, "4K canvas", 8);
    const cv::Rect where(2000, 1000, code.cols, code.rows);
    test::place(frame, code, where.x, where.y);
    const auto found = detectGray(frame);
    ASSERT_EQ(found.size(), 1U);
    EXPECT_TRUE(polygonInside(found[0], where));
}

TEST(CodeDetector, ReportsEveryTwoDimensionalSymbologyAsQrCode)
{
    cv::Mat frame = test::grayCanvas(1280, 720);
    test::place(frame, test::renderCode(BarcodeFormat::QRCode, "qr one", 4), 40, 40);
    test::place(frame, test::renderCode(BarcodeFormat::DataMatrix, "datamatrix two", 5), 400, 40);
    test::place(frame, test::renderCode(BarcodeFormat::Aztec, "aztec three", 5), 800, 40);
    test::place(frame, test::renderCode(BarcodeFormat::PDF417, "pdf417 four", 3), 40, 420);
    test::place(frame, test::renderCode(BarcodeFormat::QRCode, "qr five", 4), 1000, 450);

    const auto found = detectGray(frame);
    std::vector<std::string> labels;
    for (const auto& d : found) {
        EXPECT_EQ(d.category, "qr_code") << d.label << " " << d.text;
        labels.push_back(d.label + ":" + d.text);
    }
    std::sort(labels.begin(), labels.end());
    EXPECT_EQ(labels, (std::vector<std::string>{"Aztec:aztec three", "DataMatrix:datamatrix two",
                                                "PDF417:pdf417 four", "QRCode:qr five", "QRCode:qr one"}));
}

TEST(CodeDetector, ReportsLinearCodesAsBarcodeUnlessTurnedOff)
{
    cv::Mat frame = test::grayCanvas(1280, 720);
    test::place(frame, test::renderCode(BarcodeFormat::EAN13, "4006381333931", 3), 100, 200);
    test::place(frame, test::renderCode(BarcodeFormat::Code128, "SKU-2024-0042", 3), 700, 500);

    auto found = detectGray(frame);
    std::vector<std::string> labels;
    for (const auto& d : found) {
        EXPECT_EQ(d.category, "barcode");
        labels.push_back(d.label + ":" + d.text);
    }
    std::sort(labels.begin(), labels.end());
    EXPECT_EQ(labels, (std::vector<std::string>{"Code128:SKU-2024-0042", "EAN-13:4006381333931"}));

    EXPECT_TRUE(detectGray(frame, CodeDetectorSettings{.readLinearCodes = false}).empty());
}

TEST(CodeDetector, ReportsTheSameCodeTwiceWhenShownTwice)
{
    cv::Mat frame = test::grayCanvas(1280, 720);
    const cv::Mat code = test::renderCode(BarcodeFormat::QRCode, "same code", 4);
    test::place(frame, code, 100, 100);
    test::place(frame, code, 800, 300);
    EXPECT_EQ(detectGray(frame).size(), 2U);
}

TEST(CodeDetector, EmptyFrameGivesNothing)
{
    CodeDetector detector;
    EXPECT_TRUE(detector.detect(Frame{}).empty());
}

} // namespace
} // namespace cg
