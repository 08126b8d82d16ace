#include "obs/acknowledge_hotkey.hpp"

#include <obs-module.h>

#include <fstream>
#include <sstream>

namespace cg::obs {

namespace {

obs_hotkey_id hotkey = OBS_INVALID_HOTKEY_ID;
std::filesystem::path bindingsPath;

void onHotkey(void* data, obs_hotkey_id, obs_hotkey_t*, bool pressed) noexcept
{
    if (!pressed)
        return;
    try {
        static_cast<GuardService*>(data)->acknowledge("hotkey");
    } catch (...) {
        // a hotkey must never take OBS down; the service logs its own errors
    }
}

} // namespace

void registerAcknowledgeHotkey(GuardService* service, const std::filesystem::path& bindingsFile)
{
    bindingsPath = bindingsFile;
    hotkey = obs_hotkey_register_frontend("ComplianceGuard.Acknowledge",
                                          obs_module_text("ComplianceGuard.Hotkey.Acknowledge"), onHotkey,
                                          service);
    std::ifstream in(bindingsFile);
    if (!in)
        return;
    std::stringstream text;
    text << in.rdbuf();
    obs_data_t* saved = obs_data_create_from_json(text.str().c_str());
    obs_data_array_t* bindings = saved ? obs_data_get_array(saved, "bindings") : nullptr;
    if (bindings != nullptr)
        obs_hotkey_load(hotkey, bindings);
    obs_data_array_release(bindings);
    obs_data_release(saved);
}

void saveAndUnregisterAcknowledgeHotkey()
{
    if (hotkey == OBS_INVALID_HOTKEY_ID)
        return;
    obs_data_array_t* bindings = obs_hotkey_save(hotkey);
    obs_data_t* saved = obs_data_create();
    obs_data_set_array(saved, "bindings", bindings);
    obs_data_save_json_safe(saved, bindingsPath.string().c_str(), "tmp", "bak");
    obs_data_release(saved);
    obs_data_array_release(bindings);
    obs_hotkey_unregister(hotkey);
    hotkey = OBS_INVALID_HOTKEY_ID;
}

} // namespace cg::obs
