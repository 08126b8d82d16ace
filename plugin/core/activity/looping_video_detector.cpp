#include "core/activity/looping_video_detector.hpp"

#include "core/activity/frame_signature.hpp"

#include <algorithm>
#include <cstdio>

namespace cg {

LoopingVideoDetector::LoopingVideoDetector(LoopingVideoSettings settings) : settings_(settings) {}

bool LoopingVideoDetector::recentWindowMoves(std::size_t windowSamples) const
{
    std::size_t moving = 0;
    for (std::size_t i = samples_.size() - windowSamples + 1; i < samples_.size(); ++i) {
        if (samples_[i].step > settings_.motionLevel) {
            ++moving;
        }
    }
    return static_cast<double>(moving) >= settings_.minMovingShare * static_cast<double>(windowSamples - 1);
}

// Compares the last `windowSamples` samples with those ending at `earlierEnd`. Each recent sample
// may match the aligned earlier one or a neighbour, since the two passes are sampled at different
// phases; the allowed distance grows with how fast the picture moves there.
bool LoopingVideoDetector::windowsMatch(std::size_t earlierEnd, std::size_t windowSamples) const
{
    const std::size_t last = samples_.size() - 1;
    std::size_t matched = 0;
    for (std::size_t i = 0; i < windowSamples; ++i) {
        const Sample& recent = samples_[last - i];
        const std::size_t earlier = earlierEnd - i;
        const float motion =
            std::max(recent.step, last - i + 1 < samples_.size() ? samples_[last - i + 1].step : 0.0f);
        const float allowed = settings_.sameLevel + settings_.phaseAllowance * motion;
        float best = activity::signatureDistance(recent.signature, samples_[earlier].signature);
        if (earlier > 0) {
            best = std::min(best,
                            activity::signatureDistance(recent.signature, samples_[earlier - 1].signature));
        }
        if (earlier + 1 < last - i) {
            best = std::min(best,
                            activity::signatureDistance(recent.signature, samples_[earlier + 1].signature));
        }
        if (best <= allowed) {
            ++matched;
        }
    }
    return static_cast<double>(matched) >= settings_.minMatchedShare * static_cast<double>(windowSamples);
}

std::optional<Millis> LoopingVideoDetector::findRecurrence() const
{
    const Sample& latest = samples_.back();
    const Millis span = latest.time - samples_.front().time;
    if (span < settings_.minPeriod + settings_.matchWindow) {
        return std::nullopt;
    }
    const auto windowSamples =
        static_cast<std::size_t>(std::count_if(samples_.begin(), samples_.end(), [&](const Sample& s) {
            return latest.time - s.time < settings_.matchWindow;
        }));
    if (windowSamples < 4 || windowSamples >= samples_.size() || !recentWindowMoves(windowSamples)) {
        return std::nullopt;
    }
    const float latestAllowed = settings_.sameLevel + settings_.phaseAllowance * latest.step;
    // Newest candidates first, so the shortest period is reported.
    for (std::size_t end = samples_.size() - 1; end-- > windowSamples - 1;) {
        if (latest.time - samples_[end].time < settings_.minPeriod) {
            continue;
        }
        if (activity::signatureDistance(latest.signature, samples_[end].signature) > latestAllowed &&
            (end + 1 >= samples_.size() ||
             activity::signatureDistance(latest.signature, samples_[end + 1].signature) > latestAllowed)) {
            continue;
        }
        if (windowsMatch(end, windowSamples)) {
            return latest.time - samples_[end].time;
        }
    }
    return std::nullopt;
}

std::vector<Detection> LoopingVideoDetector::detect(const Frame& frame)
{
    if (frame.empty()) {
        return {};
    }
    Sample sample;
    sample.time = frame.time();
    sample.signature = activity::frameSignature(frame, settings_.signatureWidth);
    if (!samples_.empty()) {
        if (sample.time <= samples_.back().time ||
            sample.signature.size() != samples_.back().signature.size()) {
            samples_.clear(); // the timeline restarted or the picture size changed
        } else {
            sample.step = activity::signatureDistance(samples_.back().signature, sample.signature);
        }
    }
    samples_.push_back(std::move(sample));
    while (samples_.front().time < samples_.back().time - settings_.history) {
        samples_.pop_front();
    }

    lastPeriod_ = findRecurrence();
    if (!lastPeriod_) {
        return {};
    }
    char text[128];
    std::snprintf(text, sizeof text, "the last %.1f s repeat what was on air %.1f s earlier",
                  static_cast<double>(settings_.matchWindow.count()) / 1000.0,
                  static_cast<double>(lastPeriod_->count()) / 1000.0);
    Detection detection;
    detection.detector = std::string(kId);
    detection.category = std::string(kCategory);
    detection.label = "loop";
    detection.detail = text;
    return {detection};
}

} // namespace cg
