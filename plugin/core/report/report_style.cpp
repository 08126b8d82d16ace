#include "core/report/report_style.hpp"

#include <cstdio>

namespace cg {

std::string ReportColour::hex() const
{
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", red, green, blue);
    return text;
}

ReportColour stateColour(FindingState state)
{
    switch (state) {
    case FindingState::Clear:
        return {0x2e, 0x7d, 0x32}; // green
    case FindingState::Notice:
        return {0x15, 0x65, 0xc0}; // blue
    case FindingState::Warning:
        return {0xf9, 0xa8, 0x25}; // amber
    case FindingState::Critical:
        return {0xe6, 0x51, 0x00}; // deep orange
    case FindingState::Breach:
        return {0xb7, 0x1c, 0x1c}; // red
    }
    return {0x80, 0x80, 0x80};
}

ReportColour stateTextColour(FindingState state)
{
    return state == FindingState::Warning ? ReportColour{0x21, 0x21, 0x21} : ReportColour{0xff, 0xff, 0xff};
}

} // namespace cg
