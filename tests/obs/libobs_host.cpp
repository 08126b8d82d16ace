#include "obs/libobs_host.hpp"

#include <X11/Xlib.h>
#include <obs-module.h>
#include <obs-nix-platform.h>
#include <obs.h>
#include <util/bmem.h>

#include <array>
#include <stdexcept>
#include <string>

namespace cg::obstest {

namespace {

namespace fs = std::filesystem;

// Where Debian and a self-built OBS put the plugin binaries and their data.
struct SystemPlugin {
    fs::path binary;
    fs::path data;
};

SystemPlugin findSystemPlugin(const std::string& name)
{
    const std::array<fs::path, 3> libDirs{"/usr/lib/x86_64-linux-gnu/obs-plugins", "/usr/lib/obs-plugins",
                                          "/usr/local/lib/obs-plugins"};
    const std::array<fs::path, 2> dataDirs{"/usr/share/obs/obs-plugins", "/usr/local/share/obs/obs-plugins"};
    for (const fs::path& dir : libDirs)
        if (fs::exists(dir / (name + ".so")))
            for (const fs::path& data : dataDirs)
                if (fs::is_directory(data / name))
                    return {dir / (name + ".so"), data / name};
    throw std::runtime_error("OBS plugin " + name +
                             ".so or its data folder not found (is obs-plugins installed?)");
}

// The module reads data/rules, data/effects and data/locale, as laid out by `cmake --install`; the repo keeps
// locale/ outside data/, so a folder of links gives the module the installed layout.
fs::path stageModuleData(const fs::path& under, const fs::path& extraRulePack)
{
    const fs::path data = under / "compliance-guard-data";
    fs::create_directories(data);
    const fs::path repoRules = fs::path(CG_SOURCE_DIR) / "data" / "rules";
    if (!fs::exists(data / "rules") && extraRulePack.empty())
        fs::create_directory_symlink(repoRules, data / "rules");
    if (!fs::exists(data / "rules") && !extraRulePack.empty()) {
        fs::create_directory(data / "rules");
        for (const fs::directory_entry& pack : fs::directory_iterator(repoRules))
            fs::create_symlink(pack.path(), data / "rules" / pack.path().filename());
        fs::create_symlink(extraRulePack, data / "rules" / extraRulePack.filename());
    }
    if (!fs::exists(data / "effects"))
        fs::create_directory_symlink(fs::path(CG_SOURCE_DIR) / "data" / "effects", data / "effects");
    if (!fs::exists(data / "locale"))
        fs::create_directory_symlink(fs::path(CG_SOURCE_DIR) / "locale", data / "locale");
    return data;
}

void loadModule(const fs::path& binary, const fs::path& data)
{
    obs_module_t* module = nullptr;
    const int opened = obs_open_module(&module, binary.c_str(), data.c_str());
    if (opened != MODULE_SUCCESS)
        throw std::runtime_error("obs_open_module " + binary.string() + " failed: " + std::to_string(opened));
    if (!obs_init_module(module))
        throw std::runtime_error("obs_init_module " + binary.string() +
                                 " failed (its obs_module_load said no)");
}

} // namespace

LibobsHost::LibobsHost(const fs::path& configDir, Options options)
    : configDir_(configDir), options_(std::move(options))
{
    try {
        start();
    } catch (...) {
        shutdown();
        throw;
    }
}

void LibobsHost::start()
{
    display_ = XOpenDisplay(nullptr);
    if (display_ == nullptr)
        throw std::runtime_error("cannot open the X display (DISPLAY unset and no Xvfb?)");
    obs_set_nix_platform(OBS_NIX_PLATFORM_X11_EGL);
    obs_set_nix_platform_display(display_);
    fs::create_directories(configDir_);
    if (!obs_startup("en-US", configDir_.c_str(), nullptr))
        throw std::runtime_error("obs_startup failed");
    running_ = true;

    obs_video_info video = {};
    video.graphics_module = "libobs-opengl";
    video.fps_num = 30;
    video.fps_den = 1;
    video.base_width = video.output_width = 1280;
    video.base_height = video.output_height = 720;
    video.output_format = VIDEO_FORMAT_NV12;
    video.adapter = 0;
    video.gpu_conversion = true;
    video.colorspace = VIDEO_CS_709;
    video.range = VIDEO_RANGE_PARTIAL;
    video.scale_type = OBS_SCALE_BICUBIC;
    if (const int reset = obs_reset_video(&video); reset != OBS_VIDEO_SUCCESS)
        throw std::runtime_error("obs_reset_video with libobs-opengl failed: " + std::to_string(reset));
    obs_audio_info audio = {};
    audio.samples_per_sec = 48000;
    audio.speakers = SPEAKERS_STEREO;
    if (!obs_reset_audio(&audio))
        throw std::runtime_error("obs_reset_audio failed");

    const SystemPlugin imageSource = findSystemPlugin("image-source");
    loadModule(imageSource.binary, imageSource.data);
    for (const std::string& name : options_.systemPlugins) {
        const SystemPlugin plugin = findSystemPlugin(name);
        loadModule(plugin.binary, plugin.data);
    }
    loadModule(CG_GUARD_MODULE_FILE, stageModuleData(configDir_, options_.extraRulePack));
    obs_post_load_modules();
}

LibobsHost::~LibobsHost()
{
    shutdown();
}

long LibobsHost::shutdown()
{
    if (running_) {
        obs_shutdown();
        running_ = false;
    }
    if (display_ != nullptr) {
        XCloseDisplay(display_);
        display_ = nullptr;
    }
    return bnum_allocs();
}

fs::path LibobsHost::moduleConfigDir() const
{
    return configDir_ / "compliance-guard";
}

} // namespace cg::obstest
