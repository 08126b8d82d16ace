#pragma once

#include <filesystem>

namespace cg::test {

inline std::filesystem::path shippedRulesDir()
{
    return std::filesystem::path(CG_SOURCE_DIR) / "data" / "rules";
}

} // namespace cg::test
