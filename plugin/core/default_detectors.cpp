#include "core/default_detectors.hpp"

#include "core/codes/code_detector.hpp"

namespace cg {

std::vector<std::unique_ptr<Detector>> makeDefaultDetectors()
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<CodeDetector>());
    return detectors;
}

} // namespace cg
