#include "core/presence/presence_memory.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

using namespace std::chrono_literals;

const cv::Rect2f kBox(100, 80, 60, 60);

TEST(PresenceMemory, AFaceMakesThePresenterPresentAtOnce)
{
    PresenceMemory memory;
    const auto judgement = memory.observe(0ms, PresenceCue::Face, kBox);
    EXPECT_TRUE(judgement.present);
    EXPECT_EQ(judgement.cue, PresenceCue::Face);
    EXPECT_EQ(judgement.box, kBox);
}

TEST(PresenceMemory, OneMissedRunBetweenFacesNeverFlipsToAbsent)
{
    PresenceMemory memory;
    memory.observe(0ms, PresenceCue::Face, kBox);
    memory.observe(1000ms, PresenceCue::Face, kBox);
    const auto missed = memory.observe(2000ms, PresenceCue::None);
    EXPECT_TRUE(missed.present);
    EXPECT_TRUE(missed.held);
    EXPECT_EQ(missed.box, kBox);
    EXPECT_TRUE(memory.observe(3000ms, PresenceCue::Face, kBox).present);
}

TEST(PresenceMemory, OneMissedRunIsHeldEvenWhenRunsAreFarApart)
{
    PresenceMemory memory;
    memory.observe(0ms, PresenceCue::Face, kBox);
    EXPECT_TRUE(memory.observe(20s, PresenceCue::None).present)
        << "a single miss must not flip, whatever the cadence";
    EXPECT_FALSE(memory.observe(40s, PresenceCue::None).present);
}

TEST(PresenceMemory, ALongAbsenceBecomesAbsentAfterTheGrace)
{
    PresenceMemorySettings settings;
    PresenceMemory memory(settings);
    memory.observe(0ms, PresenceCue::Face, kBox);
    bool present = true;
    Millis absentFrom{0};
    for (Millis t = 500ms; t <= 10s && present; t += 500ms) {
        present = memory.observe(t, PresenceCue::None).present;
        absentFrom = t;
    }
    EXPECT_FALSE(present);
    EXPECT_GT(absentFrom, settings.graceHold);
    EXPECT_LE(absentFrom, settings.graceHold + 500ms);
}

TEST(PresenceMemory, WeakCuesCountOnlyAfterAFace)
{
    PresenceMemory memory;
    EXPECT_FALSE(memory.observe(0ms, PresenceCue::Motion, kBox).present);
    EXPECT_FALSE(memory.observe(500ms, PresenceCue::Tracked, kBox).present);
    EXPECT_TRUE(memory.observe(1000ms, PresenceCue::Profile, kBox).present) << "a profile face is a face";
}

TEST(PresenceMemory, WeakCuesKeepThePresenterOnlyForTheEvidenceHold)
{
    PresenceMemorySettings settings;
    settings.evidenceHold = 10s;
    PresenceMemory memory(settings);
    memory.observe(0ms, PresenceCue::Face, kBox);
    for (Millis t = 1s; t <= 10s; t += 1s) {
        const auto judgement = memory.observe(t, PresenceCue::Motion, kBox);
        ASSERT_TRUE(judgement.present) << "at " << t.count() << " ms";
        EXPECT_EQ(judgement.cue, PresenceCue::Motion);
    }
    bool present = true;
    Millis t = 11s;
    for (; t <= 30s && present; t += 1s)
        present = memory.observe(t, PresenceCue::Motion, kBox).present;
    EXPECT_FALSE(present) << "motion alone kept the presenter for ever";
    EXPECT_LE(t, settings.evidenceHold + settings.graceHold + 2s);
}

TEST(PresenceMemory, AFaceAfterAbsenceIsPresentAgainAndTheBoxFollows)
{
    PresenceMemory memory;
    memory.observe(0ms, PresenceCue::Face, kBox);
    for (Millis t = 1s; t <= 10s; t += 1s)
        memory.observe(t, PresenceCue::None);
    ASSERT_FALSE(memory.last().present);
    const cv::Rect2f moved(300, 90, 64, 64);
    const auto back = memory.observe(11s, PresenceCue::Face, moved);
    EXPECT_TRUE(back.present);
    EXPECT_EQ(back.box, moved);
}

} // namespace
} // namespace cg
