// A crash mid-session leaves a record that still verifies (incomplete, not tampered), and the next
// start says so: in its own session_start line and in the errors the dock shows.
#include "obs/guard_fixture.hpp"

#include "core/clock.hpp"
#include "core/record/record_verifier.hpp"
#include "core/record/record_writer.hpp"

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cg::obstest {
namespace {

namespace fs = std::filesystem;

// A stream session whose process is killed (SIGKILL) in the middle: its writer never closes.
fs::path crashMidSession(const fs::path& recordsDir)
{
    fs::create_directories(recordsDir);
    const SteadyClock clock;
    const fs::path sessionDir =
        RecordWriter::newSessionFolder(recordsDir, clock.utcMillis() - 60000, "stream");
    const pid_t child = fork();
    if (child == 0) {
        RecordWriter writer(sessionDir, clock);
        writer.append("session_start", {{"kind", "stream"}});
        writer.append("scene_change", {{"program", "Live"}});
        while (writer.linesWritten() < 2)
            std::this_thread::sleep_for(10ms);
        raise(SIGKILL);
    }
    int status = 0;
    waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer process was not killed";
    return sessionDir;
}

class AfterACrash : public GuardInLibobs {
  protected:
    void SetUp() override {} // the crashed session must be on disk before libobs starts
};

TEST_F(AfterACrash, NextStartRecordsAndShowsTheUnclosedSession)
{
    const fs::path crashed = crashMidSession(recordsDir());
    const VerifyReport crashedReport = verifyRecord(crashed);
    ASSERT_EQ(crashedReport.status, RecordStatus::Incomplete) << crashedReport.message;
    EXPECT_EQ(crashedReport.linesChecked, 2u);

    startLibobs();
    nlohmann::json status;
    ASSERT_TRUE(waitUntil(
        [&] {
            status = guardStatus();
            return status["session"].is_object() && !status["session"].value("dir", "").empty();
        },
        5s))
        << "the guard opened no session: " << status.dump(2);
    const fs::path sessionDir = status["session"].value("dir", "");
    EXPECT_NE(sessionDir, crashed);

    bool errorNamesIt = false;
    for (const nlohmann::json& error : status.value("errors", nlohmann::json::array()))
        errorNamesIt =
            errorNamesIt || (error.get<std::string>().find("did not end cleanly") != std::string::npos &&
                             error.get<std::string>().find(crashed.filename().string()) != std::string::npos);
    EXPECT_TRUE(errorNamesIt) << status["errors"].dump(2);

    std::vector<nlohmann::json> lines;
    ASSERT_TRUE(waitUntil([&] { return !(lines = readRecordLines(sessionDir)).empty(); }, 5s));
    ASSERT_EQ(lines.front().value("type", ""), "session_start");
    const nlohmann::json unclosed =
        lines.front()["payload"].value("previous_session_unclosed", nlohmann::json());
    ASSERT_TRUE(unclosed.is_object()) << lines.front().dump(2);
    EXPECT_EQ(fs::path(unclosed.value("dir", "")), crashed);
    EXPECT_EQ(unclosed.value("lines_verified", 0), 2);

    shutdownLibobs();
    EXPECT_EQ(verifyRecord(sessionDir).status, RecordStatus::Complete);
    EXPECT_EQ(verifyRecord(crashed).status, RecordStatus::Incomplete) << "the crashed record was changed";
}

} // namespace
} // namespace cg::obstest
