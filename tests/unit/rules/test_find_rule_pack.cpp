#include "core/rules/rule_pack_loader.hpp"
#include "support/temp_folder.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace cg {
namespace {

using test::shippedRulesDir;

void writeFile(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream(file, std::ios::binary) << text;
}

TEST(FindRulePack, AnIdResolvesToItsFileInTheRulesFolder)
{
    EXPECT_EQ(findRulePack(shippedRulesDir(), "alibaba"), shippedRulesDir() / "alibaba.json");
    EXPECT_EQ(findRulePack(shippedRulesDir(), "generic-strict"), shippedRulesDir() / "generic-strict.json");
}

TEST(FindRulePack, AnExistingPathIsUsedAsIs)
{
    TempFolder folder;
    const auto mine = folder.path() / "mine.json";
    writeFile(mine, "{}");
    EXPECT_EQ(findRulePack(shippedRulesDir(), mine.string()), mine);
}

TEST(FindRulePack, APathThatDoesNotExistIsAnError)
{
    // Not an id (it has a slash and a dot), and no such file.
    EXPECT_THROW(findRulePack(shippedRulesDir(), "no-such-folder/alibaba.json"), RulePackError);
}

TEST(FindRulePack, AnUnknownIdListsThePacksAvailable)
{
    try {
        findRulePack(shippedRulesDir(), "tiktok");
        FAIL() << "an unknown id resolved";
    } catch (const RulePackError& error) {
        EXPECT_EQ(error.file(), "tiktok");
        const std::string message = error.what();
        EXPECT_NE(message.find("no pack with this id in"), std::string::npos) << message;
        EXPECT_NE(message.find("available: alibaba, aliexpress, generic-strict, zhinong"), std::string::npos)
            << message;
    }
}

TEST(FindRulePack, AMissingRulesFolderIsAnErrorNotACrash)
{
    TempFolder folder;
    EXPECT_THROW(findRulePack(folder.path() / "absent", "alibaba"), RulePackError);
}

TEST(ListRulePackFiles, ListsOnlyJsonFilesSortedByName)
{
    TempFolder folder;
    writeFile(folder.path() / "zeta.json", "{}");
    writeFile(folder.path() / "alpha.json", "{}");
    writeFile(folder.path() / "README.md", "# not a pack");
    std::filesystem::create_directory(folder.path() / "old.json");
    const auto files = listRulePackFiles(folder.path());
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].filename(), "alpha.json");
    EXPECT_EQ(files[1].filename(), "zeta.json");
}

TEST(ListRulePackFiles, AMissingFolderThrowsNamingIt)
{
    TempFolder folder;
    try {
        listRulePackFiles(folder.path() / "absent");
        FAIL();
    } catch (const RulePackError& error) {
        EXPECT_EQ(error.file(), (folder.path() / "absent").string());
        EXPECT_EQ(error.problem(), "no such folder");
    }
}

TEST(LoadRulePack, AMissingFileIsNamedInTheError)
{
    TempFolder folder;
    const auto missing = folder.path() / "gone.json";
    try {
        loadRulePack(missing);
        FAIL();
    } catch (const RulePackError& error) {
        EXPECT_EQ(error.file(), missing.string());
        EXPECT_EQ(error.problem(), "no such file");
    }
}

TEST(LoadRulePack, AFolderIsNotAPack)
{
    TempFolder folder;
    EXPECT_THROW(loadRulePack(folder.path()), RulePackError);
}

TEST(LoadRulePack, ErrorsNameTheFileByItsPath)
{
    TempFolder folder;
    const auto file = folder.path() / "broken.json";
    writeFile(file, R"({"schema": 1, "id": "broken"})");
    try {
        loadRulePack(file);
        FAIL();
    } catch (const RulePackError& error) {
        EXPECT_EQ(std::string(error.what()), file.string() + ": name: is missing");
    }
}

} // namespace
} // namespace cg
