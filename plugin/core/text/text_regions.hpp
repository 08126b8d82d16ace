#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <vector>

namespace cg {

struct TextRegionSettings {
    // Gray-level contrast (morphological gradient) an edge of a glyph must have.
    int minEdgeContrast = 40;
    // A component too tall for a glyph is split again at this contrast (0: never).
    int splitEdgeContrast = 160;
    // Text lines this short or tall (pixels, across the line) are not looked for.
    int minTextHeight = 8;
    int maxTextHeight = 110;
    // Glyphs and words closer than this fraction of the line height are joined into one line.
    double wordGapFactor = 1.5;
};

// A place where a line of text probably is, in the coordinates of the picture searched.
struct TextRegion {
    cv::RotatedRect line;             // the line's rectangle (angle from OpenCV's minAreaRect, normalised)
    cv::Rect bounds;                  // its axis-aligned bounding box, clipped to the picture
    bool vertical = false;            // characters stacked top to bottom
    std::vector<cv::Rect> characters; // vertical lines only: one box per character, top to bottom
};

// Finds lines of text in an 8-bit gray picture from the strokes' edges: strong gradients joined
// along the line, kept when the result has the proportions of a line of glyphs.
std::vector<TextRegion> findTextRegions(const cv::Mat& gray, const TextRegionSettings& settings = {});

} // namespace cg
