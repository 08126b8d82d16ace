#pragma once

#include "core/analyzer.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace cg {

// Loudness of the program mix over a window. The audio thread adds samples without locking; the
// reader takes the window's level and starts a new one.
class AudioLevelMeter {
  public:
    void addSamples(const float* samples, std::size_t count) noexcept;
    // RMS level in dBFS since the last call (-inf dB is reported as `floorDb`), and whether any
    // samples arrived at all.
    struct Window {
        double rmsDb;
        std::uint64_t samples;
    };
    Window takeWindow(double floorDb = -120.0) noexcept;

  private:
    std::atomic<double> sumOfSquares_{0};
    std::atomic<std::uint64_t> count_{0};
};

struct SilenceSettings {
    double thresholdDb = -50.0; // below this the program is silent (speech is about -30 to -10 dBFS)
};

// The "silence" category as an analysis result: the program mix's level over the last window,
// with a detection when it is below the threshold (or when no audio arrived at all).
AnalysisResult silenceResult(const AudioLevelMeter::Window& window, const SilenceSettings& settings);

inline constexpr const char* kSilenceCategory = "silence";

} // namespace cg
