#include "core/analyzer.hpp"

#include "core/thread_priority.hpp"

#include <exception>

namespace cg {

Analyzer::Analyzer(std::vector<std::unique_ptr<Detector>> detectors)
{
    auto byLane = splitByLane(std::move(detectors));
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        lanes_[i].detectors = std::move(byLane[i]);
        lanes_[i].lastRun.assign(lanes_[i].detectors.size(), std::nullopt);
        active_[i] = !lanes_[i].detectors.empty();
    }
}

Analyzer::~Analyzer()
{
    stop();
}

std::array<std::vector<std::unique_ptr<Detector>>, 2>
Analyzer::splitByLane(std::vector<std::unique_ptr<Detector>> detectors)
{
    std::array<std::vector<std::unique_ptr<Detector>>, 2> byLane;
    for (auto& detector : detectors)
        byLane[detector->mayTakeLong() ? kLong : kQuick].push_back(std::move(detector));
    return byLane;
}

void Analyzer::start(Listener listener, WorkerPriority priority)
{
    stop();
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
    stopping_ = false;
    for (Lane& lane : lanes_) {
        lane.worker = std::thread([this, &lane, priority] {
            if (priority == WorkerPriority::Background)
                lowerCurrentThreadPriority();
            run(lane);
        });
    }
}

void Analyzer::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        for (Lane& lane : lanes_)
            lane.slot.reset();
    }
    wake_.notify_all();
    for (Lane& lane : lanes_) {
        if (lane.worker.joinable())
            lane.worker.join();
    }
}

bool Analyzer::countedLocked(std::size_t lane) const
{
    return lane == kQuick ? active_[kQuick] : !active_[kQuick];
}

void Analyzer::submit(const Frame& frame) noexcept
{
    submitted_.fetch_add(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < lanes_.size(); ++i) {
            if (!active_[i])
                continue;
            if (lanes_[i].slot.has_value() && countedLocked(i))
                dropped_.fetch_add(1, std::memory_order_relaxed);
            lanes_[i].slot = frame; // frames share their pixels: both lanes hold the same picture
        }
    }
    wake_.notify_all();
}

void Analyzer::replaceDetectors(std::vector<std::unique_ptr<Detector>> detectors)
{
    auto byLane = splitByLane(std::move(detectors));
    std::array<std::optional<std::vector<std::unique_ptr<Detector>>>, 2>
        replaced; // destroyed outside the lock
    {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < lanes_.size(); ++i) {
            replaced[i].swap(lanes_[i].pending);
            active_[i] = !byLane[i].empty();
            lanes_[i].pending = std::move(byLane[i]);
        }
    }
    wake_.notify_all();
}

void Analyzer::adoptPendingDetectors(Lane& lane)
{
    std::optional<std::vector<std::unique_ptr<Detector>>> pending;
    {
        std::lock_guard lock(mutex_);
        pending.swap(lane.pending);
    }
    if (!pending)
        return;
    lane.detectors = std::move(*pending);
    lane.lastRun.assign(lane.detectors.size(), std::nullopt);
}

void Analyzer::runLane(Lane& lane, const Frame& frame, AnalysisResult& result)
{
    for (std::size_t i = 0; i < lane.detectors.size(); ++i) {
        Detector& detector = *lane.detectors[i];
        const std::optional<Millis>& last = lane.lastRun[i];
        // A frame from before the last run means the timeline restarted (a new session or file).
        const bool due = !last || frame.time() < *last || frame.time() - *last >= detector.cadence();
        if (!due)
            continue;
        lane.lastRun[i] = frame.time();
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
}

AnalysisResult Analyzer::step(const Frame& frame)
{
    AnalysisResult result;
    result.frame = frame;
    for (Lane& lane : lanes_) {
        adoptPendingDetectors(lane);
        runLane(lane, frame, result);
    }
    analyzed_.fetch_add(1, std::memory_order_relaxed);
    return result;
}

std::vector<Detector*> Analyzer::detectors() const
{
    std::vector<Detector*> all;
    for (const Lane& lane : lanes_) {
        for (const auto& detector : lane.detectors)
            all.push_back(detector.get());
    }
    return all;
}

AnalyzerStats Analyzer::stats() const
{
    return {submitted_.load(), analyzed_.load(), dropped_.load()};
}

void Analyzer::run(Lane& lane)
{
    const auto index = static_cast<std::size_t>(&lane - lanes_.data());
    for (;;) {
        Frame frame;
        bool taken = false;
        bool counted = false;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || lane.slot.has_value() || lane.pending.has_value(); });
            if (stopping_)
                return;
            if (lane.slot.has_value()) {
                frame = std::move(*lane.slot);
                lane.slot.reset();
                taken = true;
                counted = countedLocked(index);
            }
        }
        // New detectors take over at once, also while no frames come (a check switched off frees
        // what it holds).
        adoptPendingDetectors(lane);
        if (!taken)
            continue;
        AnalysisResult result;
        result.frame = frame;
        runLane(lane, frame, result);
        if (counted)
            analyzed_.fetch_add(1, std::memory_order_relaxed);
        if (listener_) {
            std::lock_guard lock(listenerMutex_);
            listener_(result);
        }
    }
}

} // namespace cg
