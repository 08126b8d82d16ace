#include "ui/recent_findings_list.hpp"

#include "ui/dock_text.hpp"
#include "ui/duration_text.hpp"
#include "ui/seen_text.hpp"
#include "ui/state_colors.hpp"

#include <QImageReader>
#include <QPixmap>

namespace cg::ui {
namespace {

constexpr int kEvidenceRole = Qt::UserRole;
constexpr QSize kThumbnailSize(96, 54);

QString changeText(const RecentFinding& finding)
{
    switch (finding.change) {
    case FindingChange::Opened:
        return dockText("ComplianceGuard.Dock.Recent.Opened").arg(stateWord(finding.state));
    case FindingChange::Changed:
        return dockText("ComplianceGuard.Dock.Recent.Changed").arg(stateWord(finding.state));
    case FindingChange::Cleared:
        return dockText("ComplianceGuard.Dock.Recent.Cleared");
    }
    return {};
}

} // namespace

RecentFindingsList::RecentFindingsList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("recentFindingsList"));
    setIconSize(kThumbnailSize);
    setWordWrap(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* entry) {
        const QString path = entry->data(kEvidenceRole).toString();
        if (!path.isEmpty())
            emit evidenceClicked(path);
    });
}

void RecentFindingsList::setFindings(const std::vector<RecentFinding>& findings)
{
    clear();
    findingCount_ = static_cast<int>(findings.size());
    if (findings.empty()) {
        auto* none = new QListWidgetItem(dockText("ComplianceGuard.Dock.Recent.None"), this);
        none->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const RecentFinding& finding : findings) {
        const QString text = QStringLiteral("%1  %2\n%3")
                                 .arg(elapsedText(finding.sessionTimeS),
                                      QString::fromStdString(finding.title), changeText(finding));
        auto* entry = new QListWidgetItem(text, this);
        entry->setFlags(Qt::ItemIsEnabled);
        if (finding.change != FindingChange::Cleared)
            entry->setForeground(stateBackground(finding.state).darker(120));
        QString tooltip = seenText(finding.seen, finding.detail);
        if (!finding.evidencePath.empty()) {
            const QString path = QString::fromStdString(finding.evidencePath);
            entry->setData(kEvidenceRole, path);
            entry->setIcon(thumbnail(path));
            tooltip += (tooltip.isEmpty() ? QString() : QStringLiteral("\n")) +
                       dockText("ComplianceGuard.Dock.Recent.OpenEvidence");
        }
        entry->setToolTip(tooltip);
    }
}

bool RecentFindingsList::hasThumbnail(int row) const
{
    return !item(row)->icon().isNull();
}

QString RecentFindingsList::evidencePath(int row) const
{
    return item(row)->data(kEvidenceRole).toString();
}

QIcon RecentFindingsList::thumbnail(const QString& path)
{
    if (const auto cached = thumbnails_.constFind(path); cached != thumbnails_.constEnd())
        return *cached;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(kThumbnailSize, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    // A file not written yet gets no icon and is tried again with the next status.
    if (image.isNull())
        return {};
    const QIcon icon(QPixmap::fromImage(image));
    thumbnails_.insert(path, icon);
    return icon;
}

} // namespace cg::ui
