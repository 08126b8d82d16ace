#include "core/codes/detection_merge.hpp"

#include <gtest/gtest.h>

namespace cg::codes {
namespace {

Detection square(std::string text, float x, float y, float size)
{
    Detection d;
    d.label = "QRCode";
    d.text = std::move(text);
    d.polygon = {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}};
    return d;
}

TEST(DetectionMerge, DropsTheSameCodeFoundAgainAtTheSamePlace)
{
    std::vector<Detection> all;
    addUnlessDuplicate(all, square("a", 100, 100, 50));
    addUnlessDuplicate(all, square("a", 103, 98, 52));
    EXPECT_EQ(all.size(), 1U);
}

TEST(DetectionMerge, KeepsSameTextElsewhereAndOtherTextsInPlace)
{
    std::vector<Detection> all;
    addUnlessDuplicate(all, square("a", 100, 100, 50));
    addUnlessDuplicate(all, square("a", 400, 100, 50));
    addUnlessDuplicate(all, square("b", 100, 100, 50));
    EXPECT_EQ(all.size(), 3U);
}

} // namespace
} // namespace cg::codes
