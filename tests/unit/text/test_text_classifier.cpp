#include "core/rules/rule_pack_loader.hpp"
#include "core/text/text_classifier.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace cg {
namespace {

// The word lists of the Alibaba.com pack, so the tests exercise what streams are checked with.
TextClassifierSettings packSettings()
{
    return loadRulePack(CG_SOURCE_DIR "/data/rules/alibaba.json").screenText;
}

const TextClassifierSettings& settings()
{
    static const TextClassifierSettings loaded = packSettings();
    return loaded;
}

// "kind:text" for each finding, in order, after checking each finding's offsets match its text.
std::vector<std::string> describe(std::string_view line)
{
    std::vector<std::string> described;
    for (const TextFinding& finding : classifyText(line, settings())) {
        EXPECT_EQ(line.substr(finding.begin, finding.end - finding.begin), finding.text) << line;
        described.push_back(finding.kind + ":" + finding.text);
    }
    return described;
}

struct LineCase {
    const char* line;
    std::vector<std::string> expected;
};

void PrintTo(const LineCase& c, std::ostream* out)
{
    *out << c.line;
}

class TextClassifierLines : public testing::TestWithParam<LineCase> {};

TEST_P(TextClassifierLines, FindsExactlyTheExpectedKindsAndTexts)
{
    EXPECT_EQ(describe(GetParam().line), GetParam().expected) << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(Phones, TextClassifierLines,
                         testing::Values(LineCase{"联系电话 13800138000", {"phone:13800138000"}},
                                         LineCase{"Call +86 138 0013 8000 now", {"phone:+86 138 0013 8000"}},
                                         LineCase{"手机：138-0013-8000", {"phone:138-0013-8000"}},
                                         LineCase{"0086 13912345678 24h", {"phone:0086 13912345678"}},
                                         LineCase{"电话:010-12345678", {"phone:010-12345678"}},
                                         LineCase{"(0755) 8765 4321 欢迎来电", {"phone:(0755) 8765 4321"}},
                                         LineCase{"客服热线 400-820-8820", {"phone:400-820-8820"}},
                                         LineCase{"+1 (415) 555-0132", {"phone:+1 (415) 555-0132"}},
                                         LineCase{"WhatsApp: +44 20 7946 0958",
                                                  {"platform_name:WhatsApp", "phone:+44 20 7946 0958"}},
                                         LineCase{"电话 l38OO138OOO", {"phone:l38OO138OOO"}},
                                         LineCase{"电话：１３８００１３８０００",
                                                  {"phone:１３８００１３８０００"}},
                                         LineCase{"Tel:139 1234 5678!", {"phone:139 1234 5678"}},
                                         LineCase{"¥199 13800138000", {"phone:13800138000"}},
                                         LineCase{"2024-05-01 13800138000", {"phone:13800138000"}},
                                         LineCase{"2024 13800138000", {"phone:13800138000"}},
                                         LineCase{"138 0013 8000 5件", {"phone:138 0013 8000"}},
                                         LineCase{"Call 1-800-555-0199", {"phone:800-555-0199"}},
                                         LineCase{"(+86)13800138000", {"phone:(+86)13800138000"}}));

INSTANTIATE_TEST_SUITE_P(
    NumbersThatAreNotContacts, TextClassifierLines,
    testing::Values(LineCase{"¥199 包邮", {}}, LineCase{"$19.99 only today", {}}, LineCase{"￥1,299.00", {}},
                    LineCase{"活动时间 2024-05-01 至 2024-05-07", {}}, LineCase{"2024/05/01 20:00 开播", {}},
                    LineCase{"iPhone 15 Pro Max 256GB", {}}, LineCase{"SKU 12345678", {}},
                    LineCase{"订单号：13800138000", {}}, LineCase{"Order No. 20240501123456789", {}},
                    LineCase{"订单号 6222021234567890128", {}}, LineCase{"Tracking 5500000000000004", {}},
                    LineCase{"价格 1380 元", {}}, LineCase{"Size 36 37 38 39 40 41 42", {}},
                    LineCase{"库存 99999 件 月销 10万+", {}}, LineCase{"Battery 5000mAh 13800138000mAh", {}},
                    LineCase{"Model ABC13800138000", {}}, LineCase{"折扣 13800138000%", {}},
                    LineCase{"重量 1.3800138000 kg", {}}, LineCase{"0123456789", {}},
                    LineCase{"Solo 5S lOl", {}}));

INSTANTIATE_TEST_SUITE_P(
    BankCards, TextClassifierLines,
    testing::Values(LineCase{"银行卡号 6222 0212 3456 7890 128", {"bank_card:6222 0212 3456 7890 128"}},
                    LineCase{"Pay to 4111 1111 1111 1111", {"bank_card:4111 1111 1111 1111"}},
                    LineCase{"卡号：6212261102000000003", {"bank_card:6212261102000000003"}},
                    LineCase{"5500-0000-0000-0004 转账", {"bank_card:5500-0000-0000-0004"}},
                    LineCase{"卡号 S218 1447 3702 34351 真实拍摄", {"bank_card:S218 1447 3702 3435"}},
                    LineCase{"4111 1111 1111 11111", {"bank_card:4111 1111 1111 1111"}},
                    LineCase{"41111 111 1111 11111", {}}, LineCase{"4111-1111-1111-1112", {}},
                    LineCase{"Order 4111111111111111", {}}, LineCase{"7111111111111111", {}}));

INSTANTIATE_TEST_SUITE_P(
    Wechat, TextClassifierLines,
    testing::Values(LineCase{"加微信：shop_888 领优惠", {"wechat:微信：shop_888"}},
                    LineCase{"VX: Lily2024", {"wechat:VX: Lily2024"}},
                    LineCase{"vx13800138000", {"wechat:vx13800138000"}},
                    LineCase{"威信：138 0013 8000", {"wechat:威信：138 0013 8000"}},
                    LineCase{"WeChat ID: anna_trade", {"wechat:WeChat ID: anna_trade"}},
                    LineCase{"加V：abc12345", {"wechat:加V：abc12345"}},
                    LineCase{"加V信 lily_2024", {"wechat:V信 lily_2024"}},
                    LineCase{"加Vfashion_sunny60", {"wechat:加Vfashion_sunny60"}},
                    LineCase{"VXfashion_sunny60", {}}, LineCase{"WX lucky home6", {"wechat:WX lucky home6"}},
                    LineCase{"VX: lucky draw today", {}},
                    LineCase{"薇信 lily_2024", {"wechat:薇信 lily_2024"}},
                    LineCase{"weixin:lilyshop", {"wechat:weixin:lilyshop"}},
                    LineCase{"微信号lilyshop88", {"wechat:微信号lilyshop88"}},
                    LineCase{"微信同号 13800138000", {"platform_name:微信", "phone:13800138000"}},
                    LineCase{"WeChat available for support", {"platform_name:WeChat"}},
                    LineCase{"微信支付", {"platform_name:微信"}}, LineCase{"wxyz123456", {}},
                    LineCase{"vx: ab1", {}}));

INSTANTIATE_TEST_SUITE_P(Qq, TextClassifierLines,
                         testing::Values(LineCase{"QQ：123456789", {"qq:QQ：123456789"}},
                                         LineCase{"扣扣 987654", {"qq:扣扣 987654"}},
                                         LineCase{"QQ群 12345678", {"qq:QQ群 12345678"}},
                                         LineCase{"企鹅号:2345678", {"qq:企鹅号:2345678"}},
                                         LineCase{"qq5201314", {"qq:qq5201314"}},
                                         LineCase{"QQ 123", {"platform_name:QQ"}},
                                         LineCase{"qqq 12345", {}}));

INSTANTIATE_TEST_SUITE_P(
    WebAddressesAndHandles, TextClassifierLines,
    testing::Values(LineCase{"Email: sales@example.com", {"email:sales@example.com"}},
                    LineCase{"联系邮箱 12345678@qq.com", {"email:12345678@qq.com"}},
                    LineCase{"合作邮箱lucky967@gmail .", {"email:lucky967@gmail"}},
                    LineCase{"Mail nina17@qq com", {"email:nina17@qq com"}},
                    LineCase{"Email: oscar:Wear@163¥com", {"email:Wear@163¥com"}}, LineCase{"abc@qqq 12", {}},
                    LineCase{"ab@gmailer", {}},
                    LineCase{"ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｏｍ",
                             {"email:ｓａｌｅｓ＠ｅｘａｍｐｌｅ．ｃｏｍ"}},
                    LineCase{"Visit https://shop.example.com/p/123.", {"url:https://shop.example.com/p/123"}},
                    LineCase{"www.myshop.cn", {"url:www.myshop.cn"}},
                    LineCase{"shop.example.com 全场包邮", {"url:shop.example.com"}},
                    LineCase{"t.me/lilyshop", {"url:t.me/lilyshop"}},
                    LineCase{"wa.me/8613800138000", {"url:wa.me/8613800138000"}},
                    LineCase{"JD.com 自营", {"url:JD.com"}},
                    LineCase{"下单链接bitly/D5Ma46Z", {"url:bitly/D5Ma46Z"}},
                    LineCase{"链接 dwzcn/Ab3x", {"url:dwzcn/Ab3x"}}, LineCase{"bitly/ab", {}},
                    LineCase{"mybitly/abcd", {}}, LineCase{"Home/Office", {}},
                    LineCase{"wa me/8613800138000", {"url:wa me/8613800138000"}},
                    LineCase{"Telegram tme/lily_shop", {"platform_name:Telegram", "url:tme/lily_shop"}},
                    LineCase{"let me/you know", {}}, LineCase{"wa me/ab", {}},
                    LineCase{"Follow @lily_shop for more", {"handle:@lily_shop"}},
                    LineCase{"IG: @shop.daily.", {"handle:@shop.daily"}},
                    LineCase{"Follow us on X @lilyshop", {"platform_name:X", "handle:@lilyshop"}},
                    LineCase{"Order on alibaba.com today", {}}, LineCase{"see m.alibaba.com/abc", {}},
                    LineCase{"No.1 e.g. 3.14 v1.2.3 Mr.Li", {"absolute_claim:No.1"}},
                    LineCase{"iPhone15.Pro 2 @ $5 @199", {}}));

INSTANTIATE_TEST_SUITE_P(
    PlatformAccounts, TextClassifierLines,
    testing::Values(LineCase{"抖音号: cocoshop985", {"handle:抖音号: cocoshop985"}},
                    LineCase{"快手号 88123456", {"handle:快手号 88123456"}},
                    LineCase{"拌音号: gold60", {"handle:拌音号: gold60"}}, LineCase{"拌音 新品", {}},
                    LineCase{"小红书号：lily.home", {"handle:小红书号：lily.home"}},
                    LineCase{"TikTok ID lily_shop", {"handle:TikTok ID lily_shop"}},
                    LineCase{"Instagram: bella.decor.", {"handle:Instagram: bella.decor"}},
                    LineCase{"抖音同款 新品", {"platform_name:抖音"}},
                    LineCase{"快手小店上新", {"platform_name:快手"}},
                    LineCase{"TikTok shop best", {"platform_name:TikTok", "absolute_claim:best"}},
                    LineCase{"抖音号: 123", {"platform_name:抖音"}}, LineCase{"big: 12345678", {}}));

INSTANTIATE_TEST_SUITE_P(
    PlatformNames, TextClassifierLines,
    testing::Values(LineCase{"Find us on TikTok and 抖音", {"platform_name:TikTok", "platform_name:抖音"}},
                    LineCase{"淘宝同款", {"platform_name:淘宝"}},
                    LineCase{"Tmall天猫旗舰店", {"platform_name:Tmall", "platform_name:天猫"}},
                    LineCase{"支付宝转账", {"platform_name:支付宝"}},
                    LineCase{"PAYPAL accepted", {"platform_name:PAYPAL"}},
                    LineCase{"加LINE：lily88", {"platform_name:LINE"}},
                    LineCase{"LINE ID: lily88", {"platform_name:LINE"}},
                    LineCase{"Add LINE lily88", {"platform_name:LINE"}},
                    LineCase{"LINE号 lily88", {"platform_name:LINE"}},
                    LineCase{"Messenger: @lilyshop", {"platform_name:Messenger", "handle:@lilyshop"}},
                    LineCase{"Product line: Summer 2024", {}}, LineCase{"NEW LINE ARRIVED", {}},
                    LineCase{"Online store", {}}, LineCase{"Messenger bag 30% off", {}},
                    LineCase{"Size X / XL", {}}, LineCase{"JDK 21 Taobaoo", {}},
                    LineCase{"Alibaba.com 阿里巴巴 Alibaba", {}},
                    LineCase{"AliExpress 速卖通", {"platform_name:AliExpress", "platform_name:速卖通"}}));

INSTANTIATE_TEST_SUITE_P(
    AbsoluteClaims, TextClassifierLines,
    testing::Values(LineCase{"The best price", {"absolute_claim:best"}},
                    LineCase{"BEST QUALITY", {"absolute_claim:BEST"}}, LineCase{"Bestow your gifts", {}},
                    LineCase{"No.1 brand in China", {"absolute_claim:No.1"}}, LineCase{"No. 10 item", {}},
                    LineCase{"#1 seller", {"absolute_claim:#1"}},
                    LineCase{"World's best coffee", {"absolute_claim:World's best"}},
                    LineCase{"World’s best", {"absolute_claim:World’s best"}},
                    LineCase{"number one choice", {"absolute_claim:number one"}},
                    LineCase{"Best before 2025-01-01", {}}, LineCase{"(Best before2026-05,", {}},
                    LineCase{"Best bef r 6 05", {}}, LineCase{"Best be 2026", {"absolute_claim:Best"}},
                    LineCase{"100% cotton", {}}, LineCase{"全网最低价", {"absolute_claim:全网最低"}},
                    LineCase{"史上最强", {"absolute_claim:史上最"}},
                    LineCase{"最好的面膜", {"absolute_claim:最"}}, LineCase{"最后一天", {}},
                    LineCase{"第一次直播", {}},
                    LineCase{"销量第一 顶级品质", {"absolute_claim:第一", "absolute_claim:顶级"}},
                    LineCase{"唯一正品", {"absolute_claim:唯一"}}));

INSTANTIATE_TEST_SUITE_P(MixedLines, TextClassifierLines,
                         testing::Values(LineCase{"全网最低！加微信 lily_2024 或拨打 13800138000",
                                                  {"absolute_claim:全网最低", "wechat:微信 lily_2024",
                                                   "phone:13800138000"}},
                                         LineCase{"Best deal! WhatsApp +8613800138000 / sales@shop.com",
                                                  {"absolute_claim:Best", "platform_name:WhatsApp",
                                                   "phone:+8613800138000", "email:sales@shop.com"}},
                                         LineCase{"新款连衣裙 ¥199 限时包邮 2024-06-18", {}},
                                         LineCase{"Summer dress, 100% cotton, sizes S M L XL", {}}));

TEST(TextClassifier, WordListsComeFromTheSettings)
{
    const std::string line = "Find us on TikTok, the best shop";
    EXPECT_TRUE(classifyText(line, TextClassifierSettings{}).empty());

    TextClassifierSettings custom;
    custom.platformNames = {"tiktok"};
    custom.absoluteClaims = {"best shop"};
    const auto findings = classifyText(line, custom);
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_EQ(findings[0], (TextFinding{"platform_name", "TikTok", 11, 17}));
    EXPECT_EQ(findings[1], (TextFinding{"absolute_claim", "best shop", 23, 32}));

    custom.allowedPlatforms = {"TikTok"};
    EXPECT_EQ(classifyText(line, custom).size(), 1U);
}

TEST(TextClassifier, ContactDetailsNeedNoWordLists)
{
    const auto findings = classifyText("微信：shop_888 电话 13800138000", TextClassifierSettings{});
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_EQ(findings[0].kind, "wechat");
    EXPECT_EQ(findings[1].kind, "phone");
    EXPECT_EQ(findings[1].text, "13800138000");
}

TEST(TextClassifier, EmptyAndOddInputGiveNoFindings)
{
    EXPECT_TRUE(classifyText("", settings()).empty());
    EXPECT_TRUE(classifyText("   ", settings()).empty());
    EXPECT_TRUE(classifyText(std::string("\xFF\xFE\xE4\xB8", 4), settings()).empty());
    TextClassifierSettings blankWords;
    blankWords.platformNames = {"", "  "};
    EXPECT_TRUE(classifyText("anything", blankWords).empty());
}

TEST(TextClassifier, RandomNoiseGivesWellFormedFindings)
{
    // Pieces OCR produces, shuffled into lines: every finding must be a non-empty, in-bounds span.
    const std::vector<std::string> pieces = {"1",    "3",   "8",    "0",    "O",  "l",  " ",  "-",
                                             "+",    "@",   ".",    ":",    "：", "微", "信", "QQ",
                                             "vx",   "com", "www",  "/",    "¥",  "１", "最", "best",
                                             "LINE", "加",  "\xE4", "\xB8", "(",  ")",  "a",  "_"};
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(1, 40);
    std::size_t total = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string line;
        for (int i = length(random); i > 0; --i) {
            line += pieces[pick(random)];
        }
        for (const TextFinding& finding : classifyText(line, settings())) {
            ASSERT_LT(finding.begin, finding.end) << line;
            ASSERT_LE(finding.end, line.size()) << line;
            ASSERT_EQ(line.substr(finding.begin, finding.end - finding.begin), finding.text) << line;
            ++total;
        }
    }
    EXPECT_GT(total, 0U); // the noise does contain numbers, markers and claims
}

} // namespace
} // namespace cg
