#pragma once

#include "core/detector.hpp"

#include <opencv2/core/mat.hpp>

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct LoopingVideoSettings {
    Millis cadence{500}; // the guard captures at most twice a second
    // Width of the frame signatures (frameSignature); 32 keeps 8 minutes under 5 MB.
    int signatureWidth = 32;
    // How far back a recurrence is looked for: loops longer than this are not found.
    Millis history{480'000};
    // How long the recent sequence must match an earlier one.
    Millis matchWindow{8000};
    // Shortest loop reported, so that a short repetitive gesture is not a loop.
    Millis minPeriod{5000};
    // Signature distance (contrast units) under which two samples show the same picture; encoder
    // noise on a re-played frame stays far below it.
    float sameLevel = 0.06f;
    // Extra allowance, times the motion between neighbouring samples, because the samples of the
    // second pass fall between those of the first.
    float phaseAllowance = 0.5f;
    // Signature change between consecutive samples that counts as motion, and the share of the
    // window's steps that must move: a still picture or a slideshow is not a looping video.
    float motionLevel = 0.05f;
    double minMovingShare = 0.5;
    // Share of the window's samples that must match their counterpart of the earlier pass.
    double minMatchedShare = 0.9;
};

// Reports "looping_video" on every run while the recent sequence of moving frames repeats one seen
// earlier (a recording played in a loop). Keeps a tiny signature of every sampled frame.
class LoopingVideoDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "looping_video";
    static constexpr std::string_view kCategory = "looping_video";

    explicit LoopingVideoDetector(LoopingVideoSettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override { return {std::string(kCategory)}; }
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    // The period of the loop found by the latest run, if any.
    [[nodiscard]] std::optional<Millis> lastPeriod() const { return lastPeriod_; }
    [[nodiscard]] const LoopingVideoSettings& settings() const { return settings_; }

  private:
    struct Sample {
        Millis time{0};
        cv::Mat signature;
        float step = 0; // distance to the previous sample's signature
    };

    [[nodiscard]] bool recentWindowMoves(std::size_t windowSamples) const;
    [[nodiscard]] bool windowsMatch(std::size_t earlierEnd, std::size_t windowSamples) const;
    [[nodiscard]] std::optional<Millis> findRecurrence() const;

    LoopingVideoSettings settings_;
    std::deque<Sample> samples_;
    std::optional<Millis> lastPeriod_;
};

} // namespace cg
