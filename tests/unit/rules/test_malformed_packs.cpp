#include "core/rules/rule_pack_loader.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>

namespace cg {
namespace {

using nlohmann::json;

// A valid two-rule pack; each case below breaks it the way a user editing the file could.
json validPack()
{
    auto localized = [](const std::string& en, const std::string& zh) {
        return json{{"en-US", en}, {"zh-CN", zh}};
    };
    auto rule = [&](const std::string& id, const std::string& category) {
        return json{{"id", id},
                    {"category", category},
                    {"trigger", "present"},
                    {"title", localized("Title", "标题")},
                    {"article", localized("Article", "条款")},
                    {"article_ref", "Appendix 1"},
                    {"thresholds",
                     {{"notice_after_s", 0},
                      {"warn_after_s", 10},
                      {"critical_after_s", 60},
                      {"limit_s", 300},
                      {"clear_after_s", 3}}},
                    {"severity", "major"},
                    {"penalty", localized("Warning", "警告")}};
    };
    return json{
        {"schema", 1},
        {"id", "bad"},
        {"name", localized("Bad", "坏")},
        {"source", {{"document", "rules.txt"}, {"version", "2020"}}},
        {"rules", json::array({rule("qr_code_on_air", "qr_code"), rule("presenter_missing", "person")})}};
}

struct MalformedPack {
    std::string name;
    std::function<void(json&)> breakIt;
    std::string field;   // expected RulePackError::field()
    std::string problem; // a part of the message a user reads
};

void PrintTo(const MalformedPack& pack, std::ostream* out)
{
    *out << pack.name;
}

const std::vector<MalformedPack> kMalformedPacks = {
    {"TopLevelIsAnArray", [](json& p) { p = json::array({p}); }, "",
     "must be a JSON object { ... }, got an array"},
    {"TopLevelIsAString", [](json& p) { p = "alibaba"; }, "",
     "must be a JSON object { ... }, got \"alibaba\""},
    {"SchemaMissing", [](json& p) { p.erase("schema"); }, "schema", "is missing"},
    {"SchemaIsAString", [](json& p) { p["schema"] = "1"; }, "schema", "must be a whole number, got \"1\""},
    {"SchemaFromTheFuture", [](json& p) { p["schema"] = 2; }, "schema",
     "must be 1 (the format this version reads), got 2"},
    {"IdMissing", [](json& p) { p.erase("id"); }, "id", "is missing"},
    {"IdEmpty", [](json& p) { p["id"] = ""; }, "id", "must not be empty"},
    {"IdWithCapitals", [](json& p) { p["id"] = "Bad"; }, "id",
     "may contain only lowercase letters a-z, digits 0-9, _ and -, got \"Bad\""},
    {"IdNotTheFileName", [](json& p) { p["id"] = "alibaba"; }, "id", "must equal the file name \"bad\""},
    {"IdIsANumber", [](json& p) { p["id"] = 7; }, "id", "must be a string, got 7"},
    {"UnknownTopLevelField", [](json& p) { p["author"] = "me"; }, "author",
     "unknown field; expected only schema, id, name, source, rules"},
    {"NameMissing", [](json& p) { p.erase("name"); }, "name", "is missing"},
    {"NameIsAString", [](json& p) { p["name"] = "Bad"; }, "name",
     "must be a JSON object { ... }, got \"Bad\""},
    {"NameWithoutChinese", [](json& p) { p["name"].erase("zh-CN"); }, "name.zh-CN", "is missing"},
    {"NameWithoutEnglish", [](json& p) { p["name"].erase("en-US"); }, "name.en-US", "is missing"},
    {"NameWithUnderscoreLocale", [](json& p) { p["name"]["en_US"] = "x"; }, "name.en_US",
     "did you mean \"en-US\"?"},
    {"NameInAThirdLanguage", [](json& p) { p["name"]["ja-JP"] = "x"; }, "name.ja-JP",
     "expected only en-US, zh-CN"},
    {"NameBlank", [](json& p) { p["name"]["zh-CN"] = "  "; }, "name.zh-CN", "must not be empty"},
    {"SourceMissing", [](json& p) { p.erase("source"); }, "source", "is missing"},
    {"SourceWithoutVersion", [](json& p) { p["source"].erase("version"); }, "source.version", "is missing"},
    {"SourceLanguageUnknown", [](json& p) { p["source"]["original_language"] = "fr-FR"; },
     "source.original_language", "must be \"en-US\" or \"zh-CN\", got \"fr-FR\""},
    {"RulesMissing", [](json& p) { p.erase("rules"); }, "rules", "is missing"},
    {"RulesEmpty", [](json& p) { p["rules"] = json::array(); }, "rules", "must hold at least one rule"},
    {"RulesIsAnObject", [](json& p) { p["rules"] = p["rules"][0]; }, "rules",
     "must be an array [ ... ], got an object"},
    {"RuleIsAString", [](json& p) { p["rules"][1] = "qr_code"; }, "rules[1]",
     "must be a JSON object { ... }, got \"qr_code\""},
    {"RuleIdMissing", [](json& p) { p["rules"][1].erase("id"); }, "rules[1].id", "is missing"},
    {"RuleIdWithSpaces", [](json& p) { p["rules"][0]["id"] = "qr code"; }, "rules[0].id",
     "may contain only lowercase letters"},
    {"RuleIdDuplicate", [](json& p) { p["rules"][1]["id"] = "qr_code_on_air"; }, "rules[1].id",
     "duplicate rule id \"qr_code_on_air\" (also rules[0])"},
    {"CategoryMissing", [](json& p) { p["rules"][0].erase("category"); }, "rules[0].category", "is missing"},
    {"CategoryWithDash", [](json& p) { p["rules"][0]["category"] = "qr-code"; }, "rules[0].category",
     "may contain only lowercase letters a-z and _, got \"qr-code\""},
    {"CategoryWithDigit", [](json& p) { p["rules"][0]["category"] = "qr2"; }, "rules[0].category",
     "may contain only lowercase letters a-z and _"},
    {"TriggerUnknown", [](json& p) { p["rules"][1]["trigger"] = "missing"; }, "rules[1].trigger",
     "must be \"present\" or \"absent\", got \"missing\""},
    {"TriggerNotAString", [](json& p) { p["rules"][1]["trigger"] = true; }, "rules[1].trigger",
     "must be a string, got true"},
    {"SeverityUnknown", [](json& p) { p["rules"][0]["severity"] = "critical"; }, "rules[0].severity",
     "must be one of info, minor, major, severe, got \"critical\""},
    {"SeverityMissing", [](json& p) { p["rules"][0].erase("severity"); }, "rules[0].severity", "is missing"},
    {"TitleWithoutChinese", [](json& p) { p["rules"][1]["title"].erase("zh-CN"); }, "rules[1].title.zh-CN",
     "is missing"},
    {"ArticleAsPlainString", [](json& p) { p["rules"][0]["article"] = "text"; }, "rules[0].article",
     "must be a JSON object"},
    {"ArticleEnglishEmpty", [](json& p) { p["rules"][0]["article"]["en-US"] = ""; }, "rules[0].article.en-US",
     "must not be empty"},
    {"ArticleRefMissing", [](json& p) { p["rules"][0].erase("article_ref"); }, "rules[0].article_ref",
     "is missing"},
    {"PenaltyWithoutEnglish", [](json& p) { p["rules"][1]["penalty"].erase("en-US"); },
     "rules[1].penalty.en-US", "is missing"},
    {"UnknownRuleField", [](json& p) { p["rules"][1]["severety"] = "major"; }, "rules[1].severety",
     "did you mean \"severity\"?"},
    {"ThresholdsMissing", [](json& p) { p["rules"][0].erase("thresholds"); }, "rules[0].thresholds",
     "is missing"},
    {"ThresholdTypo", [](json& p) { p["rules"][1]["thresholds"]["warn_after"] = 5; },
     "rules[1].thresholds.warn_after", "did you mean \"warn_after_s\"?"},
    {"ThresholdMissing", [](json& p) { p["rules"][1]["thresholds"].erase("critical_after_s"); },
     "rules[1].thresholds.critical_after_s", "is missing"},
    {"ThresholdAsText", [](json& p) { p["rules"][1]["thresholds"]["limit_s"] = "five"; },
     "rules[1].thresholds.limit_s", "must be a number >= 0, got \"five\""},
    {"ThresholdNegative", [](json& p) { p["rules"][0]["thresholds"]["notice_after_s"] = -1; },
     "rules[0].thresholds.notice_after_s", "must be a number >= 0, got -1"},
    {"ThresholdNull", [](json& p) { p["rules"][0]["thresholds"]["warn_after_s"] = nullptr; },
     "rules[0].thresholds.warn_after_s", "must be a number >= 0, got null"},
    {"ClearAfterNegative", [](json& p) { p["rules"][0]["thresholds"]["clear_after_s"] = -0.5; },
     "rules[0].thresholds.clear_after_s", "must be a number >= 0, got -0.5"},
    {"WarnBeforeNotice", [](json& p) { p["rules"][1]["thresholds"]["notice_after_s"] = 20; },
     "rules[1].thresholds.warn_after_s", "must be >= notice_after_s (20), got 10"},
    {"CriticalBeforeWarn", [](json& p) { p["rules"][1]["thresholds"]["critical_after_s"] = 5; },
     "rules[1].thresholds.critical_after_s", "must be >= warn_after_s (10), got 5"},
    {"LimitBeforeCritical", [](json& p) { p["rules"][1]["thresholds"]["limit_s"] = 30; },
     "rules[1].thresholds.limit_s",
     "must be >= critical_after_s (60), got 30; the order is notice <= warn <= critical <= limit"},
    {"LabelsNotAList", [](json& p) { p["rules"][0]["labels"] = "phone"; }, "rules[0].labels",
     "must be an array [ ... ], got \"phone\""},
    {"LabelsEmpty", [](json& p) { p["rules"][0]["labels"] = json::array(); }, "rules[0].labels",
     "must name at least one label"},
    {"LabelBlank", [](json& p) { p["rules"][1]["labels"] = {"phone", " "}; }, "rules[1].labels[1]",
     "must not be empty"},
    {"ScreenTextTypo", [](json& p) { p["screen_text"] = {{"absolute_claim", json::array({"best"})}}; },
     "screen_text.absolute_claim", "did you mean \"absolute_claims\"?"},
    {"ScreenTextWordNotText", [](json& p) { p["screen_text"] = {{"platform_names", {"WeChat", 1}}}; },
     "screen_text.platform_names[1]", "must be a string, got 1"},
    {"ContextNameNotAPlatform",
     [](json& p) {
         p["screen_text"] = {{"platform_names", {"WeChat"}}, {"platforms_needing_context", {"LINE"}}};
     },
     "screen_text.platforms_needing_context[0]", "\"LINE\" is not in platform_names"},
    {"AllowedLogoNotASlug", [](json& p) { p["allowed_logos"] = {"AliExpress"}; }, "allowed_logos[0]",
     "must be a simple-icons slug"},
};

class MalformedPackTest : public testing::TestWithParam<MalformedPack> {};

TEST_P(MalformedPackTest, IsRejectedNamingFileFieldAndProblem)
{
    const MalformedPack& broken = GetParam();
    json pack = validPack();
    broken.breakIt(pack);
    try {
        parseRulePack(pack.dump(2), "bad.json");
        FAIL() << "accepted: " << pack.dump();
    } catch (const RulePackError& error) {
        EXPECT_EQ(error.file(), "bad.json");
        EXPECT_EQ(error.field(), broken.field);
        EXPECT_NE(error.problem().find(broken.problem), std::string::npos)
            << "problem: " << error.problem() << "\nexpected to contain: " << broken.problem;
        const std::string where = broken.field.empty() ? "bad.json: " : "bad.json: " + broken.field + ": ";
        EXPECT_EQ(std::string(error.what()), where + error.problem());
    }
}

INSTANTIATE_TEST_SUITE_P(UserMistakes, MalformedPackTest, testing::ValuesIn(kMalformedPacks),
                         [](const testing::TestParamInfo<MalformedPack>& param) { return param.param.name; });

TEST(ValidPack, TheBaseOfTheMalformedCasesIsValid)
{
    const RulePack pack = parseRulePack(validPack().dump(), "bad.json");
    ASSERT_EQ(pack.rules.size(), 2u);
    EXPECT_EQ(pack.rules[1].id, "presenter_missing");
    EXPECT_EQ(pack.rules[1].thresholds.limitS, 300);
    EXPECT_EQ(pack.rules[1].title.zh, "标题");
    EXPECT_EQ(pack.source.originalLanguage, "");
}

TEST(ValidPack, LabelsWordListsAndAllowedLogosAreRead)
{
    json pack = validPack();
    pack["rules"][0]["labels"] = {"phone", "wechat"};
    pack["screen_text"] = {{"platform_names", {"WeChat", "微信"}}, {"absolute_claims", {"best", "最"}}};
    pack["allowed_logos"] = {"aliexpress"};
    const RulePack parsed = parseRulePack(pack.dump(), "bad.json");
    EXPECT_EQ(parsed.rules[0].labels, (std::vector<std::string>{"phone", "wechat"}));
    EXPECT_TRUE(parsed.rules[1].labels.empty());
    EXPECT_EQ(parsed.screenText.platformNames, (std::vector<std::string>{"WeChat", "微信"}));
    EXPECT_EQ(parsed.screenText.absoluteClaims, (std::vector<std::string>{"best", "最"}));
    EXPECT_TRUE(parsed.screenText.claimExceptions.empty());
    EXPECT_EQ(parsed.allowedLogos, std::vector<std::string>{"aliexpress"});
}

TEST(ValidPack, TriggerDefaultsToPresentAndAbsentIsRead)
{
    json pack = validPack();
    pack["rules"][0].erase("trigger");
    pack["rules"][1]["trigger"] = "absent";
    const RulePack parsed = parseRulePack(pack.dump(), "bad.json");
    EXPECT_EQ(parsed.rules[0].trigger, Trigger::Present);
    EXPECT_EQ(parsed.rules[1].trigger, Trigger::Absent);
}

TEST(ValidPack, EqualThresholdsAndFractionsAreAllowed)
{
    json pack = validPack();
    pack["rules"][1]["thresholds"] = {{"notice_after_s", 1.5},
                                      {"warn_after_s", 1.5},
                                      {"critical_after_s", 1.5},
                                      {"limit_s", 1.5},
                                      {"clear_after_s", 0}};
    EXPECT_EQ(parseRulePack(pack.dump(), "bad.json").rules[1].thresholds.criticalAfterS, 1.5);
}

TEST(ValidPack, AFileNameWithoutJsonExtensionDoesNotConstrainTheId)
{
    EXPECT_EQ(parseRulePack(validPack().dump(), "pasted text").id, "bad");
}

} // namespace
} // namespace cg
