#include "replay_link.hpp"
#include "status_samples.hpp"
#include "test_translation.hpp"
#include "url_recorder.hpp"

#include "ui/guard_dock.hpp"
#include "ui/recent_findings_list.hpp"
#include "ui/scene_watch_list.hpp"
#include "ui/state_banner.hpp"
#include "ui/state_colors.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QMainWindow>
#include <QPushButton>

#include <nlohmann/json.hpp>

namespace cg::ui {
namespace {

QString jsonText(const std::string& json)
{
    return QString::fromStdString(json);
}

TEST(GuardDock, ShowsTheGuardsStatusAsSoonAsItIsBuilt)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    EXPECT_EQ(link.statusCalls, 1);
    EXPECT_EQ(dock.banner()->headline(), "Warning");
    EXPECT_EQ(dock.rules()->rowCount(), 2);
    EXPECT_EQ(dock.scenes()->count(), 3);
    EXPECT_EQ(dock.recent()->findingCount(), 3);
    EXPECT_EQ(dock.sessionText(), "Streaming · Rules: Alibaba.com");
    EXPECT_TRUE(dock.errorText().isEmpty());
    EXPECT_TRUE(dock.acknowledgeButton()->isEnabled());
    EXPECT_TRUE(dock.verifyButton()->isEnabled());
}

TEST(GuardDock, WaitsVisiblyWhileTheGuardDoesNotAnswer)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    GuardDock dock(link, "en-US");
    EXPECT_EQ(dock.banner()->headline(), "Waiting for the guard");
    EXPECT_FALSE(dock.acknowledgeButton()->isEnabled());
    EXPECT_FALSE(dock.openFolderButton()->isEnabled());
    link.statusJson = test::clearStatusJson();
    dock.refresh();
    EXPECT_EQ(dock.banner()->headline(), "All clear");
}

TEST(GuardDock, FollowsEachStatusSignal)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    emit link.statusChanged(jsonText(test::clearStatusJson()));
    EXPECT_EQ(dock.banner()->headline(), "All clear");
    EXPECT_EQ(dock.banner()->background(), stateBackground(GuardState::Clear));
    EXPECT_EQ(dock.rules()->rowCount(), 0);
    EXPECT_FALSE(dock.acknowledgeButton()->isEnabled());
}

TEST(GuardDock, AcknowledgesTheWarningThroughTheGuard)
{
    test::ReplayLink link;
    link.statusJson = test::statusInState("critical");
    GuardDock dock(link, "en-US");
    link.statusJson = test::statusInState("critical", true);
    dock.acknowledgeButton()->click();
    EXPECT_EQ(link.acknowledgeCalls, 1);
    EXPECT_FALSE(dock.acknowledgeButton()->isEnabled()) << "the guard confirmed it";
}

TEST(GuardDock, WatchesTheSceneTheUserTicks)
{
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    dock.scenes()->item(1)->setCheckState(Qt::Checked);
    dock.scenes()->item(0)->setCheckState(Qt::Unchecked);
    ASSERT_EQ(link.watchCalls.size(), 2u);
    EXPECT_EQ(link.watchCalls[0], std::make_pair(std::string("Product close-up"), true));
    EXPECT_EQ(link.watchCalls[1], std::make_pair(std::string("Camera"), false));
}

TEST(GuardDock, VerifiesTheCurrentRecordAndSaysTheVerdict)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    EXPECT_TRUE(dock.verdictText().isEmpty());
    link.verifyJson = R"({"status": "incomplete", "lines_verified": 17})";
    dock.verifyButton()->click();
    ASSERT_EQ(link.verifiedDirs.size(), 1u);
    EXPECT_EQ(link.verifiedDirs[0], "/records/2025-01-01_stream");
    EXPECT_TRUE(dock.verdictText().startsWith("Record unchanged so far (17 lines)."));
    link.verifyJson =
        R"({"status": "tampered", "lines_verified": 7, "first_bad_seq": 7, "message": "hash mismatch"})";
    dock.verifyButton()->click();
    EXPECT_EQ(dock.verdictText(), "The record was changed after it was written, at line 8!\nhash mismatch");
    link.verifyJson.reset();
    dock.verifyButton()->click();
    EXPECT_EQ(dock.verdictText(), "The guard did not answer. Is the plugin running?");
}

TEST(GuardDock, OpensTheRecordFolder)
{
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    test::UrlRecorder recorder;
    dock.openFolderButton()->click();
    ASSERT_EQ(recorder.opened.size(), 1u);
    EXPECT_EQ(recorder.opened[0], QUrl::fromLocalFile("/records/2025-01-01_stream"));
}

TEST(GuardDock, ShowsPackSessionAndGuardErrorsInPlainWords)
{
    test::useLanguage("en-US");
    nlohmann::json status = nlohmann::json::parse(test::clearStatusJson());
    status["pack"]["error"] = "rules/alibaba.json: rules[1].limit_s: must be a number";
    status["session"]["error"] = "cannot write /records: disk full";
    status["errors"] = {"audio: no program mix"};
    test::ReplayLink link;
    link.statusJson = status.dump();
    GuardDock dock(link, "en-US");
    EXPECT_EQ(dock.errorText(), "Rule pack problem: rules/alibaba.json: rules[1].limit_s: must be a number\n"
                                "Record problem: cannot write /records: disk full\n"
                                "Problem: audio: no program mix");
    emit link.statusChanged(jsonText(test::clearStatusJson()));
    EXPECT_TRUE(dock.errorText().isEmpty());
}

TEST(GuardDock, AnAlertRaisesTheHiddenDockColoursItAndAsksForATrayMessage)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson(""); // the status lags: the alert says critical
    QMainWindow window;
    auto* dockWidget = new QDockWidget(QStringLiteral("Compliance Guard"), &window);
    auto* dock = new GuardDock(link, "en-US");
    dockWidget->setWidget(dock);
    window.addDockWidget(Qt::RightDockWidgetArea, dockWidget);
    window.show();
    dockWidget->hide();
    std::vector<QString> trayMessages;
    QObject::connect(dock, &GuardDock::attentionNeeded,
                     [&](const QString& title, const QString& message, GuardState) {
                         trayMessages.push_back(title + " | " + message);
                     });
    emit link.alertRaised(jsonText(
        R"({"rule": "no_qr_codes", "state": "critical", "title": {"en-US": "QR code on air"},
            "detail": "https://wa.me/123456", "platform": {"en-US": "Alibaba.com"}})"));
    EXPECT_TRUE(dockWidget->isVisible());
    EXPECT_EQ(dock->banner()->headline(), "Critical");
    EXPECT_EQ(dock->banner()->background(), stateBackground(GuardState::Critical));
    ASSERT_EQ(trayMessages.size(), 1u);
    EXPECT_EQ(trayMessages[0],
              "Compliance Guard: Critical | QR code on air (https://wa.me/123456)\nPlatform: Alibaba.com");
}

TEST(GuardDock, AnAlertPlaysTheSoundOnlyWhenTheStreamerAskedForIt)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson("");
    GuardDock dock(link, "en-US");
    int sounds = 0;
    QObject::connect(&dock, &GuardDock::alertSoundNeeded, [&] { ++sounds; });
    const QString alert =
        jsonText(R"({"rule": "no_qr_codes", "state": "warning", "title": {"en-US": "QR code on air"}})");
    EXPECT_FALSE(dock.alertSoundOption()->isChecked()) << "off until the streamer turns it on";
    emit link.alertRaised(alert);
    EXPECT_EQ(sounds, 0);
    dock.alertSoundOption()->setChecked(true);
    emit link.alertRaised(alert);
    EXPECT_EQ(sounds, 1);
    EXPECT_EQ(dock.alertSoundOption()->text(), "Play a sound with warnings");
}

TEST(GuardDock, ThisIsMeEnrolsAndTheDockFollowsTheEnrolment)
{
    test::useLanguage("en-US");
    test::ReplayLink link;
    link.statusJson = test::clearStatusJson();
    GuardDock dock(link, "en-US");
    EXPECT_EQ(dock.enrolmentText(), "No presenter registered: anyone on camera counts as the presenter.");
    EXPECT_FALSE(dock.forgetButton()->isEnabled()) << "nothing to forget yet";

    dock.enrolButton()->click();
    EXPECT_EQ(link.enrolCalls, 1);
    emit link.statusChanged(
        jsonText(R"({"state": "clear", "presenters": {"state": "collecting", "enrolled": []}})"));
    EXPECT_EQ(dock.enrolmentText(), "Look at the camera for a few seconds…");
    EXPECT_FALSE(dock.enrolButton()->isEnabled());

    emit link.statusChanged(
        jsonText(R"({"state": "clear", "presenters": {"state": "idle", "enrolled": ["presenter"],
        "samples": 7, "last": {"ok": true, "frames": 8, "samples": 7}}})"));
    EXPECT_EQ(dock.enrolmentText(), "Registered presenter: 7 face samples kept on this computer.");
    ASSERT_TRUE(dock.forgetButton()->isEnabled());
    dock.forgetButton()->click();
    EXPECT_EQ(link.forgetCalls, 1);

    emit link.statusChanged(jsonText(R"({"state": "clear", "presenters": {"state": "idle", "enrolled": [],
        "last": {"ok": false, "frames": 8, "samples": 0}}})"));
    EXPECT_EQ(dock.enrolmentText(), "No face was clear enough. Face the camera in good light and try again.");
}

// Saves the dock as the streamer sees it during a warning, in each language, for people to look at.
TEST(GuardDock, RendersAReadableWarningInEachLanguage)
{
    const QDir artifacts(QStringLiteral(CG_BINARY_DIR "/test-artifacts/ui"));
    ASSERT_TRUE(artifacts.mkpath(QStringLiteral(".")));
    for (const char* language : {"en-US", "zh-CN"}) {
        test::useLanguage(language);
        test::ReplayLink link;
        link.statusJson = test::warningStatusJson("");
        GuardDock dock(link, language);
        dock.resize(380, 860);
        const QImage image = dock.grab().toImage();
        const QString path = artifacts.filePath(QStringLiteral("dock-warning-%1.png").arg(language));
        ASSERT_TRUE(image.save(path));
        int bannerPixels = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                bannerPixels += image.pixelColor(x, y) == stateBackground(GuardState::Warning) ? 1 : 0;
        EXPECT_GT(bannerPixels, 500) << "the amber warning banner is drawn: " << path.toStdString();
    }
    test::useLanguage("en-US");
}

} // namespace
} // namespace cg::ui
