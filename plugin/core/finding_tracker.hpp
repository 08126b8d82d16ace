#pragma once

#include "core/analyzer.hpp"
#include "core/clock.hpp"
#include "core/finding.hpp"
#include "core/rules/rule_pack.hpp"

#include <map>
#include <vector>

namespace cg {

// Turns detections over time into findings with the states and thresholds of a rule pack.
// A finding opens when its condition first holds, escalates as the condition lasts past each
// threshold, holds its state through gaps shorter than clear_after_s, and clears after a gap that
// long. Not thread-safe: one owner feeds it results and ticks.
class FindingTracker {
  public:
    FindingTracker(RulePack pack, const Clock& clock);

    // Feeds one analysis result at the clock's current time; returns what changed.
    std::vector<FindingEvent> observe(const AnalysisResult& result);
    // Advances time without a new result: escalations and clearings that are due.
    std::vector<FindingEvent> tick();
    // Closes every open finding (end of session).
    std::vector<FindingEvent> clearAll();

    // Ends watching these categories (their scene left the program output): open findings of
    // their rules clear now instead of after clear_after_s, and pending conditions are forgotten.
    std::vector<FindingEvent> stopWatching(const std::vector<std::string>& categories);

    [[nodiscard]] std::vector<Finding> openFindings() const;

    // Where each rule stands: for the dock's rows and countdowns.
    struct RuleStatus {
        const Rule* rule = nullptr;
        std::optional<Millis> conditionSince; // the condition has held (through short gaps) since then
        bool inGap = false;                   // not seen right now, but not yet long enough to clear
        std::optional<Finding> open;
    };
    [[nodiscard]] std::vector<RuleStatus> ruleStatuses() const;
    [[nodiscard]] const RulePack& pack() const { return pack_; }
    // Time until a finding of this rule reaches the pack's limit; 0 when reached or not open.
    [[nodiscard]] Millis timeToLimit(const std::string& ruleId) const;

  private:
    struct RuleTrack {
        std::optional<Finding> open;
        std::optional<Millis> conditionSince; // condition holding without a gap since then
        std::optional<Millis> conditionGoneSince;
        // What was seen while the condition had not yet lasted long enough to open a finding.
        std::vector<Detection> pendingEvidence;
        Frame pendingFrame;
    };

    std::vector<FindingEvent> advance(Millis now);
    static void closeFinding(RuleTrack& track, Millis now, std::vector<FindingEvent>& events);

    RulePack pack_;
    const Clock& clock_;
    std::map<std::string, RuleTrack> tracks_;
};

} // namespace cg
