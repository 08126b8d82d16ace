#include "core/layout/canvas_coverage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cg {
namespace {

constexpr CanvasSize hd{1280, 720};

Polygon rect(float x, float y, float w, float h)
{
    return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
}

Polygon rotatedSquare(float cx, float cy, float side, float degrees)
{
    Polygon square;
    const double radians = degrees * std::numbers::pi / 180.0;
    for (int corner = 0; corner < 4; ++corner) {
        const double angle = radians + corner * std::numbers::pi / 2 + std::numbers::pi / 4;
        const double radius = side / std::sqrt(2.0);
        square.push_back({static_cast<float>(cx + radius * std::cos(angle)),
                          static_cast<float>(cy + radius * std::sin(angle))});
    }
    return square;
}

TEST(CoveredShare, QuarterOfTheCanvasIsAQuarter)
{
    EXPECT_DOUBLE_EQ(coveredShare({rect(0, 0, 640, 360)}, hd), 0.25);
    EXPECT_DOUBLE_EQ(coveredShare({rect(640, 360, 640, 360)}, hd), 0.25);
    EXPECT_DOUBLE_EQ(coveredShare({rect(0, 0, 1280, 720)}, hd), 1.0);
}

TEST(CoveredShare, OverlappingItemsCountOnceAndOffCanvasPartsNotAtAll)
{
    // Two quarters overlapping by half of one: three eighths.
    EXPECT_DOUBLE_EQ(coveredShare({rect(0, 0, 640, 360), rect(320, 0, 640, 360)}, hd), 0.375);
    // Half of the item hangs off the left edge.
    EXPECT_DOUBLE_EQ(coveredShare({rect(-320, 0, 640, 720)}, hd), 0.25);
    EXPECT_DOUBLE_EQ(coveredShare({rect(2000, 0, 640, 720)}, hd), 0.0);
    EXPECT_DOUBLE_EQ(coveredShare({}, hd), 0.0);
}

TEST(CoveredShare, RotatedAndMirroredItemsMatchTheirArea)
{
    const Polygon tilted = rotatedSquare(640, 360, 400, 30);
    EXPECT_NEAR(polygonArea(tilted), 160000.0, 1.0);
    EXPECT_NEAR(coveredShare({tilted}, hd), 160000.0 / (1280.0 * 720.0), 0.005);
    Polygon mirrored = rect(96, 96, 320, 176); // edges on the 8-pixel mask grid
    std::swap(mirrored[0], mirrored[1]);       // negative scale: corners wind the other way
    std::swap(mirrored[2], mirrored[3]);
    EXPECT_DOUBLE_EQ(coveredShare({mirrored}, hd), 320.0 * 176.0 / (1280.0 * 720.0));
}

TEST(ClipConvexPolygon, KeepsTheOverlapWhicheverWayEitherWinds)
{
    const Polygon clipped = clipConvexPolygon(rect(-100, -100, 300, 300), rect(0, 0, 100, 100));
    EXPECT_NEAR(polygonArea(clipped), 10000.0, 1e-3);
    Polygon backwards = rect(0, 0, 100, 100);
    std::reverse(backwards.begin(), backwards.end());
    EXPECT_NEAR(polygonArea(clipConvexPolygon(rect(50, 50, 100, 100), backwards)), 2500.0, 1e-3);
    EXPECT_TRUE(clipConvexPolygon(rect(200, 200, 10, 10), rect(0, 0, 100, 100)).empty());
    EXPECT_TRUE(clipConvexPolygon({{0, 0}, {10, 0}, {20, 0}}, rect(0, 0, 100, 100)).empty());
}

} // namespace
} // namespace cg
