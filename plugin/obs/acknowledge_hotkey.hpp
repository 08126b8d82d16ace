#pragma once

#include "obs/guard_service.hpp"

#include <filesystem>

namespace cg::obs {

// A hotkey (Settings > Hotkeys, "Compliance Guard: acknowledge warning") that acknowledges the
// current warning; the acknowledgement is recorded. Bindings persist in bindingsFile.
void registerAcknowledgeHotkey(GuardService* service, const std::filesystem::path& bindingsFile);
void saveAndUnregisterAcknowledgeHotkey();

} // namespace cg::obs
