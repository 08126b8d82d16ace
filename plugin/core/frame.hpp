#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace cg {

enum class PixelFormat { Bgra, Rgba, Gray };

// Milliseconds on the session's timeline: wall time since start in OBS, media time in the CLI.
using Millis = std::chrono::milliseconds;

// A picture handed to the analyzer. It either wraps pixels it does not own (no copy; the caller
// keeps them alive while the frame is used) or shares ownership of its buffer, so a frame can be
// moved across threads without copying the pixels again.
class Frame {
  public:
    Frame() = default;

    static Frame wrap(PixelFormat format, int width, int height, int strideBytes, const std::uint8_t* pixels,
                      Millis time = Millis{0});
    static Frame copyOf(PixelFormat format, int width, int height, int strideBytes,
                        const std::uint8_t* pixels, Millis time = Millis{0});
    // Copies the pixels, tightly packed, into `buffer` (resized to fit) and shares it.
    static Frame copyInto(std::shared_ptr<std::vector<std::uint8_t>> buffer, PixelFormat format, int width,
                          int height, int strideBytes, const std::uint8_t* pixels, Millis time = Millis{0});
    // Shares the Mat's buffer (CV_8UC4 as BGRA unless told RGBA, CV_8UC1 as gray).
    static Frame fromMat(const cv::Mat& mat, Millis time = Millis{0},
                         PixelFormat fourChannelFormat = PixelFormat::Bgra);

    [[nodiscard]] bool empty() const { return pixels_ == nullptr; }
    [[nodiscard]] PixelFormat format() const { return format_; }
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] int strideBytes() const { return stride_; }
    [[nodiscard]] const std::uint8_t* pixels() const { return pixels_; }
    [[nodiscard]] Millis time() const { return time_; }
    [[nodiscard]] bool ownsPixels() const { return owner_ != nullptr; }

    // A smaller colour picture of the same moment, for evidence, when the analysed frame itself is
    // gray (the filter reads back luma at full size and colour only as a thumbnail).
    [[nodiscard]] Frame withPreview(Frame preview) const;
    [[nodiscard]] const Frame* preview() const { return preview_.get(); }
    // An owning copy of the frame and of its preview.
    [[nodiscard]] Frame deepCopy() const;

    // A cv::Mat header over the same pixels (no copy); valid while this frame's pixels are.
    [[nodiscard]] cv::Mat view() const;
    // The frame as 8-bit gray, converting only when it is not gray already.
    [[nodiscard]] cv::Mat gray() const;
    // The frame as 8-bit gray `width` pixels wide, aspect kept (area-averaged when shrinking,
    // bilinear when enlarging). Colour is scaled before it is converted: the cheaper order.
    [[nodiscard]] cv::Mat grayScaledTo(int width) const;
    // The frame as 8-bit BGR, always a new buffer.
    [[nodiscard]] cv::Mat bgr() const;

  private:
    std::shared_ptr<const void> owner_;
    std::shared_ptr<const Frame> preview_;
    const std::uint8_t* pixels_ = nullptr;
    PixelFormat format_ = PixelFormat::Bgra;
    int width_ = 0;
    int height_ = 0;
    int stride_ = 0;
    Millis time_{0};
};

int bytesPerPixel(PixelFormat format);

} // namespace cg
