#include "core/activity/static_picture_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <functional>
#include <vector>

namespace cg {
namespace {

const cv::Size kHd(1280, 720);
constexpr double kPi = 3.14159265358979;

using Scene = std::function<cv::Mat(Millis)>;
using ToFrame = Frame (*)(const cv::Mat&, Millis);

// Runs the detector at its cadence over `duration` of the scene; one judgement per run.
std::vector<bool> judgements(StaticPictureDetector& detector, const Scene& scene, Millis duration,
                             ToFrame toFrame = scenes::colourFrame)
{
    std::vector<bool> judged;
    for (Millis t{0}; t < duration; t += detector.cadence()) {
        const auto detections = detector.detect(toFrame(scene(t), t));
        EXPECT_EQ(detections.empty(), !detector.lastJudgedStatic());
        judged.push_back(detector.lastJudgedStatic());
    }
    return judged;
}

int count(const std::vector<bool>& judged, bool value, std::size_t from = 0)
{
    int n = 0;
    for (std::size_t i = from; i < judged.size(); ++i) {
        n += judged[i] == value ? 1 : 0;
    }
    return n;
}

// The picture re-encoded as a strong JPEG: what a keyframe does to a still for one frame.
cv::Mat keyframeBlip(const cv::Mat& bgr)
{
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, 30});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

TEST(StaticPictureDetector, SensorNoiseFlickerAndKeyframeBlipsStayStatic)
{
    for (ToFrame toFrame : {&scenes::colourFrame, &scenes::lumaFrame}) {
        const cv::Mat still = scenes::texturedStill(kHd, 1);
        cv::RNG rng(5);
        StaticPictureDetector detector;
        const Scene scene = [&](Millis t) {
            const double seconds = static_cast<double>(t.count()) / 1000.0;
            cv::Mat picture = scenes::withGain(still, 1.0 + 0.03 * std::sin(2 * kPi * 3.3 * seconds));
            if (t.count() % 2000 == 1000) {
                picture = keyframeBlip(picture);
            }
            return scenes::withSensorNoise(picture, 8, rng);
        };
        const auto judged = judgements(detector, scene, Millis{10000}, toFrame);
        EXPECT_EQ(count(judged, false, 1), 0)
            << "the first run has nothing to compare with; every later one is still";
        ASSERT_TRUE(detector.stillSince());
        EXPECT_EQ(detector.stillSince()->count(), 0);
    }
}

TEST(StaticPictureDetector, TickingClockOverlayStaysStatic)
{
    const cv::Mat still = scenes::texturedStill(kHd, 2);
    cv::RNG rng(6);
    StaticPictureDetector detector;
    const Scene scene = [&](Millis t) {
        cv::Mat picture = still.clone();
        scenes::drawClock(picture, 12 * 3600 + 59 * 60 + 50 + static_cast<int>(t.count() / 1000));
        return scenes::withSensorNoise(picture, 4, rng);
    };
    const auto judged = judgements(detector, scene, Millis{12000});
    EXPECT_EQ(count(judged, false, 1), 0);
}

TEST(StaticPictureDetector, HardCutEndsStaticOnTheRunThatSeesIt)
{
    for (ToFrame toFrame : {&scenes::colourFrame, &scenes::lumaFrame}) {
        const cv::Mat first = scenes::texturedStill(kHd, 3);
        const cv::Mat second = scenes::texturedStill(kHd, 4);
        cv::RNG rng(7);
        StaticPictureDetector detector;
        const Scene scene = [&](Millis t) {
            return scenes::withSensorNoise(t < Millis{3000} ? first : second, 6, rng);
        };
        const auto judged = judgements(detector, scene, Millis{6000}, toFrame);
        const auto cutRun = static_cast<std::size_t>(3000 / detector.cadence().count());
        EXPECT_TRUE(judged[cutRun - 1]);
        EXPECT_FALSE(judged[cutRun]) << "the cut must end the still stretch at once";
        EXPECT_EQ(count(judged, false, cutRun + 1), 0) << "the new picture is still from the next run on";
        ASSERT_TRUE(detector.stillSince());
        EXPECT_EQ(detector.stillSince()->count(), 3000);
    }
}

TEST(StaticPictureDetector, PresenterMovingIsNotStatic)
{
    const cv::Mat background = scenes::texturedStill(kHd, 5);
    cv::RNG rng(8);
    StaticPictureDetector detector;
    const Scene scene = [&](Millis t) {
        cv::Mat picture = background.clone();
        scenes::drawPresenter(picture, 0.8 * static_cast<double>(t.count()) / 1000.0);
        scenes::drawClock(picture, static_cast<int>(t.count() / 1000));
        return scenes::withSensorNoise(picture, 6, rng);
    };
    const auto judged = judgements(detector, scene, Millis{10000});
    // Where every limb turns round at once the picture may rest for one run, as a live presenter's
    // does; it never rests for most of a second.
    EXPECT_LE(count(judged, true), static_cast<int>(judged.size()) / 10);
    const auto runsPerSecond = static_cast<std::size_t>(1000 / detector.cadence().count());
    for (std::size_t second = 0; second < judged.size() / runsPerSecond; ++second) {
        const std::vector<bool> runs(judged.begin() + static_cast<std::ptrdiff_t>(second * runsPerSecond),
                                     judged.begin() +
                                         static_cast<std::ptrdiff_t>((second + 1) * runsPerSecond));
        EXPECT_LE(2 * count(runs, true), static_cast<int>(runsPerSecond)) << "second " << second;
    }
}

TEST(StaticPictureDetector, SlowCreepEventuallyEndsStillness)
{
    // A hand creeping 4 px per run changes too little between two runs, but it drifts from where
    // the still stretch began.
    const cv::Mat background = scenes::texturedStill(kHd, 6);
    StaticPictureDetector detector;
    const Scene scene = [&](Millis t) {
        cv::Mat picture = background.clone();
        const int x = 200 + static_cast<int>(t.count() / 200) * 4;
        cv::rectangle(picture, cv::Rect(x, 200, 260, 300), cv::Scalar(60, 120, 200), cv::FILLED);
        return picture;
    };
    const auto judged = judgements(detector, scene, Millis{10000});
    EXPECT_GT(count(judged, false, 1), 0);
}

TEST(StaticPictureDetector, ReportsHowLongThePictureHasBeenStill)
{
    const cv::Mat still = scenes::texturedStill(kHd, 7);
    StaticPictureDetector detector;
    std::vector<Detection> last;
    for (Millis t{0}; t <= Millis{4000}; t += detector.cadence()) {
        last = detector.detect(scenes::colourFrame(still, t));
    }
    ASSERT_EQ(last.size(), 1U);
    EXPECT_EQ(last[0].category, "static_picture");
    EXPECT_EQ(last[0].detector, "static_picture");
    EXPECT_NE(last[0].detail.find("unchanged for 4.0 s"), std::string::npos) << last[0].detail;
}

} // namespace
} // namespace cg
