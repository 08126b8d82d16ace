#include "obs/acknowledge_hotkey.hpp"
#include "obs/compliance_filter.hpp"
#include "obs/filter_registry.hpp"
#include "obs/frontend_events.hpp"
#include "obs/guard_service.hpp"
#include "obs/guard_signals.hpp"
#include "obs/plugin_log.hpp"
#include "obs/program_audio.hpp"
#include "obs/program_checks.hpp"
#include "obs/scene_watch.hpp"
#include "ui/dock_entry.hpp"

#include <obs-module.h>
#include <util/bmem.h>

#include <memory>

OBS_DECLARE_MODULE()
OBS_MODULE_USE_DEFAULT_LOCALE(CG_PLUGIN_NAME, "en-US")

namespace {

std::unique_ptr<cg::obs::GuardService> service;

std::filesystem::path modulePath(char* path)
{
    std::filesystem::path out = path ? path : "";
    bfree(path);
    return out;
}

} // namespace

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
    try {
        const std::filesystem::path rulesDir = modulePath(obs_module_file("rules"));
        const std::filesystem::path configDir = modulePath(obs_module_config_path(""));
        if (rulesDir.empty())
            cg::obs::log(LOG_ERROR,
                         "data/rules is missing from the plugin's data folder: no rule pack can load");
        service = std::make_unique<cg::obs::GuardService>(rulesDir, configDir, cg::obs::makeGuardPublisher());
        service->scenesProvider = cg::obs::listScenes;
        service->programChecksProvider = [checks = std::make_shared<cg::obs::ProgramChecks>()] {
            return checks->run();
        };
        cg::obs::declareGuardSignals();
        cg::obs::attachGuardProcs(service.get());
        cg::obs::registerComplianceFilter(service.get());
        cg::obs::startProgramAudioTap(&service->audioMeter());
        cg::obs::watchFrontendEvents(service.get());
        cg::obs::registerAcknowledgeHotkey(service.get(), configDir / "hotkeys.json");
        cg::ui::createDock();
        service->start();
        cg::obs::log(LOG_INFO, "plugin loaded (version %s)", CG_PLUGIN_VERSION);
        return true;
    } catch (const std::exception& error) {
        cg::obs::log(LOG_ERROR, "plugin not loaded: %s", error.what());
        return false;
    }
}

void obs_module_post_load(void)
{
    cg::obs::registerWebsocketVendor();
}

void obs_module_unload(void)
{
    cg::ui::destroyDock();
    cg::obs::saveAndUnregisterAcknowledgeHotkey();
    cg::obs::stopWatchingFrontendEvents();
    cg::obs::stopProgramAudioTap();
    cg::obs::detachGuardProcs();
    if (service)
        service->stop("OBS is closing");
    cg::obs::registry().stopAllAnalyzers();
    cg::obs::forgetGuardService();
    service.reset();
    cg::obs::log(LOG_INFO, "plugin unloaded");
}
