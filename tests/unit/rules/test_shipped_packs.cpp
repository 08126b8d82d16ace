#include "core/audio_level.hpp"
#include "core/default_detectors.hpp"
#include "core/layout/frame_health.hpp"
#include "core/layout/layout_check.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "core/text/text_finding.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cg {
namespace {

using test::shippedRulesDir;

const std::vector<std::string> kShippedPacks = {"alibaba", "aliexpress", "generic-strict", "zhinong"};

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(ShippedPacks, TheFolderHoldsExactlyTheDocumentedPacks)
{
    std::vector<std::string> ids;
    for (const auto& file : listRulePackFiles(shippedRulesDir()))
        ids.push_back(file.stem().string());
    EXPECT_EQ(ids, kShippedPacks);
}

class ShippedPack : public testing::TestWithParam<std::string> {};

TEST_P(ShippedPack, LoadsWithBothLanguagesAndASource)
{
    const RulePack pack = loadRulePack(shippedRulesDir() / (GetParam() + ".json"));
    EXPECT_EQ(pack.id, GetParam());
    EXPECT_FALSE(pack.name.en.empty());
    EXPECT_FALSE(pack.name.zh.empty());
    EXPECT_NE(pack.source.document.find("rules-sources/"), std::string::npos)
        << "the source names its file in ../shared/rules-sources";
    EXPECT_TRUE(pack.source.originalLanguage == "en-US" || pack.source.originalLanguage == "zh-CN")
        << "every shipped pack says which language is quoted and which is translated";
}

TEST_P(ShippedPack, AQrCodeOnAirIsABreachAtOnce)
{
    const RulePack pack = loadRulePack(shippedRulesDir() / (GetParam() + ".json"));
    const Rule* qr = pack.findRule("qr_code_on_air");
    ASSERT_NE(qr, nullptr);
    EXPECT_EQ(qr->category, "qr_code");
    EXPECT_EQ(qr->trigger, Trigger::Present);
    EXPECT_EQ(qr->thresholds.noticeAfterS, 0);
    EXPECT_EQ(qr->thresholds.warnAfterS, 0);
    EXPECT_EQ(qr->thresholds.criticalAfterS, 0);
    EXPECT_EQ(qr->thresholds.limitS, 0);
    EXPECT_GT(qr->thresholds.clearAfterS, 0) << "one missed frame must not close and reopen the finding";
    EXPECT_GE(qr->severity, Severity::Major);
}

TEST_P(ShippedPack, WatchesOnlyCategoriesThatHaveADetector)
{
    // Every category a pack watches is reported by a frame detector, by the audio meter, or by the
    // checks of the program scene and the outputs.
    std::vector<std::string> reported{kSilenceCategory, kNoSpeechCategory, kDroppedFramesCategory,
                                      kLaggedFramesCategory};
    for (const std::string& category : layoutCategories())
        reported.push_back(category);
    for (const std::string& category : detectorCategories(DetectorSettings{}))
        reported.push_back(category);
    const RulePack pack = loadRulePack(shippedRulesDir() / (GetParam() + ".json"));
    for (const Rule& rule : pack.rules)
        EXPECT_NE(std::find(reported.begin(), reported.end(), rule.category), reported.end())
            << rule.id << ": " << rule.category;
}

TEST_P(ShippedPack, TextRulesWatchKindsTheClassifierReportsAndHaveWordLists)
{
    const std::vector<std::string_view> kinds{
        text_kind::url,      text_kind::email,        text_kind::phone,
        text_kind::wechat,   text_kind::qq,           text_kind::handle,
        text_kind::bankCard, text_kind::platformName, text_kind::absoluteClaim};
    const RulePack pack = loadRulePack(shippedRulesDir() / (GetParam() + ".json"));
    for (const Rule& rule : pack.rules) {
        if (rule.category != "text")
            continue;
        EXPECT_FALSE(rule.labels.empty()) << rule.id << " watches every kind of text; name them in labels";
        for (const std::string& label : rule.labels) {
            EXPECT_NE(std::find(kinds.begin(), kinds.end(), label), kinds.end()) << rule.id << ": " << label;
            if (label == text_kind::platformName) {
                EXPECT_FALSE(pack.screenText.platformNames.empty()) << rule.id;
            }
            if (label == text_kind::absoluteClaim) {
                EXPECT_FALSE(pack.screenText.absoluteClaims.empty()) << rule.id;
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(AllPacks, ShippedPack, testing::ValuesIn(kShippedPacks),
                         [](const testing::TestParamInfo<std::string>& param) {
                             std::string name = param.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(ShippedPacks, PacksWhoseSourceForbidsQrCodesRateThemSevere)
{
    for (const std::string id : {"alibaba", "zhinong", "generic-strict"})
        EXPECT_EQ(loadRulePack(shippedRulesDir() / (id + ".json")).findRule("qr_code_on_air")->severity,
                  Severity::Severe)
            << id;
    // The collected AliExpress rules do not mention QR codes: a precaution, not the platform's word.
    EXPECT_EQ(loadRulePack(shippedRulesDir() / "aliexpress.json").findRule("qr_code_on_air")->severity,
              Severity::Major);
}

TEST(ShippedPacks, OnlyTheStrictPackNoticesBarcodesAndNeverEscalatesThem)
{
    for (const std::string id : {"alibaba", "aliexpress", "zhinong"}) {
        const RulePack pack = loadRulePack(shippedRulesDir() / (id + ".json"));
        EXPECT_TRUE(std::none_of(pack.rules.begin(), pack.rules.end(),
                                 [](const Rule& rule) { return rule.category == "barcode"; }))
            << id << ": a barcode on a product box is normal selling";
    }
    const RulePack strict = loadRulePack(shippedRulesDir() / "generic-strict.json");
    const Rule* barcode = strict.findRule("barcode_on_air");
    ASSERT_NE(barcode, nullptr);
    EXPECT_EQ(barcode->category, "barcode");
    EXPECT_EQ(barcode->severity, Severity::Info);
    EXPECT_EQ(barcode->thresholds.noticeAfterS, 0);
    const double oneDay = 24 * 60 * 60;
    EXPECT_GE(barcode->thresholds.warnAfterS, oneDay)
        << "a notice must not turn into a warning during a stream";
}

// The articles in the source's own language are quotes: they must appear word for word in the source.
TEST(ShippedPacks, ArticlesAreQuotedVerbatimFromTheSources)
{
    const std::filesystem::path sources = std::filesystem::path(CG_SHARED_DIR) / "rules-sources";
    if (!std::filesystem::is_directory(sources))
        GTEST_SKIP() << "no rules-sources folder at " << sources << " (the shared folder is not present)";
    struct Quote {
        std::string pack;
        std::string sourceFile;
    };
    for (const Quote& quote :
         {Quote{"alibaba", "000_759104e7b5b3c9ae.txt"}, Quote{"generic-strict", "000_759104e7b5b3c9ae.txt"},
          Quote{"zhinong", "003_a9aa2b4ff2fbdd23.txt"}}) {
        const RulePack pack = loadRulePack(shippedRulesDir() / (quote.pack + ".json"));
        const Rule* qr = pack.findRule("qr_code_on_air");
        ASSERT_NE(qr, nullptr);
        const std::string& quoted = pack.source.originalLanguage == "zh-CN" ? qr->article.zh : qr->article.en;
        EXPECT_NE(readText(sources / quote.sourceFile).find(quoted), std::string::npos)
            << quote.pack << ": article not found in " << quote.sourceFile << ": " << quoted;
    }
}

} // namespace
} // namespace cg
