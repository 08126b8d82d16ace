#include "core/presence/presence_evidence.hpp"

#include "unit/presence/drawn_face.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace cg {
namespace {

TEST(PresenceEvidence, TheNeighbourhoodHoldsHeadAndShouldersAndStaysInTheFrame)
{
    const cv::Rect around = presenterNeighbourhood(cv::Rect2f(100, 50, 40, 40), cv::Size(640, 360));
    EXPECT_EQ(around, cv::Rect(60, 30, 120, 140));
    const cv::Rect atEdge = presenterNeighbourhood(cv::Rect2f(0, 0, 40, 40), cv::Size(640, 360));
    EXPECT_EQ(atEdge.tl(), cv::Point(0, 0));
    EXPECT_LE(atEdge.br().x, 640);
}

TEST(PresenceEvidence, ChangedShareSeesMovementOnlyWhereItHappened)
{
    const cv::Mat before = test::emptyRoom(cv::Size(320, 180));
    cv::Mat after = before.clone();
    cv::rectangle(after, cv::Rect(20, 20, 40, 40), cv::Scalar(200), -1);
    EXPECT_NEAR(changedShare(before, after, cv::Rect(20, 20, 40, 40), 20), 1.0, 1e-9);
    EXPECT_NEAR(changedShare(before, after, cv::Rect(0, 0, 80, 80), 20), 0.25, 1e-9);
    EXPECT_EQ(changedShare(before, after, cv::Rect(200, 100, 60, 60), 20), 0.0)
        << "camera noise is not motion";
    EXPECT_EQ(changedShare(cv::Mat(), after, cv::Rect(0, 0, 80, 80), 20), 0.0) << "no earlier picture";
}

TEST(PresenceEvidence, AHeadTemplateFindsTheHeadWhereItMoved)
{
    cv::Mat first = test::emptyRoom(cv::Size(640, 360));
    test::drawFace(first, cv::Point(300, 170), 90);
    const HeadTemplate head(first, cv::Rect(255, 125, 90, 90));
    cv::Mat later = test::emptyRoom(cv::Size(640, 360), 11);
    test::drawFace(later, cv::Point(330, 180), 90);
    const auto match = head.find(later, cv::Rect(150, 60, 330, 280), 0.6);
    ASSERT_TRUE(match.has_value());
    EXPECT_NEAR(match->box.x, 285, 6);
    EXPECT_NEAR(match->box.y, 135, 6);
    EXPECT_FALSE(head.find(test::emptyRoom(cv::Size(640, 360)), cv::Rect(150, 60, 330, 280), 0.6).has_value())
        << "an empty room matched the head";
}

} // namespace
} // namespace cg
