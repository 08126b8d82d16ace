#pragma once

#include "core/analyzer.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace cg {

struct SpeechSettings {
    double levelDb = -40.0;      // a block this loud may be a voice (conversational speech: -30 to -10 dBFS)
    double minActiveShare = 0.1; // a window with fewer speech-level blocks than this had nobody speaking
};

// Loudness of the program mix over a window. The audio thread adds samples without locking; the
// reader takes the window's level and starts a new one.
class AudioLevelMeter {
  public:
    void addSamples(const float* samples, std::size_t count) noexcept;
    // RMS level in dBFS since the last call (-inf dB is reported as `floorDb`), whether any samples
    // arrived at all, and how many of the blocks the audio thread handed in (about 20 ms each) were
    // as loud as speech.
    struct Window {
        double rmsDb = 0;
        std::uint64_t samples = 0;
        std::uint64_t blocks = 0;
        std::uint64_t speechBlocks = 0;
    };
    Window takeWindow(double floorDb = -120.0) noexcept;

    // Blocks at or above this level count as speech-level sound.
    void setSpeechLevel(double dbfs) noexcept { speechLevelDb_.store(dbfs, std::memory_order_relaxed); }

  private:
    std::atomic<double> sumOfSquares_{0};
    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::uint64_t> blocks_{0};
    std::atomic<std::uint64_t> speechBlocks_{0};
    std::atomic<double> speechLevelDb_{SpeechSettings{}.levelDb};
};

struct SilenceSettings {
    double thresholdDb = -50.0; // below this the program is silent (speech is about -30 to -10 dBFS)
};

// The "silence" category as an analysis result: the program mix's level over the last window,
// with a detection when it is below the threshold (or when no audio arrived at all).
AnalysisResult silenceResult(const AudioLevelMeter::Window& window, const SilenceSettings& settings);

inline constexpr const char* kSilenceCategory = "silence";

// The "no_speech" category: nobody spoke during the window (too few speech-level blocks). Held over
// minutes by the rule pack, it shows "nobody has spoken for 4 minutes" before a five-minute rule.
AnalysisResult speechResult(const AudioLevelMeter::Window& window, const SpeechSettings& settings);

inline constexpr const char* kNoSpeechCategory = "no_speech";

} // namespace cg
