#include "support/temp_folder.hpp"
#include "test_translation.hpp"

#include "core/compliance_session.hpp"
#include "core/record/record_writer.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "ui/record_browser.hpp"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

#include <fstream>

namespace cg::ui {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kRulesDir = CG_SOURCE_DIR "/data/rules";

// A real session through the core: a QR code on air from 10 s to 14 s of a one-minute session.
std::filesystem::path recordSession(const std::filesystem::path& recordsDir, std::int64_t startUtcMillis)
{
    ManualClock clock(startUtcMillis);
    const auto dir = RecordWriter::newSessionFolder(recordsDir, startUtcMillis, "stream");
    {
        ComplianceSession session(loadRulePack(kRulesDir / "alibaba.json"), clock,
                                  std::make_unique<RecordWriter>(dir, clock), {{"kind", "stream"}});
        for (Millis t = 0ms; t <= 60s; t += 500ms) {
            clock.set(t);
            AnalysisResult result;
            result.frame = Frame::fromMat(cv::Mat(72, 128, CV_8UC1, cv::Scalar(90)), t);
            result.categoriesChecked = {"qr_code"};
            if (t >= 10s && t < 14s)
                result.detections.push_back({"codes",
                                             "qr_code",
                                             "QRCode",
                                             1,
                                             {{10, 10}, {40, 10}, {40, 40}, {10, 40}},
                                             "https://wa.me/1"});
            session.onResult(result);
        }
        session.close({});
    }
    return dir;
}

RecordBrowserPaths pathsFor(const std::filesystem::path& recordsDir)
{
    RecordBrowserPaths paths;
    paths.recordsDir = recordsDir;
    paths.rulesDir = kRulesDir;
    paths.localeDir = CG_SOURCE_DIR "/locale";
    return paths;
}

// Runs the event loop until the signal comes (true) or the time is up (false).
template <typename Signal> bool waitFor(RecordBrowser& browser, Signal signal, int timeoutMs = 60000)
{
    QEventLoop loop;
    bool arrived = false;
    QObject::connect(&browser, signal, &loop, [&] {
        arrived = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return arrived;
}

constexpr std::int64_t kNov25 = 1'795'600'000'000; // 2026-11-25, UTC

TEST(RecordBrowser, ListsSessionsNewestFirstWithTheirWorstStateAndVerification)
{
    test::useLanguage("en-US");
    TempFolder records;
    recordSession(records.path(), kNov25);
    const auto newer = recordSession(records.path(), kNov25 + 3'600'000);
    RecordBrowser browser(pathsFor(records.path()), 0);
    ASSERT_TRUE(waitFor(browser, &RecordBrowser::loaded));
    ASSERT_EQ(browser.table()->rowCount(), 2);
    EXPECT_EQ(browser.sessions()[0].dir, newer);
    EXPECT_EQ(browser.table()->item(0, 1)->text(), "1:00");
    EXPECT_EQ(browser.table()->item(0, 2)->text(), "Alibaba.com Live");
    EXPECT_EQ(browser.table()->item(0, 3)->text(), "Over the limit");
    EXPECT_EQ(browser.table()->item(0, 4)->text(), "Complete and unchanged (not signed)");
    EXPECT_TRUE(test::missingKeys().empty());
}

TEST(RecordBrowser, ATamperedRecordSaysSoInChinese)
{
    test::useLanguage("zh-CN");
    TempFolder records;
    const auto dir = recordSession(records.path(), kNov25);
    {
        // Someone edits what was seen, leaving valid JSON behind.
        std::ifstream in(dir / "session.jsonl");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto at = text.find("https://wa.me/1");
        ASSERT_NE(at, std::string::npos);
        text.replace(at, 15, "https://wa.me/2");
        std::ofstream(dir / "session.jsonl", std::ios::trunc) << text;
    }
    RecordBrowserPaths paths = pathsFor(records.path());
    paths.language = "zh-CN";
    RecordBrowser browser(paths, 0);
    ASSERT_TRUE(waitFor(browser, &RecordBrowser::loaded));
    ASSERT_EQ(browser.table()->rowCount(), 1);
    EXPECT_EQ(browser.table()->item(0, 4)->text(), QString::fromUtf8("写入后被改动过"));
    EXPECT_EQ(browser.table()->item(0, 2)->text(), QString::fromUtf8("阿里巴巴国际站直播"));
    test::useLanguage("en-US");
}

TEST(RecordBrowser, ExportsTheSelectedSessionsReportAndDeletesOnlySessions)
{
    test::useLanguage("en-US");
    TempFolder records;
    const auto dir = recordSession(records.path(), kNov25);
    std::filesystem::create_directory(records.path() / "not-a-session");
    RecordBrowser browser(pathsFor(records.path()), 0);
    ASSERT_TRUE(waitFor(browser, &RecordBrowser::loaded));
    ASSERT_EQ(browser.table()->rowCount(), 1) << "folders without session.jsonl are not listed";
    browser.table()->selectRow(0);
    EXPECT_TRUE(browser.exportButton()->isEnabled());
    EXPECT_TRUE(browser.blurFacesOption()->isChecked()) << "faces are blurred in reports by default";

    const QString output = QString::fromStdString((records.path() / "report.html").string());
    bool ok = false;
    QObject::connect(&browser, &RecordBrowser::reportWritten,
                     [&ok](const QString&, bool written) { ok = written; });
    browser.exportSelected(output);
    ASSERT_TRUE(waitFor(browser, &RecordBrowser::reportWritten));
    EXPECT_TRUE(ok) << browser.messageText().toStdString();
    std::ifstream html(output.toStdString());
    const std::string page((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
    EXPECT_NE(page.find("QR code on air"), std::string::npos);
    EXPECT_NE(page.find("data:image/jpeg;base64,"), std::string::npos);

    // The reviewer's language, whatever the UI's.
    ASSERT_EQ(browser.reportLanguage()->currentData().toString(), "en-US");
    browser.reportLanguage()->setCurrentIndex(browser.reportLanguage()->findData(QStringLiteral("zh-CN")));
    const QString chinese = QString::fromStdString((records.path() / "report-zh.html").string());
    browser.exportSelected(chinese);
    ASSERT_TRUE(waitFor(browser, &RecordBrowser::reportWritten));
    std::ifstream zh(chinese.toStdString());
    const std::string zhPage((std::istreambuf_iterator<char>(zh)), std::istreambuf_iterator<char>());
    EXPECT_NE(zhPage.find("合规报告"), std::string::npos);

    browser.deleteSelected();
    EXPECT_FALSE(std::filesystem::exists(dir));
    EXPECT_TRUE(std::filesystem::exists(records.path() / "not-a-session"));
    EXPECT_EQ(browser.table()->rowCount(), 0);
}

TEST(RecordRetention, DeletesSessionsPastTheRetentionButNeverTheCurrentOne)
{
    TempFolder records;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const std::int64_t day = 24LL * 3600 * 1000;
    const auto old = recordSession(records.path(), now - 40 * day);
    const auto current = recordSession(records.path(), now - 35 * day);
    const auto recent = recordSession(records.path(), now - 2 * day);
    RecordBrowserPaths paths = pathsFor(records.path());
    paths.currentSessionDir = current;
    EXPECT_TRUE(applyRecordRetention(paths, 0).empty());
    EXPECT_TRUE(std::filesystem::exists(old)) << "0 days keeps everything";
    EXPECT_TRUE(applyRecordRetention(paths, 30).empty());
    EXPECT_FALSE(std::filesystem::exists(old));
    EXPECT_TRUE(std::filesystem::exists(current));
    EXPECT_TRUE(std::filesystem::exists(recent));
}

} // namespace
} // namespace cg::ui
