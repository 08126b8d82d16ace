// OpenCV's curved-surface QR decoder as the rescue pass uses it: exact text, polygon mapped back
// to frame coordinates, nothing from regions without a code. (What it adds on real bent codes is
// measured on the photo corpus: tests/corpus, tests/bench/RESULTS.md.)
#include "core/codes/curved_qr_reading.hpp"
#include "unit/codes/code_images.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace cg {
namespace {

using ZXing::BarcodeFormat;

TEST(CurvedQrReading, ReadsTheExactTextWithItsFormat)
{
    const std::string text = "https://shop.example/live?item=4471&ref=banner";
    const auto found = codes::readCurvedQrCode(test::renderCode(BarcodeFormat::QRCode, text, 3), {});
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->text, text);
    EXPECT_EQ(found->category, "qr_code");
    EXPECT_EQ(found->label, "QRCode");
    EXPECT_EQ(found->detector, "codes");
}

TEST(CurvedQrReading, MapsThePolygonBackToTheFrame)
{
    const cv::Mat code = test::renderCode(BarcodeFormat::QRCode, "cg-curved-mapping", 4, 4);
    // The region was cut at (300, 200) of the frame out of an image downscaled by half.
    const codes::ImageToFrame regionToFrame{{300, 200}, 0.5F};
    const auto found = codes::readCurvedQrCode(code, regionToFrame);
    ASSERT_TRUE(found.has_value());
    ASSERT_EQ(found->polygon.size(), 4U);
    const float quiet = 4 * 4 / regionToFrame.scale;
    const float side = static_cast<float>(code.cols) / regionToFrame.scale;
    for (const Point& p : found->polygon) {
        EXPECT_GE(p.x, 300 + quiet - 4);
        EXPECT_LE(p.x, 300 + side - quiet + 4);
        EXPECT_GE(p.y, 200 + quiet - 4);
        EXPECT_LE(p.y, 200 + side - quiet + 4);
    }
}

TEST(CurvedQrReading, RegionsWithoutACodeGiveNothing)
{
    cv::Mat noise(240, 240, CV_8UC1);
    cv::RNG(5).fill(noise, cv::RNG::UNIFORM, 0, 256);
    cv::Mat checker(240, 240, CV_8UC1);
    for (int y = 0; y < checker.rows; ++y) {
        for (int x = 0; x < checker.cols; ++x) {
            checker.at<uchar>(y, x) = ((x / 12 + y / 12) % 2) != 0 ? 20 : 235;
        }
    }
    EXPECT_FALSE(codes::readCurvedQrCode(noise, {}).has_value());
    EXPECT_FALSE(codes::readCurvedQrCode(checker, {}).has_value());
    EXPECT_FALSE(codes::readCurvedQrCode(cv::Mat(4, 4, CV_8UC1, cv::Scalar(0)), {}).has_value());
}

} // namespace
} // namespace cg
