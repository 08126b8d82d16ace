#include "obs/frame_reader.hpp"

namespace cg::obs {

FrameReader::FrameReader() : texrender_(gs_texrender_create(GS_RGBA, GS_ZS_NONE)) {}

FrameReader::~FrameReader()
{
    for (gs_stagesurf_t*& stage : stages_)
        gs_stagesurface_destroy(stage);
    gs_texrender_destroy(texrender_);
}

std::optional<Frame> FrameReader::collect()
{
    if (!staged_)
        return std::nullopt;
    staged_ = false;
    gs_stagesurf_t* stage = stages_[1 - next_];
    uint8_t* data = nullptr;
    uint32_t lineSize = 0;
    if (stage == nullptr || !gs_stagesurface_map(stage, &data, &lineSize))
        return std::nullopt;
    std::optional<Frame> frame =
        pool_.copy(PixelFormat::Rgba, static_cast<int>(width_), static_cast<int>(height_),
                   static_cast<int>(lineSize), data, stagedTime_);
    gs_stagesurface_unmap(stage);
    return frame;
}

void FrameReader::stage(obs_source_t* target, uint32_t sourceWidth, uint32_t sourceHeight, uint32_t width,
                        uint32_t height, Millis time)
{
    if (texrender_ == nullptr || width == 0 || height == 0)
        return;
    if (width != width_ || height != height_) {
        // Only when the analysis size changes, never per frame.
        for (gs_stagesurf_t*& stage : stages_) {
            gs_stagesurface_destroy(stage);
            stage = gs_stagesurface_create(width, height, GS_RGBA);
        }
        width_ = width;
        height_ = height;
        staged_ = false;
    }
    gs_texrender_reset(texrender_);
    if (!gs_texrender_begin(texrender_, width, height))
        return;
    vec4 transparent;
    vec4_zero(&transparent);
    gs_clear(GS_CLEAR_COLOR, &transparent, 0.0f, 0);
    gs_ortho(0.0f, static_cast<float>(sourceWidth), 0.0f, static_cast<float>(sourceHeight), -100.0f, 100.0f);
    gs_blend_state_push();
    gs_blend_function(GS_BLEND_ONE, GS_BLEND_ZERO);
    obs_source_video_render(target);
    gs_blend_state_pop();
    gs_texrender_end(texrender_);

    gs_stage_texture(stages_[next_], gs_texrender_get_texture(texrender_));
    next_ = 1 - next_;
    staged_ = true;
    stagedTime_ = time;
}

} // namespace cg::obs
