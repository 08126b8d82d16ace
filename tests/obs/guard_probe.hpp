#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

struct calldata;

namespace cg::obstest {

using namespace std::chrono_literals;

// What the dock and obs-websocket see: the guard's status proc (guard_api.hpp).
nlohmann::json guardStatus();

// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

// Collects every emission of one of the guard's global signals (JSON payload), from whichever
// thread emits it. Connected while it lives; destroy it before libobs shuts down.
class SignalRecorder {
  public:
    explicit SignalRecorder(std::string signal);
    ~SignalRecorder();
    SignalRecorder(const SignalRecorder&) = delete;
    SignalRecorder& operator=(const SignalRecorder&) = delete;

    [[nodiscard]] std::vector<nlohmann::json> received() const;
    // The first payload matching `predicate`, waiting up to `timeout` for it; null when none came.
    nlohmann::json waitFor(const std::function<bool(const nlohmann::json&)>& predicate,
                           std::chrono::milliseconds timeout) const;

  private:
    static void onSignal(void* self, ::calldata* data);

    std::string signal_;
    mutable std::mutex mutex_;
    mutable std::condition_variable arrived_;
    std::vector<nlohmann::json> received_;
};

// The lines of a session's session.jsonl, parsed (a torn last line is skipped).
std::vector<nlohmann::json> readRecordLines(const std::filesystem::path& sessionDir);

// The session folders under a records folder, oldest first (their names start with the UTC time).
std::vector<std::filesystem::path> sessionFolders(const std::filesystem::path& recordsDir);

} // namespace cg::obstest
