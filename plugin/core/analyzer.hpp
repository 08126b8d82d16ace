#pragma once

#include "core/detection.hpp"
#include "core/detector.hpp"
#include "core/frame.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cg {

// What one analysis step produced: the detections of the detectors that were due on this frame.
struct AnalysisResult {
    Frame frame;
    std::vector<std::string> detectorsRun;
    std::vector<std::string> categoriesChecked; // categories of the detectors that ran
    std::vector<Detection> detections;
    std::vector<std::string> errors; // "detector: message" for detectors that threw
};

struct AnalyzerStats {
    std::uint64_t submitted = 0;
    std::uint64_t analyzed = 0;
    std::uint64_t dropped = 0; // replaced in the slot before the worker took them
};

// Runs detectors over frames. In threaded use a worker takes the newest frame from a slot of size
// one: submit() never blocks and a frame not yet taken is replaced (and counted as dropped).
// step() runs the same analysis on the caller's thread, for the CLI and tests.
class Analyzer {
  public:
    using Listener = std::function<void(const AnalysisResult&)>;

    explicit Analyzer(std::vector<std::unique_ptr<Detector>> detectors);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    enum class WorkerPriority { Normal, Background };
    // Starts the worker; each result goes to the listener on the worker thread. A background worker
    // gives way to the host's other threads (OBS's render thread: the analysis must never slow it).
    void start(Listener listener, WorkerPriority priority = WorkerPriority::Normal);
    // Stops and joins the worker; a frame still in the slot is discarded.
    void stop();

    void submit(Frame frame) noexcept;
    // New detectors (changed settings) take over before the next frame; never waits for the worker.
    void replaceDetectors(std::vector<std::unique_ptr<Detector>> detectors);
    AnalysisResult step(const Frame& frame);

    [[nodiscard]] AnalyzerStats stats() const;
    // Only while the worker is not running (before start(), after stop(), or with step()).
    [[nodiscard]] const std::vector<std::unique_ptr<Detector>>& detectors() const { return detectors_; }

  private:
    void run();
    void adoptPendingDetectors();

    std::vector<std::unique_ptr<Detector>> detectors_;
    std::vector<std::optional<Millis>> lastRun_;
    Listener listener_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Frame> slot_;
    std::optional<std::vector<std::unique_ptr<Detector>>> pendingDetectors_;
    bool stopping_ = false;
    std::thread worker_;

    std::atomic<std::uint64_t> submitted_{0};
    std::atomic<std::uint64_t> analyzed_{0};
    std::atomic<std::uint64_t> dropped_{0};
};

} // namespace cg
