#pragma once

#include "core/frame.hpp"
#include "core/frame_pool.hpp"

#include <graphics/graphics.h>
#include <graphics/vec4.h>
#include <obs.h>

#include <optional>
#include <string>

namespace cg::obs {

// Reads a picture back from the GPU without stalling the graphics thread, one step per frame: the
// picture is downscaled into textures in frame N, copied into staging surfaces in frame N+1 (the
// textures were finished with frame N, so the copy waits for nothing drawn in N+1) and mapped in
// frame N+2, when the copy has long finished, then copied into a pooled buffer while mapped.
//
// With the luma effect it reads back what the detectors need at full analysis size as luma, four
// pixels packed into each RGBA texel, plus a colour thumbnail for evidence: about a third of the
// bytes of the colour frame and a quarter of the shader runs, which is most of what capturing costs
// when the GPU is emulated on the CPU (tests/bench/RESULTS.md).
// Without it (the effect file missing or not compiling) it reads back the colour frame.
// Graphics thread only; create and destroy inside the graphics context.
class FrameReader {
  public:
    explicit FrameReader(const std::string& lumaEffectFile);
    ~FrameReader();
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;

    // Once per frame: stages what was rendered in the previous frame, or returns the frame staged in
    // the previous frame (gray with a colour preview, or colour when there is no luma effect).
    std::optional<Frame> advance();
    // Whether a new picture can be rendered (the previous one has been collected).
    [[nodiscard]] bool ready() const { return step_ == Step::Idle; }
    // Renders `target` at width x height (its aspect kept by the caller).
    void render(obs_source_t* target, uint32_t sourceWidth, uint32_t sourceHeight, uint32_t width,
                uint32_t height, Millis time);
    // Renders a picture that is already drawn (the program output), scaled to width x height.
    void render(gs_texture_t* picture, uint32_t width, uint32_t height, Millis time);

    [[nodiscard]] bool readsLuma() const { return lumaEffect_ != nullptr; }

  private:
    enum class Step { Idle, Rendered, Staged };

    struct Readback {
        gs_texrender_t* render = nullptr;
        gs_stagesurf_t* stage = nullptr;
        uint32_t width = 0;
        uint32_t height = 0;
        gs_color_format format = GS_RGBA;
        uint32_t pixelsPerTexel = 1; // 4 for gray packed into RGBA texels
        bool used = false;           // rendered for the picture in flight
        FramePool pool;

        void resize(uint32_t newWidth, uint32_t newHeight);
        void stageRendered();
        std::optional<Frame> copy(PixelFormat pixelFormat, Millis time);
        void destroy();
    };

    gs_texrender_t* scene_ = nullptr;
    gs_effect_t* lumaEffect_ = nullptr;
    Readback luma_;
    Readback colour_; // the thumbnail with the luma effect, the whole frame without it
    Step step_ = Step::Idle;
    Millis time_{0};
};

} // namespace cg::obs
