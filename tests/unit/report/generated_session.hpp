#pragma once

#include "core/finding.hpp"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace cg::test {

// A ten-minute session of the shipped Alibaba.com pack run through the real core (Analyzer with the
// code and presenter detectors, ComplianceSession, RecordWriter) on generated 640x360 camera
// pictures, one a second on an injected clock: a drawn presenter at a desk, who leaves from
// absentFrom to absentTo, and a ZXing QR code held up during each of qrShown (while the presenter
// is there, so that the QR evidence shows a face). A recording runs from recordingFrom to
// recordingTo; the program scene is "Main", the watched scenes ["Main"].
struct GeneratedSession {
    std::filesystem::path dir;
    std::vector<FindingEvent> events; // what the core reported, in order
    std::int64_t startUtcMillis = 0;
    Millis end{0};
    std::vector<std::pair<Millis, Millis>> qrShown;
    Millis absentFrom{0};
    Millis absentTo{0};
    Millis recordingFrom{0};
    Millis recordingTo{0};
    std::string recordingFile;
};

GeneratedSession generateSession(const std::filesystem::path& parent);

// The presenter picture the session uses, with or without a QR code, as 8-bit gray.
cv::Mat sessionPicture(bool presenter, bool qrCode);

} // namespace cg::test
