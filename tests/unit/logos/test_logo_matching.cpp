// matchLogoRegions on a drawn mark, with the candidate region placed by hand: how a proposal that is
// a few percent off is moved to where the mark is.
#include "core/logos/logo_bank.hpp"
#include "core/logos/logo_matching.hpp"
#include "core/logos/logo_templates.hpp"
#include "unit/logos/logo_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <optional>

namespace cg::test {
namespace {

const std::string kTemplates = std::string(CG_SOURCE_DIR) + "/data/logos";

double iou(const cv::Rect& a, const cv::Rect& b)
{
    const double common = (a & b).area();
    return common / (a.area() + b.area() - common);
}

struct MatchingSetup {
    std::vector<LogoTemplate> templates = loadLogoTemplates(kTemplates);
    std::vector<LogoVariant> variants = buildLogoVariants(templates, {0.0f}, false);
    cv::Mat gray;
    PlacedMark mark;

    MatchingSetup(const std::string& slug, int size)
    {
        cv::Mat bgr(720, 1280, CV_8UC3, cv::Scalar(235, 235, 235));
        const auto listed = loadListedMarks(kTemplates);
        const auto found =
            std::find_if(listed.begin(), listed.end(), [&](const Mark& m) { return m.slug == slug; });
        std::mt19937 random(5);
        MarkPlacement placement;
        placement.style = MarkStyle::Colour;
        placement.size = size;
        placement.centre = {500, 360};
        mark = drawMark(bgr, *found, placement, random);
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    }

    // The upright glyph variant of `slug`, and the region its anchor part would be found as, with
    // the region shifted right and down by `shift` of the mark's size.
    std::pair<const LogoVariant*, LogoRegion> anchorRegion(const std::string& slug, double shift) const
    {
        const auto logo = std::find_if(templates.begin(), templates.end(),
                                       [&](const LogoTemplate& t) { return t.slug == slug; }) -
                          templates.begin();
        const auto variant = std::find_if(variants.begin(), variants.end(), [&](const LogoVariant& v) {
            return v.logo == logo && v.rendering == LogoRendering::Glyph && v.angleDeg == 0.0f;
        });
        const cv::Rect2d box = mark.box;
        const cv::Rect2d part = variant->anchor;
        const cv::Rect anchor(cv::Rect2d(box.x + (part.x + shift) * box.width,
                                         box.y + (part.y + shift) * box.height, part.width * box.width,
                                         part.height * box.height));
        return {&*variant, LogoRegion{anchor, variant->anchorFill}};
    }

    std::vector<LogoMatch> match(const LogoRegion& region) const
    {
        return matchLogoRegions(gray, {region}, variants, LogoMatchSettings{}, CpuBudget(Millis{0}));
    }
};

// The brand's match when its anchor part is found `shift` of the mark's size off.
std::optional<LogoMatch> matchFromShiftedAnchor(const MatchingSetup& setup, const std::string& slug,
                                                double shift)
{
    const auto [variant, region] = setup.anchorRegion(slug, shift);
    for (const LogoMatch& match : setup.match(region)) {
        if (setup.variants[static_cast<std::size_t>(match.variant)].logo == variant->logo)
            return match;
    }
    return std::nullopt;
}

TEST(LogoMatching, AProposalAFewPercentOffALargeMarkIsMovedOntoIt)
{
    const MatchingSetup setup("alipay", 220);
    const auto match = matchFromShiftedAnchor(setup, "alipay", 0.06);
    ASSERT_TRUE(match.has_value());
    ASSERT_TRUE(match->moved) << "score " << match->score;
    EXPECT_GT(match->score, match->proposedScore + 0.05f);
    EXPECT_GT(iou(match->box, setup.mark.box), iou(match->proposedBox, setup.mark.box));
    EXPECT_GT(iou(match->box, setup.mark.box), 0.9);
}

TEST(LogoMatching, ASmallMarkIsScoredWhereItWasProposed)
{
    // At 60 px a cell of the comparison is about two pixels: moving the box would mostly let clutter fit.
    const MatchingSetup setup("alipay", 60);
    const auto match = matchFromShiftedAnchor(setup, "alipay", 0.04);
    ASSERT_TRUE(match.has_value());
    // A score a move would be tried for on a larger mark.
    EXPECT_GE(match->score, LogoMatchSettings{}.refineFloor);
    EXPECT_LT(match->score, LogoMatchSettings{}.refineCeiling);
    EXPECT_FALSE(match->moved);
}

} // namespace
} // namespace cg::test
