#pragma once

#include <filesystem>
#include <string>
#include <vector>

struct _XDisplay;

namespace cg::obstest {

// libobs started the way OBS starts it, minus the UI: X11/EGL platform, OpenGL video at 1280x720
// 30 fps, stereo audio, and exactly two modules: the system's image-source and our built
// compliance-guard module (data: a folder linking the repo's data/rules and locale/). The module's
// config folder, and so the records, live under configDir. Never loads all modules: the Qt ones
// abort without a QApplication.
class LibobsHost {
  public:
    struct Options {
        // More of the system's OBS plugins to load before the module, e.g. "linux-v4l2".
        std::vector<std::string> systemPlugins;
        // A rule pack file the module finds beside the repo's data/rules (a test-only pack).
        std::filesystem::path extraRulePack;
    };

    explicit LibobsHost(const std::filesystem::path& configDir) : LibobsHost(configDir, Options{}) {}
    LibobsHost(const std::filesystem::path& configDir, Options options);
    ~LibobsHost(); // shuts down if shutdown() was not called
    LibobsHost(const LibobsHost&) = delete;
    LibobsHost& operator=(const LibobsHost&) = delete;

    // obs_shutdown: unloads the module (which closes the session) and frees every source. Returns
    // the number of libobs allocations still alive afterwards (OBS logs it as "memory leaks").
    long shutdown();

    // <configDir>/compliance-guard: where the module keeps settings.json and records/.
    [[nodiscard]] std::filesystem::path moduleConfigDir() const;
    [[nodiscard]] std::filesystem::path recordsDir() const { return moduleConfigDir() / "records"; }

  private:
    void start();

    std::filesystem::path configDir_;
    Options options_;
    _XDisplay* display_ = nullptr;
    bool running_ = false;
};

} // namespace cg::obstest
