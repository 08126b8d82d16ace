#include "obs/plugin_log.hpp"

#include <obs-module.h>

OBS_DECLARE_MODULE()
OBS_MODULE_USE_DEFAULT_LOCALE(CG_PLUGIN_NAME, "en-US")

MODULE_EXPORT const char* obs_module_name(void)
{
    return obs_module_text("ComplianceGuard.Name");
}

MODULE_EXPORT const char* obs_module_description(void)
{
    return obs_module_text("ComplianceGuard.Description");
}

bool obs_module_load(void)
{
    cg::obs::log(LOG_INFO, "plugin loaded (version %s)", CG_PLUGIN_VERSION);
    return true;
}

void obs_module_unload(void)
{
    cg::obs::log(LOG_INFO, "plugin unloaded");
}
