#include "core/activity/looping_video_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <cmath>
#include <functional>
#include <optional>

namespace cg {
namespace {

const cv::Size kHd(1280, 720);

using Scene = std::function<cv::Mat(Millis)>;

struct Outcome {
    std::optional<Millis> first;
    int runs = 0;
    std::optional<Millis> period;
};

Outcome run(LoopingVideoDetector& detector, const Scene& scene, Millis duration)
{
    Outcome outcome;
    for (Millis t{0}; t < duration; t += detector.cadence()) {
        const auto detections = detector.detect(scenes::colourFrame(scene(t), t));
        if (!detections.empty()) {
            EXPECT_EQ(detections[0].category, "looping_video");
            outcome.first = outcome.first.value_or(t);
            outcome.period = detector.lastPeriod();
            ++outcome.runs;
        }
    }
    return outcome;
}

// A recording of a presenter, `periodMs` long, played in a loop with fresh sensor noise on every
// frame. The period is not a multiple of the cadence, so the second pass is sampled at other
// moments of the recording than the first.
Scene loopedRecording(int periodMs, int seed)
{
    const cv::Mat background = scenes::texturedStill(kHd, seed);
    auto rng = std::make_shared<cv::RNG>(static_cast<std::uint64_t>(seed));
    return [background, periodMs, rng](Millis t) {
        const double intoRecording = static_cast<double>(t.count() % periodMs) / 1000.0;
        cv::Mat picture = background.clone();
        scenes::drawPresenter(picture, 0.9 * intoRecording + 0.4 * std::sin(0.7 * intoRecording));
        return scenes::withSensorNoise(picture, 5, *rng);
    };
}

TEST(LoopingVideoDetector, FindsARecordingPlayedInALoopOnceItRecurs)
{
    constexpr int kPeriodMs = 12370;
    LoopingVideoDetector detector;
    const Scene scene = loopedRecording(kPeriodMs, 1);
    const Outcome outcome = run(detector, scene, Millis{3 * kPeriodMs});
    ASSERT_TRUE(outcome.first) << "the loop was never found";
    EXPECT_GE(*outcome.first, Millis{kPeriodMs}) << "a loop cannot be known before it recurs";
    EXPECT_LE(*outcome.first, Millis{kPeriodMs} + detector.settings().matchWindow + Millis{2000});
    ASSERT_TRUE(outcome.period);
    EXPECT_NEAR(static_cast<double>(outcome.period->count()), kPeriodMs, 300.0);
    // Found on most runs of the second and third pass.
    const auto runsAfterFirst =
        static_cast<int>((Millis{3 * kPeriodMs} - *outcome.first) / detector.cadence());
    EXPECT_GE(outcome.runs, runsAfterFirst * 8 / 10);
}

TEST(LoopingVideoDetector, LiveMotionThatNeverRepeatsIsNoLoop)
{
    const cv::Mat background = scenes::texturedStill(kHd, 2);
    cv::RNG rng(3);
    double phase = 0;
    double speed = 1.0;
    LoopingVideoDetector detector;
    const Scene scene = [&](Millis) {
        // A presenter whose pace keeps changing, as a live one does.
        speed = std::clamp(speed + rng.gaussian(0.25), 0.2, 2.0);
        phase += speed * 0.25;
        cv::Mat picture = background.clone();
        scenes::drawPresenter(picture, phase);
        return scenes::withSensorNoise(picture, 5, rng);
    };
    EXPECT_EQ(run(detector, scene, Millis{60000}).runs, 0);
}

TEST(LoopingVideoDetector, StillPictureIsNoLoop)
{
    const cv::Mat still = scenes::texturedStill(kHd, 4);
    cv::RNG rng(5);
    LoopingVideoDetector detector;
    EXPECT_EQ(
        run(detector, [&](Millis) { return scenes::withSensorNoise(still, 6, rng); }, Millis{40000}).runs, 0);
}

TEST(LoopingVideoDetector, RepeatingSlidesAreNoLoopingVideo)
{
    const cv::Mat first = scenes::texturedStill(kHd, 6);
    const cv::Mat second = scenes::texturedStill(kHd, 7);
    cv::RNG rng(8);
    LoopingVideoDetector detector;
    const Scene scene = [&](Millis t) {
        return scenes::withSensorNoise(t.count() / 3000 % 2 ? second : first, 5, rng);
    };
    EXPECT_EQ(run(detector, scene, Millis{40000}).runs, 0);
}

} // namespace
} // namespace cg
