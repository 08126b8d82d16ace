#include "core/logos/logo_colour.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace cg {

namespace {

constexpr float kChromaFloor = 0.28f; // saturation below this counts as white, gray or black
constexpr float kValueFloor = 0.18f;
constexpr float kHueTolerance = 24.0f; // degrees

struct Hue {
    bool chromatic = false;
    float degrees = 0;
};

Hue hueOf(const cv::Scalar& bgr)
{
    const double b = bgr[0] / 255;
    const double g = bgr[1] / 255;
    const double r = bgr[2] / 255;
    const double high = std::max({r, g, b});
    const double low = std::min({r, g, b});
    const double chroma = high - low;
    if (high < kValueFloor || chroma / std::max(high, 1e-6) < kChromaFloor)
        return {};
    double hue = 0;
    if (high == r)
        hue = 60 * std::fmod((g - b) / chroma + 6, 6.0);
    else if (high == g)
        hue = 60 * ((b - r) / chroma + 2);
    else
        hue = 60 * ((r - g) / chroma + 4);
    return {true, static_cast<float>(hue)};
}

bool sameHue(const Hue& a, const Hue& b)
{
    const float difference = std::abs(a.degrees - b.degrees);
    return std::min(difference, 360.0f - difference) <= kHueTolerance;
}

} // namespace

ColourAgreement judgeLogoColour(const cv::Mat& colourBgr, double scale, const cv::Rect& box,
                                const LogoVariant& variant, cv::Vec3b brandBgr)
{
    const Hue brand = hueOf(cv::Scalar(brandBgr[0], brandBgr[1], brandBgr[2]));
    if (colourBgr.empty() || !brand.chromatic)
        return ColourAgreement::Neutral;
    const cv::Rect scaled(static_cast<int>(std::floor(box.x * scale)),
                          static_cast<int>(std::floor(box.y * scale)),
                          std::max(1, static_cast<int>(std::lround(box.width * scale))),
                          std::max(1, static_cast<int>(std::lround(box.height * scale))));
    const cv::Rect inside = scaled & cv::Rect(0, 0, colourBgr.cols, colourBgr.rows);
    if (inside.area() < 4)
        return ColourAgreement::Neutral;
    cv::Mat patch;
    cv::resize(colourBgr(inside), patch, cv::Size(kLogoPatchSide, kLogoPatchSide), 0, 0, cv::INTER_AREA);

    const Hue ink = hueOf(cv::mean(patch, variant.ink));
    // Around a glyph: whatever it sits on (the square of an app icon drawn by someone else, too).
    const cv::Mat around = variant.rendering == LogoRendering::AppIcon ? variant.body : ~variant.ink;
    const Hue surround = hueOf(cv::mean(patch, around));
    if ((ink.chromatic && sameHue(ink, brand)) || (surround.chromatic && sameHue(surround, brand)))
        return ColourAgreement::Agrees;
    if (variant.rendering == LogoRendering::AppIcon ? surround.chromatic : ink.chromatic)
        return ColourAgreement::Disagrees;
    return ColourAgreement::Neutral;
}

} // namespace cg
