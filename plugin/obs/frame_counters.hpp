#pragma once

#include "core/layout/frame_health.hpp"

#include <optional>

namespace cg::obs {

// Frames the active stream outputs dropped, out of the frames they were given (added up when
// several streams run); empty while no stream output is active. What OBS's Stats dock shows as
// "Frames dropped (network)".
std::optional<FrameCounts> streamFrameCounts();

// Frames OBS missed because rendering lagged, out of all rendered: "Frames missed due to rendering
// lag" in the Stats dock.
FrameCounts renderFrameCounts();

} // namespace cg::obs
