#pragma once

#include "core/default_detectors.hpp"
#include "obs/guard_service.hpp"

#include <obs.h>

#include <cstdint>

namespace cg::obs {

// The filter's settings as the graphics thread and the worker need them: built in update() and
// published whole (DESIGN.md section 4), never shared field by field.
struct FilterSettings {
    DetectorSettings detectors;
    Millis cadence{500};
    uint32_t analysisHeight = 0; // 0: the source's own size
    bool rehearsal = false;
};

// The settings shared by every watched scene (rule pack, record folder, rehearsal), as shown in
// each filter's properties.
struct SharedFilterSettings {
    std::string packId;
    std::string recordDir;
    bool rehearsal = false;
    bool operator==(const SharedFilterSettings&) const = default;
};

FilterSettings readFilterSettings(obs_data_t* settings);
SharedFilterSettings readSharedSettings(obs_data_t* settings);
void writeSharedSettings(obs_data_t* settings, const GuardSettings& guard);
void setFilterDefaults(obs_data_t* settings, const GuardSettings& guard);
obs_properties_t* makeFilterProperties(const std::vector<std::pair<std::string, LocalizedText>>& packs);

} // namespace cg::obs
