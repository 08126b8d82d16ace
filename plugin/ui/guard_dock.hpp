#pragma once

#include "ui/dock_model.hpp"
#include "ui/guard_link.hpp"
#include "ui/rule_row_list.hpp"

#include <QWidget>

#include <optional>
#include <string>

class QCheckBox;
class QLabel;
class QPushButton;

namespace cg::ui {

class StateBanner;
class SceneWatchList;
class RecentFindingsList;

// The Compliance Guard dock: the state banner, the active rules with their countdowns, the scenes
// to watch, the recent findings and the record buttons. It knows the guard only through GuardLink.
class GuardDock final : public QWidget {
    Q_OBJECT

  public:
    // locale picks the rule titles and pack names out of the status JSON ("zh-CN", "en-US").
    GuardDock(GuardLink& link, std::string locale, QWidget* parent = nullptr,
              MonotonicMs now = steadyMonotonicMs());

    // Asks the guard for its status now (at start, and when OBS has finished loading).
    void refresh();

    StateBanner* banner() const { return banner_; }
    RuleRowList* rules() const { return rules_; }
    SceneWatchList* scenes() const { return scenes_; }
    RecentFindingsList* recent() const { return recent_; }
    QString sessionText() const;
    QString errorText() const;
    QString verdictText() const;
    QPushButton* acknowledgeButton() const { return acknowledge_; }
    QPushButton* openFolderButton() const { return openFolder_; }
    QPushButton* verifyButton() const { return verify_; }
    QPushButton* recordsButton() const { return records_; }
    // From the last status: where the records are, and the session being written (may be empty).
    const std::string& recordsDir() const { return recordsDir_; }
    const std::string& sessionDir() const { return sessionDir_; }
    QCheckBox* alertSoundOption() const { return alertSound_; }
    QPushButton* enrolButton() const { return enrol_; }
    QPushButton* forgetButton() const { return forget_; }
    QString enrolmentText() const;

  signals:
    // An escalation the streamer must see now: OBS's tray shows it (dock_entry.cpp).
    void attentionNeeded(const QString& title, const QString& message, cg::ui::GuardState state);
    // The same escalation, when the streamer asked to hear warnings (dock_entry.cpp plays it).
    void alertSoundNeeded();
    // "Records…": the streamer wants the record browser (dock_entry.cpp opens it).
    void recordsRequested();

  private:
    void applyStatus(const QString& json);
    void onAlert(const QString& json);
    void raiseDock();
    void verifyRecord();
    void showErrors(const GuardStatus& status);
    void showEnrolment(const PresenterEnrolment& presenters);

    GuardLink& link_;
    std::string locale_;
    std::string sessionDir_;
    std::string recordsDir_;
    std::optional<GuardState> shownState_; // from the last status, if any
    StateBanner* banner_;
    QLabel* session_;
    QLabel* errors_;
    RuleRowList* rules_;
    SceneWatchList* scenes_;
    RecentFindingsList* recent_;
    QPushButton* acknowledge_;
    QPushButton* openFolder_;
    QPushButton* verify_;
    QPushButton* records_;
    QLabel* verdict_;
    QCheckBox* alertSound_;
    QPushButton* enrol_;
    QPushButton* forget_;
    QLabel* enrolment_;
};

} // namespace cg::ui
