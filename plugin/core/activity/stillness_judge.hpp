#pragma once

#include "core/activity/picture_change.hpp"

#include <opencv2/core/mat.hpp>

namespace cg::activity {

struct StillnessSettings {
    // Width of the small picture the judgement is made on (smallGray).
    int analysisWidth = 160;
    // Grey levels a pixel of the small picture must move by to count as changed.
    float pixelLevel = 10;
    // Largest share of the picture that may change since the previous run and still be "still": a
    // ticking clock, a blinking badge or a news ticker changes a few percent at most.
    double maxChangedShare = 0.02;
    // Largest share that may differ from the first picture of the still stretch, so that slow
    // motion, which never changes much between two runs, still ends it.
    double maxDriftShare = 0.03;
};

struct StillJudgement {
    bool still = false;
    PictureChange sincePrevious; // against the previous run's picture
    PictureChange sinceAnchor;   // against the first picture of the current still stretch
};

// Judges run after run whether the picture has meaningfully changed: a change of a small share of
// the picture, or a small change of every pixel, does not count; anything else ends the stillness
// at once and starts a new stretch from the current picture.
class StillnessJudge {
  public:
    explicit StillnessJudge(StillnessSettings settings = {});

    StillJudgement judge(const cv::Mat& smallPicture);
    // The first picture of the current still stretch (empty before the first run).
    [[nodiscard]] const cv::Mat& anchor() const { return anchor_; }
    [[nodiscard]] const StillnessSettings& settings() const { return settings_; }

  private:
    StillnessSettings settings_;
    cv::Mat previous_;
    cv::Mat anchor_;
};

} // namespace cg::activity
