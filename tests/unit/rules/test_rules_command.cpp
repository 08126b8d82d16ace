#include "cli/rules_command.hpp"
#include "support/temp_folder.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace cg {
namespace {

using test::shippedRulesDir;
using testing::HasSubstr;
using testing::Not;

struct CommandRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

CommandRun runRules(const std::vector<std::string>& args,
                    const std::filesystem::path& rulesDir = shippedRulesDir())
{
    std::ostringstream out;
    std::ostringstream err;
    const int exitCode = cli::runRulesCommand(args, rulesDir, out, err);
    return {exitCode, out.str(), err.str()};
}

void writeFile(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

TEST(RulesList, ShowsEveryShippedPackWithNamesAndRuleCount)
{
    const CommandRun run = runRules({"list"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_THAT(run.out, HasSubstr("alibaba         Alibaba.com Live / 阿里巴巴国际站直播  (15 rules)\n"));
    EXPECT_THAT(run.out,
                HasSubstr("zhinong         Zhinong Science and Technology Service / 直农科服  (20 rules)\n"));
    EXPECT_THAT(run.out, HasSubstr("generic-strict  Generic (strict) / 通用（严格）  (22 rules)\n"));
    EXPECT_THAT(run.out, HasSubstr("aliexpress      AliExpress Live / 速卖通直播  (5 rules)\n"));
}

TEST(RulesList, AnInvalidPackInTheFolderIsReportedAndFailsTheCommand)
{
    TempFolder folder;
    std::filesystem::copy_file(shippedRulesDir() / "alibaba.json", folder.path() / "alibaba.json");
    writeFile(folder.path() / "broken.json", "{ not json");
    const CommandRun run = runRules({"list"}, folder.path());
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_THAT(run.out, HasSubstr("alibaba  "));
    EXPECT_THAT(run.err, HasSubstr("broken.json: not valid JSON at line 1, column 4"));
}

TEST(RulesList, AMissingFolderIsAnInputError)
{
    TempFolder folder;
    const CommandRun run = runRules({"list"}, folder.path() / "absent");
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_THAT(run.err, HasSubstr("no such folder"));
}

TEST(RulesList, AnEmptyFolderIsAnInputError)
{
    TempFolder folder;
    const CommandRun run = runRules({"list"}, folder.path());
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_THAT(run.err, HasSubstr("no rule pack"));
}

TEST(RulesShow, PrintsRulesWithThresholdsAndBothTitles)
{
    const CommandRun run = runRules({"show", "generic-strict"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("generic-strict: Generic (strict) / 通用（严格）\n"));
    EXPECT_THAT(run.out, HasSubstr("qr_code_on_air  [qr_code, when present, severe]\n"));
    EXPECT_THAT(run.out, HasSubstr("  title:      QR code on air\n"));
    EXPECT_THAT(run.out, HasSubstr("  标题:       直播画面出现二维码\n"));
    EXPECT_THAT(
        run.out,
        HasSubstr("notice at once, warning at once, critical at once, limit at once; clears after 5 s"));
    EXPECT_THAT(run.out, HasSubstr("barcode_on_air  [barcode, when present, info]\n"));
    EXPECT_THAT(run.out, HasSubstr("notice at once, warning 24 h, critical 24 h, limit 24 h"));
}

TEST(RulesShow, AcceptsAFilePath)
{
    const CommandRun run = runRules({"show", (shippedRulesDir() / "zhinong.json").string()});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("quoted in zh-CN; the other language is a translation"));
    EXPECT_THAT(run.out, HasSubstr("  article:    4.4.1"));
}

TEST(RulesShow, AnUnknownPackIsAnInputError)
{
    const CommandRun run = runRules({"show", "tiktok"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, HasSubstr("tiktok: no such file, and no pack with this id"));
}

TEST(RulesCheck, ReportsEachValidFileWithItsRuleCount)
{
    const std::string alibaba = (shippedRulesDir() / "alibaba.json").string();
    const std::string strict = (shippedRulesDir() / "generic-strict.json").string();
    const CommandRun run = runRules({"check", alibaba, strict});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, alibaba + ": ok (15 rules)\n" + strict + ": ok (22 rules)\n");
    EXPECT_EQ(run.err, "");
}

TEST(RulesCheck, OneInvalidFileFailsTheCheckAndIsNamedWithItsField)
{
    TempFolder folder;
    const auto bad = folder.path() / "bad.json";
    std::ifstream in(shippedRulesDir() / "alibaba.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("\"id\": \"alibaba\""), 15, "\"id\": \"bad\"");
    text.replace(text.find("\"limit_s\": 0"), 12, "\"limit_s\": \"five\"");
    writeFile(bad, text);

    const std::string alibaba = (shippedRulesDir() / "alibaba.json").string();
    const CommandRun run = runRules({"check", bad.string(), alibaba});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(run.out, alibaba + ": ok (15 rules)\n") << "the valid file is still checked";
    EXPECT_EQ(run.err, bad.string() + ": rules[0].thresholds.limit_s: must be a number >= 0, got \"five\"\n");
}

TEST(RulesCheck, AMissingFileIsAnInputError)
{
    const CommandRun run = runRules({"check", "/no/such/pack.json"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(run.err, "/no/such/pack.json: no such file\n");
}

TEST(RulesUsage, MistakesInTheCommandLineExitWithTwo)
{
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {}, {"lst"}, {"list", "extra"}, {"show"}, {"show", "a", "b"}, {"check"}}) {
        const CommandRun run = runRules(args);
        EXPECT_EQ(run.exitCode, 2) << testing::PrintToString(args);
        EXPECT_THAT(run.err, HasSubstr("usage: compliance-guard rules list")) << testing::PrintToString(args);
        EXPECT_EQ(run.out, "");
    }
}

TEST(RulesUsage, HelpGoesToStandardOutputAndSucceeds)
{
    const CommandRun run = runRules({"--help"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_THAT(run.out, HasSubstr("rules check FILE..."));
    EXPECT_THAT(run.err, Not(HasSubstr("usage")));
}

} // namespace
} // namespace cg
