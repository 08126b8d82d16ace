#pragma once

#include <filesystem>
#include <string>

struct obs_scene;
struct obs_source;

namespace cg::obstest {

// A scene showing one picture full frame (an image-source), with the Compliance Guard filter on
// the scene, as a streamer sets it up. Holds one reference to each; release*() gives them up early
// (to remove or delete while the guard works), the destructor gives up whatever is left.
class GuardedScene {
  public:
    GuardedScene(const std::string& name, const std::filesystem::path& picture);
    ~GuardedScene();
    GuardedScene(const GuardedScene&) = delete;
    GuardedScene& operator=(const GuardedScene&) = delete;

    [[nodiscard]] obs_source* source() const; // the scene as a source (null once released)
    [[nodiscard]] obs_source* filter() const { return filter_; }

    // Takes the filter off the scene (obs_source_filter_remove) and drops our reference.
    void removeFilter();
    // Deletes the scene as the Scenes list does (obs_source_remove) and drops our references.
    void removeScene();
    // Drops our references without touching the scene (whoever else holds it keeps it alive).
    void release();

  private:
    obs_scene* scene_ = nullptr;
    obs_source* image_ = nullptr;
    obs_source* filter_ = nullptr;
};

// Puts a source on the program output (channel 0), as a scene switch in OBS does; null clears it.
void setProgram(obs_source* source);

} // namespace cg::obstest
