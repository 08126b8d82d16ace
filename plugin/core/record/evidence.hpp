#pragma once

#include "core/detection.hpp"
#include "core/frame.hpp"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace cg {

// The picture kept as evidence of a finding: the frame as 8-bit BGR, downscaled to at most
// maxWidth pixels wide (never upscaled), with each detection's polygon outlined thickly in red over
// a dark edge and its label written next to it. An empty frame gives an empty Mat.
cv::Mat renderEvidence(const Frame& frame, const std::vector<Detection>& detections, int maxWidth = 640);

} // namespace cg
