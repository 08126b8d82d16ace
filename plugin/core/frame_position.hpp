#pragma once

#include "core/detection.hpp"

#include <string_view>
#include <vector>

namespace cg {

// Where a shape sits in the frame, on a 3x3 grid, by the centre of its bounding box: "upper_left",
// "top", "upper_right", "left", "centre", "right", "lower_left", "bottom", "lower_right". The names are
// keys (the dock and the report translate them); "" for an empty polygon or frame.
std::string_view framePosition(const std::vector<Point>& polygon, int frameWidth, int frameHeight);

} // namespace cg
