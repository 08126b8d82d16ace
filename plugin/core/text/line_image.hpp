#pragma once

#include "core/detection.hpp"
#include "core/text/text_regions.hpp"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace cg {

// A text region cut out of the frame and made ready for OCR: upright, scaled to a height the
// recogniser reads well, dark text on a light background. Vertical lines are laid out as one
// horizontal row of their characters.
struct LineImage {
    cv::Mat gray;
    // Parts of `gray` and, for each, the affine transform from its pixels back to frame pixels.
    struct Piece {
        cv::Rect area;
        cv::Rect text;   // the part of `area` the region's strokes span (without the margin)
        cv::Mat toFrame; // 2x3, CV_64F
    };
    std::vector<Piece> pieces;
    bool vertical = false;
};

// `region` is in picture coordinates; `pictureToFrame` scales those to `gray`'s (the full-size frame).
LineImage makeLineImage(const cv::Mat& gray, const TextRegion& region, double pictureToFrame,
                        int targetHeight);

// Outlined text (a light fill ringed by a dark outline, or the other way round, over a picture of
// any tone): the fills alone, dark on white, in the same geometry; empty when the line holds no
// such glyphs. Otsu's single threshold would split outline from fill and picture, not text from
// the rest, and OCR would read the outline's shapes.
LineImage outlinedTextFill(const LineImage& line);

// The frame polygon (4 points, clockwise from top-left) of a box in the line image's pixels.
std::vector<Point> framePolygon(const LineImage& image, const cv::Rect& box);

} // namespace cg
