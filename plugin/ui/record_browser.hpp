#pragma once

#include "core/report/session_list.hpp"

#include <QDialog>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cg::ui {

// Where the browser finds what it lists and what a report needs.
struct RecordBrowserPaths {
    std::filesystem::path recordsDir;        // the folder holding one folder per session
    std::filesystem::path rulesDir;          // the rule packs, for the platforms' names
    std::filesystem::path localeDir;         // en-US.ini and zh-CN.ini, for the report's words
    std::filesystem::path currentSessionDir; // the session being written: never deleted from here
    std::string language = "en-US";          // the report's language at first: "en-US" or "zh-CN"
};

// The compliance records of earlier sessions: date, duration, platform, worst state and whether
// the record verifies; open a session's folder, verify it again, export its report (PDF or HTML),
// delete it after confirmation, and how many days records are kept. Records are read and verified
// on a worker thread; the list fills in when they are done.
class RecordBrowser final : public QDialog {
    Q_OBJECT

  public:
    RecordBrowser(RecordBrowserPaths paths, int retentionDays, QWidget* parent = nullptr);
    ~RecordBrowser() override;

    // Reads every session again (on a worker thread).
    void reload();

    QTableWidget* table() const { return table_; }
    QSpinBox* retentionDays() const { return retention_; }
    QCheckBox* blurFacesOption() const { return blurFaces_; }
    // The report's language, the UI's at first: a reviewer may read another language than the seller.
    QComboBox* reportLanguage() const { return language_; }
    QPushButton* exportButton() const { return export_; }
    QPushButton* deleteButton() const { return delete_; }
    QPushButton* verifyButton() const { return verify_; }
    QString messageText() const;
    [[nodiscard]] const std::vector<SessionSummary>& sessions() const { return sessions_; }

    // The report of the selected session into `output` (.pdf or .html). Runs on a worker thread; the
    // message line says when it is written or what went wrong.
    void exportSelected(const QString& output);
    // Deletes the selected session without asking (the button asks first).
    void deleteSelected();

  signals:
    void retentionChanged(int days);
    void loaded();
    void reportWritten(const QString& file, bool ok);

  private:
    void showSessions(std::vector<SessionSummary> sessions);
    void showMessage(const QString& text, bool problem);
    void updateButtons();
    [[nodiscard]] const SessionSummary* selected() const;

    RecordBrowserPaths paths_;
    std::vector<SessionSummary> sessions_;
    QTableWidget* table_;
    QPushButton* open_;
    QPushButton* verify_;
    QPushButton* export_;
    QPushButton* delete_;
    QCheckBox* blurFaces_;
    QComboBox* language_;
    QSpinBox* retention_;
    QLabel* message_;
    std::vector<std::thread> workers_; // joined when the dialog goes, so none outlives the plugin
};

// Deletes the sessions older than retentionDays (0: none) except currentSessionDir; returns the
// problems, each naming the folder. Does the reading and deleting on the calling thread.
std::vector<std::string> applyRecordRetention(const RecordBrowserPaths& paths, int retentionDays);

} // namespace cg::ui
