#include "core/rules/rule_pack_error.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "core/rules/strict_json.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

RulePackError errorOf(std::string_view text)
{
    try {
        parseStrictJson(text, "pack.json");
    } catch (const RulePackError& error) {
        return error;
    }
    ADD_FAILURE() << "accepted: " << text;
    return RulePackError("", "", "");
}

TEST(StrictJson, ASyntaxErrorNamesTheLineAndColumnAnEditorShows)
{
    // The comma is missing at the end of line 3; the parser notices when it has read the next key,
    // "rules", which ends at line 4 column 9.
    const RulePackError error = errorOf("{\n  \"schema\": 1,\n  \"id\": \"x\"\n  \"rules\": []\n}\n");
    EXPECT_EQ(error.file(), "pack.json");
    EXPECT_EQ(error.field(), "");
    EXPECT_NE(error.problem().find("not valid JSON at line 4, column 9: "), std::string::npos)
        << error.problem();
    EXPECT_NE(error.problem().find("unexpected string literal"), std::string::npos) << error.problem();
    EXPECT_EQ(error.problem().find("[json.exception"), std::string::npos)
        << "library jargon left in: " << error.what();
}

TEST(StrictJson, ColumnsCountCharactersNotBytesInChineseText)
{
    // "名称" is 6 bytes of UTF-8 but 2 characters; the stray x is the 14th character of line 2.
    const RulePackError error = errorOf("{\n  \"a\": \"名称\", x\n}");
    EXPECT_NE(error.problem().find("line 2, column 14"), std::string::npos) << error.problem();
}

TEST(StrictJson, ATruncatedFileIsReportedAtItsEnd)
{
    const RulePackError error = errorOf("{\n  \"schema\": 1,\n");
    EXPECT_NE(error.problem().find("not valid JSON at line 3"), std::string::npos) << error.problem();
}

TEST(StrictJson, AnEmptyFileIsNotJson)
{
    EXPECT_NE(errorOf("").problem().find("not valid JSON at line 1, column 1"), std::string::npos);
}

TEST(StrictJson, TextInAnotherEncodingThanUtf8IsNamedAsSuch)
{
    // "农科" saved as GBK by an editor: C5 A9 BF C6, not valid UTF-8.
    const RulePackError error = errorOf("{\n  \"name\": \"\xC5\xA9\xBF\xC6\"}");
    EXPECT_NE(error.problem().find("not UTF-8 text at line 2"), std::string::npos) << error.problem();
    EXPECT_NE(error.problem().find("save the file as UTF-8"), std::string::npos) << error.problem();
    EXPECT_EQ(error.problem().find('\xBF'), std::string::npos) << "the undecodable bytes must not be echoed";
}

TEST(StrictJson, AUtf8ByteOrderMarkIsAccepted)
{
    // Windows Notepad starts UTF-8 files with one.
    EXPECT_EQ(parseStrictJson("\xEF\xBB\xBF{\"a\": 1}", "pack.json")["a"], 1);
}

TEST(StrictJson, ANumberTooLargeIsAnErrorNotACrash)
{
    const RulePackError error = errorOf(R"({"limit_s": 1e400})");
    EXPECT_EQ(error.file(), "pack.json");
    EXPECT_NE(error.problem().find("number overflow parsing '1e400'"), std::string::npos) << error.problem();
}

TEST(StrictJson, ARepeatedKeyIsRejectedWithItsPath)
{
    const RulePackError error =
        errorOf(R"({"rules": [{"id": "a"}, {"id": "b", "thresholds": {"limit_s": 5, "limit_s": 50}}]})");
    EXPECT_EQ(error.field(), "rules[1].thresholds.limit_s");
    EXPECT_NE(error.problem().find("appears twice"), std::string::npos) << error.problem();
}

TEST(StrictJson, ARepeatedTopLevelKeyIsRejected)
{
    EXPECT_EQ(errorOf(R"({"id": "a", "schema": 1, "id": "b"})").field(), "id");
}

TEST(StrictJson, TheSameKeyInSiblingObjectsIsFine)
{
    const auto parsed =
        parseStrictJson(R"({"rules": [{"id": "a", "t": [1, {"x": 1}]}, {"id": "b"}], "x": 2})", "p.json");
    EXPECT_EQ(parsed["rules"][1]["id"], "b");
    EXPECT_EQ(parsed["rules"][0]["t"][1]["x"], 1);
}

TEST(StrictJson, IndexesInNestedArraysAreCounted)
{
    const RulePackError error = errorOf(R"({"a": [[1, 2], {"k": 1}, [3, {"k": 1, "k": 2}]]})");
    EXPECT_EQ(error.field(), "a[2][1].k");
}

TEST(StrictJson, ParseRulePackReportsSyntaxErrorsTheSameWay)
{
    try {
        parseRulePack("{ \"schema\": 1, }", "alibaba.json");
        FAIL() << "a trailing comma was accepted";
    } catch (const RulePackError& error) {
        EXPECT_EQ(error.file(), "alibaba.json");
        EXPECT_EQ(std::string(error.what()).rfind("alibaba.json: not valid JSON at line 1, column 16: ", 0),
                  0u)
            << error.what();
    }
}

} // namespace
} // namespace cg
