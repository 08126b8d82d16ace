#include "core/clock.hpp"
#include "core/record/evidence.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "core/record/sha256.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace cg {
namespace {

const cv::Vec3b kGray{128, 128, 128};

bool isRed(const cv::Vec3b& bgr)
{
    return bgr[2] > 180 && bgr[1] < 90 && bgr[0] < 90;
}

int redPixelsIn(const cv::Mat& image, const cv::Rect& area)
{
    int count = 0;
    const cv::Mat region = image(area & cv::Rect(0, 0, image.cols, image.rows));
    for (int y = 0; y < region.rows; ++y)
        for (int x = 0; x < region.cols; ++x)
            count += isRed(region.at<cv::Vec3b>(y, x)) ? 1 : 0;
    return count;
}

// A plain gray 1280x720 BGRA frame with one QR-code detection, a square from (400,200) to (600,400).
struct EvidenceScene {
    cv::Mat pixels{720, 1280, CV_8UC4, cv::Scalar(128, 128, 128, 255)};
    Frame frame = Frame::fromMat(pixels);
    std::vector<Detection> detections{Detection{
        "codes", "qr_code", "QRCode", 1.0f, {{400, 200}, {600, 200}, {600, 400}, {400, 400}}, "weixin://x"}};
};

TEST(Evidence, DownscalesToTheMaximumWidthAndKeepsTheAspectRatio)
{
    EvidenceScene scene;
    const cv::Mat image = renderEvidence(scene.frame, {}, 640);
    EXPECT_EQ(image.type(), CV_8UC3);
    EXPECT_EQ(image.cols, 640);
    EXPECT_EQ(image.rows, 360);
    EXPECT_EQ(image.at<cv::Vec3b>(180, 320), kGray);

    const cv::Mat small = renderEvidence(scene.frame, {}, 2000);
    EXPECT_EQ(small.cols, 1280) << "never upscaled";
    EXPECT_TRUE(renderEvidence(Frame{}, scene.detections).empty());
}

TEST(Evidence, OutlinesEachDetectionThickAndVisibleWhereItIsInTheScaledPicture)
{
    EvidenceScene scene;
    const cv::Mat image = renderEvidence(scene.frame, scene.detections, 640);
    // The square is at (200,100)-(300,200) after halving.
    for (const cv::Point onEdge :
         {cv::Point(250, 100), cv::Point(300, 150), cv::Point(250, 200), cv::Point(200, 150)})
        EXPECT_TRUE(isRed(image.at<cv::Vec3b>(onEdge))) << onEdge << " " << image.at<cv::Vec3b>(onEdge);
    // Thick: at least 3 pixels of red across the edge.
    EXPECT_GE(redPixelsIn(image, {250, 97, 1, 7}), 3);
    // Inside and far outside stay untouched.
    EXPECT_EQ(image.at<cv::Vec3b>(150, 250), kGray);
    EXPECT_EQ(image.at<cv::Vec3b>(300, 500), kGray);
    // The label sits on a red band just above the top-left corner.
    EXPECT_GT(redPixelsIn(image, {200, 60, 100, 35}), 300);
}

TEST(Evidence, AGrayFrameIsShownInItsColourPreviewWithTheOutlineScaledToIt)
{
    EvidenceScene scene;
    cv::Mat luma(720, 1280, CV_8UC1, cv::Scalar(128));
    cv::Mat thumb(180, 320, CV_8UC4, cv::Scalar(200, 60, 20, 255)); // blue-ish BGRA, a quarter size
    const Frame frame = Frame::fromMat(luma).withPreview(Frame::fromMat(thumb));
    const cv::Mat image = renderEvidence(frame, scene.detections);
    ASSERT_EQ(image.cols, 320) << "the picture comes from the preview, never upscaled";
    EXPECT_EQ(image.at<cv::Vec3b>(170, 10), cv::Vec3b(200, 60, 20)) << "in colour";
    // The detection's square (400,200)-(600,400) in the 1280 frame is (100,50)-(150,100) here.
    EXPECT_GT(redPixelsIn(image, cv::Rect(95, 70, 10, 10)), 10) << "left edge of the outline";
    EXPECT_EQ(redPixelsIn(image, cv::Rect(115, 70, 15, 15)), 0) << "inside the square stays clear";
}

TEST(Evidence, TheStoredPictureMatchesItsHashAndStillShowsTheOutline)
{
    test::TempFolder folder;
    const auto dir = folder.path() / "session";
    EvidenceScene scene;
    ManualClock clock(1'795'611'731'000);
    {
        RecordWriter writer(dir, clock);
        writer.append("finding_opened", {{"rule", "qr_code_on_air"}},
                      renderEvidence(scene.frame, scene.detections), "qr_code_on_air");
    }
    const auto line = nlohmann::json::parse(test::readRecordLines(dir)[1]);
    const std::string file = line["evidence"]["file"].get<std::string>();
    EXPECT_EQ(file, "evidence/000001-qr_code_on_air.jpg");
    EXPECT_EQ(line["evidence"]["sha256"], sha256HexOfFile(dir / file));

    const cv::Mat stored = cv::imread((dir / file).string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(stored.empty());
    EXPECT_EQ(stored.size(), cv::Size(640, 360));
    EXPECT_TRUE(isRed(stored.at<cv::Vec3b>(100, 250))) << stored.at<cv::Vec3b>(100, 250);
    const cv::Vec3b inside = stored.at<cv::Vec3b>(150, 250);
    EXPECT_NEAR(inside[1], 128, 6);
    EXPECT_EQ(verifyRecord(dir).evidenceFilesChecked, 1u);
}

} // namespace
} // namespace cg
