#pragma once

#include "core/detection.hpp"
#include "core/finding.hpp"
#include "core/rules/rule_pack.hpp"

#include <nlohmann/json.hpp>

namespace cg {

// The JSON shapes shared by the CLI's --json output, the record's payloads and the vendor requests.
nlohmann::json toJson(const Detection& detection);
nlohmann::json toJson(const std::vector<Detection>& detections);
// A finding event as a record payload: rule, state, previous state and times in seconds.
nlohmann::json toJson(const FindingEvent& event, const Rule* rule);

double toSeconds(Millis t);
// A text in both languages, keyed as in the rule packs: {"en-US": ..., "zh-CN": ...}.
nlohmann::json localizedJson(const LocalizedText& text);

} // namespace cg
