#pragma once

#include "core/rules/rule_pack.hpp"

#include <optional>
#include <string_view>

namespace cg {

// The names Severity and Trigger have in pack files ("severe", "absent", ...).
std::string_view toString(Severity severity);
std::optional<Severity> severityFromString(std::string_view text);

std::string_view toString(Trigger trigger);
std::optional<Trigger> triggerFromString(std::string_view text);

} // namespace cg
