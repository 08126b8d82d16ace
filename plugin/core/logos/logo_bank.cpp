#include "core/logos/logo_bank.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace cg {

namespace {

// [1 2 1]/4 along rows then columns, edges repeated.
void smoothInPlace(cv::Mat& patch)
{
    const int side = patch.rows;
    cv::Mat pass(patch.size(), CV_32F);
    for (int y = 0; y < side; ++y) {
        const auto* in = patch.ptr<float>(y);
        auto* out = pass.ptr<float>(y);
        for (int x = 0; x < side; ++x)
            out[x] = 0.25f * in[std::max(0, x - 1)] + 0.5f * in[x] + 0.25f * in[std::min(side - 1, x + 1)];
    }
    for (int y = 0; y < side; ++y) {
        const auto* up = pass.ptr<float>(std::max(0, y - 1));
        const auto* mid = pass.ptr<float>(y);
        const auto* down = pass.ptr<float>(std::min(side - 1, y + 1));
        auto* out = patch.ptr<float>(y);
        for (int x = 0; x < side; ++x)
            out[x] = 0.25f * up[x] + 0.5f * mid[x] + 0.25f * down[x];
    }
}

} // namespace

cv::Mat logoPatch(const cv::Mat& integral, const cv::Rect& box, int side, bool smooth)
{
    cv::Mat patch(side, side, CV_32F);
    std::vector<int> xs(static_cast<std::size_t>(side) + 1);
    std::vector<int> ys(static_cast<std::size_t>(side) + 1);
    for (int i = 0; i <= side; ++i) {
        xs[static_cast<std::size_t>(i)] = box.x + (box.width * i + side / 2) / side;
        ys[static_cast<std::size_t>(i)] = box.y + (box.height * i + side / 2) / side;
    }
    for (int row = 0; row < side; ++row) {
        const int y0 = ys[static_cast<std::size_t>(row)];
        const int y1 = std::max(y0 + 1, ys[static_cast<std::size_t>(row) + 1]);
        const auto* top = integral.ptr<int>(y0);
        const auto* bottom = integral.ptr<int>(std::min(y1, integral.rows - 1));
        auto* out = patch.ptr<float>(row);
        for (int column = 0; column < side; ++column) {
            const int x0 = xs[static_cast<std::size_t>(column)];
            const int x1 =
                std::min(std::max(x0 + 1, xs[static_cast<std::size_t>(column) + 1]), integral.cols - 1);
            const int area = (x1 - x0) * (std::min(y1, integral.rows - 1) - y0);
            const int total = bottom[x1] - bottom[x0] - top[x1] + top[x0];
            out[column] = static_cast<float>(total) / static_cast<float>(std::max(1, area));
        }
    }
    if (smooth)
        smoothInPlace(patch);
    return patch;
}

float patternCorrelation(const cv::Mat& patch, const LogoPattern& pattern)
{
    // The pattern is zero-mean on its support, so the patch's mean there drops out of the dot product.
    const double dot = patch.dot(pattern.values);
    const double sum = patch.dot(pattern.support);
    const double squares = patch.mul(patch).dot(pattern.support);
    const double variance = squares - sum * sum / pattern.count;
    // A flat patch (less than about one gray level of spread) matches nothing.
    if (variance < pattern.count)
        return 0;
    return static_cast<float>(std::min(1.0, std::abs(dot) / std::sqrt(variance)));
}

namespace {

// Mark size over square size: app icons draw their mark anywhere from about half the square to
// three quarters of it; two templates cover that range.
constexpr std::array<float, 2> kAppIconMarkShares{0.56f, 0.72f};
constexpr float kAppIconCornerShare = 0.22f;

struct Silhouette {
    cv::Mat gray;      // CV_32F, what the rendering looks like in luma, 0..1
    cv::Mat occupancy; // CV_8U, the silhouette the anchor is taken from
    cv::Mat ink;       // CV_8U, the mark itself
    cv::Mat body;      // CV_8U, the square off the mark (app icon only)
    cv::Rect markBox;  // the unrotated mark's box
};

float lumaOf(cv::Vec3b bgr)
{
    return (0.0722f * bgr[0] + 0.7152f * bgr[1] + 0.2126f * bgr[2]) / 255.0f;
}

Silhouette glyphSilhouette(const LogoTemplate& logo)
{
    Silhouette s;
    logo.mask.convertTo(s.gray, CV_32F, 1.0 / 255);
    s.ink = logo.mask > 127;
    s.occupancy = s.ink.clone();
    s.body = cv::Mat::zeros(logo.mask.size(), CV_8U);
    s.markBox = cv::boundingRect(s.ink);
    return s;
}

} // namespace

cv::Mat roundedSquareMask(int side, float cornerShare)
{
    cv::Mat square = cv::Mat::zeros(side, side, CV_8U);
    const int radius = std::max(1, static_cast<int>(std::lround(static_cast<float>(side) * cornerShare)));
    cv::rectangle(square, cv::Rect(radius, 0, side - 2 * radius, side), 255, cv::FILLED);
    cv::rectangle(square, cv::Rect(0, radius, side, side - 2 * radius), 255, cv::FILLED);
    for (const cv::Point centre :
         {cv::Point(radius, radius), cv::Point(side - 1 - radius, radius),
          cv::Point(radius, side - 1 - radius), cv::Point(side - 1 - radius, side - 1 - radius)})
        cv::circle(square, centre, radius, 255, cv::FILLED, cv::LINE_AA);
    return square;
}

namespace {

Silhouette appIconSilhouette(const LogoTemplate& logo, float markShare)
{
    const cv::Rect mark = cv::boundingRect(logo.mask > 127);
    const int side =
        static_cast<int>(std::lround(static_cast<float>(std::max(mark.width, mark.height)) / markShare));
    const cv::Mat square = roundedSquareMask(side, kAppIconCornerShare);
    cv::Mat ink = cv::Mat::zeros(side, side, CV_8U);
    const cv::Rect placed((side - mark.width) / 2, (side - mark.height) / 2, mark.width, mark.height);
    logo.mask(mark).copyTo(ink(placed));

    Silhouette s;
    const float squareLuma = lumaOf(logo.colourBgr);
    cv::Mat squareF;
    cv::Mat inkF;
    square.convertTo(squareF, CV_32F, 1.0 / 255);
    ink.convertTo(inkF, CV_32F, 1.0 / 255);
    // Outside the rounded corners the picture is unknown: it is drawn as the square itself.
    s.gray = squareLuma + inkF * (1.0f - squareLuma);
    s.occupancy = square > 127;
    s.ink = ink > 127;
    s.body = s.occupancy & ~s.ink;
    s.markBox = cv::Rect(0, 0, side, side);
    return s;
}

cv::Mat rotated(const cv::Mat& image, const cv::Mat& rotation, cv::Size size, int interpolation)
{
    cv::Mat out;
    cv::warpAffine(image, out, rotation, size, interpolation, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    return out;
}

cv::Mat squared(const cv::Mat& mask, int side = kLogoPatchSide)
{
    cv::Mat out;
    cv::resize(mask, out, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    return out > 127;
}

// The support: the square of an app icon, or a glyph's ink grown by a thin ring.
LogoPattern makePattern(const cv::Mat& integral, const cv::Rect& whole, const cv::Mat& occupancy,
                        LogoRendering rendering, int side, bool smooth)
{
    LogoPattern pattern;
    cv::Mat area;
    cv::resize(occupancy, area, cv::Size(side, side), 0, 0, cv::INTER_AREA);
    cv::Mat support;
    if (rendering == LogoRendering::AppIcon) {
        support = area > 127;
    } else {
        const int ring = side >= 24 ? 2 : 1;
        cv::dilate(area > 40, support,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * ring + 1, 2 * ring + 1)));
    }
    support.convertTo(pattern.support, CV_32F, 1.0 / 255);
    pattern.count = static_cast<float>(cv::countNonZero(support));
    cv::Mat values = logoPatch(integral, whole, side, smooth);
    const double mean = values.dot(pattern.support) / pattern.count;
    values = (values - mean).mul(pattern.support);
    pattern.values = values / std::max(1e-6, cv::norm(values));
    return pattern;
}

LogoVariant makeVariant(const Silhouette& s, int logoIndex, LogoRendering rendering, float angleDeg)
{
    // Rotate about the centre onto a canvas large enough for any angle, then crop to the silhouette.
    const int diagonal = static_cast<int>(std::ceil(std::hypot(s.gray.cols, s.gray.rows))) + 4;
    cv::Mat rotation = cv::getRotationMatrix2D(
        cv::Point2f(static_cast<float>(s.gray.cols) / 2, static_cast<float>(s.gray.rows) / 2), angleDeg, 1.0);
    rotation.at<double>(0, 2) += (diagonal - s.gray.cols) / 2.0;
    rotation.at<double>(1, 2) += (diagonal - s.gray.rows) / 2.0;
    const cv::Size canvas(diagonal, diagonal);
    // The background of the mark is zero; an app icon's corners are filled with the square's luma.
    const cv::Mat occupancy = rotated(s.occupancy, rotation, canvas, cv::INTER_LINEAR) > 127;
    const cv::Rect box = cv::boundingRect(occupancy);
    cv::Mat gray = rotated(s.gray, rotation, canvas, cv::INTER_LINEAR)(box).clone();
    if (rendering == LogoRendering::AppIcon) {
        const cv::Mat outside = ~occupancy(box);
        gray.setTo(cv::mean(gray, occupancy(box))[0], outside);
    }

    LogoVariant variant;
    variant.logo = logoIndex;
    variant.rendering = rendering;
    variant.angleDeg = angleDeg;
    variant.aspect = static_cast<float>(box.width) / static_cast<float>(box.height);
    cv::Mat gray8;
    gray.convertTo(gray8, CV_8U, 255);
    cv::Mat integral;
    cv::integral(gray8, integral, CV_32S);
    const cv::Rect whole(0, 0, gray8.cols, gray8.rows);
    const cv::Mat silhouette = occupancy(box).clone();
    variant.fine = makePattern(integral, whole, silhouette, rendering, kLogoPatchSide, true);
    variant.coarse = makePattern(integral, whole, silhouette, rendering, kLogoCoarseSide, false);
    {
        // Blurred at 64 px: the blob only needs the outline's rough shape, and this runs per variant.
        const double shrink = 64.0 / std::max(box.width, box.height);
        cv::Mat blob;
        cv::resize(silhouette, blob, cv::Size(), shrink, shrink, cv::INTER_AREA);
        cv::GaussianBlur(blob, blob, cv::Size(0, 0), 0.12 * 64);
        cv::Mat blob8;
        cv::resize(blob, blob8, silhouette.size(), 0, 0, cv::INTER_LINEAR);
        cv::Mat blobIntegral;
        cv::integral(blob8, blobIntegral, CV_32S);
        variant.plainness =
            patternCorrelation(logoPatch(blobIntegral, whole, kLogoPatchSide, true), variant.fine);
    }
    variant.ink = squared(rotated(s.ink, rotation, canvas, cv::INTER_LINEAR)(box));
    variant.body = squared(rotated(s.body, rotation, canvas, cv::INTER_LINEAR)(box));

    cv::Mat labels;
    cv::Mat stats;
    cv::Mat centroids;
    const cv::Mat part = occupancy(box).clone();
    const int count = cv::connectedComponentsWithStats(part, labels, stats, centroids, 8, CV_32S);
    int largest = 1;
    for (int i = 2; i < count; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) > stats.at<int>(largest, cv::CC_STAT_AREA))
            largest = i;
    }
    const cv::Rect anchor(stats.at<int>(largest, cv::CC_STAT_LEFT), stats.at<int>(largest, cv::CC_STAT_TOP),
                          stats.at<int>(largest, cv::CC_STAT_WIDTH),
                          stats.at<int>(largest, cv::CC_STAT_HEIGHT));
    const auto w = static_cast<float>(box.width);
    const auto h = static_cast<float>(box.height);
    variant.anchor = cv::Rect2f(cv::Rect2f(anchor).x / w, cv::Rect2f(anchor).y / h,
                                cv::Rect2f(anchor).width / w, cv::Rect2f(anchor).height / h);
    variant.anchorAspect = static_cast<float>(anchor.width) / static_cast<float>(anchor.height);
    variant.anchorFill =
        static_cast<float>(stats.at<int>(largest, cv::CC_STAT_AREA)) / static_cast<float>(anchor.area());

    const cv::Rect2f mark(s.markBox);
    const std::array<cv::Point2f, 4> markCorners{mark.tl(), cv::Point2f(mark.x + mark.width, mark.y),
                                                 mark.br(), cv::Point2f(mark.x, mark.y + mark.height)};
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& p = markCorners.at(i);
        const auto x = static_cast<float>(rotation.at<double>(0, 0) * p.x + rotation.at<double>(0, 1) * p.y +
                                          rotation.at<double>(0, 2));
        const auto y = static_cast<float>(rotation.at<double>(1, 0) * p.x + rotation.at<double>(1, 1) * p.y +
                                          rotation.at<double>(1, 2));
        variant.corners.at(i) =
            cv::Point2f((x - static_cast<float>(box.x)) / w, (y - static_cast<float>(box.y)) / h);
    }
    return variant;
}

} // namespace

namespace {

// The silhouette seen at a slant: foreshortened along one axis (a poster or phone turned away).
Silhouette foreshortened(const Silhouette& s, double scaleX, double scaleY)
{
    const auto squeeze = [&](const cv::Mat& image, int interpolation) {
        cv::Mat out;
        cv::resize(image, out, cv::Size(), scaleX, scaleY, interpolation);
        return out;
    };
    Silhouette out;
    out.gray = squeeze(s.gray, cv::INTER_AREA);
    out.occupancy = squeeze(s.occupancy, cv::INTER_AREA) > 127;
    out.ink = squeeze(s.ink, cv::INTER_AREA) > 127;
    out.body = squeeze(s.body, cv::INTER_AREA) > 127;
    out.markBox =
        cv::Rect(static_cast<int>(s.markBox.x * scaleX), static_cast<int>(s.markBox.y * scaleY),
                 static_cast<int>(s.markBox.width * scaleX), static_cast<int>(s.markBox.height * scaleY));
    return out;
}

// Upright marks are also kept foreshortened by this much across and along (a turn of about 45 degrees).
constexpr double kForeshortening = 0.72;

} // namespace

std::vector<LogoVariant> buildLogoVariants(const std::vector<LogoTemplate>& logos,
                                           const std::vector<float>& anglesDeg, bool foreshortenedGlyphs)
{
    std::vector<LogoVariant> variants;
    for (std::size_t i = 0; i < logos.size(); ++i) {
        const auto index = static_cast<int>(i);
        const Silhouette glyph = glyphSilhouette(logos[i]);
        for (const float angle : anglesDeg)
            variants.push_back(makeVariant(glyph, index, LogoRendering::Glyph, angle));
        if (foreshortenedGlyphs) {
            variants.push_back(
                makeVariant(foreshortened(glyph, kForeshortening, 1.0), index, LogoRendering::Glyph, 0));
            variants.push_back(
                makeVariant(foreshortened(glyph, 1.0, kForeshortening), index, LogoRendering::Glyph, 0));
        }
        for (const float share : kAppIconMarkShares) {
            const Silhouette appIcon = appIconSilhouette(logos[i], share);
            for (const float angle : anglesDeg)
                variants.push_back(makeVariant(appIcon, index, LogoRendering::AppIcon, angle));
        }
    }
    return variants;
}

} // namespace cg
