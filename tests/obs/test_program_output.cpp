// The guard analyses what goes on air, and only that: a QR banner on the program output is found,
// signalled and recorded; the same scene rendered only as a preview (Studio Mode) is left alone.
#include "obs/guard_fixture.hpp"

#include <obs.h>

#include <thread>

namespace cg::obstest {
namespace {

namespace fs = std::filesystem;

nlohmann::json recordLine(const fs::path& sessionDir, const std::string& type, const std::string& rule)
{
    for (const nlohmann::json& line : readRecordLines(sessionDir))
        if (line.value("type", "") == type && line["payload"].value("rule", "") == rule)
            return line;
    return nullptr;
}

TEST_F(GuardInLibobs, QrBannerOnProgramIsSignalledShownAsBreachAndRecordedWithEvidence)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Product close-up", qrBanner());
    setProgram(scene.source());

    const nlohmann::json opened = findings.waitFor(isQrOpened, 10s);
    ASSERT_FALSE(opened.is_null()) << "no finding_opened for qr_code_on_air within 10 s of going on air";
    EXPECT_EQ(opened.value("category", ""), "qr_code");

    nlohmann::json status;
    ASSERT_TRUE(waitUntil(
        [&] {
            status = guardStatus();
            return status.value("state", "") == "breach" && hasQrRow(status);
        },
        10s))
        << status.dump(2);
    EXPECT_TRUE(status.value("analysing", false));

    ASSERT_TRUE(status["session"].is_object()) << status.dump(2);
    const fs::path sessionDir = status["session"].value("dir", "");
    ASSERT_FALSE(sessionDir.empty()) << status.dump(2);
    nlohmann::json line;
    ASSERT_TRUE(waitUntil(
        [&] { return !(line = recordLine(sessionDir, "finding_opened", "qr_code_on_air")).is_null(); }, 5s))
        << "no finding_opened line for qr_code_on_air in " << sessionDir / "session.jsonl";
    ASSERT_TRUE(line.contains("evidence")) << line.dump();
    EXPECT_TRUE(fs::is_regular_file(sessionDir / line["evidence"].value("file", "")))
        << "evidence picture missing: " << line["evidence"].dump();

    setProgram(nullptr);
}

TEST_F(GuardInLibobs, SceneOnlyInPreviewIsNotAnalysedUntilItGoesOnProgram)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Next product", qrBanner());

    // Studio Mode's preview renders the scene without putting it on air: shown, not active.
    obs_view_t* preview = obs_view_create();
    obs_view_set_source(preview, 0, scene.source());
    ASSERT_NE(obs_view_add(preview), nullptr);
    ASSERT_TRUE(waitUntil([&] { return obs_source_showing(scene.source()); }, 2s));
    EXPECT_FALSE(obs_source_active(scene.source()));

    std::this_thread::sleep_for(3s);
    const nlohmann::json status = guardStatus();
    EXPECT_TRUE(findings.received().empty()) << findings.received().front().dump();
    EXPECT_FALSE(status.value("analysing", true)) << status.dump(2);
    EXPECT_EQ(status.value("state", ""), "clear") << status.dump(2);

    // The same scene, taken to program, is found: the preview saw nothing because it is not on air.
    setProgram(scene.source());
    EXPECT_FALSE(findings.waitFor(isQrOpened, 10s).is_null())
        << "no finding once the previewed scene went on air";
    setProgram(nullptr);

    obs_view_remove(preview);
    obs_view_set_source(preview, 0, nullptr);
    obs_view_destroy(preview);
}

} // namespace
} // namespace cg::obstest
