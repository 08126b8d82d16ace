#pragma once

#include "core/frame.hpp"
#include "core/frame_pool.hpp"

#include <graphics/graphics.h>
#include <graphics/vec4.h>
#include <obs.h>

#include <optional>

namespace cg::obs {

// Reads a source's picture back from the GPU without stalling the graphics thread: a frame is
// rendered (downscaled) into a texture and staged in one video_render call and mapped in the next,
// when the copy has long finished, then copied into a pooled buffer while mapped.
// Graphics thread only; create and destroy inside the graphics context.
class FrameReader {
  public:
    FrameReader();
    ~FrameReader();
    FrameReader(const FrameReader&) = delete;
    FrameReader& operator=(const FrameReader&) = delete;

    // The frame staged by the previous call to stage(), if any.
    std::optional<Frame> collect();
    // Renders `target` at width x height (its aspect kept by the caller) and stages it.
    void stage(obs_source_t* target, uint32_t sourceWidth, uint32_t sourceHeight, uint32_t width,
               uint32_t height, Millis time);

    [[nodiscard]] bool hasStagedFrame() const { return staged_; }
    [[nodiscard]] const FramePool& pool() const { return pool_; }

  private:
    gs_texrender_t* texrender_ = nullptr;
    gs_stagesurf_t* stages_[2] = {nullptr, nullptr};
    uint32_t width_ = 0;
    uint32_t height_ = 0;
    int next_ = 0;
    bool staged_ = false;
    Millis stagedTime_{0};
    FramePool pool_;
};

} // namespace cg::obs
