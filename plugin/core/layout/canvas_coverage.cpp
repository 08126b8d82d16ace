#include "core/layout/canvas_coverage.hpp"

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cg {

namespace {

double signedArea(const Polygon& polygon)
{
    double twice = 0;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const Point& a = polygon[i];
        const Point& b = polygon[(i + 1) % polygon.size()];
        twice += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    return twice / 2;
}

// > 0 when p is left of a->b.
double side(const Point& a, const Point& b, const Point& p)
{
    return (static_cast<double>(b.x) - a.x) * (static_cast<double>(p.y) - a.y) -
           (static_cast<double>(b.y) - a.y) * (static_cast<double>(p.x) - a.x);
}

Point intersection(const Point& p, const Point& q, const Point& a, const Point& b)
{
    const double sp = side(a, b, p);
    const double sq = side(a, b, q);
    const double t = sp / (sp - sq);
    return {static_cast<float>(p.x + t * (static_cast<double>(q.x) - p.x)),
            static_cast<float>(p.y + t * (static_cast<double>(q.y) - p.y))};
}

constexpr double minArea = 1e-6;

} // namespace

Polygon clipConvexPolygon(const Polygon& subject, const Polygon& clip)
{
    if (subject.size() < 3 || clip.size() < 3)
        return {};
    const double clipArea = signedArea(clip);
    if (std::abs(clipArea) < minArea)
        return {};
    const double inwards = clipArea > 0 ? 1.0 : -1.0;
    Polygon output = subject;
    for (std::size_t e = 0; e < clip.size() && !output.empty(); ++e) {
        const Point& a = clip[e];
        const Point& b = clip[(e + 1) % clip.size()];
        const Polygon input = std::move(output);
        output.clear();
        for (std::size_t i = 0; i < input.size(); ++i) {
            const Point& current = input[i];
            const Point& next = input[(i + 1) % input.size()];
            const bool currentIn = inwards * side(a, b, current) >= 0;
            const bool nextIn = inwards * side(a, b, next) >= 0;
            if (currentIn)
                output.push_back(current);
            if (currentIn != nextIn)
                output.push_back(intersection(current, next, a, b));
        }
    }
    if (output.size() < 3 || std::abs(signedArea(output)) < minArea)
        return {};
    return output;
}

Polygon canvasPolygon(CanvasSize canvas)
{
    const auto w = static_cast<float>(canvas.width);
    const auto h = static_cast<float>(canvas.height);
    return {{0, 0}, {w, 0}, {w, h}, {0, h}};
}

double polygonArea(const Polygon& polygon)
{
    return std::abs(signedArea(polygon));
}

double coveredShare(const std::vector<Polygon>& polygons, CanvasSize canvas, int maskDivisor)
{
    if (canvas.width <= 0 || canvas.height <= 0)
        return 0;
    maskDivisor = std::max(1, maskDivisor);
    const int maskWidth = (canvas.width + maskDivisor - 1) / maskDivisor;
    const int maskHeight = (canvas.height + maskDivisor - 1) / maskDivisor;
    const double scaleX = static_cast<double>(maskWidth) / canvas.width;
    const double scaleY = static_cast<double>(maskHeight) / canvas.height;
    cv::Mat1b mask(maskHeight, maskWidth, uchar{0});
    const Polygon bounds = canvasPolygon(canvas);
    for (const Polygon& polygon : polygons) {
        const Polygon onCanvas = clipConvexPolygon(polygon, bounds);
        if (onCanvas.empty())
            continue;
        // cv::fillConvexPoly rounds corners to whole pixels and fills every pixel an edge touches,
        // which makes a quarter of the canvas 26 %; filling the pixels whose centre is inside is exact.
        for (int row = 0; row < maskHeight; ++row) {
            const double y = (row + 0.5) / scaleY;
            double left = std::numeric_limits<double>::infinity();
            double right = -left;
            for (std::size_t i = 0; i < onCanvas.size(); ++i) {
                const Point& a = onCanvas[i];
                const Point& b = onCanvas[(i + 1) % onCanvas.size()];
                if ((y < a.y) == (y < b.y))
                    continue; // the edge does not cross this row's centre line
                const double x =
                    a.x + (y - a.y) * (static_cast<double>(b.x) - a.x) / (static_cast<double>(b.y) - a.y);
                left = std::min(left, x);
                right = std::max(right, x);
            }
            if (left >= right)
                continue;
            const int first = std::max(0, static_cast<int>(std::ceil(left * scaleX - 0.5)));
            const int last = std::min(maskWidth, static_cast<int>(std::ceil(right * scaleX - 0.5)));
            if (first < last)
                mask.row(row).colRange(first, last).setTo(255);
        }
    }
    return static_cast<double>(cv::countNonZero(mask)) / (static_cast<double>(maskWidth) * maskHeight);
}

} // namespace cg
