#pragma once

#include <opencv2/core/mat.hpp>

namespace cg::quality {

struct SharpnessSettings {
    // Square tiles, in pixels of the analysis picture.
    int tileSize = 32;
    // Tiles flatter than this (gray standard deviation) hold no edges to judge and are skipped.
    double minTileContrast = 8;
    // Which tile decides (0..1 from the softest to the sharpest): a picture in focus has sharp
    // detail somewhere even when most of it is flat or shallow in depth of field.
    double tilePercentile = 0.9;
};

struct Sharpness {
    // 100 x the Laplacian's standard deviation over the gray standard deviation in the chosen
    // tile: independent of contrast, so a low-contrast but sharp picture is not called blurred.
    double score = 0;
    int judgedTiles = 0; // tiles with enough contrast to judge
};

// Contrast-normalised Laplacian sharpness over the textured tiles of an 8-bit gray picture.
Sharpness measureSharpness(const cv::Mat& gray, const SharpnessSettings& settings = {});

// The classic whole-picture variance of the Laplacian (for comparison in the survey).
double laplacianVariance(const cv::Mat& gray);

} // namespace cg::quality
