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

} // namespace cg::cli
