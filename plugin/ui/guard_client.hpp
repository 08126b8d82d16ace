#pragma once

#include "ui/guard_link.hpp"

struct calldata;

namespace cg::ui {

// The only dock code that talks to libobs: calls the guard's procs on obs_get_proc_handler() and
// re-emits its signals from obs_get_signal_handler() on the Qt thread (queued), whatever thread
// libobs raised them on. Disconnects in its destructor, after which no callback reaches it.
class GuardClient final : public GuardLink {
    Q_OBJECT

  public:
    explicit GuardClient(QObject* parent = nullptr);
    ~GuardClient() override;

    GuardClient(const GuardClient&) = delete;
    GuardClient& operator=(const GuardClient&) = delete;

    std::optional<std::string> status() override;
    bool setSceneWatched(const std::string& scene, bool watched) override;
    bool acknowledge() override;
    bool enrolPresenter() override;
    bool forgetPresenters() override;
    std::optional<std::string> verify(const std::string& recordDir) override;

  private:
    static void onGlobalSignal(void* data, const char* signal, struct calldata* params) noexcept;
};

} // namespace cg::ui
