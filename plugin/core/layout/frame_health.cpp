#include "core/layout/frame_health.hpp"

#include <cstdio>

namespace cg {

void FrameShareWindow::add(Millis now, FrameCounts cumulative)
{
    if (!samples_.empty() &&
        (cumulative.total < samples_.back().counts.total || cumulative.bad < samples_.back().counts.bad))
        samples_.clear();
    samples_.push_back({now, cumulative});
    // Keep one reading at or before the window's start, as the baseline.
    while (samples_.size() > 2 && samples_[1].at <= now - window_)
        samples_.pop_front();
}

std::optional<FrameShareWindow::Share> FrameShareWindow::share() const
{
    if (samples_.size() < 2)
        return std::nullopt;
    const Sample& first = samples_.front();
    const Sample& last = samples_.back();
    return Share{last.counts.bad - first.counts.bad, last.counts.total - first.counts.total,
                 last.at - first.at};
}

namespace {

void judge(const FrameShareWindow& window, double maxShare, std::uint64_t minFrames, const char* category,
           const char* what, AnalysisResult& result)
{
    const std::optional<FrameShareWindow::Share> share = window.share();
    if (!share || share->total < minFrames || share->share() <= maxShare)
        return;
    char label[32];
    std::snprintf(label, sizeof label, "%.1f%%", share->share() * 100.0);
    char text[160];
    std::snprintf(text, sizeof text, "%s %llu of %llu frames (%.1f%%) in the last %.0f s", what,
                  static_cast<unsigned long long>(share->bad), static_cast<unsigned long long>(share->total),
                  share->share() * 100.0, static_cast<double>(share->span.count()) / 1000.0);
    result.detections.push_back(Detection{"output_health", category, label, 1.0f, {}, {}, text});
}

} // namespace

AnalysisResult OutputHealthCheck::check(Millis now, std::optional<FrameCounts> streamDropped,
                                        FrameCounts renderLagged)
{
    AnalysisResult result;
    result.detectorsRun = {"output_health"};
    result.categoriesChecked = {kDroppedFramesCategory, kLaggedFramesCategory};
    if (streamDropped)
        dropped_.add(now, *streamDropped);
    else
        dropped_.reset();
    lagged_.add(now, renderLagged);
    judge(dropped_, settings_.maxDroppedShare, settings_.minFrames, kDroppedFramesCategory, "stream dropped",
          result);
    judge(lagged_, settings_.maxLaggedShare, settings_.minFrames, kLaggedFramesCategory, "rendering missed",
          result);
    return result;
}

} // namespace cg
