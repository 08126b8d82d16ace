#include "core/codes/detection_merge.hpp"

#include <algorithm>
#include <cmath>

namespace cg::codes {

namespace {

struct Box {
    float left = 0;
    float top = 0;
    float right = 0;
    float bottom = 0;
    [[nodiscard]] Point center() const { return {(left + right) / 2, (top + bottom) / 2}; }
    [[nodiscard]] bool contains(Point p) const
    {
        return p.x >= left && p.x <= right && p.y >= top && p.y <= bottom;
    }
};

Box boxOf(const std::vector<Point>& polygon)
{
    if (polygon.empty()) {
        return {};
    }
    Box box{polygon[0].x, polygon[0].y, polygon[0].x, polygon[0].y};
    for (const Point& p : polygon) {
        box.left = std::min(box.left, p.x);
        box.top = std::min(box.top, p.y);
        box.right = std::max(box.right, p.x);
        box.bottom = std::max(box.bottom, p.y);
    }
    return box;
}

bool sameCode(const Detection& a, const Detection& b)
{
    if (a.label != b.label || a.text != b.text) {
        return false;
    }
    const Box boxA = boxOf(a.polygon);
    const Box boxB = boxOf(b.polygon);
    return boxA.contains(boxB.center()) || boxB.contains(boxA.center());
}

} // namespace

void addUnlessDuplicate(std::vector<Detection>& detections, Detection detection)
{
    const bool known = std::any_of(detections.begin(), detections.end(),
                                   [&](const Detection& existing) { return sameCode(existing, detection); });
    if (!known) {
        detections.push_back(std::move(detection));
    }
}

} // namespace cg::codes
