#pragma once

#include "core/detection.hpp"
#include "core/frame.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

enum class FindingState { Clear, Notice, Warning, Critical, Breach };

std::string_view toString(FindingState state);
std::optional<FindingState> findingStateFromString(std::string_view text);

// A rule's condition over time (DESIGN.md section 5). Times are on the session timeline.
struct Finding {
    std::string ruleId;
    FindingState state = FindingState::Clear;
    Millis openedAt{0};    // when the condition was first seen
    Millis escalatedAt{0}; // when the current state was reached
    std::optional<Millis> clearedAt;
    Millis lastSeenAt{0}; // last time the condition held
    // The evidence of the strongest moment: the detections and the frame they were seen in.
    std::vector<Detection> evidence;
    Frame evidenceFrame;
    float evidenceConfidence = 0;
};

enum class FindingChange { Opened, Changed, Cleared };

std::string_view toString(FindingChange change);

struct FindingEvent {
    FindingChange change;
    Finding finding; // the state after the change
    FindingState previousState = FindingState::Clear;
};

} // namespace cg
