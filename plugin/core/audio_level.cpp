#include "core/audio_level.hpp"

#include <algorithm>
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
    if (count == 0)
        return;
    const double blockDb = sum > 0 ? 10.0 * std::log10(sum / static_cast<double>(count)) : -1000.0;
    blocks_.fetch_add(1, std::memory_order_relaxed);
    if (blockDb >= speechLevelDb_.load(std::memory_order_relaxed))
        speechBlocks_.fetch_add(1, std::memory_order_relaxed);
}

AudioLevelMeter::Window AudioLevelMeter::takeWindow(double floorDb) noexcept
{
    const double sum = sumOfSquares_.exchange(0, std::memory_order_relaxed);
    const std::uint64_t count = count_.exchange(0, std::memory_order_relaxed);
    const std::uint64_t blocks = blocks_.exchange(0, std::memory_order_relaxed);
    const std::uint64_t speechBlocks = speechBlocks_.exchange(0, std::memory_order_relaxed);
    if (count == 0 || sum <= 0)
        return {floorDb, count, blocks, speechBlocks};
    const double rms = std::sqrt(sum / static_cast<double>(count));
    return {std::max(floorDb, 20.0 * std::log10(rms)), count, blocks, speechBlocks};
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

AnalysisResult speechResult(const AudioLevelMeter::Window& window, const SpeechSettings& settings)
{
    AnalysisResult result;
    result.detectorsRun = {"audio"};
    result.categoriesChecked = {kNoSpeechCategory};
    const double activeShare =
        window.blocks == 0 ? 0.0
                           : static_cast<double>(window.speechBlocks) / static_cast<double>(window.blocks);
    if (activeShare < settings.minActiveShare) {
        char detail[96];
        std::snprintf(detail, sizeof detail, "%.0f%% of the last second at speech level (%.0f dBFS)",
                      activeShare * 100.0, settings.levelDb);
        Detection detection{"audio", kNoSpeechCategory, "no speech", 1.0f, {}, {}};
        detection.detail = detail;
        result.detections.push_back(std::move(detection));
    }
    return result;
}

} // namespace cg
