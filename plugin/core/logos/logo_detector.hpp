#pragma once

#include "core/detector.hpp"
#include "core/logos/logo_bank.hpp"
#include "core/logos/logo_candidates.hpp"
#include "core/logos/logo_matching.hpp"
#include "core/logos/logo_surfaces.hpp"
#include "core/logos/logo_templates.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct LogoDetectorSettings {
    // Folder with manifest.json and the masks (data/logos in the repo and in the installed plugin).
    std::string templatesFolder;
    // simple-icons slugs the rule pack allows (its own platform's marks): never reported.
    std::set<std::string> allowedBrands;
    Millis cadence{2000};
    // A run stops proposing and scoring boxes after this much CPU time (what it found so far is
    // reported); zero or less: no limit.
    Millis timeBudget{150};
    // Frames wider than this are analysed downscaled.
    int maxAnalysisWidth = 1280;
    // Candidate regions are looked for on a copy of the analysed picture scaled by this.
    double regionScale = 0.75;
    // A first look on 12x12 patches must reach this before the 32x32 comparison.
    float coarseFloor = 0.55f;
    // Smallest and largest mark (longest side of its box, px in the analysed picture).
    int minSide = 20;
    int maxSide = 480;
    // Score (|normalised correlation| of 32x32 patches) a match needs, by what its colours say.
    float scoreWhenColourAgrees = 0.75f;
    float scoreWhenColourNeutral = 0.82f;
    float scoreWhenColourDisagrees = 0.85f;
    // A box moved to where the mark fits best needs the brand's colour and this much more score.
    float extraScoreWhenMoved = 0.03f;
    // The best brand must beat every other brand on the same box by this much.
    float brandMargin = 0.06f;
    // How much better than a featureless blob of the mark's outline the box must score, as a share
    // of what is left above the blob's score: (score - plainness) / (1 - plainness).
    float minDistinctiveness = 0.3f;
    // Rotations tried, in degrees (the mark's own roll; perspective is absorbed by the patch match).
    std::vector<float> anglesDeg{-40, -30, -20, -10, 0, 10, 20, 30, 40};
    // Also match upright marks foreshortened (a poster or phone turned away).
    bool foreshortenedMarks = false;
    // Also look at tilted flat surfaces (posters, cards, phones turned away) square-on.
    bool searchTiltedSurfaces = true;
    TiltedSurfaceSettings surfaces;
};

// Finds the marks of external platforms (WeChat, WhatsApp, TikTok, ...; data/logos/manifest.json):
// MSER regions propose where a mark could be (a region may be the whole mark, its largest part, or
// the rounded square of an app icon), every template variant whose anchor part looks like that region
// is scored there by normalised correlation, and the brand colour (from the frame, or from the
// preview when the frame is luma only) sets how high the score must be. Category "logo", label =
// brand slug.
class LogoDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "logos";
    static constexpr std::string_view kCategory = "logo";

    // Throws LogoTemplateError naming the file when the templates cannot be loaded.
    explicit LogoDetector(LogoDetectorSettings settings);

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override { return {std::string(kCategory)}; }
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    [[nodiscard]] bool mayTakeLong() const override { return true; }
    std::vector<Detection> detect(const Frame& frame) override;

    [[nodiscard]] const LogoDetectorSettings& settings() const { return settings_; }
    [[nodiscard]] const std::vector<LogoTemplate>& templates() const { return templates_; }

  private:
    // A rectified surface is looked at with this share of its size around it.
    static constexpr float kSurfaceMargin = 0.1f;

    // The matches on `gray` that pass the colour, margin and distinctiveness tests; `colourBgr`
    // (possibly empty) is `gray`'s picture in colour, `colourScale` times its size.
    std::vector<LogoMatch> acceptedMatches(const cv::Mat& gray, const cv::Mat& colourBgr, double colourScale,
                                           const CpuBudget& budget) const;

    LogoDetectorSettings settings_;
    std::vector<LogoTemplate> templates_;
    std::vector<LogoVariant> variants_;
};

} // namespace cg
