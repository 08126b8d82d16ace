#include "core/frame.hpp"

#include <algorithm>
#include <cmath>

#include <cstring>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <vector>

namespace cg {

int bytesPerPixel(PixelFormat format)
{
    return format == PixelFormat::Gray ? 1 : 4;
}

Frame Frame::wrap(PixelFormat format, int width, int height, int strideBytes, const std::uint8_t* pixels,
                  Millis time)
{
    if (width <= 0 || height <= 0 || pixels == nullptr || strideBytes < width * bytesPerPixel(format))
        throw std::invalid_argument("Frame::wrap: bad size, stride or pixel pointer");
    Frame frame;
    frame.pixels_ = pixels;
    frame.format_ = format;
    frame.width_ = width;
    frame.height_ = height;
    frame.stride_ = strideBytes;
    frame.time_ = time;
    return frame;
}

Frame Frame::copyOf(PixelFormat format, int width, int height, int strideBytes, const std::uint8_t* pixels,
                    Millis time)
{
    return copyInto(std::make_shared<std::vector<std::uint8_t>>(), format, width, height, strideBytes, pixels,
                    time);
}

Frame Frame::copyInto(std::shared_ptr<std::vector<std::uint8_t>> buffer, PixelFormat format, int width,
                      int height, int strideBytes, const std::uint8_t* pixels, Millis time)
{
    Frame frame = wrap(format, width, height, strideBytes, pixels, time);
    const auto rowBytes = static_cast<std::size_t>(width * bytesPerPixel(format));
    buffer->resize(rowBytes * static_cast<std::size_t>(height));
    if (static_cast<std::size_t>(strideBytes) == rowBytes) {
        std::memcpy(buffer->data(), pixels, buffer->size());
    } else {
        for (int row = 0; row < height; ++row)
            std::memcpy(buffer->data() + rowBytes * static_cast<std::size_t>(row),
                        pixels + static_cast<std::ptrdiff_t>(row) * strideBytes, rowBytes);
    }
    frame.pixels_ = buffer->data();
    frame.stride_ = static_cast<int>(rowBytes);
    frame.owner_ = std::move(buffer);
    return frame;
}

Frame Frame::fromMat(const cv::Mat& mat, Millis time, PixelFormat fourChannelFormat)
{
    if (mat.depth() != CV_8U || (mat.channels() != 1 && mat.channels() != 4))
        throw std::invalid_argument("Frame::fromMat: need an 8-bit gray or four-channel image");
    const PixelFormat format = mat.channels() == 1 ? PixelFormat::Gray : fourChannelFormat;
    Frame frame = wrap(format, mat.cols, mat.rows, static_cast<int>(mat.step[0]), mat.data, time);
    frame.owner_ = std::make_shared<cv::Mat>(mat); // shares the Mat's reference-counted buffer
    return frame;
}

Frame Frame::withPreview(Frame preview) const
{
    Frame out = *this;
    out.preview_ = preview.empty() ? nullptr : std::make_shared<const Frame>(std::move(preview));
    return out;
}

Frame Frame::deepCopy() const
{
    if (empty())
        return {};
    Frame copy = copyOf(format_, width_, height_, stride_, pixels_, time_);
    if (preview_)
        copy.preview_ = std::make_shared<const Frame>(preview_->deepCopy());
    return copy;
}

cv::Mat Frame::view() const
{
    if (empty())
        return {};
    const int type = format_ == PixelFormat::Gray ? CV_8UC1 : CV_8UC4;
    return {height_, width_, type, const_cast<std::uint8_t*>(pixels_), static_cast<std::size_t>(stride_)};
}

cv::Mat Frame::gray() const
{
    if (empty() || format_ == PixelFormat::Gray)
        return view();
    cv::Mat out;
    cv::cvtColor(view(), out, format_ == PixelFormat::Bgra ? cv::COLOR_BGRA2GRAY : cv::COLOR_RGBA2GRAY);
    return out;
}

cv::Mat Frame::grayScaledTo(int width) const
{
    if (empty() || width <= 0)
        return {};
    const cv::Size size(
        width, std::max(1, static_cast<int>(std::lround(static_cast<double>(height_) * width / width_))));
    cv::Mat scaled;
    cv::resize(view(), scaled, size, 0, 0, width < width_ ? cv::INTER_AREA : cv::INTER_LINEAR);
    if (format_ != PixelFormat::Gray)
        cv::cvtColor(scaled, scaled,
                     format_ == PixelFormat::Bgra ? cv::COLOR_BGRA2GRAY : cv::COLOR_RGBA2GRAY);
    return scaled;
}

cv::Mat Frame::bgr() const
{
    cv::Mat out;
    if (empty())
        return out;
    switch (format_) {
    case PixelFormat::Gray:
        cv::cvtColor(view(), out, cv::COLOR_GRAY2BGR);
        break;
    case PixelFormat::Bgra:
        cv::cvtColor(view(), out, cv::COLOR_BGRA2BGR);
        break;
    case PixelFormat::Rgba:
        cv::cvtColor(view(), out, cv::COLOR_RGBA2BGR);
        break;
    }
    return out;
}

} // namespace cg
