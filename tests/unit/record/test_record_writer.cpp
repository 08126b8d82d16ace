#include "core/clock.hpp"
#include "core/record/record_line.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "core/record/sha256.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <mutex>

namespace cg {
namespace {

constexpr std::int64_t kSessionStartUtc = 1'795'611'731'000; // 2026-11-25T13:02:11Z

std::vector<nlohmann::json> parsedLines(const std::filesystem::path& dir)
{
    std::vector<nlohmann::json> lines;
    for (const std::string& line : test::readRecordLines(dir))
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

TEST(RecordWriter, NamesSessionFoldersByUtcTimeAndKindAndKeepsThemUnique)
{
    test::TempFolder parent;
    const auto first = RecordWriter::newSessionFolder(parent.path(), kSessionStartUtc, "stream");
    EXPECT_EQ(first, parent.path() / "2026-11-25T13-02-11Z-stream");
    std::filesystem::create_directory(first);
    EXPECT_EQ(RecordWriter::newSessionFolder(parent.path(), kSessionStartUtc + 999, "stream"),
              parent.path() / "2026-11-25T13-02-11Z-stream-2");
    EXPECT_EQ(RecordWriter::newSessionFolder(parent.path(), kSessionStartUtc, "Rehearsal / test"),
              parent.path() / "2026-11-25T13-02-11Z-rehearsal-test");
}

TEST(RecordWriter, WritesAChainedRecordStampedAtAppendTime)
{
    test::TempFolder parent;
    const auto dir = parent.path() / "session";
    ManualClock clock(kSessionStartUtc);
    cv::Mat picture(90, 160, CV_8UC3, cv::Scalar(40, 160, 220));
    {
        RecordWriter writer(dir, clock);
        writer.append("session_start", {{"kind", "stream"}, {"scene", "Main \xe5\xba\x97"}});
        clock.set(Millis{1500});
        writer.append("finding_opened", {{"rule", "qr_code_on_air"}, {"confidence", 0.875}}, picture,
                      "QR code on air");
        clock.set(Millis{2250});
        writer.append("heartbeat", nlohmann::json());
        clock.set(Millis{9000});
        writer.close({{"reason", "stream stopped"}});
        writer.close(); // idempotent
        EXPECT_EQ(writer.linesWritten(), 4u);
        EXPECT_EQ(writer.sessionDir(), dir);
    }

    const auto lines = parsedLines(dir);
    ASSERT_EQ(lines.size(), 4u);
    const std::vector<std::string> types = {"session_start", "finding_opened", "heartbeat", "session_end"};
    const std::vector<std::int64_t> times = {0, 1500, 2250, 9000};
    std::string prev(kGenesisHash);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(lines[i]["seq"], i);
        EXPECT_EQ(lines[i]["type"], types[i]);
        EXPECT_EQ(lines[i]["t"], times[i]);
        EXPECT_EQ(lines[i]["ts"], kSessionStartUtc + times[i]);
        EXPECT_EQ(lines[i]["prev"], prev);
        EXPECT_EQ(lines[i]["hash"], sha256Hex(prev + canonicalRecordLine(lines[i])));
        prev = lines[i]["hash"].get<std::string>();
    }
    EXPECT_EQ(lines[0]["payload"]["scene"], "Main \xe5\xba\x97");
    EXPECT_NE(test::readFile(dir / kRecordFileName).find("Main \xe5\xba\x97"), std::string::npos)
        << "UTF-8 is kept, not escaped";
    EXPECT_EQ(lines[1]["payload"]["confidence"], 0.875);
    EXPECT_EQ(lines[2]["payload"], nlohmann::json::object());
    EXPECT_EQ(lines[3]["payload"]["reason"], "stream stopped");
    EXPECT_FALSE(lines[0].contains("evidence"));

    ASSERT_TRUE(lines[1].contains("evidence"));
    EXPECT_EQ(lines[1]["evidence"]["file"], "evidence/000001-qr_code_on_air.jpg");
    EXPECT_EQ(lines[1]["evidence"]["sha256"], sha256HexOfFile(dir / "evidence/000001-qr_code_on_air.jpg"));

    const VerifyReport report = verifyRecord(dir);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.linesChecked, 4u);
    EXPECT_EQ(report.finalHash, lines[3]["hash"].get<std::string>());
    EXPECT_EQ(report.evidenceFilesChecked, 1u);
    EXPECT_TRUE(report.closingLinePresent);
}

TEST(RecordWriter, StartsWithSessionStartEvenWhenTheFirstLineIsAnother)
{
    test::TempFolder parent;
    ManualClock clock(kSessionStartUtc);
    {
        RecordWriter writer(parent.path() / "s", clock);
        writer.append("scene_change", {{"scene", "Intro"}});
    }
    const auto lines = parsedLines(parent.path() / "s");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0]["type"], "session_start");
    EXPECT_EQ(lines[1]["type"], "scene_change");
    EXPECT_EQ(lines[2]["type"], "session_end");
    EXPECT_EQ(verifyRecord(parent.path() / "s").status, RecordStatus::Complete);
}

TEST(RecordWriter, RejectsUnknownTypesAndReportsLinesAfterClose)
{
    test::TempFolder parent;
    ManualClock clock(kSessionStartUtc);
    std::mutex mutex;
    std::vector<std::string> errors;
    RecordWriter writer(parent.path() / "s", clock, [&](const std::string& message) {
        std::lock_guard lock(mutex);
        errors.push_back(message);
    });
    EXPECT_THROW(writer.append("qr_seen", {}), std::invalid_argument);
    EXPECT_THROW(writer.append("session_end", {}), std::invalid_argument);
    writer.append("session_start", {});
    EXPECT_THROW(writer.append("session_start", {}), std::invalid_argument);
    writer.close();
    writer.append("heartbeat", {});
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("after close()"), std::string::npos) << errors[0];
    EXPECT_EQ(test::readRecordLines(parent.path() / "s").size(), 2u);
}

TEST(RecordWriter, RefusesAFolderThatAlreadyHoldsARecord)
{
    test::TempFolder parent;
    ManualClock clock(kSessionStartUtc);
    {
        RecordWriter writer(parent.path() / "s", clock);
    }
    const std::string before = test::readFile(parent.path() / "s" / kRecordFileName);
    try {
        RecordWriter again(parent.path() / "s", clock);
        FAIL() << "a second writer must not append to an existing record";
    } catch (const RecordError& error) {
        EXPECT_NE(std::string(error.what()).find((parent.path() / "s" / "session.jsonl").string()),
                  std::string::npos)
            << error.what();
    }
    EXPECT_EQ(test::readFile(parent.path() / "s" / kRecordFileName), before);
}

TEST(RecordWriter, KeepsEveryLineOfABusySessionInOrder)
{
    test::TempFolder parent;
    SteadyClock clock;
    constexpr int kLines = 3000;
    {
        RecordWriter writer(parent.path() / "s", clock);
        writer.append("session_start", {});
        for (int i = 0; i < kLines; ++i)
            writer.append("heartbeat", {{"i", i}});
    }
    const auto lines = parsedLines(parent.path() / "s");
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(kLines + 2));
    for (int i = 0; i < kLines; ++i)
        ASSERT_EQ(lines[static_cast<std::size_t>(i + 1)]["payload"]["i"], i);
    EXPECT_EQ(verifyRecord(parent.path() / "s").linesChecked, static_cast<std::size_t>(kLines + 2));
}

} // namespace
} // namespace cg
