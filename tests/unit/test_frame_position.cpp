#include "core/frame_position.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

std::vector<Point> box(float x, float y, float w, float h)
{
    return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
}

TEST(FramePosition, NamesTheThirdOfTheFrameTheShapesCentreIsIn)
{
    EXPECT_EQ(framePosition(box(1100, 600, 100, 80), 1280, 720), "lower_right");
    EXPECT_EQ(framePosition(box(10, 10, 60, 60), 1280, 720), "upper_left");
    EXPECT_EQ(framePosition(box(600, 320, 80, 80), 1280, 720), "centre");
    EXPECT_EQ(framePosition(box(40, 650, 1200, 60), 1280, 720), "bottom"); // a lower-third banner
    EXPECT_EQ(framePosition(box(1200, 300, 80, 100), 1280, 720), "right");
}

TEST(FramePosition, ShapesReachingPastTheEdgeStayOnTheGrid)
{
    EXPECT_EQ(framePosition(box(1250, 700, 100, 100), 1280, 720), "lower_right");
    EXPECT_EQ(framePosition(box(-50, -50, 60, 60), 1280, 720), "upper_left");
}

TEST(FramePosition, NothingToPlaceGivesNoName)
{
    EXPECT_EQ(framePosition({}, 1280, 720), "");
    EXPECT_EQ(framePosition(box(0, 0, 10, 10), 0, 0), "");
}

} // namespace
} // namespace cg
