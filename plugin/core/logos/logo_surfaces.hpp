#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>
#include <vector>

namespace cg {

// A flat four-cornered thing seen at a slant: a poster, a card or a phone turned away from the
// camera. Corners clockwise from the top left, in the picture's pixels.
struct TiltedSurface {
    std::array<cv::Point2f, 4> corners;
    // Turned about one axis, a surface is narrower across that axis than its sides say, by a factor
    // its outline alone cannot tell (that needs the lens): the stretch worth trying as well, {1, 1}
    // when it was skewed rather than turned.
    cv::Vec2f foreshortening{1, 1};
};

struct TiltedSurfaceSettings {
    // Outlines are looked for on a copy this much smaller (corners are returned at full scale).
    double scale = 0.5;
    // Shortest side of a surface, px in the picture: a 48-px mark on a card needs about this much.
    float minSide = 56;
    // A quadrilateral counts as tilted when a corner is this far from square (degrees) or two
    // opposite sides differ by this ratio; straighter ones are left to the upright search.
    float minCornerSkewDeg = 8;
    float maxOppositeSideRatio = 0.85f;
    // What a turned surface is stretched by across its axis when it is looked at a second time.
    float foreshorteningStretch = 1.8f;
    // The largest surfaces first; the rest are left alone (each costs a search of its own).
    int maxSurfaces = 3;
};

// Convex quadrilateral outlines (rounded corners allowed) whose shape shows perspective.
std::vector<TiltedSurface> findTiltedSurfaces(const cv::Mat& gray,
                                              const TiltedSurfaceSettings& settings = {});

// `picture` seen square-on: the surface stretched to a rectangle as wide as its top and bottom
// sides and as tall as its left and right sides on average, times `stretch`, with `margin` of that
// size around it
// (so that what touches the outline, an app icon's own square, is seen whole). `pictureScale` is the
// size of `picture` against the picture the surface was found in (a smaller colour preview): views
// of both then have the same size and geometry.
struct RectifiedView {
    cv::Mat picture;
    cv::Matx33d toPicture; // view px -> `picture` px
};
RectifiedView rectifiedView(const cv::Mat& picture, const TiltedSurface& surface, float margin,
                            cv::Vec2f stretch = {1, 1}, double pictureScale = 1.0);

} // namespace cg
