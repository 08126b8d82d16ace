// The five-minute rules of the shipped Alibaba.com pack, driven on an injected clock by the real
// detectors (presenter, static picture) and the real audio meter: each timer goes through notice,
// warning, critical and breach at the pack's times, and brief interruptions neither reset a timer nor
// open a finding.
#include "core/activity/static_picture_detector.hpp"
#include "core/analyzer.hpp"
#include "core/audio_level.hpp"
#include "core/finding_tracker.hpp"
#include "core/presence/presenter_detector.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "unit/activity/generated_scenes.hpp"
#include "unit/presence/drawn_face.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <numbers>
#include <vector>

namespace cg {
namespace {

using namespace std::chrono_literals;

// The state each rule's finding had at each moment, on a clock that only the test moves.
class RuleTimeline {
  public:
    explicit RuleTimeline(const std::string& packId)
        : tracker_(loadRulePack(test::shippedRulesDir() / (packId + ".json")), clock_)
    {
    }

    // Feeds results every `step` from `from` to `to` (exclusive).
    void run(Millis from, Millis to, Millis step, const std::function<AnalysisResult(Millis)>& resultAt)
    {
        for (Millis t = from; t < to; t += step) {
            clock_.set(t);
            for (const FindingEvent& event : tracker_.observe(resultAt(t)))
                events_.push_back(event);
            for (const FindingEvent& event : tracker_.tick())
                events_.push_back(event);
            for (const Finding& open : tracker_.openFindings())
                states_[open.ruleId][t] = open.state;
        }
    }

    // The state of `ruleId`'s finding at t (Clear when none was open).
    [[nodiscard]] FindingState stateAt(const std::string& ruleId, Millis t) const
    {
        const auto rule = states_.find(ruleId);
        if (rule == states_.end())
            return FindingState::Clear;
        const auto at = rule->second.find(t);
        return at == rule->second.end() ? FindingState::Clear : at->second;
    }
    // When the finding of `ruleId` first reached `state`.
    [[nodiscard]] std::optional<Millis> reached(const std::string& ruleId, FindingState state) const
    {
        const auto rule = states_.find(ruleId);
        if (rule == states_.end())
            return std::nullopt;
        for (const auto& [t, seen] : rule->second)
            if (seen >= state)
                return t;
        return std::nullopt;
    }
    [[nodiscard]] int openings(const std::string& ruleId) const
    {
        int count = 0;
        for (const FindingEvent& event : events_)
            count += event.change == FindingChange::Opened && event.finding.ruleId == ruleId ? 1 : 0;
        return count;
    }

  private:
    ManualClock clock_;
    FindingTracker tracker_;
    std::vector<FindingEvent> events_;
    std::map<std::string, std::map<Millis, FindingState>> states_;
};

// The pack's thresholds, in order, reached within `slack` after `start` plus each threshold.
void expectStates(const RuleTimeline& timeline, const std::string& ruleId, Millis start, Millis slack)
{
    const std::pair<FindingState, Millis> due[] = {{FindingState::Notice, 60s},
                                                   {FindingState::Warning, 180s},
                                                   {FindingState::Critical, 240s},
                                                   {FindingState::Breach, 300s}};
    for (const auto& [state, after] : due) {
        const std::optional<Millis> at = timeline.reached(ruleId, state);
        ASSERT_TRUE(at) << ruleId << " never reached " << toString(state);
        EXPECT_GE(*at, start + after) << ruleId << ": " << toString(state) << " too early";
        EXPECT_LE(*at, start + after + slack) << ruleId << ": " << toString(state) << " too late";
    }
}

const cv::Size kCamera{1280, 720};

template <typename Only> std::vector<std::unique_ptr<Detector>> detectorsOnly()
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<Only>());
    return detectors;
}

cv::Mat presenterAtDesk()
{
    cv::Mat room = test::emptyRoom(kCamera);
    test::drawFace(room, {640, 300}, 180);
    return room;
}

// The presenter detector's result for one camera picture at time t.
AnalysisResult presenterResult(Analyzer& analyzer, const cv::Mat& picture, Millis t)
{
    return analyzer.step(Frame::fromMat(picture, t));
}

TEST(RuleTimers, PresenterGoneFiveMinutesGoesThroughEveryStateToBreach)
{
    Analyzer analyzer(detectorsOnly<PresenterDetector>());
    RuleTimeline timeline("alibaba");
    const cv::Mat atDesk = presenterAtDesk();
    const cv::Mat empty = test::emptyRoom(kCamera);
    timeline.run(0s, 10s, 500ms, [&](Millis t) { return presenterResult(analyzer, atDesk, t); });
    timeline.run(10s, 320s, 500ms, [&](Millis t) { return presenterResult(analyzer, empty, t); });
    // Absence is judged a few runs after the last face (PresenceMemory's grace), then timed.
    expectStates(timeline, "presenter_not_seen", 10s, 4s);
    EXPECT_EQ(timeline.openings("presenter_not_seen"), 1);
}

TEST(RuleTimers, AOneFrameMissOfThePresenterOpensNothing)
{
    Analyzer analyzer(detectorsOnly<PresenterDetector>());
    RuleTimeline timeline("alibaba");
    const cv::Mat atDesk = presenterAtDesk();
    const cv::Mat empty = test::emptyRoom(kCamera);
    // Every 20 s one picture without the face (a glitch, a hand over the lens).
    timeline.run(0s, 180s, 500ms, [&](Millis t) {
        return presenterResult(analyzer, t.count() % 20'000 == 10'000 ? empty : atDesk, t);
    });
    EXPECT_EQ(timeline.openings("presenter_not_seen"), 0);
}

TEST(RuleTimers, APresenterWhoLooksInForAMomentDoesNotResetTheAbsenceTimer)
{
    Analyzer analyzer(detectorsOnly<PresenterDetector>());
    RuleTimeline timeline("alibaba");
    const cv::Mat atDesk = presenterAtDesk();
    const cv::Mat empty = test::emptyRoom(kCamera);
    timeline.run(0s, 10s, 500ms, [&](Millis t) { return presenterResult(analyzer, atDesk, t); });
    timeline.run(10s, 200s, 500ms, [&](Millis t) { return presenterResult(analyzer, empty, t); });
    timeline.run(200s, 201s, 500ms, [&](Millis t) { return presenterResult(analyzer, atDesk, t); });
    timeline.run(201s, 320s, 500ms, [&](Millis t) { return presenterResult(analyzer, empty, t); });
    // Shorter than the rule's clear_after_s: the five minutes still count from 10 s.
    expectStates(timeline, "presenter_not_seen", 10s, 4s);
    EXPECT_EQ(timeline.openings("presenter_not_seen"), 1);
}

AnalysisResult unregisteredFace(bool seen)
{
    AnalysisResult result;
    result.detectorsRun = {std::string(PresenterDetector::kId)};
    result.categoriesChecked = {std::string(PresenterDetector::kPersonCategory),
                                std::string(PresenterDetector::kUnregisteredCategory)};
    result.detections.push_back(Detection{"presenter", "person", "face", 1.0f, {}, {}});
    if (seen)
        result.detections.push_back(Detection{"presenter", "unregistered_presenter", "face", 1.0f, {}, {}});
    return result;
}

TEST(RuleTimers, SomeoneElsePresentingFiveMinutesBreachesAndAGlanceAwayDoesNotReset)
{
    RuleTimeline timeline("alibaba");
    timeline.run(0s, 100s, 1s, [](Millis) { return unregisteredFace(true); });
    timeline.run(100s, 103s, 1s, [](Millis) { return unregisteredFace(false); }); // looked away 3 s
    timeline.run(103s, 310s, 1s, [](Millis) { return unregisteredFace(true); });
    // The pack warns from 30 s on; the platform's five minutes end in breach.
    EXPECT_EQ(timeline.reached("someone_else_presenting", FindingState::Notice), 30s);
    EXPECT_EQ(timeline.reached("someone_else_presenting", FindingState::Warning), 180s);
    EXPECT_EQ(timeline.reached("someone_else_presenting", FindingState::Critical), 240s);
    EXPECT_EQ(timeline.reached("someone_else_presenting", FindingState::Breach), 300s);
    EXPECT_EQ(timeline.openings("someone_else_presenting"), 1);
}

TEST(RuleTimers, AStillPictureForFiveMinutesBreachesAndAKeyframeBlipDoesNotReset)
{
    Analyzer analyzer(detectorsOnly<StaticPictureDetector>());
    RuleTimeline timeline("alibaba");
    const cv::Mat still = scenes::texturedStill(kCamera, 11);
    cv::RNG rng(3);
    timeline.run(0s, 310s, 500ms, [&](Millis t) {
        // Sensor noise throughout; at 150 s one frame a little brighter, as an encoder keyframe is.
        const cv::Mat picture = t == 150s ? scenes::withGain(still, 1.02) : still;
        return analyzer.step(scenes::colourFrame(scenes::withSensorNoise(picture, 3, rng), t));
    });
    // The first run has nothing to compare with: the still stretch starts at the second.
    expectStates(timeline, "static_picture", 500ms, 1s);
    EXPECT_EQ(timeline.openings("static_picture"), 1);
}

// One second of the program mix: a voice talks in bursts; a quiet room hums.
AudioLevelMeter::Window secondOfAudio(AudioLevelMeter& meter, bool talking, bool cough = false)
{
    for (int block = 0; block < 47; ++block) {
        const bool loud = (talking && block % 5 < 3) || (cough && block == 20);
        std::vector<float> samples(1024);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] = (loud ? 0.1f : 0.002f) * std::sin(2.0f * std::numbers::pi_v<float> * 220.0f *
                                                           static_cast<float>(i) / 48000.0f);
        meter.addSamples(samples.data(), samples.size());
    }
    return meter.takeWindow();
}

TEST(RuleTimers, NobodySpeakingForFiveMinutesBreachesAndACoughOrAWordDoesNotReset)
{
    AudioLevelMeter meter;
    RuleTimeline timeline("alibaba");
    timeline.run(0s, 310s, 1s, [&](Millis t) {
        const bool word = t >= 150s && t < 152s; // two seconds of someone saying something off-mic
        const bool cough = t == 100s;
        return speechResult(secondOfAudio(meter, word, cough), {});
    });
    EXPECT_EQ(timeline.reached("no_interaction", FindingState::Notice), 60s);
    EXPECT_EQ(timeline.reached("no_interaction", FindingState::Warning), 180s);
    EXPECT_EQ(timeline.reached("no_interaction", FindingState::Critical), 240s);
    EXPECT_EQ(timeline.reached("no_interaction", FindingState::Breach), 300s);
    EXPECT_EQ(timeline.openings("no_interaction"), 1);
}

} // namespace
} // namespace cg
