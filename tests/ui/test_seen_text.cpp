#include "test_translation.hpp"

#include "ui/seen_text.hpp"

#include <gtest/gtest.h>

namespace cg::ui {
namespace {

const std::vector<SeenItem> kWeChatAndWhatsApp{{"text", "wechat", "VX abc123", "lower_right"},
                                               {"logo", "whatsapp", "WhatsApp", "upper_left"}};

TEST(SeenText, SaysWhatWasSeenAndWhereInEnglish)
{
    test::useLanguage("en-US");
    EXPECT_EQ(seenText(kWeChatAndWhatsApp, "ignored"),
              "WeChat ID shown: VX abc123, lower right; WhatsApp logo, upper left");
    EXPECT_TRUE(test::missingKeys().empty());
}

TEST(SeenText, SaysWhatWasSeenAndWhereInChinese)
{
    test::useLanguage("zh-CN");
    EXPECT_EQ(seenText(kWeChatAndWhatsApp, "ignored"),
              QString::fromUtf8("显示微信号：VX abc123，右下；WhatsApp 标志，左上"));
    test::useLanguage("en-US");
}

TEST(SeenText, ACategoryWithoutWordingShowsItsTextAndNoItemsShowTheDetail)
{
    test::useLanguage("en-US");
    EXPECT_EQ(seenText({{"static_picture", "static_picture", "", ""}}, "95% unchanged"), "95% unchanged");
    EXPECT_EQ(seenText({{"qr_code", "QRCode", "https://wa.me/1", "centre"}}, "x"),
              "QR code: https://wa.me/1, centre");
    EXPECT_EQ(seenText({}, "41% of the canvas is black"), "41% of the canvas is black");
}

} // namespace
} // namespace cg::ui
