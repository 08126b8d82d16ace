#include "core/finding.hpp"

#include <array>
#include <utility>

namespace cg {

namespace {
constexpr std::array<std::pair<FindingState, std::string_view>, 5> stateNames{{
    {FindingState::Clear, "clear"},
    {FindingState::Notice, "notice"},
    {FindingState::Warning, "warning"},
    {FindingState::Critical, "critical"},
    {FindingState::Breach, "breach"},
}};
} // namespace

std::string_view toString(FindingState state)
{
    for (const auto& [value, name] : stateNames)
        if (value == state)
            return name;
    return "unknown";
}

std::optional<FindingState> findingStateFromString(std::string_view text)
{
    for (const auto& [value, name] : stateNames)
        if (name == text)
            return value;
    return std::nullopt;
}

std::string_view toString(FindingChange change)
{
    switch (change) {
    case FindingChange::Opened:
        return "finding_opened";
    case FindingChange::Changed:
        return "finding_changed";
    case FindingChange::Cleared:
        return "finding_cleared";
    }
    return "finding_changed";
}

} // namespace cg
