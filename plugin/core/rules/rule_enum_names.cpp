#include "core/rules/rule_enum_names.hpp"

#include <array>
#include <utility>

namespace cg {

namespace {

constexpr std::array<std::pair<Severity, std::string_view>, 4> kSeverityNames{{
    {Severity::Info, "info"},
    {Severity::Minor, "minor"},
    {Severity::Major, "major"},
    {Severity::Severe, "severe"},
}};

constexpr std::array<std::pair<Trigger, std::string_view>, 2> kTriggerNames{{
    {Trigger::Present, "present"},
    {Trigger::Absent, "absent"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value)
{
    for (const auto& [candidate, name] : names)
        if (candidate == value)
            return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view text)
{
    for (const auto& [value, name] : names)
        if (name == text)
            return value;
    return std::nullopt;
}

} // namespace

std::string_view toString(Severity severity)
{
    return nameOf(kSeverityNames, severity);
}

std::optional<Severity> severityFromString(std::string_view text)
{
    return valueOf(kSeverityNames, text);
}

std::string_view toString(Trigger trigger)
{
    return nameOf(kTriggerNames, trigger);
}

std::optional<Trigger> triggerFromString(std::string_view text)
{
    return valueOf(kTriggerNames, text);
}

} // namespace cg
