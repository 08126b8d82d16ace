#pragma once

#include <filesystem>

namespace cg::cli {

// Where the shipped rule packs are: $CG_RULES_DIR, then data/rules beside an installed CLI
// (<plugin>/bin/compliance-guard -> <plugin>/data/rules), then the source tree it was built from.
std::filesystem::path defaultRulesDir(const std::filesystem::path& executable);

} // namespace cg::cli
