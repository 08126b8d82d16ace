#include "core/presence/presenter_detector.hpp"

#include "unit/presence/drawn_face.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg {
namespace {

using namespace std::chrono_literals;

const cv::Size kFullHd(1920, 1080);

std::vector<Detection> ofCategory(const std::vector<Detection>& detections, std::string_view category)
{
    std::vector<Detection> out;
    std::copy_if(detections.begin(), detections.end(), std::back_inserter(out),
                 [&](const Detection& d) { return d.category == category; });
    return out;
}

cv::Mat roomWithFace(cv::Size size, cv::Point centre, int faceSize, unsigned seed = 7)
{
    cv::Mat room = test::emptyRoom(size, seed);
    test::drawFace(room, centre, faceSize);
    return room;
}

TEST(PresenterDetector, ReportsItsIdCategoriesAndCadence)
{
    PresenterDetector detector;
    EXPECT_EQ(detector.id(), "presenter");
    EXPECT_EQ(detector.categories(), (std::vector<std::string>{"person", "unregistered_presenter"}));
    EXPECT_EQ(detector.cadence(), PresenterDetectorSettings{}.cadence);
}

TEST(PresenterDetector, AFaceInFullSizeLumaGivesOnePersonBoxInFrameCoordinates)
{
    PresenterDetector detector;
    const cv::Mat luma = roomWithFace(kFullHd, cv::Point(900, 500), 270);
    const auto people = ofCategory(detector.detect(Frame::fromMat(luma)), "person");
    ASSERT_EQ(people.size(), 1u);
    EXPECT_TRUE(detector.present());
    EXPECT_EQ(people[0].detector, "presenter");
    EXPECT_EQ(people[0].label, "face");
    ASSERT_EQ(people[0].polygon.size(), 4u);
    const Point& topLeft = people[0].polygon[0];
    const Point& bottomRight = people[0].polygon[2];
    EXPECT_NEAR((topLeft.x + bottomRight.x) / 2, 900, 40);
    EXPECT_NEAR((topLeft.y + bottomRight.y) / 2, 500, 60);
    EXPECT_GT(bottomRight.x - topLeft.x, 150) << "the box is not in full-frame coordinates";
}

TEST(PresenterDetector, AColourFrameAsTheCliGivesIsJudgedLikeLuma)
{
    PresenterDetector detector;
    cv::Mat bgra;
    cv::cvtColor(roomWithFace(cv::Size(1280, 720), cv::Point(640, 330), 180), bgra, cv::COLOR_GRAY2BGRA);
    EXPECT_EQ(ofCategory(detector.detect(Frame::fromMat(bgra)), "person").size(), 1u);
}

TEST(PresenterDetector, AnEmptyRoomHasNoPresenter)
{
    PresenterDetector detector;
    for (int run = 0; run < 5; ++run) {
        const auto detections = detector.detect(
            Frame::fromMat(test::emptyRoom(kFullHd, 3u + static_cast<unsigned>(run)), Millis{run * 500}));
        EXPECT_TRUE(detections.empty());
        EXPECT_FALSE(detector.present());
    }
}

TEST(PresenterDetector, OneFrameWithoutTheFaceDoesNotFlipToAbsentButALongAbsenceDoes)
{
    PresenterDetector detector;
    const cv::Mat present = roomWithFace(cv::Size(1280, 720), cv::Point(640, 330), 180);
    const cv::Mat empty = test::emptyRoom(cv::Size(1280, 720));
    Millis t{0};
    auto run = [&](const cv::Mat& picture) {
        const auto people = ofCategory(detector.detect(Frame::fromMat(picture, t)), "person");
        t += detector.cadence();
        return people.size() == 1 && detector.present();
    };
    ASSERT_TRUE(run(present));
    ASSERT_TRUE(run(present));
    EXPECT_TRUE(run(empty)) << "one missed frame flipped the presenter to absent";
    EXPECT_TRUE(run(present));
    int absentAfterRuns = 0;
    for (int i = 1; i <= 20 && absentAfterRuns == 0; ++i)
        if (!run(empty))
            absentAfterRuns = i;
    EXPECT_GE(absentAfterRuns, 2) << "absent after a single missed run";
    EXPECT_GT(absentAfterRuns, 0) << "an empty room never became absent";
    EXPECT_LE(Millis{absentAfterRuns * detector.cadence().count()},
              PresenterDetectorSettings{}.memory.graceHold + 2 * detector.cadence());
}

TEST(PresenterDetector, ATurnedHeadThatKeepsMovingStaysPresentForTheEvidenceHoldOnly)
{
    PresenterDetectorSettings settings;
    settings.memory.evidenceHold = 10s;
    PresenterDetector detector(settings);
    const cv::Size size(1280, 720);
    Millis t{0};
    ASSERT_FALSE(ofCategory(detector.detect(Frame::fromMat(roomWithFace(size, {640, 330}, 180), t)), "person")
                     .empty());
    int presentRuns = 0;
    int runs = 0;
    std::string labels;
    for (t = settings.cadence; t <= 20s; t += settings.cadence, ++runs) {
        cv::Mat turned = test::emptyRoom(size);
        // The back of the head, swaying a little from run to run.
        test::drawBackOfHead(turned, cv::Point(640 + (runs % 2 == 0 ? 12 : -12), 330), 180);
        const auto people = ofCategory(detector.detect(Frame::fromMat(turned, t)), "person");
        if (!people.empty() && t <= settings.memory.evidenceHold) {
            ++presentRuns;
            labels += people[0].label + " ";
        }
        if (t > settings.memory.evidenceHold + settings.memory.graceHold + settings.cadence) {
            EXPECT_TRUE(people.empty()) << "still present at " << t.count() << " ms with no face for so long";
        }
    }
    const auto runsInHold = static_cast<int>(settings.memory.evidenceHold / settings.cadence);
    EXPECT_EQ(presentRuns, runsInHold) << "labels: " << labels;
}

TEST(PresenterDetector, AFaceLeavingTheFrameTakesThePresenterAway)
{
    PresenterDetector detector;
    Millis t{0};
    for (int run = 0; run < 4; ++run, t += detector.cadence())
        detector.detect(Frame::fromMat(roomWithFace(cv::Size(1280, 720), {640, 330}, 180), t));
    ASSERT_TRUE(detector.present());
    // A still, empty room: no face, no look-alike of the head, no motion.
    const cv::Mat empty = test::emptyRoom(cv::Size(1280, 720));
    for (int run = 0; run < 10; ++run, t += detector.cadence())
        detector.detect(Frame::fromMat(empty, t));
    EXPECT_FALSE(detector.present());
}

} // namespace
} // namespace cg
