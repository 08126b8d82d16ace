#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

namespace cg::quality {

struct CoverageSettings {
    // Square tiles, in pixels of the analysis picture.
    int tileSize = 16;
    // A tile is blank (uncovered canvas, black bars, a black source) when its mean gray is at most
    // this (video black is 16) and it is flat: its standard deviation is at most blankDeviation.
    double blankLevel = 24;
    double blankDeviation = 2.0;
};

struct CanvasCoverage {
    double blankShare = 0;   // share of the canvas in blank tiles
    double contentShare = 0; // share of the canvas inside the rectangle around all non-blank tiles
    cv::Rect contentRect;    // that rectangle, in analysis-picture pixels (empty when all is blank)
};

// How much of an 8-bit gray canvas is blank, and how large the rectangle holding the content is.
CanvasCoverage measureCoverage(const cv::Mat& gray, const CoverageSettings& settings = {});

} // namespace cg::quality
