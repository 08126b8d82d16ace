#include "core/layout/frame_health.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

using namespace std::chrono_literals;

std::vector<Detection> of(const AnalysisResult& result, const std::string& category)
{
    std::vector<Detection> found;
    for (const Detection& d : result.detections)
        if (d.category == category)
            found.push_back(d);
    return found;
}

TEST(FrameShareWindow, MeasuresOnlyTheLastWindow)
{
    FrameShareWindow window(10000ms);
    EXPECT_FALSE(window.share());
    // 30 fps; 60 frames dropped in the first two seconds, none after.
    for (int s = 0; s <= 20; ++s)
        window.add(Millis{s * 1000},
                   {static_cast<std::uint64_t>(s <= 2 ? s * 30 : 60), static_cast<std::uint64_t>(s * 30)});
    const auto share = window.share();
    ASSERT_TRUE(share);
    EXPECT_EQ(share->bad, 0u);
    EXPECT_EQ(share->total, 300u);
    EXPECT_EQ(share->span, 10000ms);
}

TEST(FrameShareWindow, CountersGoingBackStartANewWindow)
{
    FrameShareWindow window(10000ms);
    window.add(0ms, {500, 9000});
    window.add(1000ms, {510, 9030});
    window.add(2000ms, {0, 10}); // a new stream output
    EXPECT_FALSE(window.share());
    window.add(3000ms, {3, 40});
    EXPECT_EQ(window.share()->bad, 3u);
    EXPECT_EQ(window.share()->total, 30u);
}

TEST(OutputHealthCheck, DroppedFramesAboveOnePercentAreReportedWithTheirNumbers)
{
    OutputHealthCheck check;
    AnalysisResult result;
    for (int s = 0; s <= 12; ++s)
        result =
            check.check(Millis{s * 1000},
                        FrameCounts{static_cast<std::uint64_t>(s * 2), static_cast<std::uint64_t>(s * 30)},
                        FrameCounts{0, static_cast<std::uint64_t>(s * 30)});
    const auto dropped = of(result, kDroppedFramesCategory);
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_EQ(dropped[0].detail, "stream dropped 20 of 300 frames (6.7%) in the last 10 s");
    EXPECT_TRUE(of(result, kLaggedFramesCategory).empty());
    EXPECT_EQ(result.categoriesChecked.size(), 2u);
}

TEST(OutputHealthCheck, LagBelowTheThresholdOrTooFewFramesIsFine)
{
    OutputHealthCheck check;
    // 1 missed frame in 300 (0.3 %).
    check.check(0ms, std::nullopt, {0, 0});
    AnalysisResult result = check.check(10000ms, std::nullopt, {1, 300});
    EXPECT_TRUE(result.detections.empty());
    // 5 of 330 in the next second (1.5 % over the window) is reported.
    result = check.check(11000ms, std::nullopt, {6, 330});
    const auto lagged = of(result, kLaggedFramesCategory);
    ASSERT_EQ(lagged.size(), 1u);
    EXPECT_EQ(lagged[0].detail, "rendering missed 6 of 330 frames (1.8%) in the last 11 s");

    OutputHealthCheck fresh;
    fresh.check(0ms, FrameCounts{0, 0}, {0, 0});
    EXPECT_TRUE(fresh.check(1000ms, FrameCounts{5, 10}, {5, 10}).detections.empty())
        << "10 frames are too few to judge";
}

} // namespace
} // namespace cg
