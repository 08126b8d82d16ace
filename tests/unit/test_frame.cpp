#include "core/frame.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace cg {
namespace {

TEST(Frame, WrapSharesThePixelsWithoutCopying)
{
    std::vector<std::uint8_t> pixels(8 * 4 * 2, 0);
    Frame frame = Frame::wrap(PixelFormat::Bgra, 8, 2, 8 * 4, pixels.data(), Millis{40});
    EXPECT_EQ(frame.pixels(), pixels.data());
    EXPECT_FALSE(frame.ownsPixels());
    EXPECT_EQ(frame.time(), Millis{40});
    pixels[0] = 200; // the frame sees changes to the caller's buffer
    EXPECT_EQ(frame.view().at<cv::Vec4b>(0, 0)[0], 200);
}

TEST(Frame, CopyOfOwnsATightlyPackedCopyAndHonoursStride)
{
    const int width = 3, height = 2, stride = 16; // 4 padding bytes per row
    std::vector<std::uint8_t> pixels(stride * height, 7);
    pixels[stride + 2 * 4 + 1] = 99; // row 1, pixel 2, G
    Frame frame = Frame::copyOf(PixelFormat::Rgba, width, height, stride, pixels.data());
    pixels.assign(pixels.size(), 0);
    EXPECT_TRUE(frame.ownsPixels());
    EXPECT_EQ(frame.strideBytes(), width * 4);
    EXPECT_EQ(frame.view().at<cv::Vec4b>(1, 2)[1], 99);
}

TEST(Frame, ConvertsEachFormatToGrayAndBgr)
{
    cv::Mat bgra(4, 4, CV_8UC4, cv::Scalar(255, 0, 0, 255)); // pure blue in BGRA
    cv::Mat rgba;
    cv::cvtColor(bgra, rgba, cv::COLOR_BGRA2RGBA);
    const Frame asBgra = Frame::fromMat(bgra);
    const Frame asRgba = Frame::fromMat(rgba, Millis{0}, PixelFormat::Rgba);
    EXPECT_EQ(asBgra.bgr().at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));
    EXPECT_EQ(asRgba.bgr().at<cv::Vec3b>(0, 0), cv::Vec3b(255, 0, 0));
    EXPECT_EQ(asBgra.gray().at<std::uint8_t>(0, 0), asRgba.gray().at<std::uint8_t>(0, 0));

    cv::Mat gray(4, 4, CV_8UC1, cv::Scalar(128));
    const Frame asGray = Frame::fromMat(gray);
    EXPECT_EQ(asGray.format(), PixelFormat::Gray);
    EXPECT_EQ(asGray.gray().data, gray.data) << "gray frames are not converted";
    EXPECT_EQ(asGray.bgr().at<cv::Vec3b>(3, 3), cv::Vec3b(128, 128, 128));
}

TEST(Frame, FromMatKeepsTheBufferAliveAfterTheMatIsGone)
{
    Frame frame;
    {
        cv::Mat mat(2, 2, CV_8UC1, cv::Scalar(42));
        frame = Frame::fromMat(mat);
    }
    EXPECT_EQ(frame.view().at<std::uint8_t>(1, 1), 42);
}

TEST(Frame, RejectsImpossibleGeometry)
{
    std::vector<std::uint8_t> pixels(16);
    EXPECT_THROW(Frame::wrap(PixelFormat::Bgra, 4, 1, 8, pixels.data()), std::invalid_argument);
    EXPECT_THROW(Frame::wrap(PixelFormat::Gray, 0, 1, 8, pixels.data()), std::invalid_argument);
    EXPECT_THROW(Frame::wrap(PixelFormat::Gray, 4, 1, 4, nullptr), std::invalid_argument);
    EXPECT_THROW(Frame::fromMat(cv::Mat(2, 2, CV_8UC3)), std::invalid_argument);
}

} // namespace
} // namespace cg

namespace cg {
namespace {

TEST(Frame, CarriesAColourPreviewThatADeepCopyKeeps)
{
    cv::Mat luma(8, 16, CV_8UC1, cv::Scalar(100));
    cv::Mat thumb(2, 4, CV_8UC4, cv::Scalar(0, 0, 255, 255));
    const Frame frame = Frame::fromMat(luma, Millis{5}).withPreview(Frame::fromMat(thumb, Millis{5}));
    ASSERT_NE(frame.preview(), nullptr);
    EXPECT_EQ(frame.preview()->width(), 4);
    const Frame copy = frame.deepCopy();
    luma.setTo(0);
    thumb.setTo(cv::Scalar(0, 0, 0, 0));
    EXPECT_EQ(copy.view().at<std::uint8_t>(7, 15), 100) << "the copy owns its pixels";
    ASSERT_NE(copy.preview(), nullptr);
    EXPECT_EQ(copy.preview()->bgr().at<cv::Vec3b>(1, 3), cv::Vec3b(0, 0, 255));
    EXPECT_EQ(copy.time(), Millis{5});
}

} // namespace
} // namespace cg
