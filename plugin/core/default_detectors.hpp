#pragma once

#include "core/detector.hpp"

#include <memory>
#include <vector>

namespace cg {

// The detectors the filter and the CLI run, at their default settings.
std::vector<std::unique_ptr<Detector>> makeDefaultDetectors();

} // namespace cg
