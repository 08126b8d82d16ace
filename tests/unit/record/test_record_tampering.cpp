#include "core/clock.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

namespace cg {
namespace {

// A complete record of 12 lines (seq 0..11); lines 2, 5 and 8 carry evidence pictures.
class RecordTampering : public ::testing::Test {
  protected:
    void SetUp() override
    {
        ManualClock clock(1'795'611'731'000);
        RecordWriter writer(dir(), clock);
        writer.append("session_start", {{"kind", "stream"}});
        for (int i = 1; i <= 10; ++i) {
            clock.advance(Millis{1000});
            if (i % 3 == 2) {
                cv::Mat picture(48, 64, CV_8UC3, cv::Scalar(10 * i, 255 - 20 * i, 128));
                writer.append("finding_opened", {{"rule", "qr_code_on_air"}, {"n", i}}, picture, "qr code");
            } else {
                writer.append("heartbeat", {{"n", i}});
            }
        }
        writer.close();
        lines = test::readRecordLines(dir());
        ASSERT_EQ(lines.size(), 12u);
        ASSERT_EQ(verifyRecord(dir()).status, RecordStatus::Complete);
    }

    [[nodiscard]] std::filesystem::path dir() const { return folder.path() / "session"; }
    std::filesystem::path evidenceOf(std::size_t index) const
    {
        return dir() / nlohmann::json::parse(lines[index])["evidence"]["file"].get<std::string>();
    }
    VerifyReport verifyWith(const std::vector<std::string>& changed) const
    {
        test::writeRecordLines(dir(), changed);
        return verifyRecord(dir());
    }
    static void expectTampered(const VerifyReport& report, std::int64_t seq, const std::string& words)
    {
        EXPECT_EQ(report.status, RecordStatus::Tampered) << report.message;
        EXPECT_EQ(report.firstBadSeq, seq) << report.message;
        EXPECT_EQ(report.linesChecked, static_cast<std::size_t>(seq));
        EXPECT_NE(report.message.find(words), std::string::npos) << report.message;
    }

    test::TempFolder folder;
    std::vector<std::string> lines;
};

TEST_F(RecordTampering, AnEditedLineBreaksItsHash)
{
    auto changed = lines;
    auto line = nlohmann::json::parse(changed[7]);
    line["payload"]["n"] = 70;
    changed[7] = line.dump();
    expectTampered(verifyWith(changed), 7, "hash does not match");
}

TEST_F(RecordTampering, AnEditedLineWithARecomputedHashBreaksTheNextPrev)
{
    auto changed = lines;
    auto line = nlohmann::json::parse(changed[7]);
    line["t"] = 1;
    line["hash"] = recordLineHash(line["prev"].get<std::string>(), line);
    changed[7] = line.dump();
    expectTampered(verifyWith(changed), 8, "prev does not match");
}

TEST_F(RecordTampering, ADeletedLineIsASeqGap)
{
    auto changed = lines;
    changed.erase(changed.begin() + 4);
    expectTampered(verifyWith(changed), 4, "expected seq 4 but found 5");
}

TEST_F(RecordTampering, AnInsertedLineIsCaughtEvenWhenForgedWithAValidHash)
{
    auto changed = lines;
    auto forged = nlohmann::json::parse(changed[3]);
    forged["seq"] = 4;
    forged["type"] = "finding_cleared";
    forged["prev"] = nlohmann::json::parse(changed[3])["hash"];
    forged["hash"] = recordLineHash(forged["prev"].get<std::string>(), forged);
    changed.insert(changed.begin() + 4, forged.dump());
    expectTampered(verifyWith(changed), 5, "expected seq 5 but found 4");

    auto duplicated = lines;
    duplicated.insert(duplicated.begin() + 4, lines[3]);
    expectTampered(verifyWith(duplicated), 4, "expected seq 4 but found 3");
}

TEST_F(RecordTampering, ReorderedLinesAreCaught)
{
    auto changed = lines;
    std::swap(changed[5], changed[6]);
    expectTampered(verifyWith(changed), 5, "expected seq 5 but found 6");
}

TEST_F(RecordTampering, ASeqGapIsCaughtWhenEveryHashIsRecomputed)
{
    auto changed = lines;
    auto line = nlohmann::json::parse(changed[6]);
    line["seq"] = 7;
    changed[6] = line.dump();
    test::rechainFrom(changed, 6);
    expectTampered(verifyWith(changed), 6, "expected seq 6 but found 7");
}

TEST_F(RecordTampering, ABadPrevIsCaught)
{
    auto changed = lines;
    auto line = nlohmann::json::parse(changed[3]);
    line["prev"] = nlohmann::json::parse(lines[1])["hash"];
    line["hash"] = recordLineHash(line["prev"].get<std::string>(), line);
    changed[3] = line.dump();
    expectTampered(verifyWith(changed), 3, "prev does not match");
}

TEST_F(RecordTampering, ALineCutInTheMiddleOfTheFileIsTampering)
{
    auto changed = lines;
    changed[6].resize(changed[6].size() / 2);
    expectTampered(verifyWith(changed), 6, "not valid JSON");
}

TEST_F(RecordTampering, AnEmptyLineInTheMiddleIsTampering)
{
    auto changed = lines;
    changed.insert(changed.begin() + 2, "");
    expectTampered(verifyWith(changed), 2, "not valid JSON");
}

TEST_F(RecordTampering, LinesAfterSessionEndAreCaught)
{
    auto changed = lines;
    auto extra = nlohmann::json::parse(changed[10]);
    extra["seq"] = 12;
    changed.push_back(extra.dump());
    test::rechainFrom(changed, 12);
    expectTampered(verifyWith(changed), 12, "follows session_end");

    test::writeRecordLines(dir(), lines);
    test::writeFile(dir() / kRecordFileName, test::readFile(dir() / kRecordFileName) + "{\"seq\":12");
    expectTampered(verifyRecord(dir()), 12, "follows session_end");
}

TEST_F(RecordTampering, ATruncatedRecordWithoutItsEndIsIncompleteNotTampered)
{
    auto changed = lines;
    changed.resize(9);
    const VerifyReport report = verifyWith(changed);
    EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
    EXPECT_EQ(report.linesChecked, 9u);
    EXPECT_FALSE(report.firstBadSeq);
    EXPECT_FALSE(report.closingLinePresent);
    EXPECT_FALSE(report.tornLastLine);
    EXPECT_EQ(report.finalHash, nlohmann::json::parse(lines[8])["hash"].get<std::string>());
}

TEST_F(RecordTampering, ATornLastLineIsIncompleteAndEveryEarlierLineVerifies)
{
    std::string content;
    for (std::size_t i = 0; i < 9; ++i)
        content += lines[i] + "\n";
    content += lines[9].substr(0, lines[9].size() / 3);
    test::writeFile(dir() / kRecordFileName, content);
    const VerifyReport report = verifyRecord(dir());
    EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
    EXPECT_TRUE(report.tornLastLine);
    EXPECT_EQ(report.linesChecked, 9u);
    EXPECT_NE(report.message.find("cut off"), std::string::npos) << report.message;
}

TEST_F(RecordTampering, AnEditedEvidenceFileIsCaught)
{
    std::string bytes = test::readFile(evidenceOf(5));
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
    test::writeFile(evidenceOf(5), bytes);
    expectTampered(verifyRecord(dir()), 5, "does not match its hash");
}

TEST_F(RecordTampering, SwappedEvidenceFilesAreCaught)
{
    const std::string first = test::readFile(evidenceOf(2));
    test::writeFile(evidenceOf(2), test::readFile(evidenceOf(8)));
    test::writeFile(evidenceOf(8), first);
    expectTampered(verifyRecord(dir()), 2, "does not match its hash");
}

TEST_F(RecordTampering, AMissingEvidenceFileIsCaught)
{
    std::filesystem::remove(evidenceOf(8));
    expectTampered(verifyRecord(dir()), 8, "missing");
}

TEST_F(RecordTampering, EvidenceOutsideTheEvidenceFolderIsRejected)
{
    auto changed = lines;
    auto line = nlohmann::json::parse(changed[2]);
    line["evidence"]["file"] = "evidence/../session.jsonl";
    changed[2] = line.dump();
    test::rechainFrom(changed, 2);
    expectTampered(verifyWith(changed), 2, "not inside evidence/");
}

TEST_F(RecordTampering, AMissingFirstLineIsCaught)
{
    auto changed = lines;
    changed.erase(changed.begin());
    expectTampered(verifyWith(changed), 0, "expected seq 0 but found 1");
}

TEST(RecordVerifier, AMissingFolderOrRecordIsUnreadable)
{
    test::TempFolder folder;
    VerifyReport report = verifyRecord(folder.path() / "nope");
    EXPECT_EQ(report.status, RecordStatus::Unreadable);
    EXPECT_NE(report.message.find("nope"), std::string::npos) << report.message;
    report = verifyRecord(folder.path());
    EXPECT_EQ(report.status, RecordStatus::Unreadable);
    EXPECT_NE(report.message.find("session.jsonl"), std::string::npos) << report.message;
}

} // namespace
} // namespace cg
