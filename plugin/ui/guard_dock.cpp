#include "ui/guard_dock.hpp"

#include "ui/dock_text.hpp"
#include "ui/recent_findings_list.hpp"
#include "ui/scene_watch_list.hpp"
#include "ui/seen_text.hpp"
#include "ui/state_banner.hpp"
#include "ui/state_colors.hpp"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

namespace cg::ui {
namespace {

QLabel* sectionTitle(const char* key, QWidget* parent)
{
    auto* label = new QLabel(dockText(key), parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QString sessionKindText(const std::string& kind)
{
    if (kind == "stream")
        return dockText("ComplianceGuard.Dock.Session.Stream");
    if (kind == "recording")
        return dockText("ComplianceGuard.Dock.Session.Recording");
    if (kind == "rehearsal")
        return dockText("ComplianceGuard.Dock.Session.Rehearsal");
    return dockText("ComplianceGuard.Dock.Session.None");
}

// Whether the record carries this installation's signature (only a closed record is signed).
QString signatureText(const VerifyResult& result)
{
    if (result.signature == "signed")
        return dockText("ComplianceGuard.Dock.Verify.Signed")
            .arg(QString::fromStdString(result.keyFingerprint));
    if (result.signature == "wrong_key")
        return dockText("ComplianceGuard.Dock.Verify.WrongKey");
    if (result.signature == "unsigned")
        return dockText("ComplianceGuard.Dock.Verify.Unsigned");
    return {};
}

QString verdictFor(const VerifyResult& result)
{
    const QString signature = signatureText(result);
    const QString signatureLine = signature.isEmpty() ? QString() : QChar('\n') + signature;
    switch (result.verdict) {
    case RecordVerdict::Complete:
        return dockText("ComplianceGuard.Dock.Verify.Complete").arg(result.linesVerified) + signatureLine;
    case RecordVerdict::Incomplete:
        return dockText("ComplianceGuard.Dock.Verify.Incomplete").arg(result.linesVerified);
    case RecordVerdict::Tampered:
        return dockText("ComplianceGuard.Dock.Verify.Tampered").arg(result.firstBadSeq.value_or(0) + 1) +
               QChar('\n') + QString::fromStdString(result.message);
    case RecordVerdict::Unreadable:
        return dockText("ComplianceGuard.Dock.Verify.Unreadable").arg(QString::fromStdString(result.message));
    }
    return {};
}

} // namespace

GuardDock::GuardDock(GuardLink& link, std::string locale, QWidget* parent, MonotonicMs now)
    : QWidget(parent), link_(link), locale_(std::move(locale)), banner_(new StateBanner(this)),
      session_(new QLabel(this)), errors_(new QLabel(this)), rules_(new RuleRowList(this, std::move(now))),
      scenes_(new SceneWatchList(this)), recent_(new RecentFindingsList(this)),
      acknowledge_(new QPushButton(dockText("ComplianceGuard.Dock.Button.Acknowledge"), this)),
      openFolder_(new QPushButton(dockText("ComplianceGuard.Dock.Button.OpenFolder"), this)),
      verify_(new QPushButton(dockText("ComplianceGuard.Dock.Button.Verify"), this)),
      records_(new QPushButton(dockText("ComplianceGuard.Dock.Button.Records"), this)),
      verdict_(new QLabel(this)),
      alertSound_(new QCheckBox(dockText("ComplianceGuard.Dock.AlertSound"), this)),
      enrol_(new QPushButton(dockText("ComplianceGuard.Dock.Button.Enrol"), this)),
      forget_(new QPushButton(dockText("ComplianceGuard.Dock.Button.Forget"), this)),
      enrolment_(new QLabel(this))
{
    setObjectName(QStringLiteral("complianceGuardDock"));
    session_->setWordWrap(true);
    errors_->setObjectName(QStringLiteral("dockErrors"));
    errors_->setWordWrap(true);
    errors_->setTextFormat(Qt::PlainText);
    errors_->setStyleSheet(QStringLiteral("color: %1;").arg(stateBackground(GuardState::Breach).name()));
    errors_->hide();
    verdict_->setObjectName(QStringLiteral("verifyVerdict"));
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::PlainText);
    verdict_->hide();
    acknowledge_->setToolTip(dockText("ComplianceGuard.Dock.Button.Acknowledge.Tooltip"));
    records_->setToolTip(dockText("ComplianceGuard.Dock.Button.Records.Tooltip"));
    alertSound_->setObjectName(QStringLiteral("alertSound"));
    enrol_->setToolTip(dockText("ComplianceGuard.Dock.Button.Enrol.Tooltip"));
    forget_->setToolTip(dockText("ComplianceGuard.Dock.Button.Forget.Tooltip"));
    enrolment_->setObjectName(QStringLiteral("enrolment"));
    enrolment_->setWordWrap(true);
    enrolment_->setTextFormat(Qt::PlainText);
    alertSound_->setToolTip(dockText("ComplianceGuard.Dock.AlertSound.Tooltip"));
    scenes_->setMaximumHeight(140);
    recent_->setMinimumHeight(120);

    // Everything scrolls as one when the dock is shorter than its content: a squeezed layout would
    // draw the rows of a busy moment over each other.
    auto* content = new QWidget(this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dockScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(banner_);
    layout->addWidget(session_);
    layout->addWidget(errors_);
    layout->addWidget(acknowledge_);
    layout->addWidget(sectionTitle("ComplianceGuard.Dock.Section.Rules", this));
    layout->addWidget(rules_);
    layout->addWidget(sectionTitle("ComplianceGuard.Dock.Section.Scenes", this));
    layout->addWidget(scenes_);
    layout->addWidget(sectionTitle("ComplianceGuard.Dock.Section.Recent", this));
    layout->addWidget(recent_, 1);
    auto* recordButtons = new QHBoxLayout();
    recordButtons->addWidget(openFolder_);
    recordButtons->addWidget(verify_);
    recordButtons->addWidget(records_);
    layout->addLayout(recordButtons);
    layout->addWidget(verdict_);
    auto* presenterButtons = new QHBoxLayout();
    presenterButtons->addWidget(enrol_);
    presenterButtons->addWidget(forget_);
    layout->addLayout(presenterButtons);
    layout->addWidget(enrolment_);
    layout->addWidget(alertSound_);

    scroll->setWidget(content);

    connect(&link_, &GuardLink::statusChanged, this, &GuardDock::applyStatus);
    connect(&link_, &GuardLink::alertRaised, this, &GuardDock::onAlert);
    connect(scenes_, &SceneWatchList::watchToggled, this, [this](const QString& scene, bool watched) {
        link_.setSceneWatched(scene.toStdString(), watched);
        refresh();
    });
    connect(recent_, &RecentFindingsList::evidenceClicked, this,
            [](const QString& path) { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(acknowledge_, &QPushButton::clicked, this, [this] {
        link_.acknowledge();
        refresh();
    });
    connect(openFolder_, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QString::fromStdString(sessionDir_))); });
    connect(verify_, &QPushButton::clicked, this, &GuardDock::verifyRecord);
    connect(records_, &QPushButton::clicked, this, &GuardDock::recordsRequested);
    connect(enrol_, &QPushButton::clicked, this, [this] {
        link_.enrolPresenter();
        refresh();
    });
    connect(forget_, &QPushButton::clicked, this, [this] {
        link_.forgetPresenters();
        refresh();
    });
    refresh();
}

void GuardDock::refresh()
{
    if (const auto json = link_.status()) {
        applyStatus(QString::fromStdString(*json));
        return;
    }
    shownState_.reset();
    banner_->showUnavailable();
    acknowledge_->setEnabled(false);
    openFolder_->setEnabled(false);
    verify_->setEnabled(false);
}

void GuardDock::applyStatus(const QString& json)
{
    GuardStatus status = parseGuardStatus(json.toStdString(), locale_);
    for (RuleRow& rule : status.rules)
        if (rule.platform.empty())
            rule.platform = status.packName;
    shownState_ = status.state;
    banner_->showState(status.state, status.acknowledged, status.analysing);
    session_->setText(dockText("ComplianceGuard.Dock.Session.Line")
                          .arg(sessionKindText(status.sessionKind), QString::fromStdString(status.packName)));
    showErrors(status);
    rules_->setRules(status.rules);
    scenes_->setScenes(status.scenes);
    recent_->setFindings(status.recent);
    sessionDir_ = status.sessionDir;
    recordsDir_ = status.recordsDir;
    acknowledge_->setEnabled(status.state >= GuardState::Warning && !status.acknowledged);
    openFolder_->setEnabled(!sessionDir_.empty());
    verify_->setEnabled(!sessionDir_.empty());
    showEnrolment(status.presenters);
}

void GuardDock::showEnrolment(const PresenterEnrolment& presenters)
{
    const bool busy = presenters.state == "collecting" || presenters.state == "enrolling";
    enrol_->setEnabled(!busy);
    forget_->setEnabled(!busy && !presenters.enrolled.empty());
    QString text;
    if (presenters.state == "collecting")
        text = dockText("ComplianceGuard.Dock.Enrol.Collecting");
    else if (presenters.state == "enrolling")
        text = dockText("ComplianceGuard.Dock.Enrol.Enrolling");
    else if (presenters.lastOk == false)
        text = dockText("ComplianceGuard.Dock.Enrol.Failed");
    else if (!presenters.enrolled.empty())
        text = dockText("ComplianceGuard.Dock.Enrol.Enrolled").arg(presenters.samples);
    else
        text = dockText("ComplianceGuard.Dock.Enrol.Nobody");
    enrolment_->setText(text);
}

QString GuardDock::enrolmentText() const
{
    return enrolment_->text();
}

void GuardDock::showErrors(const GuardStatus& status)
{
    QStringList lines;
    if (!status.packError.empty())
        lines << dockText("ComplianceGuard.Dock.Error.Pack").arg(QString::fromStdString(status.packError));
    if (!status.sessionError.empty())
        lines << dockText("ComplianceGuard.Dock.Error.Session")
                     .arg(QString::fromStdString(status.sessionError));
    for (const std::string& message : status.errors)
        lines << dockText("ComplianceGuard.Dock.Error.Other").arg(QString::fromStdString(message));
    errors_->setText(lines.join(QChar('\n')));
    errors_->setVisible(!lines.isEmpty());
}

void GuardDock::onAlert(const QString& json)
{
    const auto alert = parseGuardAlert(json.toStdString(), locale_);
    if (!alert)
        return;
    raiseDock();
    refresh();
    // The alert's own state wins when the status lags behind it.
    if (!shownState_ || *shownState_ < alert->state)
        banner_->showState(alert->state, false, true);
    QString message = QString::fromStdString(alert->title);
    if (const QString seen = seenText(alert->seen, alert->detail); !seen.isEmpty())
        message += QStringLiteral(" (%1)").arg(seen);
    if (!alert->platform.empty())
        message +=
            QChar('\n') +
            dockText("ComplianceGuard.Dock.Alert.Platform").arg(QString::fromStdString(alert->platform));
    emit attentionNeeded(dockText("ComplianceGuard.Dock.Alert.Title").arg(stateWord(alert->state)), message,
                         alert->state);
    if (alertSound_->isChecked())
        emit alertSoundNeeded();
}

void GuardDock::raiseDock()
{
    auto* dock = qobject_cast<QDockWidget*>(parentWidget());
    QWidget* target = dock != nullptr ? static_cast<QWidget*>(dock) : this;
    target->setVisible(true);
    target->raise();
    if (dock != nullptr && dock->isFloating())
        dock->activateWindow();
}

void GuardDock::verifyRecord()
{
    const auto answer = link_.verify(sessionDir_);
    const QString text =
        answer ? verdictFor(parseVerifyResult(*answer)) : dockText("ComplianceGuard.Dock.Verify.NoAnswer");
    verdict_->setText(text);
    verdict_->show();
}

QString GuardDock::sessionText() const
{
    return session_->text();
}

QString GuardDock::errorText() const
{
    return errors_->isHidden() ? QString() : errors_->text();
}

QString GuardDock::verdictText() const
{
    return verdict_->isHidden() ? QString() : verdict_->text();
}

} // namespace cg::ui
