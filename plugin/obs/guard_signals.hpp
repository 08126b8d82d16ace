#pragma once

#include "obs/guard_service.hpp"

namespace cg::obs {

// The guard's procs and signals on libobs's global handlers (guard_api.hpp), and the vendor of
// obs-websocket. The procs answer only while a service is attached.
void declareGuardSignals();
void attachGuardProcs(GuardService* service);
void detachGuardProcs();
// Registers the obs-websocket vendor and its requests; call from obs_module_post_load, when
// obs-websocket is loaded. Without obs-websocket the guard works without a vendor.
void registerWebsocketVendor();
// Sends every service change out as signals and vendor events.
GuardService::Publisher makeGuardPublisher();

} // namespace cg::obs
