#include "core/quality/picture_quality_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace cg {
namespace {

const cv::Size kHd(1280, 720);

const Detection* find(const std::vector<Detection>& detections, std::string_view category)
{
    const auto it = std::find_if(detections.begin(), detections.end(),
                                 [&](const Detection& d) { return d.category == category; });
    return it == detections.end() ? nullptr : &*it;
}

// A camera-like picture with a presenter and a caption: detail at several scales.
cv::Mat sharpScene()
{
    cv::Mat picture = scenes::texturedStill(kHd, 21);
    scenes::drawPresenter(picture, 0.7);
    cv::putText(picture, "New arrivals 20% off", cv::Point(60, 660), cv::FONT_HERSHEY_SIMPLEX, 1.5,
                cv::Scalar(255, 255, 255), 3, cv::LINE_AA);
    return picture;
}

TEST(PictureQualityDetector, BlurredPictureIsBlurryAndTheSharpOneIsNot)
{
    for (auto toFrame : {&scenes::colourFrame, &scenes::lumaFrame}) {
        const cv::Mat sharp = sharpScene();
        cv::Mat blurred;
        cv::GaussianBlur(sharp, blurred, cv::Size(), 5);

        PictureQualityDetector detector;
        EXPECT_EQ(find(detector.detect(toFrame(sharp, Millis{0})), "blurry_picture"), nullptr)
            << "sharp picture scored " << detector.lastSharpness().score;
        const double sharpScore = detector.lastSharpness().score;

        const auto detections = detector.detect(toFrame(blurred, Millis{1000}));
        const Detection* blurry = find(detections, "blurry_picture");
        ASSERT_NE(blurry, nullptr) << "blurred picture scored " << detector.lastSharpness().score;
        EXPECT_EQ(blurry->detector, "picture_quality");
        EXPECT_NE(blurry->detail.find("blur score"), std::string::npos) << blurry->detail;
        EXPECT_LT(detector.lastSharpness().score, sharpScore / 3);
    }
}

TEST(PictureQualityDetector, FlatSlideWithCrispTextIsNotBlurry)
{
    cv::Mat slide(kHd, CV_8UC3, cv::Scalar(240, 240, 240));
    cv::putText(slide, "Live Q&A at 8 pm", cv::Point(100, 200), cv::FONT_HERSHEY_SIMPLEX, 2.0,
                cv::Scalar(30, 30, 30), 4, cv::LINE_AA);
    PictureQualityDetector detector;
    EXPECT_EQ(find(detector.detect(scenes::colourFrame(slide, Millis{0})), "blurry_picture"), nullptr)
        << "score " << detector.lastSharpness().score;
    EXPECT_GE(detector.lastSharpness().judgedTiles, detector.settings().minJudgedTiles);
}

TEST(PictureQualityDetector, LowContrastSharpPictureIsNotBlurry)
{
    cv::Mat faint;
    sharpScene().convertTo(faint, -1, 0.25, 96);
    PictureQualityDetector detector;
    EXPECT_EQ(find(detector.detect(scenes::colourFrame(faint, Millis{0})), "blurry_picture"), nullptr)
        << "score " << detector.lastSharpness().score;
}

TEST(PictureQualityDetector, MeasuresTheBlackShareOfTheCanvas)
{
    // A 4:3 camera on a 16:9 canvas, pushed to the left: 40% of the canvas stays black.
    cv::Mat canvas(kHd, CV_8UC3, cv::Scalar::all(0));
    cv::resize(sharpScene(), canvas(cv::Rect(0, 0, 768, 720)), cv::Size(768, 720));
    PictureQualityDetector detector;
    const auto detections = detector.detect(scenes::colourFrame(canvas, Millis{0}));
    EXPECT_NEAR(detector.lastCoverage().blankShare, 0.40, 0.02);
    const Detection* blank = find(detections, "blank_area");
    ASSERT_NE(blank, nullptr);
    EXPECT_NE(blank->detail.find("40% of the canvas is black"), std::string::npos) << blank->detail;
    EXPECT_NEAR(detector.lastCoverage().contentShare, 0.60, 0.02);
}

TEST(PictureQualityDetector, SmallContentOnALargeCanvas)
{
    // A 640x360 camera picture alone on a 1920x1080 canvas (luma as in OBS).
    cv::Mat canvas(1080, 1920, CV_8UC3, cv::Scalar::all(0));
    cv::Mat camera;
    cv::resize(sharpScene(), camera, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
    camera.copyTo(canvas(cv::Rect(700, 400, 640, 360)));
    PictureQualityDetector detector;
    const auto detections = detector.detect(scenes::lumaFrame(canvas, Millis{0}));
    const Detection* small = find(detections, "small_content");
    ASSERT_NE(small, nullptr);
    EXPECT_NEAR(detector.lastCoverage().contentShare, 1.0 / 9.0, 0.03);
    ASSERT_EQ(small->polygon.size(), 4U);
    const float tile = 1920.0F / 640.0F * static_cast<float>(detector.settings().coverage.tileSize);
    EXPECT_NEAR(small->polygon[0].x, 700, tile);
    EXPECT_NEAR(small->polygon[0].y, 400, tile);
    EXPECT_NEAR(small->polygon[2].x, 1340, tile);
    EXPECT_NEAR(small->polygon[2].y, 760, tile);
    EXPECT_NE(find(detections, "blank_area"), nullptr);
}

TEST(PictureQualityDetector, FullFrameCameraHasNoBlankOrSmallContent)
{
    PictureQualityDetector detector;
    const auto detections = detector.detect(scenes::colourFrame(sharpScene(), Millis{0}));
    EXPECT_TRUE(detections.empty()) << detections.front().category << ": " << detections.front().detail;
    EXPECT_LT(detector.lastCoverage().blankShare, 0.01);
    EXPECT_GT(detector.lastCoverage().contentShare, 0.99);
}

TEST(PictureQualityDetector, DarkNoisyRoomIsNotBlankCanvas)
{
    cv::RNG rng(3);
    cv::Mat dark = scenes::withSensorNoise(scenes::withGain(sharpScene(), 0.12), 3, rng);
    PictureQualityDetector detector;
    detector.detect(scenes::colourFrame(dark, Millis{0}));
    EXPECT_LT(detector.lastCoverage().blankShare, detector.settings().maxBlankShare);
}

} // namespace
} // namespace cg
