#pragma once

#include <QDesktopServices>
#include <QObject>
#include <QUrl>

#include <vector>

namespace cg::test {

// Catches what the dock asks the desktop to open (QDesktopServices::openUrl for file: URLs), so a
// test sees the click without launching an image viewer or a file manager.
class UrlRecorder final : public QObject {
    Q_OBJECT

  public:
    UrlRecorder() { QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "open"); }
    ~UrlRecorder() override { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }

    std::vector<QUrl> opened;

  public slots:
    void open(const QUrl& url) { opened.push_back(url); }
};

} // namespace cg::test
