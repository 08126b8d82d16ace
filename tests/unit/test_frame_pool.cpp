#include "core/frame_pool.hpp"

#include <gtest/gtest.h>
#include <vector>

namespace cg {
namespace {

TEST(FramePool, ReusesABufferOnceNoFrameSharesIt)
{
    FramePool pool(2);
    std::vector<std::uint8_t> pixels(4 * 4 * 4, 9);
    const std::uint8_t* firstBuffer = nullptr;
    {
        std::optional<Frame> first = pool.copy(PixelFormat::Rgba, 4, 4, 16, pixels.data(), Millis{1});
        ASSERT_TRUE(first);
        firstBuffer = first->pixels();
    }
    std::optional<Frame> again = pool.copy(PixelFormat::Rgba, 4, 4, 16, pixels.data(), Millis{2});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->pixels(), firstBuffer) << "no new allocation once the pool has a free buffer";
    EXPECT_EQ(pool.buffers(), 1u);
    EXPECT_EQ(again->time(), Millis{2});
}

TEST(FramePool, SkipsAFrameWhenEveryBufferIsStillInUse)
{
    FramePool pool(2);
    std::vector<std::uint8_t> pixels(2 * 2, 5);
    std::optional<Frame> a = pool.copy(PixelFormat::Gray, 2, 2, 2, pixels.data(), Millis{0});
    std::optional<Frame> b = pool.copy(PixelFormat::Gray, 2, 2, 2, pixels.data(), Millis{0});
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->pixels(), b->pixels());
    EXPECT_FALSE(pool.copy(PixelFormat::Gray, 2, 2, 2, pixels.data(), Millis{0}).has_value());
    EXPECT_EQ(pool.framesSkipped(), 1u);
    b.reset();
    EXPECT_TRUE(pool.copy(PixelFormat::Gray, 2, 2, 2, pixels.data(), Millis{0}).has_value());
}

TEST(FramePool, CopiesRowsPastTheSourceStride)
{
    FramePool pool;
    std::vector<std::uint8_t> pixels(3 * 8, 0); // 2 gray pixels per row, 8-byte stride
    pixels[8 + 1] = 77;
    std::optional<Frame> frame = pool.copy(PixelFormat::Gray, 2, 3, 8, pixels.data(), Millis{0});
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->strideBytes(), 2);
    EXPECT_EQ(frame->view().at<std::uint8_t>(1, 1), 77);
}

} // namespace
} // namespace cg
