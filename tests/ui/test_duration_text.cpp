#include "ui/duration_text.hpp"

#include <gtest/gtest.h>

namespace cg::ui {
namespace {

TEST(DurationText, ShowsMinutesAndSecondsRoundedDownForTimeSeen)
{
    EXPECT_EQ(elapsedText(0), "0:00");
    EXPECT_EQ(elapsedText(12.5), "0:12");
    EXPECT_EQ(elapsedText(192), "3:12");
    EXPECT_EQ(elapsedText(300), "5:00");
    EXPECT_EQ(elapsedText(3725), "1:02:05");
}

TEST(DurationText, RoundsTheCountdownUpSoZeroMeansTheLimitIsReached)
{
    EXPECT_EQ(remainingText(287.5), "4:48");
    EXPECT_EQ(remainingText(0.2), "0:01");
    EXPECT_EQ(remainingText(0), "0:00");
    EXPECT_EQ(remainingText(-3), "0:00");
}

TEST(DurationText, AdvancesTheTimersSinceTheStatusAndStopsTheCountdownAtZero)
{
    const LiveTimers later = advanceTimers(192, 108, 3);
    EXPECT_DOUBLE_EQ(later.seenForS, 195);
    EXPECT_DOUBLE_EQ(later.timeToLimitS, 105);
    const LiveTimers past = advanceTimers(192, 108, 200);
    EXPECT_DOUBLE_EQ(past.timeToLimitS, 0);
}

} // namespace
} // namespace cg::ui
