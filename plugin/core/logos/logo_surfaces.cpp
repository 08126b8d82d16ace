#include "core/logos/logo_surfaces.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace cg {

namespace {

float distance(const cv::Point2f& a, const cv::Point2f& b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Clockwise (y down) from the corner nearest the top left.
std::array<cv::Point2f, 4> orderedCorners(std::array<cv::Point2f, 4> corners)
{
    cv::Point2f centre(0, 0);
    for (const auto& corner : corners)
        centre += corner * 0.25f;
    std::sort(corners.begin(), corners.end(), [&](const cv::Point2f& a, const cv::Point2f& b) {
        return std::atan2(a.y - centre.y, a.x - centre.x) < std::atan2(b.y - centre.y, b.x - centre.x);
    });
    const auto topLeft = std::min_element(corners.begin(), corners.end(),
                                          [](const auto& a, const auto& b) { return a.x + a.y < b.x + b.y; });
    std::rotate(corners.begin(), topLeft, corners.end());
    return corners;
}

// The four corners where the straight parts of the outline meet. The polygon's own vertices sit on
// the outline, inside a rounded corner; a line fitted to the middle of each side and extended finds
// where the card's edges meet.
std::optional<std::array<cv::Point2f, 4>> cornersOfSides(const std::vector<cv::Point>& outline,
                                                         const std::vector<cv::Point>& quad)
{
    std::array<cv::Vec4f, 4> sides{};
    for (std::size_t i = 0; i < 4; ++i) {
        const cv::Point2f from(quad[i]);
        const cv::Point2f to(quad[(i + 1) % 4]);
        const cv::Point2f along = to - from;
        const float length = std::hypot(along.x, along.y);
        const cv::Point2f direction = along / length;
        std::vector<cv::Point2f> onSide;
        for (const auto& point : outline) {
            const cv::Point2f offset = cv::Point2f(point) - from;
            const float position = offset.dot(direction) / length;
            const float away = std::abs(offset.x * direction.y - offset.y * direction.x);
            if (position > 0.2f && position < 0.8f && away < std::max(2.0f, 0.05f * length))
                onSide.push_back(cv::Point2f(point));
        }
        if (onSide.size() < 5)
            return std::nullopt;
        cv::fitLine(onSide, sides.at(i), cv::DIST_HUBER, 0, 0.01, 0.01);
    }
    std::array<cv::Point2f, 4> corners{};
    for (std::size_t i = 0; i < 4; ++i) {
        // Corner i is where side i-1 (ending there) meets side i (starting there).
        const cv::Vec4f& a = sides.at((i + 3) % 4);
        const cv::Vec4f& b = sides.at(i);
        const float cross = a[0] * b[1] - a[1] * b[0];
        if (std::abs(cross) < 1e-3f)
            return std::nullopt;
        const float t = ((b[2] - a[2]) * b[1] - (b[3] - a[3]) * b[0]) / cross;
        corners.at(i) = cv::Point2f(a[2] + t * a[0], a[3] + t * a[1]);
    }
    return corners;
}

// Degrees by which the corner at `at` is away from a right angle.
float cornerSkewDeg(const cv::Point2f& before, const cv::Point2f& at, const cv::Point2f& after)
{
    const cv::Point2f u = before - at;
    const cv::Point2f v = after - at;
    const double cosine = u.dot(v) / std::max(1e-6, cv::norm(u) * cv::norm(v));
    return static_cast<float>(std::abs(std::acos(std::clamp(cosine, -1.0, 1.0)) * 180.0 / CV_PI - 90.0));
}

// A surface when the outline shows perspective (std::nullopt for a near rectangle, or one too small).
std::optional<TiltedSurface> tiltedSurface(const std::array<cv::Point2f, 4>& c,
                                           const TiltedSurfaceSettings& settings)
{
    const std::array<float, 4> sides{distance(c[0], c[1]), distance(c[1], c[2]), distance(c[2], c[3]),
                                     distance(c[3], c[0])};
    if (*std::min_element(sides.begin(), sides.end()) < settings.minSide)
        return std::nullopt;
    // Top against bottom, left against right: the side nearer the camera is the longer.
    const float horizontalRatio = std::min(sides[0], sides[2]) / std::max(sides[0], sides[2]);
    const float verticalRatio = std::min(sides[1], sides[3]) / std::max(sides[1], sides[3]);
    TiltedSurface surface{c, {1, 1}};
    if (std::min(horizontalRatio, verticalRatio) < settings.maxOppositeSideRatio) {
        // Left and right sides unequal: turned about a vertical axis, so narrower than it is.
        surface.foreshortening = verticalRatio < horizontalRatio
                                     ? cv::Vec2f(settings.foreshorteningStretch, 1)
                                     : cv::Vec2f(1, settings.foreshorteningStretch);
        return surface;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        if (cornerSkewDeg(c.at((i + 3) % 4), c.at(i), c.at((i + 1) % 4)) > settings.minCornerSkewDeg)
            return surface;
    }
    return std::nullopt;
}

float quadArea(const std::array<cv::Point2f, 4>& corners)
{
    return static_cast<float>(cv::contourArea(std::vector<cv::Point2f>(corners.begin(), corners.end())));
}

} // namespace

std::vector<TiltedSurface> findTiltedSurfaces(const cv::Mat& gray, const TiltedSurfaceSettings& settings)
{
    const double scale = std::clamp(settings.scale, 0.25, 1.0);
    cv::Mat small;
    cv::resize(gray, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat edges;
    cv::Canny(small, edges, 50, 150);
    // Closes the one-pixel gaps JPEG and blur leave in an outline, and keeps it thin: the corners
    // are taken from its inside or outside.
    cv::morphologyEx(edges, edges, cv::MORPH_CLOSE, cv::Mat());
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_LIST, cv::CHAIN_APPROX_NONE);

    const double minSide = settings.minSide * scale;
    const double maxArea = 0.5 * small.cols * small.rows;
    std::vector<TiltedSurface> surfaces;
    std::vector<cv::Rect> taken;
    for (const auto& contour : contours) {
        if (cv::arcLength(contour, true) < 4 * minSide)
            continue;
        std::vector<cv::Point> hull;
        cv::convexHull(contour, hull);
        const double hullArea = cv::contourArea(hull);
        // An open edge (a branch, a road line) encloses almost nothing of its own hull.
        if (hullArea < minSide * minSide || hullArea > maxArea || cv::contourArea(contour) < 0.85 * hullArea)
            continue;
        const double perimeter = cv::arcLength(hull, true);
        std::vector<cv::Point> quad;
        // Rounded corners need a coarser outline before four corners are left.
        for (const double tolerance : {0.02, 0.04, 0.06}) {
            cv::approxPolyDP(hull, quad, tolerance * perimeter, true);
            if (quad.size() <= 4)
                break;
        }
        if (quad.size() != 4)
            continue;
        const auto sideCorners = cornersOfSides(contour, quad);
        if (!sideCorners)
            continue;
        auto corners = orderedCorners(*sideCorners);
        // Four straight sides and little else: the outline hugs them.
        const double area = quadArea(corners);
        if (area < 0.9 * hullArea || area > 1.15 * hullArea)
            continue;
        for (auto& corner : corners)
            corner *= static_cast<float>(1.0 / scale);
        const auto surface = tiltedSurface(corners, settings);
        if (!surface)
            continue;
        // The inside and outside of one outline are one surface.
        const cv::Rect box = cv::boundingRect(quad);
        if (std::any_of(taken.begin(), taken.end(), [&](const cv::Rect& other) {
                return (box & other).area() > 0.8 * std::max(box.area(), other.area());
            }))
            continue;
        taken.push_back(box);
        surfaces.push_back(*surface);
    }
    std::sort(surfaces.begin(), surfaces.end(), [](const TiltedSurface& a, const TiltedSurface& b) {
        return quadArea(a.corners) > quadArea(b.corners);
    });
    if (surfaces.size() > static_cast<std::size_t>(std::max(0, settings.maxSurfaces)))
        surfaces.resize(static_cast<std::size_t>(std::max(0, settings.maxSurfaces)));
    return surfaces;
}

RectifiedView rectifiedView(const cv::Mat& picture, const TiltedSurface& surface, float margin,
                            cv::Vec2f stretch, double pictureScale)
{
    const auto& c = surface.corners;
    const float width = stretch[0] * (distance(c[0], c[1]) + distance(c[3], c[2])) / 2;
    const float height = stretch[1] * (distance(c[0], c[3]) + distance(c[1], c[2])) / 2;
    const float marginX = margin * width;
    const float marginY = margin * height;
    const std::array<cv::Point2f, 4> square{
        cv::Point2f(marginX, marginY), cv::Point2f(marginX + width, marginY),
        cv::Point2f(marginX + width, marginY + height), cv::Point2f(marginX, marginY + height)};
    std::array<cv::Point2f, 4> source{};
    for (std::size_t i = 0; i < 4; ++i)
        source.at(i) = c.at(i) * static_cast<float>(pictureScale);
    RectifiedView view;
    const cv::Mat toPicture = cv::getPerspectiveTransform(square.data(), source.data());
    view.toPicture = cv::Matx33d(toPicture);
    const cv::Size size(static_cast<int>(std::lround(width + 2 * marginX)),
                        static_cast<int>(std::lround(height + 2 * marginY)));
    cv::warpPerspective(picture, view.picture, toPicture, size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                        cv::BORDER_REPLICATE);
    return view;
}

} // namespace cg
