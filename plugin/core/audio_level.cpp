#include "core/audio_level.hpp"

#include <cmath>
#include <cstdio>

namespace cg {

void AudioLevelMeter::addSamples(const float* samples, std::size_t count) noexcept
{
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i)
        sum += static_cast<double>(samples[i]) * samples[i];
    sumOfSquares_.fetch_add(sum, std::memory_order_relaxed);
    count_.fetch_add(count, std::memory_order_relaxed);
}

AudioLevelMeter::Window AudioLevelMeter::takeWindow(double floorDb) noexcept
{
    const double sum = sumOfSquares_.exchange(0, std::memory_order_relaxed);
    const std::uint64_t count = count_.exchange(0, std::memory_order_relaxed);
    if (count == 0 || sum <= 0)
        return {floorDb, count};
    const double rms = std::sqrt(sum / static_cast<double>(count));
    return {std::max(floorDb, 20.0 * std::log10(rms)), count};
}

AnalysisResult silenceResult(const AudioLevelMeter::Window& window, const SilenceSettings& settings)
{
    AnalysisResult result;
    result.detectorsRun = {"audio"};
    result.categoriesChecked = {kSilenceCategory};
    if (window.rmsDb < settings.thresholdDb) {
        char label[64];
        std::snprintf(label, sizeof label, "%.0f dBFS", window.rmsDb);
        result.detections.push_back(Detection{"audio", kSilenceCategory, label, 1.0f, {}, {}});
    }
    return result;
}

} // namespace cg
