#pragma once

#include "core/detection.hpp"

#include <vector>

namespace cg {

using Polygon = std::vector<Point>;

struct CanvasSize {
    int width = 0;
    int height = 0;
};

// The part of `subject` inside the convex polygon `clip` (Sutherland-Hodgman). Both may wind
// either way (a mirrored scene item winds backwards); empty when they do not overlap.
Polygon clipConvexPolygon(const Polygon& subject, const Polygon& clip);

// The canvas as a polygon, clockwise from the top-left corner.
Polygon canvasPolygon(CanvasSize canvas);

// Shoelace area (absolute), in the polygon's units squared.
double polygonArea(const Polygon& polygon);

// Share (0..1) of the canvas covered by the union of convex polygons, clipped to the canvas.
// Rasterised onto a mask `maskDivisor` times smaller than the canvas (a union of rotated items has
// no simple exact area), filling the mask pixels whose centre is inside: exact for edges on the
// mask grid, within about half a mask pixel along each edge otherwise.
double coveredShare(const std::vector<Polygon>& polygons, CanvasSize canvas, int maskDivisor = 8);

} // namespace cg
