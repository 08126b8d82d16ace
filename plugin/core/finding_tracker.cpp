#include "core/finding_tracker.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cg {

namespace {

Millis seconds(double s)
{
    return Millis{static_cast<Millis::rep>(std::llround(s * 1000.0))};
}

FindingState stateAfter(Millis lasted, const RuleThresholds& t)
{
    if (lasted >= seconds(t.limitS))
        return FindingState::Breach;
    if (lasted >= seconds(t.criticalAfterS))
        return FindingState::Critical;
    if (lasted >= seconds(t.warnAfterS))
        return FindingState::Warning;
    if (lasted >= seconds(t.noticeAfterS))
        return FindingState::Notice;
    return FindingState::Clear;
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool watches(const Rule& rule, const Detection& detection)
{
    return detection.category == rule.category &&
           (rule.labels.empty() || contains(rule.labels, detection.label));
}

float strength(const std::vector<Detection>& detections)
{
    return std::accumulate(detections.begin(), detections.end(), 0.0f,
                           [](float sum, const Detection& d) { return sum + d.confidence; });
}

// Findings outlive the frame they were seen in, and analysed frames may come from a small pool
// that must not be pinned, so evidence gets its own copy (only when the evidence changes).
Frame keepable(const Frame& frame)
{
    return frame.deepCopy();
}

} // namespace

FindingTracker::FindingTracker(RulePack pack, const Clock& clock) : pack_(std::move(pack)), clock_(clock)
{
    for (const Rule& rule : pack_.rules)
        tracks_[rule.id];
}

std::vector<FindingEvent> FindingTracker::observe(const AnalysisResult& result)
{
    const Millis now = clock_.now();
    for (const Rule& rule : pack_.rules) {
        if (!contains(result.categoriesChecked, rule.category))
            continue;
        std::vector<Detection> seen;
        std::copy_if(result.detections.begin(), result.detections.end(), std::back_inserter(seen),
                     [&](const Detection& d) { return watches(rule, d); });
        const bool holds = (rule.trigger == Trigger::Present) == !seen.empty();
        RuleTrack& track = tracks_[rule.id];
        if (!holds) {
            if (!track.conditionGoneSince)
                track.conditionGoneSince = now;
            continue;
        }
        track.conditionGoneSince.reset();
        if (!track.conditionSince)
            track.conditionSince = now;
        if (track.open) {
            track.open->lastSeenAt = now;
            if (strength(seen) > track.open->evidenceConfidence || track.open->evidenceFrame.empty()) {
                track.open->evidence = std::move(seen);
                track.open->evidenceFrame = keepable(result.frame);
                track.open->evidenceConfidence = strength(track.open->evidence);
            }
        } else if (track.pendingFrame.empty() || strength(seen) > strength(track.pendingEvidence)) {
            track.pendingEvidence = std::move(seen);
            track.pendingFrame = keepable(result.frame);
        }
    }
    return advance(now);
}

void FindingTracker::closeFinding(RuleTrack& track, Millis now, std::vector<FindingEvent>& events)
{
    if (!track.open)
        return;
    const FindingState previous = track.open->state;
    track.open->state = FindingState::Clear;
    track.open->clearedAt = now;
    track.open->escalatedAt = now;
    events.push_back({FindingChange::Cleared, *track.open, previous});
    track.open.reset();
}

std::vector<FindingEvent> FindingTracker::tick()
{
    return advance(clock_.now());
}

std::vector<FindingEvent> FindingTracker::advance(Millis now)
{
    std::vector<FindingEvent> events;
    for (const Rule& rule : pack_.rules) {
        RuleTrack& track = tracks_[rule.id];
        const RuleThresholds& limits = rule.thresholds;
        if (track.conditionGoneSince && now - *track.conditionGoneSince >= seconds(limits.clearAfterS)) {
            closeFinding(track, now, events);
            track = RuleTrack{};
            continue;
        }
        // Through a gap shorter than clear_after_s a finding holds its state without escalating.
        if (!track.conditionSince || track.conditionGoneSince)
            continue;
        const FindingState due = stateAfter(now - *track.conditionSince, limits);
        if (!track.open) {
            if (due == FindingState::Clear)
                continue;
            Finding finding;
            finding.ruleId = rule.id;
            finding.state = due;
            finding.openedAt = *track.conditionSince;
            finding.escalatedAt = now;
            finding.lastSeenAt = now;
            finding.evidence = std::move(track.pendingEvidence);
            finding.evidenceFrame = std::move(track.pendingFrame);
            finding.evidenceConfidence = strength(finding.evidence);
            track.pendingEvidence.clear();
            track.open = std::move(finding);
            events.push_back({FindingChange::Opened, *track.open, FindingState::Clear});
        } else if (due > track.open->state) {
            FindingState previous = track.open->state;
            track.open->state = due;
            track.open->escalatedAt = now;
            events.push_back({FindingChange::Changed, *track.open, previous});
        }
    }
    return events;
}

std::vector<FindingEvent> FindingTracker::clearAll()
{
    std::vector<std::string> everyCategory;
    for (const Rule& rule : pack_.rules)
        everyCategory.push_back(rule.category);
    return stopWatching(everyCategory);
}

std::vector<FindingEvent> FindingTracker::stopWatching(const std::vector<std::string>& categories)
{
    const Millis now = clock_.now();
    std::vector<FindingEvent> events;
    for (const Rule& rule : pack_.rules) {
        if (!contains(categories, rule.category))
            continue;
        RuleTrack& track = tracks_[rule.id];
        closeFinding(track, now, events);
        track = RuleTrack{};
    }
    return events;
}

std::vector<FindingTracker::RuleStatus> FindingTracker::ruleStatuses() const
{
    std::vector<RuleStatus> statuses;
    for (const Rule& rule : pack_.rules) {
        const RuleTrack& track = tracks_.at(rule.id);
        statuses.push_back({&rule, track.conditionSince, track.conditionGoneSince.has_value(), track.open});
    }
    return statuses;
}

std::vector<Finding> FindingTracker::openFindings() const
{
    std::vector<Finding> open;
    for (const Rule& rule : pack_.rules)
        if (const auto& track = tracks_.at(rule.id); track.open)
            open.push_back(*track.open);
    return open;
}

Millis FindingTracker::timeToLimit(const std::string& ruleId) const
{
    const Rule* rule = pack_.findRule(ruleId);
    const auto found = tracks_.find(ruleId);
    if (rule == nullptr || found == tracks_.end() || !found->second.conditionSince)
        return Millis{0};
    const Millis left = seconds(rule->thresholds.limitS) - (clock_.now() - *found->second.conditionSince);
    return std::max(left, Millis{0});
}

} // namespace cg
