#pragma once

#include "core/detection.hpp"
#include "core/detector.hpp"
#include "core/frame.hpp"

#include <array>
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

// analyzed and dropped count the frames of the quick checks' worker (of the long-running ones' when
// there are no quick checks).
struct AnalyzerStats {
    std::uint64_t submitted = 0;
    std::uint64_t analyzed = 0;
    std::uint64_t dropped = 0; // replaced in the slot before the worker took them
};

// Runs detectors over frames. In threaded use a worker takes the newest frame from a slot of size
// one: submit() never blocks and a frame not yet taken is replaced (and counted as dropped).
// Detectors that may take long (Detector::mayTakeLong) have a second worker and slot of their own,
// and each worker hands its own results to the listener: a QR code is not held up behind OCR.
// step() runs the same analysis, every detector, on the caller's thread, for the CLI and tests.
class Analyzer {
  public:
    using Listener = std::function<void(const AnalysisResult&)>;

    explicit Analyzer(std::vector<std::unique_ptr<Detector>> detectors);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    enum class WorkerPriority { Normal, Background };
    // Starts the workers; each result goes to the listener on the worker thread that made it, one
    // call at a time. Background workers give way to the host's other threads (OBS's render thread:
    // the analysis must never slow it).
    void start(Listener listener, WorkerPriority priority = WorkerPriority::Normal);
    // Stops and joins the worker; a frame still in the slot is discarded.
    void stop();

    void submit(const Frame& frame) noexcept;
    // New detectors (changed settings) take over before the next frame; never waits for the worker.
    void replaceDetectors(std::vector<std::unique_ptr<Detector>> detectors);
    AnalysisResult step(const Frame& frame);

    [[nodiscard]] AnalyzerStats stats() const;
    // Only while the workers are not running (before start(), after stop(), or with step()).
    [[nodiscard]] std::vector<Detector*> detectors() const;

  private:
    // The detectors of one worker, their last runs in frame time, its slot and detectors waiting to
    // take over.
    struct Lane {
        std::vector<std::unique_ptr<Detector>> detectors;
        std::vector<std::optional<Millis>> lastRun;
        std::optional<Frame> slot;
        std::optional<std::vector<std::unique_ptr<Detector>>> pending;
        std::thread worker;
    };
    static constexpr std::size_t kQuick = 0;
    static constexpr std::size_t kLong = 1;

    void run(Lane& lane);
    void runLane(Lane& lane, const Frame& frame, AnalysisResult& result);
    void adoptPendingDetectors(Lane& lane);
    // Whether lane `lane`'s frames are the ones the stats count (mutex_ held).
    [[nodiscard]] bool countedLocked(std::size_t lane) const;
    static std::array<std::vector<std::unique_ptr<Detector>>, 2>
    splitByLane(std::vector<std::unique_ptr<Detector>> detectors);

    std::array<Lane, 2> lanes_;
    Listener listener_;
    std::mutex listenerMutex_; // the two workers' results reach the listener one at a time

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::array<bool, 2> active_{}; // the lane's newest detectors are not none: it gets frames
    bool stopping_ = false;

    std::atomic<std::uint64_t> submitted_{0};
    std::atomic<std::uint64_t> analyzed_{0};
    std::atomic<std::uint64_t> dropped_{0};
};

} // namespace cg
