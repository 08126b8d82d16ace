#include "core/analyzer.hpp"

#include "core/thread_priority.hpp"

#include <exception>

namespace cg {

Analyzer::Analyzer(std::vector<std::unique_ptr<Detector>> detectors)
    : detectors_(std::move(detectors)), lastRun_(detectors_.size())
{
}

Analyzer::~Analyzer()
{
    stop();
}

void Analyzer::start(Listener listener, WorkerPriority priority)
{
    stop();
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
    stopping_ = false;
    worker_ = std::thread([this, priority] {
        if (priority == WorkerPriority::Background)
            lowerCurrentThreadPriority();
        run();
    });
}

void Analyzer::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        slot_.reset();
    }
    wake_.notify_all();
    if (worker_.joinable())
        worker_.join();
}

void Analyzer::submit(Frame frame) noexcept
{
    submitted_.fetch_add(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(mutex_);
        if (slot_.has_value())
            dropped_.fetch_add(1, std::memory_order_relaxed);
        slot_ = std::move(frame);
    }
    wake_.notify_one();
}

void Analyzer::replaceDetectors(std::vector<std::unique_ptr<Detector>> detectors)
{
    std::vector<std::unique_ptr<Detector>> replaced;
    {
        std::lock_guard lock(mutex_);
        if (pendingDetectors_)
            replaced = std::move(*pendingDetectors_); // destroyed outside the lock
        pendingDetectors_ = std::move(detectors);
    }
}

void Analyzer::adoptPendingDetectors()
{
    std::optional<std::vector<std::unique_ptr<Detector>>> pending;
    {
        std::lock_guard lock(mutex_);
        pending.swap(pendingDetectors_);
    }
    if (!pending)
        return;
    detectors_ = std::move(*pending);
    lastRun_.assign(detectors_.size(), std::nullopt);
}

AnalysisResult Analyzer::step(const Frame& frame)
{
    adoptPendingDetectors();
    AnalysisResult result;
    result.frame = frame;
    for (std::size_t i = 0; i < detectors_.size(); ++i) {
        Detector& detector = *detectors_[i];
        const std::optional<Millis>& last = lastRun_[i];
        // A frame from before the last run means the timeline restarted (a new session or file).
        const bool due = !last || frame.time() < *last || frame.time() - *last >= detector.cadence();
        if (!due)
            continue;
        lastRun_[i] = frame.time();
        result.detectorsRun.emplace_back(detector.id());
        for (std::string& category : detector.categories())
            result.categoriesChecked.push_back(std::move(category));
        try {
            std::vector<Detection> found = detector.detect(frame);
            result.detections.insert(result.detections.end(), std::make_move_iterator(found.begin()),
                                     std::make_move_iterator(found.end()));
        } catch (const std::exception& error) {
            result.errors.push_back(std::string(detector.id()) + ": " + error.what());
        }
    }
    analyzed_.fetch_add(1, std::memory_order_relaxed);
    return result;
}

AnalyzerStats Analyzer::stats() const
{
    return {submitted_.load(), analyzed_.load(), dropped_.load()};
}

void Analyzer::run()
{
    for (;;) {
        Frame frame;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || slot_.has_value(); });
            if (stopping_)
                return;
            frame = std::move(*slot_);
            slot_.reset();
        }
        AnalysisResult result = step(frame);
        if (listener_)
            listener_(result);
    }
}

} // namespace cg
