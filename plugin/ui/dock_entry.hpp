#pragma once

namespace cg::ui {

// Called from obs_module_load, after the guard service has registered its procs (the dock asks for
// the status at once; signals may be declared later). Builds the dock inside
// obs_frontend_push/pop_ui_translation and adds it with obs_frontend_add_dock_by_id
// ("compliance-guard-dock"); on the first run it is docked on the right of the main window and shown.
void createDock();

// Called from obs_module_unload: removes the dock (which deletes its widgets) and disconnects from
// the guard's signals. Safe to call when createDock failed or was never called.
void destroyDock();

} // namespace cg::ui
