#include "obs/scene_layout.hpp"

#include "obs/filter_registry.hpp"

#include <graphics/matrix4.h>
#include <graphics/vec3.h>
#include <obs.hpp>

#include <array>
#include <cstring>

namespace cg::obs {

namespace {

constexpr int maxNesting = 16; // libobs refuses cycles; this only bounds a pathological tree

bool idIn(const char* id, std::initializer_list<const char*> ids)
{
    for (const char* candidate : ids)
        if (std::strcmp(id, candidate) == 0)
            return true;
    return false;
}

Point toCanvas(float x, float y, const matrix4& transform)
{
    vec3 in;
    vec3_set(&in, x, y, 0.0f);
    vec3 out;
    vec3_transform(&out, &in, &transform);
    return {out.x, out.y};
}

Polygon rectangle(float width, float height, const matrix4& transform)
{
    return {toCanvas(0, 0, transform), toCanvas(width, 0, transform), toCanvas(width, height, transform),
            toCanvas(0, height, transform)};
}

struct Walk {
    matrix4 toCanvas;    // from this scene's coordinates to the canvas
    const Polygon* clip; // what of this scene can show on the canvas; null: everything
    int depth;
    std::vector<LayoutItem>* items;
};

void walkScene(obs_scene_t* scene, const Walk& walk);

// The item's picture in canvas space. libobs draws the cropped source (width and height less the
// crop) through the draw transform; a source without a size yet (a camera that never delivered)
// is drawn nowhere, so its place is the box the streamer gave it.
Polygon itemQuad(obs_sceneitem_t* item, obs_source_t* source, const matrix4& itemToCanvas, const Walk& walk)
{
    obs_sceneitem_crop crop{};
    obs_sceneitem_get_crop(item, &crop);
    const auto width = static_cast<long long>(obs_source_get_width(source)) - crop.left - crop.right;
    const auto height = static_cast<long long>(obs_source_get_height(source)) - crop.top - crop.bottom;
    matrix4 box, boxToCanvas;
    obs_sceneitem_get_box_transform(item, &box);
    matrix4_mul(&boxToCanvas, &box, &walk.toCanvas);
    const Polygon boxQuad = rectangle(1, 1, boxToCanvas);
    Polygon quad = boxQuad;
    if (width > 0 && height > 0) {
        quad = rectangle(static_cast<float>(width), static_cast<float>(height), itemToCanvas);
        // Crop to bounds takes off a margin libobs does not expose; the box is exactly what is left.
        if (obs_sceneitem_get_bounds_type(item) != OBS_BOUNDS_NONE && obs_sceneitem_get_bounds_crop(item))
            quad = clipConvexPolygon(quad, boxQuad);
    }
    return walk.clip ? clipConvexPolygon(quad, *walk.clip) : quad;
}

bool visitItem(obs_scene_t*, obs_sceneitem_t* item, void* param) noexcept
{
    const Walk& walk = *static_cast<const Walk*>(param);
    try {
        if (!obs_sceneitem_visible(item))
            return true;
        obs_source_t* source = obs_sceneitem_get_source(item);
        if (source == nullptr)
            return true;
        matrix4 draw, itemToCanvas;
        obs_sceneitem_get_draw_transform(item, &draw);
        matrix4_mul(&itemToCanvas, &draw, &walk.toCanvas);
        const Polygon quad = itemQuad(item, source, itemToCanvas, walk);

        obs_scene_t* inner = obs_sceneitem_is_group(item) ? obs_sceneitem_group_get_scene(item)
                                                          : obs_scene_from_source(source);
        if (inner != nullptr) {
            if (quad.empty() || walk.depth >= maxNesting)
                return true;
            // A nested scene is drawn from a texture of its cropped canvas, so what lies outside
            // its canvas does not show; a group draws its items straight into the parent.
            obs_sceneitem_crop crop{};
            obs_sceneitem_get_crop(item, &crop);
            Walk nested{};
            matrix4_identity(&nested.toCanvas);
            matrix4_translate3f(&nested.toCanvas, &nested.toCanvas, -static_cast<float>(crop.left),
                                -static_cast<float>(crop.top), 0.0f);
            matrix4_mul(&nested.toCanvas, &nested.toCanvas, &itemToCanvas);
            nested.clip = obs_sceneitem_is_group(item) ? walk.clip : &quad;
            nested.depth = walk.depth + 1;
            nested.items = walk.items;
            walkScene(inner, nested);
            return true;
        }
        if (quad.empty())
            return true;
        const char* name = obs_source_get_name(source);
        LayoutItem out;
        out.kind = layoutKindOf(obs_source_get_unversioned_id(source));
        if (out.kind == LayoutItemKind::Other)
            out.kind = layoutKindOf(obs_source_get_id(source));
        out.name = name ? name : "";
        out.quad = quad;
        // An asynchronous source (cameras, players) has a size only while it has a picture: it
        // has none before the first frame and after it output an empty frame (device lost).
        if ((obs_source_get_output_flags(source) & OBS_SOURCE_ASYNC) != 0)
            out.delivering = obs_source_get_width(source) > 0 && obs_source_get_height(source) > 0;
        walk.items->push_back(std::move(out));
    } catch (...) {
        // Out of memory while copying a polygon: this item is skipped, the walk goes on.
    }
    return true;
}

void walkScene(obs_scene_t* scene, const Walk& walk)
{
    // obs_scene_enum_items holds the scene's lock and a reference to each item during the visit.
    obs_scene_enum_items(scene, visitItem, const_cast<Walk*>(&walk));
}

CanvasSize canvasSize()
{
    obs_video_info video{};
    if (!obs_get_video_info(&video))
        return {};
    return {static_cast<int>(video.base_width), static_cast<int>(video.base_height)};
}

} // namespace

LayoutItemKind layoutKindOf(const char* sourceId)
{
    if (sourceId == nullptr)
        return LayoutItemKind::Other;
    if (idIn(sourceId, {"v4l2_input", "dshow_input", "av_capture_input", "av_capture_input_v2",
                        "macos-avcapture", "macos-avcapture-fast", "decklink-input", "ndi_source"}))
        return LayoutItemKind::Camera;
    if (idIn(sourceId, {"ffmpeg_source", "vlc_source"}))
        return LayoutItemKind::Media;
    if (idIn(sourceId, {"slideshow", "slideshow_v2"}))
        return LayoutItemKind::ImageSlideshow;
    if (idIn(sourceId, {"browser_source"}))
        return LayoutItemKind::Browser;
    if (idIn(sourceId, {"image_source"}))
        return LayoutItemKind::Image;
    return LayoutItemKind::Other;
}

LayoutSnapshot sceneLayout(obs_source_t* sceneSource)
{
    LayoutSnapshot snapshot;
    snapshot.canvas = canvasSize();
    obs_scene_t* scene = obs_scene_from_source(sceneSource);
    if (scene == nullptr)
        return snapshot;
    Walk walk{};
    matrix4_identity(&walk.toCanvas);
    walk.clip = nullptr;
    walk.depth = 0;
    walk.items = &snapshot.items;
    walkScene(scene, walk);
    return snapshot;
}

std::optional<LayoutSnapshot> programLayout()
{
    OBSSourceAutoRelease output = obs_get_output_source(0);
    if (!output)
        return std::nullopt;
    // OBS puts a transition on channel 0; its active source is the program scene (the incoming
    // one while a transition runs).
    OBSSourceAutoRelease scene = obs_source_get_type(output) == OBS_SOURCE_TYPE_TRANSITION
                                     ? obs_transition_get_active_source(output)
                                     : obs_source_get_ref(output);
    if (!scene || obs_scene_from_source(scene) == nullptr || !registry().watches(scene))
        return std::nullopt;
    return sceneLayout(scene);
}

} // namespace cg::obs
