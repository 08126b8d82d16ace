#pragma once

#include "core/frame.hpp"
#include "core/presence/presenter_registry.hpp"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace cg {

// "This is me" as the guard runs it: when asked, takes the next few seconds of analysed frames,
// enrols the face in them on its own thread (the landmark model takes a moment to load, and matching
// never waits for it), and keeps the registry the presenter detector compares faces with. Thread-safe:
// frames arrive on the analyzers' workers, requests on the UI thread.
class EnrolmentSession {
  public:
    struct Settings {
        std::filesystem::path folder; // the presenters' face samples: never part of the record
        int frames = 8;               // frames taken for one enrolment
        Millis spacing{400};          // at least this far apart in frame time
    };
    // `changed` is called (on the session's thread) when the registry or the state changed.
    EnrolmentSession(Settings settings, std::function<void()> changed);
    ~EnrolmentSession();
    EnrolmentSession(const EnrolmentSession&) = delete;
    EnrolmentSession& operator=(const EnrolmentSession&) = delete;

    // Loads what earlier sessions enrolled, on the session's thread.
    void loadSaved();
    // Starts taking frames for a new enrolment of `presenter`.
    void begin(const std::string& presenter = "presenter");
    void offer(const Frame& frame);
    // Deletes every enrolled presenter's samples.
    void forgetAll();

    // The registry the presenter detector matches against; null while nobody is enrolled.
    [[nodiscard]] std::shared_ptr<const PresenterRegistry> registry() const;
    // {"state": "idle" | "collecting" | "enrolling", "enrolled": [names], "samples": N,
    //  "last": null | {"ok": bool, "frames": N, "samples": N, "error": "..."}}
    [[nodiscard]] nlohmann::json status() const;

  private:
    enum class State { Idle, Collecting, Enrolling };
    void run();
    std::shared_ptr<PresenterRegistry> ensureRegistryLocked(std::unique_lock<std::mutex>& lock);

    const Settings settings_;
    const std::function<void()> changed_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    State state_ = State::Idle;
    bool loadRequested_ = false;
    bool forgetRequested_ = false;
    bool stopping_ = false;
    std::string presenter_;
    std::vector<Frame> frames_;
    std::shared_ptr<PresenterRegistry> registry_;
    nlohmann::json last_;
    std::thread thread_;
};

} // namespace cg
