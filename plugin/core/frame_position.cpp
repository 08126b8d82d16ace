#include "core/frame_position.hpp"

#include <algorithm>
#include <array>

namespace cg {

namespace {

// 0, 1 or 2: which third of [0, extent) the value falls in.
int thirdOf(float value, int extent)
{
    return std::clamp(static_cast<int>(3.0f * value / static_cast<float>(extent)), 0, 2);
}

} // namespace

std::string_view framePosition(const std::vector<Point>& polygon, int frameWidth, int frameHeight)
{
    if (polygon.empty() || frameWidth <= 0 || frameHeight <= 0)
        return {};
    const auto [left, right] = std::minmax_element(polygon.begin(), polygon.end(),
                                                   [](const Point& a, const Point& b) { return a.x < b.x; });
    const auto [top, bottom] = std::minmax_element(polygon.begin(), polygon.end(),
                                                   [](const Point& a, const Point& b) { return a.y < b.y; });
    static constexpr std::array<std::array<std::string_view, 3>, 3> names{
        {{"upper_left", "top", "upper_right"},
         {"left", "centre", "right"},
         {"lower_left", "bottom", "lower_right"}}};
    const int column = thirdOf((left->x + right->x) / 2, frameWidth);
    const int row = thirdOf((top->y + bottom->y) / 2, frameHeight);
    return names.at(static_cast<std::size_t>(row)).at(static_cast<std::size_t>(column));
}

} // namespace cg
