#pragma once

#include "ui/dock_model.hpp"

#include <QListWidget>

#include <vector>

namespace cg::ui {

// The scenes with a checkbox each: checked scenes are watched by the guard. A scene that is on the
// program output but not watched is marked in red, since nothing checks what the audience sees.
class SceneWatchList final : public QListWidget {
    Q_OBJECT

  public:
    explicit SceneWatchList(QWidget* parent = nullptr);

    void setScenes(const std::vector<SceneRow>& scenes);

    bool isWatched(int row) const;
    bool isMarkedOnAirUnwatched(int row) const;

  signals:
    // The user ticked or unticked a scene; the next status confirms what the guard did.
    void watchToggled(const QString& scene, bool watched);

  private:
    void onItemChanged(QListWidgetItem* item);
};

} // namespace cg::ui
