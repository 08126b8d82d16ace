#pragma once

#include "core/layout/layout_check.hpp"

#include <optional>

struct obs_source;

namespace cg::obs {

// What a source shows, from its type id (cameras, recordings, slideshows, web pages, images).
LayoutItemKind layoutKindOf(const char* sourceId);

// The program output's scene (channel 0, through its transition) with every visible item flattened
// to canvas space: nested scenes and groups composed, crop applied, children of a nested scene
// clipped to it. Empty when the program shows no scene or the scene has no enabled Compliance
// Guard filter: the layout rules judge only a watched scene on air. Safe from any thread (only
// libobs calls that take their own locks and references).
std::optional<LayoutSnapshot> programLayout();

// The same for one scene, whether or not it is on air or watched.
LayoutSnapshot sceneLayout(obs_source* scene);

} // namespace cg::obs
