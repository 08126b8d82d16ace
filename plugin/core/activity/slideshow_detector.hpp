#pragma once

#include "core/activity/stillness_judge.hpp"
#include "core/detector.hpp"

#include <opencv2/core/mat.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct SlideshowSettings {
    Millis cadence{500}; // the guard captures at most twice a second; the rules count minutes
    activity::StillnessSettings stillness;
    // A slide is a still stretch at least this long; a shorter pause between changes is not one.
    Millis minSlide{3000};
    // The change between two slides (a cut, a wipe or a cross-fade) takes at most this long; a
    // longer change is live motion and ends the slideshow.
    Millis maxTransition{1500};
    // Share of the picture that must differ between two slides for the change to count as a cut
    // rather than someone moving in front of a still background.
    double minCutShare = 0.3;
    // Cuts between slides, each slide at least minSlide long, before the picture is a slideshow.
    // One cut (two stills) is enough: a live scene does not cut between two frozen pictures.
    int minCuts = 1;
};

// Reports "slideshow" on every run while the picture has been a chain of still pictures separated
// by hard cuts, with no live motion in between (pre-recorded slides, a photo carousel).
class SlideshowDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "slideshow";
    static constexpr std::string_view kCategory = "slideshow";

    explicit SlideshowDetector(SlideshowSettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override { return {std::string(kCategory)}; }
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    // Cuts between slides in the current chain (0 when the picture is live or a single still).
    [[nodiscard]] int cutsInChain() const { return cutsInChain_; }
    [[nodiscard]] const SlideshowSettings& settings() const { return settings_; }

  private:
    enum class Phase { Moving, Still, Changing };

    void breakChain();

    SlideshowSettings settings_;
    activity::StillnessJudge judge_;
    Phase phase_ = Phase::Moving;
    Millis previousRun_{0};
    Millis stillSince_{0};
    Millis changingSince_{0};
    cv::Mat lastStillPicture_;
    bool slideBeforeChangeQualified_ = false;
    bool cutAwaitingSlide_ = false;
    int cutsInChain_ = 0;
};

} // namespace cg
