#pragma once

#include "core/logos/logo_templates.hpp"

#include <array>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace cg {

enum class LogoRendering {
    Glyph,  // the mark alone: in colour, white or black, on anything
    AppIcon // a white mark on a rounded square of the brand colour
};

// Side of the square patches every box is compared on, and of the coarse first look.
inline constexpr int kLogoPatchSide = 32;
inline constexpr int kLogoCoarseSide = 12;

// What a variant looks like on a side x side grid, compared only where it says something: on the
// mark and a thin ring around it (a glyph), or on the square (an app icon). Whatever else is in
// the box (a busy photo around a watermark) does not lower the score.
struct LogoPattern {
    cv::Mat values;  // CV_32F: zero mean and unit norm over the support, 0 elsewhere
    cv::Mat support; // CV_32F: 1 on the support, 0 elsewhere
    float count = 0; // pixels in the support
};

// One brand mark in one rendering at one rotation, reduced to what matching needs. Box coordinates
// are normalised to the variant's bounding box ([0,1] on both axes).
struct LogoVariant {
    int logo = 0; // index into the templates
    LogoRendering rendering = LogoRendering::Glyph;
    float angleDeg = 0;
    float aspect = 1; // bounding box width / height
    // The largest connected part of the silhouette (the whole square for an app icon): a candidate
    // region that looks like it proposes where the whole mark must be.
    cv::Rect2f anchor;
    float anchorAspect = 1;               // width / height in pixels
    float anchorFill = 1;                 // part area / part box area
    std::array<cv::Point2f, 4> corners{}; // the unrotated mark's box, TL, TR, BR, BL
    LogoPattern fine;                     // kLogoPatchSide²
    LogoPattern coarse;                   // kLogoCoarseSide²
    // How well a featureless blob of the same outline (the silhouette, heavily blurred) already
    // scores: high for plain silhouettes (the QQ penguin), which therefore need a higher score.
    float plainness = 0;
    cv::Mat ink;  // CV_8U kLogoPatchSide²: 255 on the mark, 0 elsewhere
    cv::Mat body; // CV_8U kLogoPatchSide²: 255 on the square but off the mark
};

// The mean gray of `box` over a side x side grid (CV_32F), read from `integral` (cv::integral of
// the picture, CV_32S), optionally smoothed with a [1 2 1] kernel. Variants and candidate boxes
// are sampled the same way.
// The shape of an app icon: a side x side square with rounded corners (radius cornerShare * side),
// 255 inside.
cv::Mat roundedSquareMask(int side, float cornerShare);

cv::Mat logoPatch(const cv::Mat& integral, const cv::Rect& box, int side, bool smooth);

// |normalised correlation| of `patch` with the pattern over the pattern's support, 0..1.
float patternCorrelation(const cv::Mat& patch, const LogoPattern& pattern);

// Every template at every angle, as a glyph and as an app icon (at two mark sizes); with
// `foreshortenedGlyphs`, also the upright glyph narrowed and flattened (seen at a slant).
std::vector<LogoVariant> buildLogoVariants(const std::vector<LogoTemplate>& logos,
                                           const std::vector<float>& anglesDeg, bool foreshortenedGlyphs);

} // namespace cg
