#pragma once

#include "core/detector.hpp"
#include "core/quality/blank_canvas.hpp"
#include "core/quality/sharpness.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct PictureQualitySettings {
    Millis cadence{1000};
    // Sharpness and coverage are judged on the picture scaled to this width, whatever the output
    // resolution: roughly how a viewer on a phone sees it.
    int analysisWidth = 640;
    quality::SharpnessSettings sharpness;
    // Sharpness scores at or below this are blurry. Chosen in the middle of the gap the blur survey
    // (tests/corpus/test_blur_corpus.cpp) measured on real frames, also at a fifth of their contrast,
    // between sharp (Gaussian sigma <= 0.5 px at 640 wide: score >= 40) and severely blurred (sigma
    // >= 2 px: score <= 25) pictures.
    double blurryAtOrBelow = 32;
    // Fewer textured tiles than this and there is too little detail to judge sharpness.
    int minJudgedTiles = 4;
    quality::CoverageSettings coverage;
    // Blank canvas (black bars, an uncovered canvas, a black source) over this share is reported.
    double maxBlankShare = 0.25;
    // Content whose rectangle covers less than this share of the canvas is reported as too small.
    double minContentShare = 0.5;
};

// Picture quality a viewer notices: a blurred picture ("blurry_picture"), large blank areas of the
// canvas ("blank_area") and live content shrunk to a small part of the canvas ("small_content").
// The measured figures are in each detection's text.
class PictureQualityDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "picture_quality";
    static constexpr std::string_view kBlurryCategory = "blurry_picture";
    static constexpr std::string_view kBlankCategory = "blank_area";
    static constexpr std::string_view kSmallContentCategory = "small_content";

    explicit PictureQualityDetector(PictureQualitySettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override;
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    // The figures of the latest run.
    [[nodiscard]] const quality::Sharpness& lastSharpness() const { return lastSharpness_; }
    [[nodiscard]] const quality::CanvasCoverage& lastCoverage() const { return lastCoverage_; }
    [[nodiscard]] const PictureQualitySettings& settings() const { return settings_; }

  private:
    PictureQualitySettings settings_;
    quality::Sharpness lastSharpness_;
    quality::CanvasCoverage lastCoverage_;
};

} // namespace cg
