#include "core/logos/logo_matching.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <opencv2/imgproc.hpp>
#include <tuple>

namespace cg {

CpuBudget::CpuBudget(Millis budget)
    : unlimited_(budget.count() <= 0), end_(threadMilliseconds() + static_cast<double>(budget.count()))
{
}

bool CpuBudget::spent() const
{
    return !unlimited_ && threadMilliseconds() > end_;
}

double CpuBudget::threadMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

namespace {

struct BoxKey {
    int x, y, w, h;
    bool operator<(const BoxKey& other) const
    {
        return std::tie(x, y, w, h) < std::tie(other.x, other.y, other.w, other.h);
    }
};

// Where the whole mark would be if `region` were the variant's anchor part.
cv::Rect proposedBox(const LogoRegion& region, const LogoVariant& variant)
{
    const float w = static_cast<float>(region.box.width) / variant.anchor.width;
    const float h = static_cast<float>(region.box.height) / variant.anchor.height;
    const float x = static_cast<float>(region.box.x) - variant.anchor.x * w;
    const float y = static_cast<float>(region.box.y) - variant.anchor.y * h;
    return {static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)),
            static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h))};
}

// A proposal is only as exact as the part it came from: a blurred or shadowed edge, a slight roll
// or a JPEG block moves the part's box by a few percent, and a few percent is a whole cell of the
// 32x32 comparison for a mark with thin strokes. A near miss is moved and scaled cell by cell to
// where the variant fits best.
void refine(const cv::Mat& integral, const cv::Rect& frame, const LogoPattern& pattern, LogoMatch& match)
{
    match.proposedBox = match.box;
    match.proposedScore = match.score;
    for (int round = 0; round < 4; ++round) {
        const int stepX = std::max(1, match.box.width / kLogoPatchSide);
        const int stepY = std::max(1, match.box.height / kLogoPatchSide);
        LogoMatch best = match;
        for (int grow = -1; grow <= 1; ++grow) {
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const cv::Rect box(match.box.x + (dx - grow) * stepX, match.box.y + (dy - grow) * stepY,
                                       match.box.width + 2 * grow * stepX,
                                       match.box.height + 2 * grow * stepY);
                    if ((dx == 0 && dy == 0 && grow == 0) || (box & frame) != box || box.width < 4 ||
                        box.height < 4) {
                        continue;
                    }
                    const float score =
                        patternCorrelation(logoPatch(integral, box, kLogoPatchSide, true), pattern);
                    if (score > best.score) {
                        best.score = score;
                        best.box = box;
                    }
                }
            }
        }
        if (best.box == match.box) {
            return;
        }
        match = best;
        match.moved = true;
    }
}

} // namespace

std::vector<LogoMatch> matchLogoRegions(const cv::Mat& gray, const std::vector<LogoRegion>& regions,
                                        const std::vector<LogoVariant>& variants,
                                        const LogoMatchSettings& settings, const CpuBudget& budget)
{
    const cv::Rect frame(0, 0, gray.cols, gray.rows);
    const float aspectLimit = std::log(settings.aspectTolerance);
    std::vector<float> anchorLogAspects;
    for (const auto& variant : variants)
        anchorLogAspects.push_back(std::log(variant.anchorAspect));
    std::map<BoxKey, std::vector<int>> proposals;
    for (const auto& region : regions) {
        const float regionLogAspect =
            std::log(static_cast<float>(region.box.width) / static_cast<float>(region.box.height));
        for (std::size_t v = 0; v < variants.size(); ++v) {
            const auto& variant = variants[v];
            if (std::abs(regionLogAspect - anchorLogAspects[v]) > aspectLimit ||
                std::abs(region.fill - variant.anchorFill) > settings.fillTolerance)
                continue;
            const cv::Rect box = proposedBox(region, variant);
            const int side = std::max(box.width, box.height);
            if (side < settings.minSide || side > settings.maxSide || (box & frame) != box)
                continue;
            // Proposals a few percent apart are one proposal.
            const int step = std::max(1, side / 24);
            proposals[{box.x / step * step, box.y / step * step, (box.width + step / 2) / step * step,
                       (box.height + step / 2) / step * step}]
                .push_back(static_cast<int>(v));
        }
    }

    cv::Mat integral;
    cv::integral(gray, integral, CV_32S);
    std::vector<LogoMatch> matches;
    for (const auto& [key, candidates] : proposals) {
        if (budget.spent())
            break;
        const cv::Rect box = cv::Rect(key.x, key.y, key.w, key.h) & frame;
        if (box.width < 4 || box.height < 4)
            continue;
        const cv::Mat coarse = logoPatch(integral, box, kLogoCoarseSide, false);
        cv::Mat fine;
        LogoMatch best;
        best.box = box;
        best.variant = -1;
        std::vector<float> brandBest;
        for (const int v : candidates) {
            const auto& variant = variants[static_cast<std::size_t>(v)];
            if (patternCorrelation(coarse, variant.coarse) < settings.coarseFloor)
                continue;
            if (fine.empty())
                fine = logoPatch(integral, box, kLogoPatchSide, true);
            const float score = patternCorrelation(fine, variant.fine);
            const auto logo = static_cast<std::size_t>(variant.logo);
            if (brandBest.size() <= logo)
                brandBest.resize(logo + 1, 0.0f);
            brandBest[logo] = std::max(brandBest[logo], score);
            if (score > best.score) {
                best.score = score;
                best.variant = v;
            }
        }
        if (best.variant >= 0 && best.score >= settings.refineFloor && best.score < settings.refineCeiling &&
            std::min(box.width, box.height) >= settings.refineMinSide)
            refine(integral, frame, variants[static_cast<std::size_t>(best.variant)].fine, best);
        if (best.variant < 0 || best.score < settings.keepFloor)
            continue;
        const auto bestLogo = static_cast<std::size_t>(variants[static_cast<std::size_t>(best.variant)].logo);
        if (best.moved) {
            // Other brands get the moved box too: the margin is measured where the winner stands.
            const cv::Mat moved = logoPatch(integral, best.box, kLogoPatchSide, true);
            for (const int v : candidates) {
                const auto& variant = variants[static_cast<std::size_t>(v)];
                const auto logo = static_cast<std::size_t>(variant.logo);
                if (logo != bestLogo && logo < brandBest.size())
                    brandBest[logo] = std::max(brandBest[logo], patternCorrelation(moved, variant.fine));
            }
        }
        for (std::size_t logo = 0; logo < brandBest.size(); ++logo) {
            if (logo != bestLogo)
                best.runnerUp = std::max(best.runnerUp, brandBest[logo]);
        }
        matches.push_back(best);
    }
    return matches;
}

} // namespace cg
