#include "obs/scene_watch.hpp"

#include "obs/filter_registry.hpp"
#include "obs/guard_api.hpp"

#include <obs-frontend-api.h>
#include <obs-module.h>
#include <obs.hpp>

#include <cstring>
#include <mutex>
#include <string>

namespace cg::obs {

namespace {

obs_source_t* findGuardFilter(obs_source_t* scene)
{
    obs_source_t* found = nullptr;
    obs_source_enum_filters(
        scene,
        [](obs_source_t*, obs_source_t* filter, void* param) {
            auto** out = static_cast<obs_source_t**>(param);
            if (*out == nullptr && std::strcmp(obs_source_get_id(filter), api::filterId) == 0)
                *out = filter;
        },
        &found);
    return found;
}

template <typename Visit> void forEachScene(Visit visit)
{
    obs_enum_scenes(
        [](void* param, obs_source_t* scene) {
            (*static_cast<Visit*>(param))(scene);
            return true;
        },
        &visit);
}

struct FrontendScenes {
    bool known = false; // false without the frontend (the libobs harness)
    std::string program;
    std::string preview; // empty outside Studio Mode
};

std::mutex frontendScenesMutex;
FrontendScenes frontendScenes;

std::string nameOf(obs_source_t* source)
{
    const char* name = source ? obs_source_get_name(source) : nullptr;
    return name ? name : "";
}

} // namespace

void noteFrontendScenes()
{
    OBSSourceAutoRelease program = obs_frontend_get_current_scene();
    OBSSourceAutoRelease preview =
        obs_frontend_preview_program_mode_active() ? obs_frontend_get_current_preview_scene() : nullptr;
    std::lock_guard lock(frontendScenesMutex);
    frontendScenes = {true, nameOf(program), nameOf(preview)};
}

nlohmann::json listScenes()
{
    FrontendScenes shown;
    {
        std::lock_guard lock(frontendScenesMutex);
        shown = frontendScenes;
    }
    nlohmann::json scenes = nlohmann::json::array();
    forEachScene([&](obs_source_t* scene) {
        const std::string name = nameOf(scene);
        // Without the frontend (the libobs harness) the program scene is whatever is active.
        const bool onProgram = shown.known ? name == shown.program : obs_source_active(scene);
        scenes.push_back({{"name", name},
                          {"watched", registry().watches(scene)},
                          {"on_program", onProgram},
                          {"in_preview", !shown.preview.empty() && name == shown.preview}});
    });
    return scenes;
}

std::vector<std::string> watchedSceneNames()
{
    std::vector<std::string> names;
    forEachScene([&](obs_source_t* scene) {
        if (registry().watches(scene))
            names.emplace_back(obs_source_get_name(scene));
    });
    return names;
}

bool setSceneWatched(const std::string& sceneName, bool watched)
{
    OBSSourceAutoRelease scene = obs_get_source_by_name(sceneName.c_str());
    if (!scene || !obs_source_is_scene(scene))
        return false;
    if (obs_source_t* filter = findGuardFilter(scene)) {
        obs_source_set_enabled(filter, watched);
        return true;
    }
    if (!watched)
        return true;
    OBSSourceAutoRelease filter =
        obs_source_create(api::filterId, obs_module_text("ComplianceGuard.Filter.Name"), nullptr, nullptr);
    if (!filter)
        return false;
    obs_source_filter_add(scene, filter);
    return true;
}

} // namespace cg::obs
