#pragma once

#include "ui/dock_model.hpp"

#include <QColor>
#include <QFrame>

class QLabel;

namespace cg::ui {

// The top of the dock: the guard's state in one coloured word and one sentence of what it means.
class StateBanner final : public QFrame {
    Q_OBJECT

  public:
    explicit StateBanner(QWidget* parent = nullptr);

    void showState(GuardState state, bool acknowledged, bool analysing);
    // The guard has not answered (not loaded yet, or failed to start).
    void showUnavailable();

    QString headline() const;
    QString explanation() const;
    QColor background() const { return background_; }

  private:
    void paint(const QColor& background, const QColor& foreground);

    QLabel* headline_;
    QLabel* explanation_;
    QColor background_;
};

} // namespace cg::ui
