#include "status_samples.hpp"
#include "test_translation.hpp"
#include "url_recorder.hpp"

#include "ui/guard_dock.hpp"
#include "ui/recent_findings_list.hpp"

#include "replay_link.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTemporaryDir>

namespace cg::ui {
namespace {

QString writeEvidenceJpeg(const QTemporaryDir& dir)
{
    QImage frame(640, 360, QImage::Format_RGB32);
    frame.fill(QColor(40, 90, 160));
    QPainter painter(&frame);
    painter.fillRect(QRect(240, 100, 160, 160), Qt::white);
    painter.end();
    const QString path = dir.filePath(QStringLiteral("evidence-0001.jpg"));
    EXPECT_TRUE(frame.save(path, "JPG", 85));
    return path;
}

void clickItem(QListWidget& list, int row)
{
    const QPoint centre = list.visualItemRect(list.item(row)).center();
    QWidget* viewport = list.viewport();
    QMouseEvent press(QEvent::MouseButtonPress, centre, viewport->mapToGlobal(centre), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, centre, viewport->mapToGlobal(centre), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &press);
    QApplication::sendEvent(viewport, &release);
}

TEST(RecentFindingsList, ShowsEachFindingNewestFirstWithItsEvidenceThumbnail)
{
    test::useLanguage("en-US");
    QTemporaryDir dir;
    const QString evidence = writeEvidenceJpeg(dir);
    RecentFindingsList list;
    list.setFindings(parseGuardStatus(test::warningStatusJson(evidence.toStdString()), "en-US").recent);
    ASSERT_EQ(list.findingCount(), 3);
    EXPECT_EQ(list.item(0)->text(), "1:52  QR code on air\nNow: Warning");
    EXPECT_EQ(list.item(1)->text(), "1:40  Presenter not seen\nStarted: Notice");
    EXPECT_EQ(list.item(2)->text(), "0:50  No sound\nCleared");
    EXPECT_TRUE(list.hasThumbnail(0));
    EXPECT_FALSE(list.hasThumbnail(1));
    const QPixmap thumbnail = list.item(0)->icon().pixmap(QSize(96, 54));
    EXPECT_EQ(thumbnail.size(), QSize(96, 54));
    const QColor centre = thumbnail.toImage().pixelColor(48, 27);
    EXPECT_GT(centre.lightness(), 200) << "the white square of the evidence frame";
}

TEST(RecentFindingsList, LeavesOutAThumbnailWhoseFileIsNotThere)
{
    RecentFindingsList list;
    list.setFindings(parseGuardStatus(test::warningStatusJson("/nonexistent/evidence.jpg"), "en-US").recent);
    EXPECT_FALSE(list.hasThumbnail(0));
    EXPECT_EQ(list.evidencePath(0), "/nonexistent/evidence.jpg");
}

TEST(RecentFindingsList, SaysSoWhenThereIsNoFindingYet)
{
    test::useLanguage("en-US");
    RecentFindingsList list;
    list.setFindings({});
    EXPECT_EQ(list.findingCount(), 0);
    ASSERT_EQ(list.count(), 1);
    EXPECT_EQ(list.item(0)->text(), "No findings in this session yet.");
}

TEST(RecentFindingsList, ClickingAFindingInTheDockOpensItsEvidenceImage)
{
    QTemporaryDir dir;
    const QString evidence = writeEvidenceJpeg(dir);
    test::ReplayLink link;
    link.statusJson = test::warningStatusJson(evidence.toStdString());
    GuardDock dock(link, "en-US");
    dock.resize(360, 900);
    dock.show();
    test::UrlRecorder recorder;
    clickItem(*dock.recent(), 1); // no evidence: nothing opens
    clickItem(*dock.recent(), 0);
    ASSERT_EQ(recorder.opened.size(), 1u);
    EXPECT_EQ(recorder.opened[0], QUrl::fromLocalFile(evidence));
}

} // namespace
} // namespace cg::ui
