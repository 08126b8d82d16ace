#pragma once

#include "core/analyzer.hpp"

#include <cstdint>
#include <deque>
#include <optional>

namespace cg {

// A libobs frame counter pair as it reads at one moment: frames that went wrong (dropped by the
// stream output, or missed by the renderer) out of all frames, both counted since the start.
struct FrameCounts {
    std::uint64_t bad = 0;
    std::uint64_t total = 0;
};

// The share of bad frames over the last `window`, from cumulative counters read now and then.
// Counters that go backwards (a new stream output) start a new window.
class FrameShareWindow {
  public:
    explicit FrameShareWindow(Millis window) : window_(window) {}

    void add(Millis now, FrameCounts cumulative);
    void reset() { samples_.clear(); }

    struct Share {
        std::uint64_t bad = 0;
        std::uint64_t total = 0;
        Millis span{0};
        [[nodiscard]] double share() const
        {
            return total ? static_cast<double>(bad) / static_cast<double>(total) : 0.0;
        }
    };
    // Between the newest reading and the oldest one still inside the window (or just before it);
    // none until two readings exist.
    [[nodiscard]] std::optional<Share> share() const;

  private:
    struct Sample {
        Millis at;
        FrameCounts counts;
    };
    Millis window_;
    std::deque<Sample> samples_;
};

struct OutputHealthSettings {
    Millis window{10000};
    double maxDroppedShare = 0.01; // OBS's own stats turn yellow at about 1 % dropped
    double maxLaggedShare = 0.01;
    std::uint64_t minFrames = 30; // fewer frames than that say nothing yet
};

inline constexpr const char* kDroppedFramesCategory = "dropped_frames";
inline constexpr const char* kLaggedFramesCategory = "lagged_frames";

// "dropped_frames" (the stream output could not send them: network) and "lagged_frames" (OBS
// could not render them in time: machine overloaded), each when its share over the window
// passes the threshold.
class OutputHealthCheck {
  public:
    explicit OutputHealthCheck(OutputHealthSettings settings = {})
        : settings_(settings), dropped_(settings.window), lagged_(settings.window)
    {
    }

    // `streamDropped` is empty while no stream output is active.
    AnalysisResult check(Millis now, std::optional<FrameCounts> streamDropped, FrameCounts renderLagged);

  private:
    OutputHealthSettings settings_;
    FrameShareWindow dropped_;
    FrameShareWindow lagged_;
};

} // namespace cg
