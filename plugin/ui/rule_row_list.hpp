#pragma once

#include "ui/dock_model.hpp"

#include <QTimer>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace cg::ui {

// Monotonic milliseconds; injectable so tests can tick the countdowns without waiting.
using MonotonicMs = std::function<qint64()>;
MonotonicMs steadyMonotonicMs();

// One row per active rule: what was seen, for how long, the platform's limit, and the countdown to
// it, ticking every second from the time the status arrived until the next status replaces it.
class RuleRowList final : public QWidget {
    Q_OBJECT

  public:
    explicit RuleRowList(QWidget* parent = nullptr, MonotonicMs now = steadyMonotonicMs());

    void setRules(const std::vector<RuleRow>& rules);
    // Recomputes the timers from the time since setRules; the widget's own timer calls it 4 times a second.
    void tick();

    int rowCount() const { return static_cast<int>(rows_.size()); }
    QString timingText(int row) const;
    QString countdownText(int row) const;

  private:
    struct Row {
        RuleRow rule;
        QLabel* timing = nullptr;
        QLabel* countdown = nullptr;
    };

    void clearRows();

    MonotonicMs now_;
    qint64 receivedAtMs_ = 0;
    QVBoxLayout* layout_;
    QLabel* emptyLabel_;
    std::vector<Row> rows_;
    std::vector<QWidget*> rowWidgets_;
    QTimer ticker_;
};

} // namespace cg::ui
