#include "obs/guard_probe.hpp"

#include "obs/guard_api.hpp"

#include <obs.h>

#include <algorithm>
#include <fstream>
#include <thread>

namespace cg::obstest {

nlohmann::json guardStatus()
{
    calldata_t data = {};
    const bool called = proc_handler_call(obs_get_proc_handler(), obs::api::procStatus, &data);
    const char* json = called ? calldata_string(&data, "json") : nullptr;
    nlohmann::json status = json ? nlohmann::json::parse(json) : nlohmann::json();
    calldata_free(&data);
    return status;
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

SignalRecorder::SignalRecorder(std::string signal) : signal_(std::move(signal))
{
    signal_handler_connect(obs_get_signal_handler(), signal_.c_str(), &SignalRecorder::onSignal, this);
}

SignalRecorder::~SignalRecorder()
{
    if (signal_handler_t* handler = obs_get_signal_handler())
        signal_handler_disconnect(handler, signal_.c_str(), &SignalRecorder::onSignal, this);
}

void SignalRecorder::onSignal(void* self, calldata_t* data)
{
    auto* recorder = static_cast<SignalRecorder*>(self);
    const char* json = calldata_string(data, "json");
    {
        std::lock_guard lock(recorder->mutex_);
        recorder->received_.push_back(json ? nlohmann::json::parse(json, nullptr, false) : nlohmann::json());
    }
    recorder->arrived_.notify_all();
}

std::vector<nlohmann::json> SignalRecorder::received() const
{
    std::lock_guard lock(mutex_);
    return received_;
}

nlohmann::json SignalRecorder::waitFor(const std::function<bool(const nlohmann::json&)>& predicate,
                                       std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(mutex_);
    nlohmann::json found;
    arrived_.wait_for(lock, timeout, [&] {
        const auto match = std::find_if(received_.begin(), received_.end(), predicate);
        if (match != received_.end())
            found = *match;
        return match != received_.end();
    });
    return found;
}

std::vector<nlohmann::json> readRecordLines(const std::filesystem::path& sessionDir)
{
    std::vector<nlohmann::json> lines;
    std::ifstream in(sessionDir / "session.jsonl");
    for (std::string text; std::getline(in, text);) {
        nlohmann::json line = nlohmann::json::parse(text, nullptr, false);
        if (!line.is_discarded())
            lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::filesystem::path> sessionFolders(const std::filesystem::path& recordsDir)
{
    std::vector<std::filesystem::path> folders;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(recordsDir, error))
        if (entry.is_directory())
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

} // namespace cg::obstest
