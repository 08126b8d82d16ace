#pragma once

#include "core/frame.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace cg {

// Reusable pixel buffers for frames copied off the GPU, so the graphics thread does not allocate
// once the pool has reached its working size. A buffer is free again when no frame shares it.
class FramePool {
  public:
    explicit FramePool(std::size_t maxBuffers = 6) : maxBuffers_(maxBuffers) {}

    // A tightly packed copy of the pixels in a free buffer, or nothing when every buffer is still
    // in use (the caller skips this frame; counted in framesSkipped()).
    std::optional<Frame> copy(PixelFormat format, int width, int height, int strideBytes,
                              const std::uint8_t* pixels, Millis time);

    [[nodiscard]] std::size_t buffers() const;
    [[nodiscard]] std::uint64_t framesSkipped() const;

  private:
    mutable std::mutex mutex_;
    std::size_t maxBuffers_;
    std::vector<std::shared_ptr<std::vector<std::uint8_t>>> buffers_;
    std::uint64_t skipped_ = 0;
};

} // namespace cg
