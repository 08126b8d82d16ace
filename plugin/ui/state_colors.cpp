#include "ui/state_colors.hpp"

#include "ui/dock_text.hpp"

namespace cg::ui {

QColor stateBackground(GuardState state)
{
    switch (state) {
    case GuardState::Clear:
        return QColor(0x2e, 0x7d, 0x32); // green
    case GuardState::Notice:
        return QColor(0x15, 0x65, 0xc0); // blue
    case GuardState::Warning:
        return QColor(0xf9, 0xa8, 0x25); // amber
    case GuardState::Critical:
        return QColor(0xe6, 0x51, 0x00); // deep orange
    case GuardState::Breach:
        return QColor(0xb7, 0x1c, 0x1c); // red
    }
    return QColor(Qt::gray);
}

QColor stateForeground(GuardState state)
{
    return state == GuardState::Warning ? QColor(0x21, 0x21, 0x21) : QColor(Qt::white);
}

QString stateWord(GuardState state)
{
    switch (state) {
    case GuardState::Clear:
        return dockText("ComplianceGuard.Dock.State.Clear");
    case GuardState::Notice:
        return dockText("ComplianceGuard.Dock.State.Notice");
    case GuardState::Warning:
        return dockText("ComplianceGuard.Dock.State.Warning");
    case GuardState::Critical:
        return dockText("ComplianceGuard.Dock.State.Critical");
    case GuardState::Breach:
        return dockText("ComplianceGuard.Dock.State.Breach");
    }
    return {};
}

} // namespace cg::ui
