#include "core/clock.hpp"
#include "core/record/record_line.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <chrono>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cg {
namespace {

// The child: writes a session as fast as it can, a picture every few lines, until it is killed.
[[noreturn]] void writeUntilKilled(const std::filesystem::path& dir)
{
    try {
        SteadyClock clock;
        RecordWriter writer(dir, clock, [](const std::string&) {});
        writer.append("session_start", {{"kind", "crash-test"}});
        cv::Mat picture(72, 128, CV_8UC3);
        for (std::int64_t i = 0;; ++i) {
            if (i % 4 == 0) {
                cv::randu(picture, 0, 255);
                writer.append("finding_changed", {{"i", i}, {"state", "warning"}}, picture, "qr code");
            } else {
                writer.append(i % 4 == 1 ? "scene_change" : "heartbeat",
                              {{"i", i}, {"text", std::string(40, 'x')}});
            }
            if (i % 256 == 255)
                std::this_thread::yield();
        }
    } catch (...) {
        ::_exit(3);
    }
}

bool waitForLines(const std::filesystem::path& file, std::size_t atLeast)
{
    for (int attempt = 0; attempt < 2000; ++attempt) {
        if (test::countTerminatedLines(test::readFile(file)) >= atLeast)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

TEST(RecordCrash, AWriterKilledAtRandomMomentsLeavesAnIncompleteButIntactRecord)
{
    test::TempFolder folder;
    std::random_device device;
    const unsigned seed = device();
    SCOPED_TRACE("random seed " + std::to_string(seed));
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> killAfterMicros(0, 150'000);

    std::size_t mostLines = 0;
    for (int round = 0; round < 8; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const auto dir = folder.path() / ("session-" + std::to_string(round));
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0)
            writeUntilKilled(dir);

        const bool started = waitForLines(dir / kRecordFileName, 1);
        std::this_thread::sleep_for(std::chrono::microseconds(killAfterMicros(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        ASSERT_TRUE(started) << "the child never wrote its first line";
        ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child ended on its own";

        const std::string content = test::readFile(dir / kRecordFileName);
        const VerifyReport report = verifyRecord(dir);
        EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
        EXPECT_FALSE(report.firstBadSeq) << report.message;
        EXPECT_FALSE(report.closingLinePresent);
        EXPECT_EQ(report.linesChecked, test::countTerminatedLines(content)) << "every complete line verifies";
        EXPECT_EQ(report.tornLastLine, !content.empty() && content.back() != '\n');
        EXPECT_GE(report.linesChecked, 1u);
        mostLines = std::max(mostLines, report.linesChecked);
    }
    EXPECT_GE(mostLines, 20u) << "the kills should land while the writer is busy";
}

} // namespace
} // namespace cg
