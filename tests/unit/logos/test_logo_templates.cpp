#include "core/logos/logo_detector.hpp"
#include "core/logos/logo_templates.hpp"
#include "support/temp_folder.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <fstream>

namespace cg {
namespace {

const std::string kTemplates = std::string(CG_SOURCE_DIR) + "/data/logos";

std::string loadError(const std::filesystem::path& folder)
{
    try {
        LogoDetectorSettings settings;
        settings.templatesFolder = folder.string();
        LogoDetector detector(settings);
    } catch (const LogoTemplateError& error) {
        return error.what();
    }
    return "";
}

TEST(LogoTemplates, ShipsEveryListedBrandWithItsColour)
{
    const auto logos = loadLogoTemplates(kTemplates);
    std::set<std::string> slugs;
    for (const auto& logo : logos) {
        slugs.insert(logo.slug);
        EXPECT_FALSE(logo.mask.empty()) << logo.slug;
    }
    for (const char* slug : {"wechat",   "whatsapp",    "facebook",  "messenger", "instagram", "tiktok",
                             "kuaishou", "xiaohongshu", "bilibili",  "telegram",  "line",      "kakaotalk",
                             "zalo",     "viber",       "discord",   "twitch",    "snapchat",  "x",
                             "twitter",  "youtube",     "pinterest", "sinaweibo", "qq",        "alipay",
                             "paypal",   "taobao",      "shopee",    "amazon",    "ebay",      "aliexpress"})
        EXPECT_TRUE(slugs.contains(slug)) << slug;
    const auto wechat =
        std::find_if(logos.begin(), logos.end(), [](const auto& l) { return l.slug == "wechat"; });
    EXPECT_EQ(wechat->colourBgr, cv::Vec3b(0x60, 0xC1, 0x07));
}

TEST(LogoTemplates, AMissingManifestIsNamed)
{
    TempFolder folder;
    EXPECT_NE(loadError(folder.path()).find("manifest.json"), std::string::npos);
}

TEST(LogoTemplates, AMissingMaskIsNamed)
{
    TempFolder folder;
    std::ofstream(folder.path() / "manifest.json")
        << R"({"brands": [{"slug": "wechat", "title": "WeChat", "hex": "#07C160", "mask": "wechat.png"}]})";
    const auto error = loadError(folder.path());
    EXPECT_NE(error.find("wechat.png"), std::string::npos) << error;
}

TEST(LogoTemplates, ABadColourNamesTheManifest)
{
    TempFolder folder;
    cv::imwrite((folder.path() / "wechat.png").string(), cv::Mat(32, 32, CV_8U, cv::Scalar(255)));
    std::ofstream(folder.path() / "manifest.json")
        << R"({"brands": [{"slug": "wechat", "title": "WeChat", "hex": "green", "mask": "wechat.png"}]})";
    const auto error = loadError(folder.path());
    EXPECT_NE(error.find("manifest.json"), std::string::npos) << error;
    EXPECT_NE(error.find("green"), std::string::npos) << error;
}

TEST(LogoTemplates, BrokenJsonIsNamed)
{
    TempFolder folder;
    std::ofstream(folder.path() / "manifest.json") << "{\"brands\": [";
    EXPECT_NE(loadError(folder.path()).find("manifest.json"), std::string::npos);
}

} // namespace
} // namespace cg
