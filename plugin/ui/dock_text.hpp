#pragma once

#include <QString>

namespace cg::ui {

// The module's translation of a ComplianceGuard.Dock.* key (obs_module_text), as a QString.
QString dockText(const char* key);

} // namespace cg::ui
