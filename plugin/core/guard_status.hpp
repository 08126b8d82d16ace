#pragma once

#include "core/finding.hpp"
#include "core/finding_tracker.hpp"

#include <cstdint>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>

namespace cg {

// A finding change as the dock lists it under "recent".
struct RecentFinding {
    FindingEvent event;
    std::int64_t utcMillis = 0;
    std::string evidencePath; // absolute path of the evidence picture, empty until written
    nlohmann::json seen;      // seenJson() of the finding, taken while its evidence frame was at hand
};

// The parts of the guard's status (plugin/obs/guard_api.hpp) that come from the core.
nlohmann::json ruleRowsJson(const FindingTracker& tracker, Millis now);
nlohmann::json recentJson(const std::deque<RecentFinding>& recent, const RulePack& pack);
FindingState worstOpenState(const FindingTracker& tracker);
// What was seen, item by item, for the dock to put in words in its own language: category, label,
// text and framePosition() of at most three distinct detections of the finding's evidence.
nlohmann::json seenJson(const Finding& finding);
// What was seen, in a few words: the decoded text of a code, or the detection's label.
std::string detailOf(const std::vector<Detection>& detections);

} // namespace cg
