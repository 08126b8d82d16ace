// Taking things away while the guard analyses them, as streamers do mid-show: the filter removed,
// the scene deleted, OBS closed. Nothing crashes (these tests also run under the asan preset), the
// open finding ends, and the session's record verifies as complete once OBS has shut down.
#include "obs/guard_fixture.hpp"

#include "core/record/record_verifier.hpp"

#include <obs.h>

#include <thread>

namespace cg::obstest {
namespace {

namespace fs = std::filesystem;

bool isQrCleared(const nlohmann::json& finding)
{
    return finding.value("change", "") == "finding_cleared" && finding.value("rule", "") == "qr_code_on_air";
}

class TeardownInFlight : public GuardInLibobs {
  protected:
    // Puts the scene on air and waits for the QR finding: from then on frames are being staged,
    // mapped and analysed continuously.
    fs::path goOnAirUntilFound(GuardedScene& scene, const SignalRecorder& findings)
    {
        setProgram(scene.source());
        EXPECT_FALSE(findings.waitFor(isQrOpened, 10s).is_null()) << "the QR banner was never found";
        const nlohmann::json status = guardStatus();
        EXPECT_TRUE(status.value("analysing", false)) << status.dump(2);
        return status["session"].value("dir", "");
    }

    // After obs_shutdown the module has closed the session: the record is intact and ends with
    // session_end.
    static void expectClosedRecord(const fs::path& sessionDir)
    {
        ASSERT_FALSE(sessionDir.empty());
        const VerifyReport report = verifyRecord(sessionDir);
        EXPECT_EQ(report.status, RecordStatus::Complete) << sessionDir << ": " << report.message;
        EXPECT_TRUE(report.closingLinePresent);
        EXPECT_GE(report.evidenceFilesChecked, 1u) << "the QR finding's picture was not kept";
    }
};

TEST_F(TeardownInFlight, RemovingTheFilterWhileAnalysingEndsTheFindingAndAnalysis)
{
    fs::path sessionDir;
    {
        const SignalRecorder findings(obs::api::signalFinding);
        GuardedScene scene("Live", qrBanner());
        sessionDir = goOnAirUntilFound(scene, findings);

        scene.removeFilter();
        EXPECT_FALSE(findings.waitFor(isQrCleared, 5s).is_null())
            << "the QR finding stayed open without a filter";
        EXPECT_TRUE(waitUntil([] { return !guardStatus().value("analysing", true); }, 3s))
            << guardStatus().dump(2);
        std::this_thread::sleep_for(500ms); // the scene keeps rendering without the filter
        EXPECT_EQ(guardStatus().value("state", ""), "clear");
        setProgram(nullptr);
    }
    shutdownLibobs();
    expectClosedRecord(sessionDir);
}

TEST_F(TeardownInFlight, DeletingTheSceneOnAirWhileAnalysingEndsTheFinding)
{
    fs::path sessionDir;
    {
        const SignalRecorder findings(obs::api::signalFinding);
        GuardedScene scene("Live", qrBanner());
        sessionDir = goOnAirUntilFound(scene, findings);

        scene.removeScene(); // still on the program channel, which holds the last reference
        setProgram(nullptr);
        EXPECT_FALSE(findings.waitFor(isQrCleared, 5s).is_null())
            << "the QR finding stayed open after the scene went";
        EXPECT_TRUE(waitUntil([] { return !guardStatus().value("analysing", true); }, 3s))
            << guardStatus().dump(2);
        EXPECT_TRUE(guardStatus().value("scenes", nlohmann::json::array()).empty());
    }
    shutdownLibobs();
    expectClosedRecord(sessionDir);
}

// OBS's exit clears the program and removes every scene (ClearSceneData), then obs_shutdown
// unloads the modules, all without waiting for the analysis in flight. (Sources still on an output
// channel at obs_shutdown are destroyed by libobs after it freed their type names: a use-after-free
// inside libobs that OBS's exit order avoids, so this test follows that order.)
TEST_F(TeardownInFlight, ClosingObsWhileOnAirAndAnalysingClosesTheRecord)
{
    fs::path sessionDir;
    {
        const SignalRecorder findings(obs::api::signalFinding);
        GuardedScene scene("Live", qrBanner());
        sessionDir = goOnAirUntilFound(scene, findings);
        setProgram(nullptr);
        scene.removeScene();
    }
    shutdownLibobs();
    expectClosedRecord(sessionDir);
    const std::vector<nlohmann::json> lines = readRecordLines(sessionDir);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back().value("type", ""), "session_end");
    EXPECT_EQ(lines.back()["payload"].value("reason", ""), "OBS is closing");
}

} // namespace
} // namespace cg::obstest
