#include "ui/state_banner.hpp"

#include "ui/dock_text.hpp"
#include "ui/state_colors.hpp"

#include <QLabel>
#include <QVBoxLayout>

namespace cg::ui {
namespace {

QString explanationFor(GuardState state)
{
    switch (state) {
    case GuardState::Clear:
        return dockText("ComplianceGuard.Dock.Banner.Clear");
    case GuardState::Notice:
        return dockText("ComplianceGuard.Dock.Banner.Notice");
    case GuardState::Warning:
        return dockText("ComplianceGuard.Dock.Banner.Warning");
    case GuardState::Critical:
        return dockText("ComplianceGuard.Dock.Banner.Critical");
    case GuardState::Breach:
        return dockText("ComplianceGuard.Dock.Banner.Breach");
    }
    return {};
}

} // namespace

StateBanner::StateBanner(QWidget* parent)
    : QFrame(parent), headline_(new QLabel(this)), explanation_(new QLabel(this))
{
    setObjectName(QStringLiteral("stateBanner"));
    setAutoFillBackground(true);
    headline_->setObjectName(QStringLiteral("bannerHeadline"));
    explanation_->setObjectName(QStringLiteral("bannerExplanation"));
    explanation_->setWordWrap(true);
    QFont big = headline_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    headline_->setFont(big);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(headline_);
    layout->addWidget(explanation_);
    showUnavailable();
}

void StateBanner::showState(GuardState state, bool acknowledged, bool analysing)
{
    headline_->setText(stateWord(state));
    QString text = explanationFor(state);
    if (!analysing && state == GuardState::Clear)
        text = dockText("ComplianceGuard.Dock.Banner.NotAnalysing");
    if (acknowledged && state != GuardState::Clear)
        text += QChar('\n') + dockText("ComplianceGuard.Dock.Banner.Acknowledged");
    explanation_->setText(text);
    paint(stateBackground(state), stateForeground(state));
}

void StateBanner::showUnavailable()
{
    headline_->setText(dockText("ComplianceGuard.Dock.State.Unavailable"));
    explanation_->setText(dockText("ComplianceGuard.Dock.Banner.Unavailable"));
    paint(QColor(0x61, 0x61, 0x61), QColor(Qt::white));
}

QString StateBanner::headline() const
{
    return headline_->text();
}

QString StateBanner::explanation() const
{
    return explanation_->text();
}

void StateBanner::paint(const QColor& background, const QColor& foreground)
{
    background_ = background;
    // A style sheet, not the palette: OBS themes style every QFrame and would override a palette.
    setStyleSheet(QStringLiteral("#stateBanner { background-color: %1; border-radius: 4px; }"
                                 "#stateBanner QLabel { color: %2; background: transparent; }")
                      .arg(background.name(), foreground.name()));
}

} // namespace cg::ui
