#pragma once

#include "core/frame.hpp"
#include "core/frame_pool.hpp"

#include <graphics/graphics.h>
#include <graphics/vec4.h>
#include <obs.h>

#include <optional>
#include <string>

namespace cg::obs {

// Reads a picture back from the GPU without stalling the graphics thread: a frame is downscaled into
// a texture and staged in one frame and mapped in a later one, when the copy has long finished, then
// copied into a pooled buffer while mapped.
//
// With the luma effect it reads back what the detectors need at full analysis size as one-channel
// luma, plus a colour thumbnail for evidence: about a third of the bytes of the colour frame,
// which is most of what capturing costs when the GPU is emulated on the CPU (tests/bench/RESULTS.md).
// Without it (the effect file missing or not compiling) it reads back the colour frame.
// Graphics thread only; create and destroy inside the graphics context.
class FrameReader {
  public:
    explicit FrameReader(const std::string& lumaEffectFile);
    ~FrameReader();
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;

    // The frame staged by the previous call to stage(), if any: gray with a colour preview, or
    // colour when there is no luma effect.
    std::optional<Frame> collect();
    // Renders `target` at width x height (its aspect kept by the caller) and stages it.
    void stage(obs_source_t* target, uint32_t sourceWidth, uint32_t sourceHeight, uint32_t width,
               uint32_t height, Millis time);
    // Stages a picture that is already rendered (the program output), scaled to width x height.
    void stage(gs_texture_t* picture, uint32_t width, uint32_t height, Millis time);

    [[nodiscard]] bool readsLuma() const { return lumaEffect_ != nullptr; }

  private:
    struct Readback {
        gs_texrender_t* render = nullptr;
        gs_stagesurf_t* stages[2] = {nullptr, nullptr};
        uint32_t width = 0;
        uint32_t height = 0;
        gs_color_format format = GS_RGBA;
        FramePool pool;

        void resize(uint32_t newWidth, uint32_t newHeight);
        std::optional<Frame> copy(int stage, PixelFormat pixelFormat, Millis time);
        void destroy();
    };

    gs_texrender_t* scene_ = nullptr;
    gs_effect_t* lumaEffect_ = nullptr;
    Readback luma_;
    Readback colour_; // the thumbnail with the luma effect, the whole frame without it
    int next_ = 0;
    bool staged_ = false;
    Millis stagedTime_{0};
};

} // namespace cg::obs
