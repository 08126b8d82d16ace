#pragma once

#include <QObject>
#include <QString>

#include <optional>
#include <string>

namespace cg::ui {

// What the dock needs from the guard: the procs of obs/guard_api.hpp as calls and its signals as Qt
// signals delivered on the Qt thread. GuardClient is the libobs implementation; tests replay JSON.
class GuardLink : public QObject {
    Q_OBJECT

  public:
    using QObject::QObject;

    // The status JSON, or nothing when the guard does not answer (not loaded yet, or gone).
    virtual std::optional<std::string> status() = 0;
    virtual bool setSceneWatched(const std::string& scene, bool watched) = 0;
    virtual bool acknowledge() = 0;
    // "This is me": the guard enrols the face it sees in the next seconds; and forgets every face.
    virtual bool enrolPresenter() = 0;
    virtual bool forgetPresenters() = 0;
    // The verify report JSON for a record folder, or nothing when the guard does not answer.
    virtual std::optional<std::string> verify(const std::string& recordDir) = 0;

  signals:
    void statusChanged(const QString& json);
    void findingChanged(const QString& json);
    void alertRaised(const QString& json);
};

} // namespace cg::ui
