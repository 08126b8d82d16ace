#pragma once

#include <string>
#include <vector>

namespace cg {

struct Point {
    float x = 0;
    float y = 0;
    bool operator==(const Point&) const = default;
};

// What one detector saw in one frame (DESIGN.md section 5).
struct Detection {
    std::string detector;       // id of the detector that produced it, e.g. "codes"
    std::string category;       // what rules match on: "qr_code", "barcode", ...
    std::string label;          // finer kind, e.g. the symbology "QRCode", "MicroQRCode", "EAN-13"
    float confidence = 1;       // 0..1
    std::vector<Point> polygon; // frame coordinates, clockwise from the top-left corner
    std::string text;           // decoded content, when there is any
    // What was measured, for people: "42% of the canvas is black". (The braces keep GCC from warning
    // about the many brace-initialised detections that leave it out.)
    std::string detail{}; // NOLINT(readability-redundant-member-init)
};

} // namespace cg
