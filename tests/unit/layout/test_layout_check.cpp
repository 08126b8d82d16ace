#include "core/layout/layout_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace cg {
namespace {

using namespace std::chrono_literals;

constexpr CanvasSize hd{1280, 720};

Polygon rect(float x, float y, float w, float h)
{
    return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
}

LayoutItem item(LayoutItemKind kind, std::string name, Polygon quad, bool delivering = true)
{
    return LayoutItem{kind, std::move(name), std::move(quad), delivering};
}

std::vector<Detection> of(const AnalysisResult& result, const std::string& category)
{
    std::vector<Detection> found;
    for (const Detection& d : result.detections)
        if (d.category == category)
            found.push_back(d);
    return found;
}

TEST(LayoutCheck, EveryLookChecksAllFourCategories)
{
    LayoutCheck check;
    const AnalysisResult result =
        check.check({hd, {item(LayoutItemKind::Camera, "Webcam", rect(0, 0, 1280, 720))}}, 0ms);
    for (const std::string& category : layoutCategories())
        EXPECT_NE(std::find(result.categoriesChecked.begin(), result.categoriesChecked.end(), category),
                  result.categoriesChecked.end())
            << category;
    EXPECT_TRUE(result.detections.empty()) << result.detections.front().category;
    EXPECT_TRUE(check.notWatching().detections.empty());
    EXPECT_EQ(check.notWatching().categoriesChecked, layoutCategories());
}

TEST(LayoutCheck, SceneWithoutCameraIsNoCamera)
{
    LayoutCheck check;
    const AnalysisResult result =
        check.check({hd, {item(LayoutItemKind::Image, "Banner", rect(0, 0, 1280, 720))}}, 0ms);
    EXPECT_EQ(of(result, kNoCameraCategory).size(), 1u);
    EXPECT_TRUE(of(result, kCameraSmallCategory).empty());
    EXPECT_TRUE(of(result, kMediaOnAirCategory).empty()) << "a still image is not a recording";
}

TEST(LayoutCheck, CameraInACornerIsTooSmallWithItsShareInTheText)
{
    LayoutCheck check;
    const AnalysisResult result =
        check.check({hd,
                     {item(LayoutItemKind::Image, "Background", rect(0, 0, 1280, 720)),
                      item(LayoutItemKind::Camera, "Webcam", rect(960, 540, 320, 180))}},
                    0ms);
    const auto small = of(result, kCameraSmallCategory);
    ASSERT_EQ(small.size(), 1u);
    EXPECT_EQ(small[0].label, "6%");
    EXPECT_EQ(small[0].detail, "camera covers 6% of the canvas (less than 33%)");
    EXPECT_TRUE(of(result, kNoCameraCategory).empty());
}

TEST(LayoutCheck, TwoCamerasAddUpAndTheThresholdIsASetting)
{
    const LayoutSnapshot twoQuarters{hd,
                                     {item(LayoutItemKind::Camera, "Face", rect(0, 0, 640, 360)),
                                      item(LayoutItemKind::Camera, "Hands", rect(640, 360, 640, 360))}};
    LayoutCheck third;
    EXPECT_TRUE(of(third.check(twoQuarters, 0ms), kCameraSmallCategory).empty())
        << "half the canvas is enough";
    LayoutCheck strict(LayoutSettings{.minCameraShare = 0.6});
    const auto small = of(strict.check(twoQuarters, 0ms), kCameraSmallCategory);
    ASSERT_EQ(small.size(), 1u);
    EXPECT_EQ(small[0].label, "50%");
}

TEST(LayoutCheck, RecordingFillingTheCanvasWithoutCameraIsMediaOnAir)
{
    LayoutCheck check;
    const AnalysisResult replay =
        check.check({hd,
                     {item(LayoutItemKind::Media, "Yesterday's stream", rect(0, 0, 1280, 720)),
                      item(LayoutItemKind::Image, "Logo", rect(20, 20, 100, 100))}},
                    0ms);
    const auto media = of(replay, kMediaOnAirCategory);
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].label, "100%");
    EXPECT_EQ(of(replay, kNoCameraCategory).size(), 1u);

    // A slideshow and a page side by side make up 60 %.
    const AnalysisResult slides =
        check.check({hd,
                     {item(LayoutItemKind::ImageSlideshow, "Slides", rect(0, 0, 512, 720)),
                      item(LayoutItemKind::Browser, "Shop page", rect(512, 0, 256, 720))}},
                    0ms);
    ASSERT_EQ(of(slides, kMediaOnAirCategory).size(), 1u);
    EXPECT_EQ(of(slides, kMediaOnAirCategory)[0].label, "60%");

    // A small clip in a corner is not a replay, and a camera on air makes it a demonstration.
    EXPECT_TRUE(of(check.check({hd, {item(LayoutItemKind::Media, "Clip", rect(0, 0, 640, 360))}}, 0ms),
                   kMediaOnAirCategory)
                    .empty());
    EXPECT_TRUE(of(check.check({hd,
                                {item(LayoutItemKind::Media, "Clip", rect(0, 0, 1280, 720)),
                                 item(LayoutItemKind::Camera, "Webcam", rect(0, 0, 640, 720))}},
                               0ms),
                   kMediaOnAirCategory)
                    .empty());
}

TEST(LayoutCheck, CameraWithoutPictureIsFrozenOnlyAfterTheGrace)
{
    LayoutCheck check; // frozenAfter 3 s
    const LayoutSnapshot vacant{hd, {item(LayoutItemKind::Camera, "Webcam", rect(0, 0, 1280, 720), false)}};
    EXPECT_TRUE(of(check.check(vacant, 10000ms), kCameraFrozenCategory).empty());
    EXPECT_TRUE(of(check.check(vacant, 12900ms), kCameraFrozenCategory).empty());
    const auto frozen = of(check.check(vacant, 13000ms), kCameraFrozenCategory);
    ASSERT_EQ(frozen.size(), 1u);
    EXPECT_EQ(frozen[0].detail, "camera \"Webcam\" has delivered no picture for 3 s");

    // Frames again: the clock restarts for the next stop.
    const LayoutSnapshot live{hd, {item(LayoutItemKind::Camera, "Webcam", rect(0, 0, 1280, 720), true)}};
    EXPECT_TRUE(of(check.check(live, 14000ms), kCameraFrozenCategory).empty());
    EXPECT_TRUE(of(check.check(vacant, 15000ms), kCameraFrozenCategory).empty());
    EXPECT_EQ(of(check.check(vacant, 18000ms), kCameraFrozenCategory).size(), 1u);

    // Leaving the program forgets it too.
    check.notWatching();
    EXPECT_TRUE(of(check.check(vacant, 19000ms), kCameraFrozenCategory).empty());
}

} // namespace
} // namespace cg
