#include "obs/frontend_events.hpp"

#include "obs/plugin_log.hpp"
#include "obs/scene_watch.hpp"

#include <obs-frontend-api.h>
#include <obs.hpp>

namespace cg::obs {

namespace {

std::string recordingPath()
{
    OBSOutputAutoRelease output = obs_frontend_get_recording_output();
    if (!output)
        return {};
    OBSDataAutoRelease settings = obs_output_get_settings(output);
    const char* path = obs_data_get_string(settings, "path");
    if (path == nullptr || *path == '\0')
        path = obs_data_get_string(settings, "url");
    return path ? path : "";
}

std::string lastRecording()
{
    char* path = obs_frontend_get_last_recording();
    std::string out = path ? path : "";
    bfree(path);
    return out;
}

std::string programSceneName()
{
    OBSSourceAutoRelease scene = obs_frontend_get_current_scene();
    return scene ? obs_source_get_name(scene) : "";
}

void onFrontendEvent(obs_frontend_event event, void* data) noexcept
{
    auto* service = static_cast<GuardService*>(data);
    try {
        switch (event) {
        case OBS_FRONTEND_EVENT_FINISHED_LOADING:
            noteFrontendScenes();
            service->noteSceneChange(programSceneName());
            log(LOG_INFO, "ready");
            break;
        case OBS_FRONTEND_EVENT_STREAMING_STARTED:
        case OBS_FRONTEND_EVENT_STREAMING_STOPPED:
        case OBS_FRONTEND_EVENT_RECORDING_STARTED:
            service->setOutputs(obs_frontend_streaming_active(), obs_frontend_recording_active(),
                                recordingPath());
            break;
        case OBS_FRONTEND_EVENT_RECORDING_STOPPED:
            service->setOutputs(obs_frontend_streaming_active(), false, lastRecording());
            break;
        case OBS_FRONTEND_EVENT_SCENE_CHANGED:
            noteFrontendScenes();
            service->noteSceneChange(programSceneName());
            break;
        case OBS_FRONTEND_EVENT_PREVIEW_SCENE_CHANGED:
        case OBS_FRONTEND_EVENT_STUDIO_MODE_ENABLED:
        case OBS_FRONTEND_EVENT_STUDIO_MODE_DISABLED:
        case OBS_FRONTEND_EVENT_SCENE_COLLECTION_CHANGED:
        case OBS_FRONTEND_EVENT_SCENE_LIST_CHANGED: // a renamed scene
            noteFrontendScenes();
            break;
        case OBS_FRONTEND_EVENT_EXIT:
            service->stop("OBS is closing");
            break;
        default:
            break;
        }
    } catch (const std::exception& error) {
        log(LOG_ERROR, "frontend event %d: %s", static_cast<int>(event), error.what());
    }
}

GuardService* watched = nullptr;

} // namespace

void watchFrontendEvents(GuardService* service)
{
    watched = service;
    obs_frontend_add_event_callback(onFrontendEvent, service);
}

void stopWatchingFrontendEvents()
{
    if (watched != nullptr)
        obs_frontend_remove_event_callback(onFrontendEvent, watched);
    watched = nullptr;
}

} // namespace cg::obs
