#pragma once

#include "core/text/text_detector.hpp"
#include "corpus/text_corpus.hpp"

#include <opencv2/core/mat.hpp>

namespace cg::textcorpus {

// The word lists of the Alibaba.com rule pack (data/rules/alibaba.json).
TextClassifierSettings defaultWordLists();

struct FrameRun {
    std::vector<Detection> detections;
    int runs = 0; // detector runs at its cadence until every region was read
    double firstRunMs = 0;
    double totalOcrMs = 0;
};

// Shows `bgr` to the detector as a still stream, one run per cadence, until nothing is left unread.
// `streamTime` is advanced past the frame so that the next frame starts afresh.
FrameRun runOnStill(TextDetector& detector, const cv::Mat& bgr, Millis& streamTime);

} // namespace cg::textcorpus
