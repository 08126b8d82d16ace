#include "core/clock.hpp"
#include "core/record/record_line.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"
#include "record_test_support.hpp"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <csignal>
#include <functional>
#include <mutex>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cg {
namespace {

constexpr rlim_t kFileSizeLimit = 4096;

// Runs body in a forked child and returns what it wrote to its pipe; the child's exit code must be 0.
std::string runInChild(const std::function<void(int pipeFd)>& body)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        try {
            body(fds[1]);
        } catch (const std::exception& error) {
            const std::string text = std::string("child threw: ") + error.what() + "\n";
            (void)!::write(fds[1], text.data(), text.size());
            ::_exit(1);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(got));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
    return output;
}

void send(int fd, const std::string& text)
{
    const std::string line = text + "\n";
    (void)!::write(fd, line.data(), line.size());
}

// A full disk as seen by one process: writes past kFileSizeLimit bytes fail with EFBIG.
void limitFileSize(rlim_t soft)
{
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    ::getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = soft;
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0)
        throw std::runtime_error("setrlimit failed");
}

// The child no longer has root's right to write anywhere.
void dropRootIfRoot()
{
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
        throw std::runtime_error("cannot drop root");
}

struct CollectedErrors {
    std::mutex mutex;
    std::vector<std::string> messages;
    RecordErrorHandler handler()
    {
        return [this](const std::string& message) {
            std::lock_guard lock(mutex);
            messages.push_back(message);
        };
    }
    std::size_t count()
    {
        std::lock_guard lock(mutex);
        return messages.size();
    }
};

RecordWriterOptions quickRetries()
{
    RecordWriterOptions options;
    options.retryInterval = std::chrono::milliseconds(5);
    options.closeTimeout = std::chrono::milliseconds(300);
    return options;
}

bool waitFor(const std::function<bool()>& condition)
{
    for (int i = 0; i < 1000 && !condition(); ++i)
        ::usleep(2000);
    return condition();
}

TEST(RecordWriteErrors, AFolderThatCannotBeCreatedThrowsNamingThePath)
{
    test::TempFolder folder;
    test::writeFile(folder.path() / "a-file", "not a folder");
    ManualClock clock;
    try {
        RecordWriter writer(folder.path() / "a-file" / "session", clock);
        FAIL() << "expected RecordError";
    } catch (const RecordError& error) {
        const std::string what = error.what();
        EXPECT_NE(what.find((folder.path() / "a-file").string()), std::string::npos) << what;
        EXPECT_NE(what.find("Not a directory"), std::string::npos) << what;
    }
}

TEST(RecordWriteErrors, AnUnwritableFolderThrowsNamingTheFileAndTheOsError)
{
    test::TempFolder folder;
    const auto locked = folder.path() / "locked";
    std::filesystem::create_directory(locked);
    std::filesystem::permissions(folder.path(), std::filesystem::perms(0755));
    std::filesystem::permissions(locked, std::filesystem::perms(0555));
    const std::string output = runInChild([&](int fd) {
        dropRootIfRoot();
        ManualClock clock;
        try {
            RecordWriter writer(locked, clock);
            send(fd, "no error");
        } catch (const RecordError& error) {
            send(fd, error.what());
        }
    });
    EXPECT_NE(output.find((locked / "session.jsonl").string()), std::string::npos) << output;
    EXPECT_NE(output.find("Permission denied"), std::string::npos) << output;
}

TEST(RecordWriteErrors, AnUnwritableEvidenceFolderLosesThePictureButKeepsTheLine)
{
    test::TempFolder folder;
    std::filesystem::permissions(folder.path(), std::filesystem::perms(0777));
    const auto dir = folder.path() / "session";
    const std::string output = runInChild([&](int fd) {
        dropRootIfRoot();
        ManualClock clock;
        CollectedErrors errors;
        {
            RecordWriter writer(dir, clock, errors.handler(), quickRetries());
            std::filesystem::permissions(dir / "evidence", std::filesystem::perms(0555));
            writer.append("finding_opened", {{"rule", "qr_code_on_air"}},
                          cv::Mat(32, 32, CV_8UC3, cv::Scalar::all(9)), "qr");
        }
        for (const std::string& message : errors.messages)
            send(fd, message);
    });
    EXPECT_NE(output.find((dir / "evidence" / "000001-qr.jpg").string()), std::string::npos) << output;
    EXPECT_NE(output.find("Permission denied"), std::string::npos) << output;
    const auto lines = test::readRecordLines(dir);
    ASSERT_EQ(lines.size(), 3u);
    const auto finding = nlohmann::json::parse(lines[1]);
    EXPECT_FALSE(finding.contains("evidence"));
    EXPECT_NE(finding["payload"]["evidence_error"].get<std::string>().find("Permission denied"),
              std::string::npos);
    EXPECT_EQ(verifyRecord(dir).status, RecordStatus::Complete);
}

TEST(RecordWriteErrors, AFullDiskIsReportedAndTheRecordStaysVerifiable)
{
    test::TempFolder folder;
    const auto dir = folder.path() / "session";
    const std::string output = runInChild([&](int fd) {
        limitFileSize(kFileSizeLimit);
        ManualClock clock;
        CollectedErrors errors;
        {
            RecordWriter writer(dir, clock, errors.handler(), quickRetries());
            for (int i = 0; i < 100; ++i)
                writer.append("heartbeat", {{"i", i}, {"padding", std::string(100, 'p')}});
        } // close() gives up after closeTimeout
        for (const std::string& message : errors.messages)
            send(fd, message);
    });
    EXPECT_NE(output.find((dir / "session.jsonl").string() + ": File too large"), std::string::npos)
        << output;
    EXPECT_NE(output.find("gave up"), std::string::npos) << output;

    const std::string content = test::readFile(dir / kRecordFileName);
    EXPECT_LE(content.size(), kFileSizeLimit);
    const VerifyReport report = verifyRecord(dir);
    EXPECT_EQ(report.status, RecordStatus::Incomplete) << report.message;
    EXPECT_FALSE(report.tornLastLine) << "a refused line is cut back, not left half-written";
    EXPECT_EQ(report.linesChecked, test::countTerminatedLines(content));
    EXPECT_GE(report.linesChecked, 10u);
}

TEST(RecordWriteErrors, LinesRefusedByAFullDiskAreWrittenOnceThereIsRoomAgain)
{
    test::TempFolder folder;
    const auto dir = folder.path() / "session";
    constexpr int kLines = 60;
    const std::string output = runInChild([&](int fd) {
        limitFileSize(kFileSizeLimit);
        ManualClock clock;
        CollectedErrors errors;
        RecordWriter writer(dir, clock, errors.handler(), quickRetries());
        for (int i = 0; i < kLines; ++i)
            writer.append("heartbeat", {{"i", i}, {"padding", std::string(100, 'p')}});
        if (!waitFor([&] { return errors.count() > 0; }))
            throw std::runtime_error("the full disk was never reported");
        limitFileSize(RLIM_INFINITY);
        writer.close();
        send(fd, "lost " + std::to_string(writer.linesLost()));
        for (const std::string& message : errors.messages)
            send(fd, message);
    });
    EXPECT_NE(output.find("lost 0\n"), std::string::npos) << output;
    EXPECT_NE(output.find("File too large"), std::string::npos) << output;
    EXPECT_NE(output.find("again after"), std::string::npos) << output;

    const VerifyReport report = verifyRecord(dir);
    EXPECT_EQ(report.status, RecordStatus::Complete) << report.message;
    EXPECT_EQ(report.linesChecked, static_cast<std::size_t>(kLines + 2));
}

TEST(RecordWriteErrors, LinesBeyondTheQueueLimitAreCountedInTheRecord)
{
    test::TempFolder folder;
    const auto dir = folder.path() / "session";
    const std::string output = runInChild([&](int fd) {
        limitFileSize(512);
        ManualClock clock;
        CollectedErrors errors;
        RecordWriterOptions options = quickRetries();
        options.maxQueuedLines = 20;
        RecordWriter writer(dir, clock, errors.handler(), options);
        writer.append("session_start", {});
        if (!waitFor([&] { return errors.count() > 0 || writer.linesWritten() == 1; }))
            throw std::runtime_error("session_start was never written");
        for (int i = 0; i < 200; ++i)
            writer.append("heartbeat", {{"i", i}, {"padding", std::string(200, 'p')}});
        limitFileSize(RLIM_INFINITY);
        writer.close();
        send(fd, "lost " + std::to_string(writer.linesLost()));
    });
    const auto lines = test::readRecordLines(dir);
    std::uint64_t dropped = 0;
    std::size_t heartbeats = 0;
    for (const std::string& text : lines) {
        const auto line = nlohmann::json::parse(text);
        if (line["type"] == "error")
            dropped += line["payload"]["dropped_lines"].get<std::uint64_t>();
        if (line["type"] == "heartbeat")
            ++heartbeats;
    }
    EXPECT_GT(dropped, 0u);
    EXPECT_EQ(heartbeats + dropped, 200u) << "every heartbeat is either written or counted";
    EXPECT_NE(output.find("lost " + std::to_string(dropped)), std::string::npos) << output;
    EXPECT_EQ(verifyRecord(dir).status, RecordStatus::Complete);
}

} // namespace
} // namespace cg
