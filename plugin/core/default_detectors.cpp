#include "core/default_detectors.hpp"

namespace cg {

std::vector<std::unique_ptr<Detector>> makeDetectors(const DetectorSettings& settings)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    if (settings.codes)
        detectors.push_back(std::make_unique<CodeDetector>(settings.codeSettings));
    return detectors;
}

} // namespace cg
