#pragma once

#include "core/finding.hpp"

#include <string>

namespace cg {

struct ReportColour {
    unsigned char red = 0;
    unsigned char green = 0;
    unsigned char blue = 0;
    [[nodiscard]] std::string hex() const;
};

// The colours of the dock's states (plugin/ui/state_colors.cpp, which is Qt and cannot be shared with
// the core): keep the two in step.
ReportColour stateColour(FindingState state);
// Text drawn on stateColour(state).
ReportColour stateTextColour(FindingState state);

} // namespace cg
