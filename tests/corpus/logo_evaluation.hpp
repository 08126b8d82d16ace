#pragma once

// Scores logo detections against truth boxes: recall by mark width (under 32, 32-48, 48 px and up,
// as the targets are stated), false logos on frames without one, and on frames with one.
#include "core/detection.hpp"

#include <opencv2/core/types.hpp>
#include <string>
#include <vector>

namespace cg::test {

struct TruthMark {
    std::string brand;
    cv::Rect box;
    std::string note{}; // how it was drawn, for the list of misses
};

struct RecallCount {
    int found = 0;
    int total = 0;
    [[nodiscard]] double rate() const { return total == 0 ? 1.0 : static_cast<double>(found) / total; }
};

struct LogoScore {
    RecallCount tiny;  // width < 32 px (below the target's range)
    RecallCount small; // 32 <= width < 48
    RecallCount large; // width >= 48
    int positiveFrames = 0;
    int negativeFrames = 0;
    int falseOnNegatives = 0; // reports on frames without a listed mark
    int negativesWithFalse = 0;
    int falseOnPositives = 0;        // reports matching no truth on frames with marks
    double milliseconds = 0;         // total detection time
    std::vector<std::string> misses; // "brand@WxH" of every missed mark (for the printed table)
    std::vector<std::string> falses;
    std::vector<std::string> hits; // "brand@x,y,w,h" of every false report
};

// A report counts for a truth when it names the same brand and its box overlaps the truth box
// (IoU >= 0.3, or its centre is inside the truth box with a size within a factor of two).
void scoreLogoFrame(LogoScore& score, const std::vector<TruthMark>& truth,
                    const std::vector<Detection>& reports);

std::string logoScoreRow(const std::string& name, const LogoScore& score);
std::string logoScoreHeader();

} // namespace cg::test
