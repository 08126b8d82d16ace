#include "core/activity/slideshow_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <functional>
#include <optional>
#include <vector>

namespace cg {
namespace {

const cv::Size kHd(1280, 720);

using Scene = std::function<cv::Mat(Millis)>;

struct Outcome {
    std::optional<Millis> first;
    std::optional<Millis> last;
    int runs = 0;
};

Outcome run(SlideshowDetector& detector, const Scene& scene, Millis duration)
{
    Outcome outcome;
    for (Millis t{0}; t < duration; t += detector.cadence()) {
        const auto detections = detector.detect(scenes::colourFrame(scene(t), t));
        if (!detections.empty()) {
            EXPECT_EQ(detections[0].category, "slideshow");
            outcome.first = outcome.first.value_or(t);
            outcome.last = t;
            ++outcome.runs;
        }
    }
    return outcome;
}

// Slides of `slideMs` each, switched by a hard cut or a cross-fade of `fadeMs`, with noise and a
// ticking clock on top.
Scene slides(std::vector<cv::Mat> pictures, int slideMs, int fadeMs = 0)
{
    auto rng = std::make_shared<cv::RNG>(11);
    return [pictures = std::move(pictures), slideMs, fadeMs, rng](Millis t) {
        const auto ms = static_cast<int>(t.count());
        const auto index = static_cast<std::size_t>(ms / slideMs) % pictures.size();
        cv::Mat picture = pictures[index].clone();
        const int intoSlide = ms % slideMs;
        if (fadeMs > 0 && intoSlide < fadeMs && ms >= slideMs) {
            const double alpha = static_cast<double>(intoSlide) / fadeMs;
            const cv::Mat& previous = pictures[(index + pictures.size() - 1) % pictures.size()];
            cv::addWeighted(previous, 1 - alpha, pictures[index], alpha, 0, picture);
        }
        scenes::drawClock(picture, ms / 1000);
        return scenes::withSensorNoise(picture, 5, *rng);
    };
}

TEST(SlideshowDetector, StillsSeparatedByHardCutsAreASlideshow)
{
    SlideshowDetector detector;
    const Outcome outcome = run(
        detector,
        slides({scenes::texturedStill(kHd, 1), scenes::texturedStill(kHd, 2), scenes::texturedStill(kHd, 3)},
               6000),
        Millis{18000});
    ASSERT_TRUE(outcome.first);
    // Not before the second slide has been still for minSlide; then on every run to the end.
    EXPECT_GE(*outcome.first, Millis{6000} + detector.settings().minSlide);
    EXPECT_LE(*outcome.first, Millis{6000} + detector.settings().minSlide + Millis{400});
    EXPECT_EQ(*outcome.last, Millis{18000} - detector.cadence());
    EXPECT_EQ(outcome.runs, static_cast<int>((*outcome.last - *outcome.first) / detector.cadence()) + 1);
    EXPECT_EQ(detector.cutsInChain(), 2);
}

TEST(SlideshowDetector, CrossFadesBetweenSlidesCountAsCuts)
{
    SlideshowDetector detector;
    const Outcome outcome =
        run(detector, slides({scenes::texturedStill(kHd, 4), scenes::texturedStill(kHd, 5)}, 5000, 800),
            Millis{20000});
    ASSERT_TRUE(outcome.first);
    EXPECT_LE(*outcome.first, Millis{9000}); // fade over at 5.8 s, first still run at 6 s, plus minSlide
    EXPECT_EQ(*outcome.last, Millis{20000} - detector.cadence());
}

TEST(SlideshowDetector, OneStillPictureIsNotASlideshow)
{
    SlideshowDetector detector;
    EXPECT_EQ(run(detector, slides({scenes::texturedStill(kHd, 6)}, 100000), Millis{15000}).runs, 0);
}

TEST(SlideshowDetector, LiveMotionBetweenStillsIsNotASlideshow)
{
    // A still set, then a presenter walks about for three seconds, then sits still in front of it.
    const cv::Mat set = scenes::texturedStill(kHd, 7);
    SlideshowDetector detector;
    const Scene scene = [&](Millis t) {
        cv::Mat picture = set.clone();
        if (t >= Millis{5000}) {
            const double seconds = static_cast<double>(std::min(t, Millis{8000}).count()) / 1000.0;
            scenes::drawPresenter(picture, 1.5 * seconds);
        }
        return picture;
    };
    EXPECT_EQ(run(detector, scene, Millis{15000}).runs, 0);
}

TEST(SlideshowDetector, LiveMotionEndsTheSlideshow)
{
    const Scene slideShow = slides(
        {scenes::texturedStill(kHd, 8), scenes::texturedStill(kHd, 9), scenes::texturedStill(kHd, 10)}, 4000);
    const cv::Mat set = scenes::texturedStill(kHd, 11);
    SlideshowDetector detector;
    const Scene scene = [&](Millis t) {
        if (t < Millis{12000}) {
            return slideShow(t);
        }
        cv::Mat picture = set.clone();
        scenes::drawPresenter(picture, 1.2 * static_cast<double>(t.count()) / 1000.0);
        return picture;
    };
    const Outcome outcome = run(detector, scene, Millis{20000});
    ASSERT_TRUE(outcome.first);
    ASSERT_TRUE(outcome.last);
    EXPECT_LE(*outcome.last, Millis{12000} + detector.settings().maxTransition);
    EXPECT_EQ(detector.cutsInChain(), 0);
}

} // namespace
} // namespace cg
