#pragma once

#include "core/codes/code_detector.hpp"
#include "core/detector.hpp"

#include <memory>
#include <vector>

namespace cg {

// Which detectors run and how; the filter's properties map onto this.
struct DetectorSettings {
    bool codes = true;
    CodeDetectorSettings codeSettings;
};

// The detectors the filter and the CLI run.
std::vector<std::unique_ptr<Detector>> makeDetectors(const DetectorSettings& settings = {});

} // namespace cg
