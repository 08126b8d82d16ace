#include "ui/rule_row_list.hpp"

#include "ui/dock_text.hpp"
#include "ui/duration_text.hpp"
#include "ui/seen_text.hpp"
#include "ui/state_colors.hpp"

#include <QElapsedTimer>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cg::ui {

MonotonicMs steadyMonotonicMs()
{
    return [] {
        static QElapsedTimer started = [] {
            QElapsedTimer timer;
            timer.start();
            return timer;
        }();
        return started.elapsed();
    };
}

RuleRowList::RuleRowList(QWidget* parent, MonotonicMs now)
    : QWidget(parent), now_(std::move(now)), layout_(new QVBoxLayout(this)), emptyLabel_(new QLabel(this))
{
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(4);
    emptyLabel_->setObjectName(QStringLiteral("noRulesLabel"));
    emptyLabel_->setText(dockText("ComplianceGuard.Dock.Rule.None"));
    emptyLabel_->setWordWrap(true);
    layout_->addWidget(emptyLabel_);
    // Four refreshes a second, so each displayed second changes on time whatever the phase of the
    // status updates (and Qt's coarse timers may fire a little early).
    ticker_.setInterval(250);
    connect(&ticker_, &QTimer::timeout, this, &RuleRowList::tick);
}

void RuleRowList::clearRows()
{
    for (QWidget* widget : rowWidgets_) {
        layout_->removeWidget(widget);
        delete widget;
    }
    rowWidgets_.clear();
    rows_.clear();
}

void RuleRowList::setRules(const std::vector<RuleRow>& rules)
{
    clearRows();
    receivedAtMs_ = now_();
    for (const RuleRow& rule : rules) {
        auto* frame = new QWidget(this);
        frame->setObjectName(QStringLiteral("ruleRow"));
        auto* outer = new QHBoxLayout(frame);
        outer->setContentsMargins(0, 2, 2, 2);
        auto* stripe = new QFrame(frame); // the rule's state colour, as in the banner
        stripe->setFixedWidth(5);
        stripe->setStyleSheet(
            QStringLiteral("background-color: %1;").arg(stateBackground(rule.state).name()));
        outer->addWidget(stripe);
        auto* rowLayout = new QVBoxLayout();
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(0);
        outer->addLayout(rowLayout, 1);
        Row row{rule, new QLabel(frame), new QLabel(frame)};
        row.timing->setObjectName(QStringLiteral("ruleTiming"));
        row.countdown->setObjectName(QStringLiteral("ruleCountdown"));
        row.timing->setWordWrap(true);
        row.countdown->setWordWrap(true);
        QFont bold = row.timing->font();
        bold.setBold(true);
        row.timing->setFont(bold);
        rowLayout->addWidget(row.timing);
        rowLayout->addWidget(row.countdown);
        if (const QString seen = seenText(rule.seen, rule.detail); !seen.isEmpty()) {
            auto* detail = new QLabel(frame);
            detail->setObjectName(QStringLiteral("ruleDetail"));
            detail->setTextFormat(Qt::PlainText);
            detail->setText(seen);
            detail->setWordWrap(true);
            rowLayout->addWidget(detail);
        }
        layout_->addWidget(frame);
        rowWidgets_.push_back(frame);
        rows_.push_back(row);
    }
    emptyLabel_->setVisible(rows_.empty());
    tick();
    if (rows_.empty())
        ticker_.stop();
    else if (!ticker_.isActive())
        ticker_.start();
}

void RuleRowList::tick()
{
    const double sinceStatusS = static_cast<double>(now_() - receivedAtMs_) / 1000.0;
    for (Row& row : rows_) {
        const LiveTimers live = advanceTimers(row.rule.seenForS, row.rule.timeToLimitS, sinceStatusS);
        row.timing->setText(dockText("ComplianceGuard.Dock.Rule.Timing")
                                .arg(QString::fromStdString(row.rule.title), elapsedText(live.seenForS),
                                     QString::fromStdString(row.rule.platform),
                                     elapsedText(row.rule.limitS)));
        row.countdown->setText(
            live.timeToLimitS > 0
                ? dockText("ComplianceGuard.Dock.Rule.TimeLeft").arg(remainingText(live.timeToLimitS))
                : dockText("ComplianceGuard.Dock.Rule.LimitReached"));
    }
}

QString RuleRowList::timingText(int row) const
{
    return rows_.at(static_cast<std::size_t>(row)).timing->text();
}

QString RuleRowList::countdownText(int row) const
{
    return rows_.at(static_cast<std::size_t>(row)).countdown->text();
}

} // namespace cg::ui
