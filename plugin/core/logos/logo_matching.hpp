#pragma once

#include "core/logos/logo_bank.hpp"
#include "core/logos/logo_candidates.hpp"

#include "core/frame.hpp"

#include <opencv2/core/mat.hpp>
#include <vector>

namespace cg {

// This thread's CPU time against a budget: what bounds the detector's share of a core, whatever
// else runs on the machine. A budget of zero or less never runs out (offline analysis of files).
class CpuBudget {
  public:
    explicit CpuBudget(Millis budget);
    [[nodiscard]] bool spent() const;
    static double threadMilliseconds();

  private:
    bool unlimited_;
    double end_;
};

// The best variant for one proposed box, with the best score any other brand reached there.
struct LogoMatch {
    int variant = 0;
    cv::Rect box;
    float score = 0;    // |normalised correlation| of the 32x32 patches, 0..1
    float runnerUp = 0; // best score of another brand on the same box
    // Where the box was proposed and its score there, when it was moved to where it fits best.
    bool moved = false;
    cv::Rect proposedBox;
    float proposedScore = 0;
};

struct LogoMatchSettings {
    int minSide = 20;          // px, the smallest mark box considered
    int maxSide = 480;         // px
    float coarseFloor = 0.45f; // a first look on 12x12 patches must reach this
    float keepFloor = 0.5f;    // matches below this are not returned
    // Matches scoring between these, on boxes at least refineMinSide px on both sides, are moved and
    // scaled a little to where they fit best. On smaller boxes a cell is a pixel or less: the
    // proposal is as close as the grid can tell, and moving it only lets clutter fit better.
    float refineFloor = 0.65f;
    float refineCeiling = 0.9f;
    int refineMinSide = 96;
    float aspectTolerance = 1.35f;
    float fillTolerance = 0.2f;
};

// Proposes, for every region and every variant whose anchor part looks like that region, the box
// where the whole mark would be, and scores the variant there. Stops when `budget` is spent.
std::vector<LogoMatch> matchLogoRegions(const cv::Mat& gray, const std::vector<LogoRegion>& regions,
                                        const std::vector<LogoVariant>& variants,
                                        const LogoMatchSettings& settings, const CpuBudget& budget);

} // namespace cg
