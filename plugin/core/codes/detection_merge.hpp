#pragma once

#include "core/detection.hpp"

#include <vector>

namespace cg::codes {

// Adds `detection` unless the same code (same label and text, overlapping place) is already there,
// as happens when several passes read the same symbol.
void addUnlessDuplicate(std::vector<Detection>& detections, Detection detection);

} // namespace cg::codes
