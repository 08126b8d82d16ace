#include "core/frame_pool.hpp"

namespace cg {

std::optional<Frame> FramePool::copy(PixelFormat format, int width, int height, int strideBytes,
                                     const std::uint8_t* pixels, Millis time)
{
    const std::size_t bytes =
        static_cast<std::size_t>(width * bytesPerPixel(format)) * static_cast<std::size_t>(height);
    std::shared_ptr<std::vector<std::uint8_t>> buffer;
    {
        std::lock_guard lock(mutex_);
        for (const auto& candidate : buffers_)
            if (candidate.use_count() == 1) {
                buffer = candidate;
                break;
            }
        if (!buffer && buffers_.size() < maxBuffers_)
            buffer = buffers_.emplace_back(std::make_shared<std::vector<std::uint8_t>>(bytes));
        if (!buffer) {
            ++skipped_;
            return std::nullopt;
        }
    }
    if (buffer->size() != bytes)
        buffer->resize(bytes); // only when the analysis size changes
    return Frame::copyInto(std::move(buffer), format, width, height, strideBytes, pixels, time);
}

std::size_t FramePool::buffers() const
{
    std::lock_guard lock(mutex_);
    return buffers_.size();
}

std::uint64_t FramePool::framesSkipped() const
{
    std::lock_guard lock(mutex_);
    return skipped_;
}

} // namespace cg
