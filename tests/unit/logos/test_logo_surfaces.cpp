// Tilted surfaces (posters, cards, phones turned away) found in drawn pictures and seen square-on.
#include "core/logos/logo_surfaces.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace cg {
namespace {

// Soft gray blotches: texture without straight outlines.
cv::Mat texture()
{
    cv::RNG random(21);
    cv::Mat canvas(720, 1280, CV_8UC1);
    random.fill(canvas, cv::RNG::UNIFORM, cv::Scalar::all(40), cv::Scalar::all(200));
    cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), 10);
    return canvas;
}

void drawCard(cv::Mat& picture, const std::array<cv::Point2f, 4>& corners)
{
    std::vector<cv::Point> outline;
    outline.reserve(corners.size());
    for (const auto& corner : corners)
        outline.emplace_back(static_cast<int>(std::lround(corner.x)),
                             static_cast<int>(std::lround(corner.y)));
    cv::fillConvexPoly(picture, outline, cv::Scalar(245), cv::LINE_AA);
}

float farthestCorner(const TiltedSurface& surface, const std::array<cv::Point2f, 4>& expected)
{
    float farthest = 0;
    for (std::size_t i = 0; i < 4; ++i)
        farthest = std::max(farthest, static_cast<float>(cv::norm(surface.corners.at(i) - expected.at(i))));
    return farthest;
}

// A card turned away about a vertical axis: its far side is 60% as tall as its near side.
const std::array<cv::Point2f, 4> kTurnedCard{cv::Point2f(300, 200), cv::Point2f(520, 250),
                                             cv::Point2f(520, 400), cv::Point2f(300, 450)};

TEST(TiltedSurfaces, FindsACardTurnedAwayWithItsCornersInOrder)
{
    cv::Mat picture = texture();
    drawCard(picture, kTurnedCard);
    const auto surfaces = findTiltedSurfaces(picture);
    ASSERT_EQ(surfaces.size(), 1u);
    EXPECT_LT(farthestCorner(surfaces[0], kTurnedCard), 6.0f);
}

TEST(TiltedSurfaces, LeavesUprightRectanglesToTheUprightSearch)
{
    cv::Mat picture = texture();
    drawCard(picture,
             {cv::Point2f(300, 200), cv::Point2f(520, 200), cv::Point2f(520, 400), cv::Point2f(300, 400)});
    drawCard(picture,
             {cv::Point2f(800, 200), cv::Point2f(810, 202), cv::Point2f(810, 400), cv::Point2f(800, 400)});
    EXPECT_TRUE(findTiltedSurfaces(picture).empty());
}

TEST(TiltedSurfaces, TheRectifiedViewShowsTheCardSquareOn)
{
    cv::Mat picture = texture();
    drawCard(picture, kTurnedCard);
    // A dark square drawn on the card in perspective must come out square.
    std::array<cv::Point2f, 4> unit{cv::Point2f(0, 0), cv::Point2f(1, 0), cv::Point2f(1, 1),
                                    cv::Point2f(0, 1)};
    const cv::Mat cardFromUnit = cv::getPerspectiveTransform(unit.data(), kTurnedCard.data());
    std::vector<cv::Point2f> square{{0.35f, 0.35f}, {0.65f, 0.35f}, {0.65f, 0.65f}, {0.35f, 0.65f}};
    cv::perspectiveTransform(square, square, cardFromUnit);
    std::vector<cv::Point> outline;
    outline.reserve(square.size());
    for (const auto& p : square)
        outline.emplace_back(static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y)));
    cv::fillConvexPoly(picture, outline, cv::Scalar(20), cv::LINE_AA);

    const auto surfaces = findTiltedSurfaces(picture);
    ASSERT_EQ(surfaces.size(), 1u);
    const RectifiedView view = rectifiedView(picture, surfaces[0], 0.1f);
    const cv::Rect dark = cv::boundingRect(view.picture < 100);
    const cv::Size size = view.picture.size();
    // The square sits in the middle of the card, with its sides along the view's axes.
    EXPECT_NEAR(dark.x + dark.width / 2.0, size.width / 2.0, 4.0);
    EXPECT_NEAR(dark.y + dark.height / 2.0, size.height / 2.0, 4.0);
    EXPECT_NEAR(dark.width, 0.3 * size.width / 1.2, 5.0);
    EXPECT_NEAR(dark.height, 0.3 * size.height / 1.2, 5.0);
    // And the view maps back onto the picture: the card's corner is 10% in from the view's.
    const cv::Vec3d corner = view.toPicture * cv::Vec3d(size.width / 1.2 * 0.1, size.height / 1.2 * 0.1, 1);
    EXPECT_NEAR(corner[0] / corner[2], kTurnedCard[0].x, 3.0);
    EXPECT_NEAR(corner[1] / corner[2], kTurnedCard[0].y, 3.0);
}

} // namespace
} // namespace cg
