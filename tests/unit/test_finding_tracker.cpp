#include "core/finding_tracker.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

using namespace std::chrono_literals;

Rule makeRule(std::string id, std::string category, Trigger trigger, RuleThresholds thresholds)
{
    Rule rule;
    rule.id = std::move(id);
    rule.category = std::move(category);
    rule.trigger = trigger;
    rule.thresholds = thresholds;
    return rule;
}

RulePack packOf(std::vector<Rule> rules)
{
    RulePack pack;
    pack.id = "test";
    pack.rules = std::move(rules);
    return pack;
}

// An analysis result in which the detector for `category` ran and saw it `count` times.
AnalysisResult sighting(const std::string& category, int count, Millis time = 0ms)
{
    AnalysisResult result;
    result.frame =
        Frame::fromMat(cv::Mat(4, 4, CV_8UC1, cv::Scalar(static_cast<int>(time.count() % 256))), time);
    result.categoriesChecked = {category};
    for (int i = 0; i < count; ++i)
        result.detections.push_back(
            Detection{"test", category, category, 1.0f, {{0, 0}, {1, 0}, {1, 1}}, "x"});
    return result;
}

const RuleThresholds fiveMinutes{60, 180, 240, 300, 10};

TEST(FindingTracker, AQrCodeRuleWithZeroThresholdsBreachesAtOnce)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("qr", "qr_code", Trigger::Present, {0, 0, 0, 0, 3})}), clock);
    clock.set(1500ms);
    const auto events = tracker.observe(sighting("qr_code", 1));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].change, FindingChange::Opened);
    EXPECT_EQ(events[0].finding.state, FindingState::Breach);
    EXPECT_EQ(events[0].finding.openedAt, 1500ms);
    EXPECT_EQ(events[0].finding.evidence.size(), 1u);
    EXPECT_FALSE(events[0].finding.evidenceFrame.empty());
}

TEST(FindingTracker, ARuleWithLabelsWatchesOnlyThoseLabelsOfItsCategory)
{
    ManualClock clock;
    Rule contacts = makeRule("contacts", "text", Trigger::Present, {0, 0, 0, 0, 3});
    contacts.labels = {"phone", "wechat"};
    Rule claims = makeRule("claims", "text", Trigger::Present, {0, 0, 0, 0, 3});
    claims.labels = {"absolute_claim"};
    FindingTracker tracker(packOf({contacts, claims}), clock);

    AnalysisResult result;
    result.frame = Frame::fromMat(cv::Mat(4, 4, CV_8UC1, cv::Scalar(0)), 0ms);
    result.categoriesChecked = {"text"};
    result.detections.push_back(Detection{"text", "text", "wechat", 1.0f, {}, "VX abc123"});
    result.detections.push_back(Detection{"text", "text", "url", 1.0f, {}, "shop.example.com"});
    const auto events = tracker.observe(result);

    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].finding.ruleId, "contacts");
    ASSERT_EQ(events[0].finding.evidence.size(), 1u);
    EXPECT_EQ(events[0].finding.evidence[0].text, "VX abc123");
}

TEST(FindingTracker, AFiveMinuteAbsenceRuleGoesThroughEveryStateAndBack)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("presenter", "person", Trigger::Absent, fiveMinutes)}), clock);
    std::vector<FindingEvent> log;
    auto feed = [&](Millis at, bool personSeen) {
        clock.set(at);
        auto events = tracker.observe(sighting("person", personSeen ? 1 : 0, at));
        log.insert(log.end(), events.begin(), events.end());
    };

    feed(0s, true);
    for (Millis t = 1s; t <= 301s; t += 1s) // the presenter leaves at 1 s
        feed(t, false);
    ASSERT_EQ(log.size(), 4u);
    EXPECT_EQ(log[0].change, FindingChange::Opened);
    EXPECT_EQ(log[0].finding.state, FindingState::Notice);
    EXPECT_EQ(log[0].finding.openedAt, 1s);
    EXPECT_EQ(log[0].finding.escalatedAt, 61s);
    EXPECT_EQ(log[1].finding.state, FindingState::Warning);
    EXPECT_EQ(log[1].finding.escalatedAt, 181s);
    EXPECT_EQ(log[2].finding.state, FindingState::Critical);
    EXPECT_EQ(log[2].finding.escalatedAt, 241s);
    EXPECT_EQ(log[3].finding.state, FindingState::Breach);
    EXPECT_EQ(log[3].finding.escalatedAt, 301s);
    EXPECT_EQ(log[3].previousState, FindingState::Critical);

    // Back: the presenter returns; the finding clears only after clear_after_s (10 s).
    log.clear();
    for (Millis t = 302s; t <= 312s; t += 1s)
        feed(t, true);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].change, FindingChange::Cleared);
    EXPECT_EQ(log[0].previousState, FindingState::Breach);
    EXPECT_EQ(log[0].finding.clearedAt, 312s);
    EXPECT_TRUE(tracker.openFindings().empty());
}

TEST(FindingTracker, CountdownToTheLimitFollowsTheClock)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("presenter", "person", Trigger::Absent, fiveMinutes)}), clock);
    EXPECT_EQ(tracker.timeToLimit("presenter"), 0ms) << "nothing to count down yet";
    clock.set(10s);
    tracker.observe(sighting("person", 0));
    clock.set(70s);
    tracker.tick();
    EXPECT_EQ(tracker.timeToLimit("presenter"), 240s);
    clock.set(400s);
    tracker.tick();
    EXPECT_EQ(tracker.timeToLimit("presenter"), 0ms);
    ASSERT_EQ(tracker.openFindings().size(), 1u);
    EXPECT_EQ(tracker.openFindings()[0].state, FindingState::Breach) << "tick escalates without new frames";
}

TEST(FindingTracker, AOneFrameMissNeitherResetsNorOpensAnything)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("presenter", "person", Trigger::Absent, fiveMinutes)}), clock);
    std::vector<FindingEvent> log;
    // Present every second for ten minutes, except one missed frame a minute.
    for (Millis t = 0s; t <= 600s; t += 1s) {
        clock.set(t);
        const bool missed = t.count() % 60000 == 30000;
        auto events = tracker.observe(sighting("person", missed ? 0 : 1, t));
        log.insert(log.end(), events.begin(), events.end());
    }
    EXPECT_TRUE(log.empty());

    // Absent for four minutes with one false sighting in the middle: the countdown is not reset.
    for (Millis t = 601s; t <= 841s; t += 1s) {
        clock.set(t);
        tracker.observe(sighting("person", t == 700s ? 1 : 0, t));
    }
    ASSERT_EQ(tracker.openFindings().size(), 1u);
    EXPECT_EQ(tracker.openFindings()[0].openedAt, 601s);
    EXPECT_EQ(tracker.openFindings()[0].state, FindingState::Critical);
}

TEST(FindingTracker, HoldsThroughShortGapsAndClearsAfterTheHysteresis)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("qr", "qr_code", Trigger::Present, {0, 0, 0, 0, 3})}), clock);
    clock.set(0s);
    tracker.observe(sighting("qr_code", 1));
    clock.set(2s);
    EXPECT_TRUE(tracker.observe(sighting("qr_code", 0)).empty());
    clock.set(4s);
    EXPECT_TRUE(tracker.observe(sighting("qr_code", 1)).empty()) << "a 2 s gap is shorter than clear_after_s";
    clock.set(5s);
    tracker.observe(sighting("qr_code", 0));
    clock.set(7900ms);
    EXPECT_TRUE(tracker.tick().empty());
    clock.set(8s);
    const auto events = tracker.tick();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].change, FindingChange::Cleared);
    EXPECT_EQ(events[0].finding.openedAt, 0s);
}

TEST(FindingTracker, IgnoresResultsFromDetectorsThatDidNotRun)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("presenter", "person", Trigger::Absent, {0, 0, 0, 0, 1})}),
                           clock);
    AnalysisResult otherDetectorOnly = sighting("qr_code", 0);
    EXPECT_TRUE(tracker.observe(otherDetectorOnly).empty())
        << "no person detector ran, so the absence of a person is unknown, not a finding";
}

TEST(FindingTracker, KeepsTheStrongestMomentAsEvidence)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("qr", "qr_code", Trigger::Present, {0, 0, 0, 0, 3})}), clock);
    tracker.observe(sighting("qr_code", 1, 0ms));
    clock.set(500ms);
    tracker.observe(sighting("qr_code", 3, 500ms));
    clock.set(1000ms);
    tracker.observe(sighting("qr_code", 2, 1000ms));
    const Finding finding = tracker.openFindings().at(0);
    EXPECT_EQ(finding.evidence.size(), 3u);
    EXPECT_EQ(finding.evidenceFrame.time(), 500ms);
    EXPECT_EQ(finding.lastSeenAt, 1000ms);
}

TEST(FindingTracker, ClearAllClosesEveryOpenFindingAtSessionEnd)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("qr", "qr_code", Trigger::Present, {0, 0, 0, 0, 3}),
                                   makeRule("bar", "barcode", Trigger::Present, {0, 0, 0, 0, 3})}),
                           clock);
    AnalysisResult both = sighting("qr_code", 1);
    both.categoriesChecked.push_back("barcode");
    both.detections.push_back(Detection{"test", "barcode", "EAN-13", 1.0f, {}, "4006381333931"});
    EXPECT_EQ(tracker.observe(both).size(), 2u);
    clock.set(42s);
    const auto closed = tracker.clearAll();
    ASSERT_EQ(closed.size(), 2u);
    for (const FindingEvent& event : closed) {
        EXPECT_EQ(event.change, FindingChange::Cleared);
        EXPECT_EQ(event.finding.clearedAt, 42s);
    }
    EXPECT_TRUE(tracker.openFindings().empty());
}

TEST(FindingState, RoundTripsThroughItsRecordName)
{
    for (FindingState state : {FindingState::Clear, FindingState::Notice, FindingState::Warning,
                               FindingState::Critical, FindingState::Breach})
        EXPECT_EQ(findingStateFromString(toString(state)), state);
    EXPECT_FALSE(findingStateFromString("bad").has_value());
}

} // namespace
} // namespace cg

namespace cg {
namespace {

TEST(FindingTracker, StopWatchingClearsAtOnceAndForgetsPendingConditions)
{
    ManualClock clock;
    FindingTracker tracker(packOf({makeRule("qr", "qr_code", Trigger::Present, {0, 0, 0, 0, 30}),
                                   makeRule("quiet", "silence", Trigger::Present, fiveMinutes)}),
                           clock);
    AnalysisResult both = sighting("qr_code", 1);
    both.categoriesChecked.push_back("silence");
    both.detections.push_back(Detection{"audio", "silence", "-70 dBFS", 1.0f, {}, {}});
    tracker.observe(both);
    clock.set(2s);
    const auto events = tracker.stopWatching({"qr_code"});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].change, FindingChange::Cleared);
    EXPECT_EQ(events[0].finding.clearedAt, 2s) << "no wait for clear_after_s: the scene is off air";
    const auto statuses = tracker.ruleStatuses();
    ASSERT_EQ(statuses.size(), 2u);
    EXPECT_FALSE(statuses[0].conditionSince.has_value());
    EXPECT_EQ(statuses[1].conditionSince, 0s) << "other categories are untouched";
}

} // namespace
} // namespace cg
