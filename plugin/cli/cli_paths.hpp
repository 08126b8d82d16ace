#pragma once

#include <filesystem>

namespace cg::cli {

// Where the shipped rule packs are: $CG_RULES_DIR, then data/rules beside an installed CLI
// (<plugin>/bin/compliance-guard -> <plugin>/data/rules), then the source tree it was built from.
std::filesystem::path defaultRulesDir(const std::filesystem::path& executable);

// Where the OBS plugin keeps this installation's record signing key: $CG_KEY_DIR, else OBS's
// plugin config folder ($XDG_CONFIG_HOME or ~/.config, then obs-studio/plugin_config/compliance-guard).
// Empty when neither is known.
std::filesystem::path defaultKeyDir();

} // namespace cg::cli
