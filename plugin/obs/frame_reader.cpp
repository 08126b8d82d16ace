#include "obs/frame_reader.hpp"

#include "obs/plugin_log.hpp"

#include <algorithm>

namespace cg::obs {

namespace {

constexpr uint32_t previewWidth = 640;

// Draws `texture` over the whole of `into` with `effect`'s Draw technique, blending off.
bool drawInto(gs_texrender_t* into, gs_texture_t* texture, gs_effect_t* effect, uint32_t width,
              uint32_t height)
{
    gs_texrender_reset(into);
    if (!gs_texrender_begin(into, width, height))
        return false;
    gs_ortho(0.0f, static_cast<float>(width), 0.0f, static_cast<float>(height), -100.0f, 100.0f);
    gs_blend_state_push();
    gs_blend_function(GS_BLEND_ONE, GS_BLEND_ZERO);
    gs_effect_set_texture(gs_effect_get_param_by_name(effect, "image"), texture);
    while (gs_effect_loop(effect, "Draw"))
        gs_draw_sprite(texture, 0, width, height);
    gs_blend_state_pop();
    gs_texrender_end(into);
    return true;
}

} // namespace

void FrameReader::Readback::resize(uint32_t newWidth, uint32_t newHeight)
{
    if (newWidth == width && newHeight == height)
        return;
    // Only when the analysis size changes, never per frame.
    gs_stagesurface_destroy(stage);
    stage = gs_stagesurface_create(newWidth, newHeight, format);
    width = newWidth;
    height = newHeight;
}

void FrameReader::Readback::stageRendered()
{
    if (used && stage != nullptr)
        gs_stage_texture(stage, gs_texrender_get_texture(render));
}

std::optional<Frame> FrameReader::Readback::copy(PixelFormat pixelFormat, Millis time)
{
    uint8_t* data = nullptr;
    uint32_t lineSize = 0;
    if (!used || stage == nullptr || !gs_stagesurface_map(stage, &data, &lineSize))
        return std::nullopt;
    std::optional<Frame> frame = pool.copy(pixelFormat, static_cast<int>(width * pixelsPerTexel),
                                           static_cast<int>(height), static_cast<int>(lineSize), data, time);
    gs_stagesurface_unmap(stage);
    return frame;
}

void FrameReader::Readback::destroy()
{
    gs_stagesurface_destroy(stage);
    gs_texrender_destroy(render);
}

FrameReader::FrameReader(const std::string& lumaEffectFile) : scene_(gs_texrender_create(GS_RGBA, GS_ZS_NONE))
{
    if (!lumaEffectFile.empty()) {
        char* errors = nullptr;
        lumaEffect_ = gs_effect_create_from_file(lumaEffectFile.c_str(), &errors);
        if (lumaEffect_ == nullptr)
            log(LOG_WARNING, "%s did not compile (%s): reading back colour frames, which costs more",
                lumaEffectFile.c_str(), errors ? errors : "no details");
        bfree(errors);
    } else {
        log(LOG_WARNING, "data/effects/luma.effect is missing: reading back colour frames, which costs more");
    }
    luma_.format = GS_RGBA;
    luma_.pixelsPerTexel = 4;
    luma_.render = gs_texrender_create(GS_RGBA, GS_ZS_NONE);
    colour_.render = gs_texrender_create(GS_RGBA, GS_ZS_NONE);
}

FrameReader::~FrameReader()
{
    luma_.destroy();
    colour_.destroy();
    gs_texrender_destroy(scene_);
    gs_effect_destroy(lumaEffect_);
}

std::optional<Frame> FrameReader::advance()
{
    switch (step_) {
    case Step::Idle:
        return std::nullopt;
    case Step::Rendered:
        luma_.stageRendered();
        colour_.stageRendered();
        step_ = Step::Staged;
        return std::nullopt;
    case Step::Staged:
        break;
    }
    step_ = Step::Idle;
    std::optional<Frame> preview = colour_.copy(PixelFormat::Rgba, time_);
    if (!luma_.used)
        return preview;
    std::optional<Frame> luma = luma_.copy(PixelFormat::Gray, time_);
    if (!luma)
        return std::nullopt;
    return preview ? luma->withPreview(std::move(*preview)) : *luma;
}

void FrameReader::render(obs_source_t* target, uint32_t sourceWidth, uint32_t sourceHeight, uint32_t width,
                         uint32_t height, Millis time)
{
    if (scene_ == nullptr || width == 0 || height == 0)
        return;
    gs_texrender_reset(scene_);
    if (!gs_texrender_begin(scene_, width, height))
        return;
    vec4 transparent;
    vec4_zero(&transparent);
    gs_clear(GS_CLEAR_COLOR, &transparent, 0.0f, 0);
    gs_ortho(0.0f, static_cast<float>(sourceWidth), 0.0f, static_cast<float>(sourceHeight), -100.0f, 100.0f);
    gs_blend_state_push();
    gs_blend_function(GS_BLEND_ONE, GS_BLEND_ZERO);
    obs_source_video_render(target);
    gs_blend_state_pop();
    gs_texrender_end(scene_);
    render(gs_texrender_get_texture(scene_), width, height, time);
}

void FrameReader::render(gs_texture_t* picture, uint32_t width, uint32_t height, Millis time)
{
    if (picture == nullptr || width == 0 || height == 0 || step_ != Step::Idle)
        return;
    luma_.used = false;
    colour_.used = false;
    if (readsLuma()) {
        const uint32_t texels = width / luma_.pixelsPerTexel; // up to 3 columns at the right are left out
        if (texels == 0)
            return;
        const uint32_t thumbWidth = std::min(width, previewWidth);
        const uint32_t thumbHeight = std::max<uint32_t>(2, (height * thumbWidth / width) & ~1u);
        luma_.resize(texels, height);
        colour_.resize(thumbWidth, thumbHeight);
        gs_effect_set_float(gs_effect_get_param_by_name(lumaEffect_, "source_step"),
                            1.0f / static_cast<float>(texels * luma_.pixelsPerTexel));
        if (!drawInto(luma_.render, picture, lumaEffect_, texels, height) ||
            !drawInto(colour_.render, picture, obs_get_base_effect(OBS_EFFECT_DEFAULT), thumbWidth,
                      thumbHeight))
            return;
        luma_.used = true;
    } else {
        colour_.resize(width, height);
        if (!drawInto(colour_.render, picture, obs_get_base_effect(OBS_EFFECT_DEFAULT), width, height))
            return;
    }
    colour_.used = true;
    step_ = Step::Rendered;
    time_ = time;
}

} // namespace cg::obs
