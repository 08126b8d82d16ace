#pragma once

#include <opencv2/core/mat.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cg::corpus {

inline constexpr int kCanvasWidth = 1280;
inline constexpr int kCanvasHeight = 720;

// One image of the QR corpus as a streamer's canvas would carry it.
struct QrSample {
    std::string file;         // path relative to the corpus folder, e.g. "qr/positive/q1_1.webp"
    std::string expectedText; // exact bytes of the .txt next to the image; empty for negatives
    bool hasCode = false;
    cv::Mat frame; // BGRA, kCanvasWidth x kCanvasHeight
};

// The corpus folder (CG_SHARED_DIR/corpus) or an empty path when it is not there.
std::filesystem::path findCorpus(const std::filesystem::path& sharedDir);

// Every truth.json "qr" entry whose file lies in `subfolder` ("positive", "negative", "synthetic").
// Images with a code are pasted at their own size (scaled down only to fit) onto a textured neutral
// canvas, at a position that varies from image to image; negatives are scaled to fill the canvas.
std::vector<QrSample> loadQrSamples(const std::filesystem::path& corpusDir, const std::string& subfolder);

// A neutral gray canvas with mild texture (gradient and fixed-seed noise), BGRA.
cv::Mat texturedCanvas(int width, int height, unsigned seed);

// Pastes `image` (any channel count) at its own size into `canvas`, scaled down only if it does
// not fit inside the margin; `placement` in [0, 1) chooses where along the free space it lands.
void pasteAtOwnSize(cv::Mat& canvas, const cv::Mat& image, double placementX, double placementY);

} // namespace cg::corpus
