#include "obs/guarded_scene.hpp"

#include "obs/guard_api.hpp"

#include <obs.h>

#include <stdexcept>

namespace cg::obstest {

GuardedScene::GuardedScene(const std::string& name, const std::filesystem::path& picture)
{
    scene_ = obs_scene_create(name.c_str());
    obs_data_t* imageSettings = obs_data_create();
    obs_data_set_string(imageSettings, "file", picture.c_str());
    image_ = obs_source_create("image_source", (name + " picture").c_str(), imageSettings, nullptr);
    obs_data_release(imageSettings);
    filter_ = obs_source_create(obs::api::filterId, "Compliance Guard", nullptr, nullptr);
    if (scene_ == nullptr || image_ == nullptr || filter_ == nullptr) {
        release();
        throw std::runtime_error("scene, image_source or " + std::string(obs::api::filterId) +
                                 " could not be created (module not loaded?)");
    }
    obs_scene_add(scene_, image_); // 1280x720 picture on a 1280x720 canvas: full frame at (0, 0)
    obs_source_filter_add(obs_scene_get_source(scene_), filter_);
}

GuardedScene::~GuardedScene()
{
    release();
}

obs_source* GuardedScene::source() const
{
    return scene_ ? obs_scene_get_source(scene_) : nullptr;
}

void GuardedScene::removeFilter()
{
    if (filter_ == nullptr)
        return;
    obs_source_filter_remove(source(), filter_);
    obs_source_release(filter_);
    filter_ = nullptr;
}

void GuardedScene::removeScene()
{
    if (scene_ != nullptr)
        obs_source_remove(source());
    release();
}

void GuardedScene::release()
{
    obs_source_release(filter_);
    obs_source_release(image_);
    obs_scene_release(scene_);
    filter_ = image_ = nullptr;
    scene_ = nullptr;
}

void setProgram(obs_source* source)
{
    obs_set_output_source(0, source);
}

} // namespace cg::obstest
