#include "core/text/number_scanning.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(TextLuhn, KnownCardNumbersPassAndAlteredOnesFail)
{
    EXPECT_TRUE(passesLuhn("4111111111111111"));
    EXPECT_TRUE(passesLuhn("5500000000000004"));
    EXPECT_TRUE(passesLuhn("6222021234567890128"));
    EXPECT_TRUE(passesLuhn("79927398713"));
    EXPECT_FALSE(passesLuhn("4111111111111112"));
    EXPECT_FALSE(passesLuhn("6222021234567890127"));
    EXPECT_FALSE(passesLuhn(""));
    EXPECT_FALSE(passesLuhn("4111 1111 1111 1111"));
}

TEST(TextChineseMobile, RecognisesOnlyElevenDigitMobilePrefixes)
{
    EXPECT_TRUE(isChineseMobile("13800138000"));
    EXPECT_TRUE(isChineseMobile("19912345678"));
    EXPECT_FALSE(isChineseMobile("12800138000"));
    EXPECT_FALSE(isChineseMobile("1380013800"));
    EXPECT_FALSE(isChineseMobile("138001380000"));
    EXPECT_FALSE(isChineseMobile("1380013800a"));
}

} // namespace
} // namespace cg
