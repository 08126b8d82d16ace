#include "cli/cli_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace cg::cli {

std::filesystem::path defaultRulesDir(const std::filesystem::path& executable)
{
    if (const char* fromEnvironment = std::getenv("CG_RULES_DIR"))
        return fromEnvironment;
    std::error_code error;
    const std::filesystem::path beside =
        std::filesystem::weakly_canonical(executable, error).parent_path().parent_path() / "data" / "rules";
    if (!error && std::filesystem::is_directory(beside, error))
        return beside;
    return std::filesystem::path(CG_SOURCE_DATA_DIR) / "rules";
}

std::filesystem::path defaultKeyDir()
{
    if (const char* fromEnvironment = std::getenv("CG_KEY_DIR"))
        return fromEnvironment;
    std::filesystem::path config;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
        config = xdg;
    else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        config = std::filesystem::path(home) / ".config";
    else
        return {};
    return config / "obs-studio" / "plugin_config" / "compliance-guard";
}

} // namespace cg::cli
