#include "core/text/text_normalisation.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(TextNormalisation, FullWidthBecomesHalfWidthAndOffsetsPointBack)
{
    const std::string line = "微信：ＡＢＣ１２３";
    const NormalisedLine normalised = normaliseOcrLine(line);
    EXPECT_EQ(normalised.text, "微信:ABC123");
    ASSERT_EQ(normalised.sourceBegin.size(), normalised.text.size());
    // "A" is the 8th byte of the normalised text ("微信" 6 bytes, ':' 1) and came from bytes 9..12.
    const auto [begin, end] = normalised.sourceSpan(7, 8);
    EXPECT_EQ(line.substr(begin, end - begin), "Ａ");
    const auto [allBegin, allEnd] = normalised.sourceSpan(0, normalised.text.size());
    EXPECT_EQ(allBegin, 0U);
    EXPECT_EQ(allEnd, line.size());
}

TEST(TextNormalisation, TypographicSpacesDashesAndQuotesBecomeAscii)
{
    EXPECT_EQ(normaliseOcrLine("138—0013–8000").text, "138-0013-8000");
    EXPECT_EQ(normaliseOcrLine("World’s　best").text, "World's best");
    EXPECT_EQ(normaliseOcrLine("￥199").text, "¥199");
}

TEST(TextNormalisation, DigitLookAlikesAreFixedOnlyInsideDigitRuns)
{
    EXPECT_EQ(normaliseOcrLine("l38OO138OOO").digits, "13800138000");
    EXPECT_EQ(normaliseOcrLine("Tel: 1S8 OO13 8OOO").digits, "Tel: 158 0013 8000");
    // Words keep their letters, and a lone digit does not turn its neighbour into one.
    EXPECT_EQ(normaliseOcrLine("Solo lOl 5S 30lbs iPhone").digits, "Solo lOl 5S 30lbs iPhone");
    // The text view never changes letters.
    EXPECT_EQ(normaliseOcrLine("l38OO138OOO").text, "l38OO138OOO");
}

TEST(TextNormalisation, BrokenUtf8IsKeptByteForByte)
{
    const std::string line = std::string("ab\xE4\xB8") + "cd";
    const NormalisedLine normalised = normaliseOcrLine(line);
    EXPECT_EQ(normalised.text, line);
    EXPECT_EQ(normalised.sourceBegin.size(), line.size());
}

} // namespace
} // namespace cg
