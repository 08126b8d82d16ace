#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cg::obs {

// The scenes as the dock lists them: {"name", "watched", "on_program", "in_preview"} each.
// Reads which scenes the frontend shows on program and in the Studio Mode preview. The frontend's
// objects belong to the UI thread: call this there (on its scene events); listScenes, which runs on
// the guard's ticker, reads the names it kept.
void noteFrontendScenes();
nlohmann::json listScenes();
// Watching a scene adds the Compliance Guard filter to it (or enables the one it has); unwatching
// disables it, keeping its settings. False when there is no such scene.
bool setSceneWatched(const std::string& sceneName, bool watched);
// Names of the scenes with an enabled Compliance Guard filter.
std::vector<std::string> watchedSceneNames();

} // namespace cg::obs
