#include "ui/record_browser.hpp"

#include "core/finding_json.hpp"
#include "report_pdf/session_report_export.hpp"
#include "ui/dock_model.hpp"
#include "ui/dock_text.hpp"
#include "ui/duration_text.hpp"
#include "ui/state_colors.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <chrono>

namespace cg::ui {

namespace {

enum Column { Started, Duration, Platform, Worst, Verified, ColumnCount };

std::int64_t nowUtcMillis()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::vector<SessionSummary> readSessions(const RecordBrowserPaths& paths)
{
    std::vector<SessionSummary> sessions;
    for (const std::filesystem::path& dir : listSessionFolders(paths.recordsDir))
        sessions.push_back(summariseSession(dir, paths.rulesDir));
    return sessions;
}

// Runs work on the UI thread later, unless the browser is gone by then.
template <typename Work> void onUiThread(QPointer<RecordBrowser> browser, Work work)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [browser, work = std::move(work)]() mutable {
            if (browser)
                work(*browser);
        },
        Qt::QueuedConnection);
}

QString verificationText(const SessionSummary& session)
{
    if (!session.error.empty() && session.verification != RecordStatus::Tampered)
        return dockText("ComplianceGuard.Records.Verified.Unreadable");
    switch (session.verification) {
    case RecordStatus::Complete:
        return dockText(session.signedRecord ? "ComplianceGuard.Records.Verified.Signed"
                                             : "ComplianceGuard.Records.Verified.Complete");
    case RecordStatus::Incomplete:
        return dockText("ComplianceGuard.Records.Verified.Incomplete");
    case RecordStatus::Tampered:
        return dockText("ComplianceGuard.Records.Verified.Tampered");
    case RecordStatus::Unreadable:
        break;
    }
    return dockText("ComplianceGuard.Records.Verified.Unreadable");
}

QString platformText(const SessionSummary& session, const std::string& language)
{
    const std::string& name = language == "zh-CN" ? session.packName.zh : session.packName.en;
    return QString::fromStdString(name.empty() ? session.packId : name);
}

} // namespace

RecordBrowser::RecordBrowser(RecordBrowserPaths paths, int retentionDays, QWidget* parent)
    : QDialog(parent), paths_(std::move(paths)), table_(new QTableWidget(0, ColumnCount, this)),
      open_(new QPushButton(dockText("ComplianceGuard.Records.Open"), this)),
      verify_(new QPushButton(dockText("ComplianceGuard.Records.Verify"), this)),
      export_(new QPushButton(dockText("ComplianceGuard.Records.Export"), this)),
      delete_(new QPushButton(dockText("ComplianceGuard.Records.Delete"), this)),
      blurFaces_(new QCheckBox(dockText("ComplianceGuard.Records.BlurFaces"), this)),
      language_(new QComboBox(this)), retention_(new QSpinBox(this)), message_(new QLabel(this))
{
    setObjectName(QStringLiteral("recordBrowser"));
    setWindowTitle(dockText("ComplianceGuard.Records.Title"));
    resize(720, 420);
    table_->setHorizontalHeaderLabels({dockText("ComplianceGuard.Records.Column.Started"),
                                       dockText("ComplianceGuard.Records.Column.Duration"),
                                       dockText("ComplianceGuard.Records.Column.Platform"),
                                       dockText("ComplianceGuard.Records.Column.Worst"),
                                       dockText("ComplianceGuard.Records.Column.Verified")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    blurFaces_->setChecked(true);
    blurFaces_->setToolTip(dockText("ComplianceGuard.Records.BlurFaces.Tooltip"));
    export_->setToolTip(dockText("ComplianceGuard.Records.Export.Tooltip"));
    language_->addItem(dockText("ComplianceGuard.Records.Language.zh"), QStringLiteral("zh-CN"));
    language_->addItem(dockText("ComplianceGuard.Records.Language.en"), QStringLiteral("en-US"));
    language_->setCurrentIndex(language_->findData(QString::fromStdString(paths_.language)));
    retention_->setRange(0, 3650);
    retention_->setValue(retentionDays);
    retention_->setSpecialValueText(dockText("ComplianceGuard.Records.Retention.Forever"));
    retention_->setSuffix(dockText("ComplianceGuard.Records.Retention.Days"));
    message_->setObjectName(QStringLiteral("recordMessage"));
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);

    auto* buttons = new QHBoxLayout();
    for (QPushButton* button : {open_, verify_, export_, delete_})
        buttons->addWidget(button);
    auto* retention = new QHBoxLayout();
    retention->addWidget(new QLabel(dockText("ComplianceGuard.Records.Retention"), this));
    retention->addWidget(retention_);
    retention->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    auto* language = new QHBoxLayout();
    language->addWidget(new QLabel(dockText("ComplianceGuard.Records.Language"), this));
    language->addWidget(language_);
    language->addStretch(1);
    layout->addWidget(blurFaces_);
    layout->addLayout(language);
    layout->addLayout(retention);
    layout->addWidget(message_);

    connect(table_, &QTableWidget::itemSelectionChanged, this, &RecordBrowser::updateButtons);
    connect(open_, &QPushButton::clicked, this, [this] {
        if (const SessionSummary* session = selected())
            QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(session->dir.string())));
    });
    connect(verify_, &QPushButton::clicked, this, &RecordBrowser::reload);
    connect(export_, &QPushButton::clicked, this, [this] {
        const SessionSummary* session = selected();
        if (session == nullptr)
            return;
        const QString suggested = QString::fromStdString((session->dir.filename().string() + "-report.pdf"));
        const QString file =
            QFileDialog::getSaveFileName(this, dockText("ComplianceGuard.Records.Export"), suggested,
                                         QStringLiteral("PDF (*.pdf);;HTML (*.html)"));
        if (!file.isEmpty())
            exportSelected(file);
    });
    connect(delete_, &QPushButton::clicked, this, [this] {
        const SessionSummary* session = selected();
        if (session == nullptr)
            return;
        const auto answer = QMessageBox::question(this, dockText("ComplianceGuard.Records.Delete"),
                                                  dockText("ComplianceGuard.Records.Delete.Confirm")
                                                      .arg(QString::fromStdString(session->dir.string())));
        if (answer == QMessageBox::Yes)
            deleteSelected();
    });
    connect(retention_, &QSpinBox::valueChanged, this, &RecordBrowser::retentionChanged);
    updateButtons();
    reload();
}

RecordBrowser::~RecordBrowser()
{
    for (std::thread& worker : workers_)
        worker.join();
}

void RecordBrowser::reload()
{
    showMessage(dockText("ComplianceGuard.Records.Reading"), false);
    verify_->setEnabled(false);
    workers_.emplace_back([browser = QPointer(this), paths = paths_] {
        std::vector<SessionSummary> sessions = readSessions(paths);
        onUiThread(browser, [sessions = std::move(sessions)](RecordBrowser& self) mutable {
            self.showSessions(std::move(sessions));
        });
    });
}

void RecordBrowser::showSessions(std::vector<SessionSummary> sessions)
{
    sessions_ = std::move(sessions);
    table_->setRowCount(static_cast<int>(sessions_.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const SessionSummary& session = sessions_[static_cast<std::size_t>(row)];
        const GuardState worst = guardStateFromString(toString(session.worst)).value_or(GuardState::Clear);
        const QString started =
            QDateTime::fromMSecsSinceEpoch(session.startUtcMillis).toLocalTime().toString("yyyy-MM-dd HH:mm");
        const QString cells[ColumnCount] = {started, elapsedText(toSeconds(session.duration)),
                                            platformText(session, paths_.language), stateWord(worst),
                                            verificationText(session)};
        for (int column = 0; column < ColumnCount; ++column)
            table_->setItem(row, column, new QTableWidgetItem(cells[column]));
        table_->item(row, Worst)->setBackground(stateBackground(worst));
        if (!session.error.empty())
            table_->item(row, Verified)->setToolTip(QString::fromStdString(session.error));
    }
    table_->resizeColumnsToContents();
    showMessage(sessions_.empty() ? dockText("ComplianceGuard.Records.None")
                                  : dockText("ComplianceGuard.Records.Count").arg(sessions_.size()),
                false);
    updateButtons();
    emit loaded();
}

const SessionSummary* RecordBrowser::selected() const
{
    const QList<QTableWidgetItem*> items = table_->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const auto row = static_cast<std::size_t>(items.front()->row());
    return row < sessions_.size() ? &sessions_[row] : nullptr;
}

void RecordBrowser::updateButtons()
{
    const SessionSummary* session = selected();
    open_->setEnabled(session != nullptr);
    verify_->setEnabled(true);
    export_->setEnabled(session != nullptr && session->error.empty());
    delete_->setEnabled(session != nullptr && session->dir != paths_.currentSessionDir);
}

void RecordBrowser::exportSelected(const QString& output)
{
    const SessionSummary* session = selected();
    if (session == nullptr)
        return;
    SessionReportRequest request;
    request.sessionDir = session->dir;
    request.output = output.toStdString();
    request.language = language_->currentData().toString().toStdString();
    request.localeDir = paths_.localeDir;
    request.rulesDir = paths_.rulesDir;
    request.thumbnails.blurFaces = blurFaces_->isChecked();
    showMessage(dockText("ComplianceGuard.Records.Exporting"), false);
    export_->setEnabled(false);
    workers_.emplace_back([browser = QPointer(this), request] {
        std::string error;
        const bool ok = exportSessionReport(request, &error);
        onUiThread(browser, [ok, error,
                             file = QString::fromStdString(request.output.string())](RecordBrowser& self) {
            self.showMessage(
                ok ? dockText("ComplianceGuard.Records.Exported").arg(file)
                   : dockText("ComplianceGuard.Records.ExportFailed").arg(QString::fromStdString(error)),
                !ok);
            self.updateButtons();
            emit self.reportWritten(file, ok);
        });
    });
}

void RecordBrowser::deleteSelected()
{
    const SessionSummary* session = selected();
    if (session == nullptr || session->dir == paths_.currentSessionDir)
        return;
    try {
        deleteSessionFolder(session->dir);
        sessions_.erase(sessions_.begin() + (session - sessions_.data()));
        showSessions(std::move(sessions_));
    } catch (const std::exception& error) {
        showMessage(QString::fromStdString(error.what()), true);
    }
}

void RecordBrowser::showMessage(const QString& text, bool problem)
{
    message_->setText(text);
    message_->setStyleSheet(
        problem ? QStringLiteral("color: %1;").arg(stateBackground(GuardState::Breach).name()) : QString());
}

QString RecordBrowser::messageText() const
{
    return message_->text();
}

std::vector<std::string> applyRecordRetention(const RecordBrowserPaths& paths, int retentionDays)
{
    std::vector<std::string> problems;
    if (retentionDays <= 0)
        return problems;
    std::vector<SessionSummary> sessions;
    for (const std::filesystem::path& dir : listSessionFolders(paths.recordsDir))
        if (dir != paths.currentSessionDir)
            sessions.push_back(summariseSession(dir, paths.rulesDir));
    for (const std::filesystem::path& dir : sessionsPastRetention(sessions, retentionDays, nowUtcMillis())) {
        try {
            deleteSessionFolder(dir);
        } catch (const std::exception& error) {
            problems.emplace_back(error.what());
        }
    }
    return problems;
}

} // namespace cg::ui
