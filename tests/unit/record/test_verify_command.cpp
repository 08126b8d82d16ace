#include "cli/verify_command.hpp"
#include "core/clock.hpp"
#include "core/record/record_writer.hpp"
#include "core/record/signing_key.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace cg {
namespace {

struct CommandResult {
    int code = -1;
    std::string out;
    std::string err;
};

CommandResult runVerify(const std::vector<std::string>& args)
{
    std::ostringstream out;
    std::ostringstream err;
    CommandResult result;
    result.code = cli::runVerifyCommand(args, out, err);
    result.out = out.str();
    result.err = err.str();
    return result;
}

class VerifyCommand : public ::testing::Test {
  protected:
    void SetUp() override
    {
        ManualClock clock(1'795'611'731'000);
        RecordWriterOptions options;
        options.signingKey = key;
        RecordWriter writer(dir(), clock, {}, options);
        for (int i = 0; i < 10; ++i) {
            clock.advance(Millis{500});
            writer.append("heartbeat", {{"i", i}});
        }
        writer.close();
        lines = test::readRecordLines(dir());
        finalHash = nlohmann::json::parse(lines.back())["hash"].get<std::string>();
    }
    [[nodiscard]] std::filesystem::path dir() const { return folder.path() / "session"; }

    test::TempFolder folder;
    std::shared_ptr<const SigningKey> key = std::make_shared<SigningKey>(SigningKey::generate());
    std::vector<std::string> lines;
    std::string finalHash;
};

TEST_F(VerifyCommand, ACompleteRecordExitsZeroWithTheFinalHash)
{
    const CommandResult result = runVerify({dir().string()});
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_EQ(result.out, "complete, intact, signed by key " + key->fingerprint() +
                              ": 12 lines, final hash " + finalHash + "\n");
}

TEST_F(VerifyCommand, AnIncompleteRecordExitsFour)
{
    lines.resize(7);
    test::writeRecordLines(dir(), lines);
    const CommandResult result = runVerify({dir().string()});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out,
              "intact but incomplete: no closing line (the session did not end cleanly); 7 lines verify; "
              "not signed because the session did not close; the record names key " +
                  key->fingerprint() + "\n");
}

TEST_F(VerifyCommand, ATamperedRecordExitsFiveNamingTheSeq)
{
    auto line = nlohmann::json::parse(lines[7]);
    line["payload"]["i"] = 99;
    lines[7] = line.dump();
    test::writeRecordLines(dir(), lines);
    const CommandResult result = runVerify({dir().string()});
    EXPECT_EQ(result.code, 5);
    EXPECT_TRUE(result.out.starts_with("TAMPERED at seq 7: hash does not match")) << result.out;
}

TEST_F(VerifyCommand, JsonOutputCarriesTheSameVerdict)
{
    lines.resize(5);
    test::writeRecordLines(dir(), lines);
    test::writeFile(dir() / "session.jsonl", test::readFile(dir() / "session.jsonl") + "{\"seq\":5,\"t");
    const CommandResult result = runVerify({"--json", dir().string()});
    EXPECT_EQ(result.code, 4);
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["status"], "incomplete");
    EXPECT_EQ(json["exit_code"], 4);
    EXPECT_EQ(json["lines_verified"], 5);
    EXPECT_EQ(json["torn_last_line"], true);
    EXPECT_EQ(json["closing_line"], false);
    EXPECT_TRUE(json["first_bad_seq"].is_null());
}

TEST_F(VerifyCommand, AMissingFolderOrRecordExitsThree)
{
    CommandResult result = runVerify({(folder.path() / "absent").string()});
    EXPECT_EQ(result.code, 3);
    EXPECT_NE(result.err.find("absent"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());

    std::filesystem::remove(dir() / "session.jsonl");
    result = runVerify({dir().string(), "--json"});
    EXPECT_EQ(result.code, 3);
    EXPECT_EQ(nlohmann::json::parse(result.out)["status"], "unreadable");
}

TEST_F(VerifyCommand, UsageErrorsExitTwo)
{
    EXPECT_EQ(runVerify({}).code, 2);
    EXPECT_EQ(runVerify({dir().string(), dir().string()}).code, 2);
    const CommandResult result = runVerify({"--fast", dir().string()});
    EXPECT_EQ(result.code, 2);
    EXPECT_NE(result.err.find("--fast"), std::string::npos);
    EXPECT_NE(result.err.find("usage: compliance-guard verify DIR [--public-key FILE|HEX] [--json]"),
              std::string::npos);
    EXPECT_EQ(runVerify({"--help"}).code, 0);
}

} // namespace
} // namespace cg
