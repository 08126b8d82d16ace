#pragma once

#include "obs/guard_service.hpp"

namespace cg::obs {

// Streaming, recording, scene switches and exit, as the guard's sessions and record see them;
// also logs "[compliance-guard] ready" once the scene collection has loaded.
void watchFrontendEvents(GuardService* service);
void stopWatchingFrontendEvents();

} // namespace cg::obs
