#pragma once

#include <util/base.h>

#include <string>

namespace cg::obs {

// blog() with the plugin's "[compliance-guard]" prefix, as obs-plugintemplate's obs_log does.
template <typename... Args> void log(int level, const char* format, Args... args)
{
    const std::string prefixed = std::string("[" CG_PLUGIN_NAME "] ") + format;
    blog(level, prefixed.c_str(), args...);
}

} // namespace cg::obs
