#pragma once

#include "core/logos/logo_bank.hpp"

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace cg {

enum class ColourAgreement {
    Agrees,   // the mark or its square has the brand's hue
    Neutral,  // no colour to judge by: a white, black or gray mark, a black brand, no colour picture
    Disagrees // the mark is coloured, but in another hue, and nothing around it has the brand's
};

// Judges a match by colour. `colourBgr` may be smaller than the analysed picture (the OBS preview):
// `box` is in analysed-picture coordinates and `scale` maps them onto `colourBgr`. An empty
// `colourBgr` gives Neutral.
ColourAgreement judgeLogoColour(const cv::Mat& colourBgr, double scale, const cv::Rect& box,
                                const LogoVariant& variant, cv::Vec3b brandBgr);

} // namespace cg
