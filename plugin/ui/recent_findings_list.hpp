#pragma once

#include "ui/dock_model.hpp"

#include <QHash>
#include <QIcon>
#include <QListWidget>

#include <vector>

namespace cg::ui {

// The session's recent findings, newest first, each with its evidence thumbnail; clicking a finding
// with evidence asks for the full image to be opened.
class RecentFindingsList final : public QListWidget {
    Q_OBJECT

  public:
    explicit RecentFindingsList(QWidget* parent = nullptr);

    void setFindings(const std::vector<RecentFinding>& findings);

    // Items that are findings (the "none yet" line is not one).
    int findingCount() const { return findingCount_; }
    bool hasThumbnail(int row) const;
    QString evidencePath(int row) const;

  signals:
    void evidenceClicked(const QString& imagePath);

  private:
    QIcon thumbnail(const QString& path);

    QHash<QString, QIcon> thumbnails_; // evidence files never change once written
    int findingCount_ = 0;
};

} // namespace cg::ui
