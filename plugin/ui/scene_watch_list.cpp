#include "ui/scene_watch_list.hpp"

#include "ui/dock_text.hpp"
#include "ui/state_colors.hpp"

#include <QSignalBlocker>
#include <QStyle>

namespace cg::ui {
namespace {

constexpr int kSceneNameRole = Qt::UserRole;
constexpr int kOnAirUnwatchedRole = Qt::UserRole + 1;

QString sceneLabel(const SceneRow& scene)
{
    const QString name = QString::fromStdString(scene.name);
    if (scene.onAirUnwatched())
        return dockText("ComplianceGuard.Dock.Scene.OnAirUnwatched").arg(name);
    if (scene.onProgram)
        return dockText("ComplianceGuard.Dock.Scene.OnAir").arg(name);
    if (scene.inPreview)
        return dockText("ComplianceGuard.Dock.Scene.InPreview").arg(name);
    return name;
}

} // namespace

SceneWatchList::SceneWatchList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("sceneWatchList"));
    setSelectionMode(QAbstractItemView::NoSelection);
    setToolTip(dockText("ComplianceGuard.Dock.Scene.Tooltip"));
    connect(this, &QListWidget::itemChanged, this, &SceneWatchList::onItemChanged);
}

void SceneWatchList::setScenes(const std::vector<SceneRow>& scenes)
{
    // Rebuilding on every status would fire itemChanged for the guard's own state: block it.
    const QSignalBlocker blocker(this);
    while (count() > static_cast<int>(scenes.size()))
        delete takeItem(count() - 1);
    for (std::size_t index = 0; index < scenes.size(); ++index) {
        const SceneRow& scene = scenes[index];
        QListWidgetItem* entry = item(static_cast<int>(index));
        if (entry == nullptr) {
            entry = new QListWidgetItem(this);
            entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        }
        entry->setData(kSceneNameRole, QString::fromStdString(scene.name));
        entry->setData(kOnAirUnwatchedRole, scene.onAirUnwatched());
        entry->setText(sceneLabel(scene));
        entry->setCheckState(scene.watched ? Qt::Checked : Qt::Unchecked);
        if (scene.onAirUnwatched()) {
            entry->setForeground(stateBackground(GuardState::Breach));
            entry->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            QFont bold = font();
            bold.setBold(true);
            entry->setFont(bold);
        } else {
            entry->setData(Qt::ForegroundRole, QVariant());
            entry->setIcon(QIcon());
            entry->setFont(font());
        }
    }
}

bool SceneWatchList::isWatched(int row) const
{
    return item(row)->checkState() == Qt::Checked;
}

bool SceneWatchList::isMarkedOnAirUnwatched(int row) const
{
    return item(row)->data(kOnAirUnwatchedRole).toBool();
}

void SceneWatchList::onItemChanged(QListWidgetItem* entry)
{
    emit watchToggled(entry->data(kSceneNameRole).toString(), entry->checkState() == Qt::Checked);
}

} // namespace cg::ui
