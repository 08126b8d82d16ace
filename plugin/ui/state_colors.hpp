#pragma once

#include "ui/dock_model.hpp"

#include <QColor>
#include <QString>

namespace cg::ui {

// One colour per state, the same in the banner, the rule rows and the findings list.
QColor stateBackground(GuardState state);
QColor stateForeground(GuardState state);
// The state in words ("Warning" / "警告"), from the locale.
QString stateWord(GuardState state);

} // namespace cg::ui
