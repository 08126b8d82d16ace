#include "core/logos/logo_detector.hpp"

#include "core/frame_position.hpp"
#include "core/logos/logo_colour.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <tuple>
#include <utility>

namespace cg {

namespace {

struct ColourSource {
    cv::Mat bgr;
    double scale = 1; // analysed-picture px -> colour px
};

// The colour the detector can judge by: the frame itself, or in OBS the small colour preview that
// comes with the full-size luma frame.
ColourSource colourSource(const Frame& frame, int analysedWidth)
{
    const Frame* source = frame.format() != PixelFormat::Gray ? &frame : frame.preview();
    if (source == nullptr || source->empty() || source->format() == PixelFormat::Gray)
        return {};
    ColourSource colour;
    if (source->width() > analysedWidth) {
        cv::Mat small;
        cv::resize(source->view(), small,
                   cv::Size(analysedWidth, analysedWidth * source->height() / source->width()), 0, 0,
                   cv::INTER_AREA);
        colour.bgr = Frame::fromMat(small, frame.time(), source->format()).bgr();
    } else {
        colour.bgr = source->bgr();
    }
    colour.scale = static_cast<double>(colour.bgr.cols) / analysedWidth;
    return colour;
}

float overlapOfSmaller(const cv::Rect& a, const cv::Rect& b)
{
    const double common = (a & b).area();
    return static_cast<float>(common / std::max(1, std::min(a.area(), b.area())));
}

// A match that passed, with the corners of its mark in analysed-picture px (a mark found on a
// rectified surface is a quadrilateral there).
struct FoundMark {
    LogoMatch match;
    std::array<cv::Point2f, 4> corners{};
    cv::Rect bounds;
};

} // namespace

LogoDetector::LogoDetector(LogoDetectorSettings settings)
    : settings_(std::move(settings)), templates_(loadLogoTemplates(settings_.templatesFolder)),
      variants_(buildLogoVariants(templates_, settings_.anglesDeg, settings_.foreshortenedMarks))
{
}

std::vector<LogoMatch> LogoDetector::acceptedMatches(const cv::Mat& gray, const cv::Mat& colourBgr,
                                                     double colourScale, const CpuBudget& budget) const
{
    LogoRegionSettings regionSettings;
    regionSettings.maxSide = settings_.maxSide;
    regionSettings.scale = settings_.regionScale;
    const auto regions = findLogoRegions(gray, regionSettings);
    LogoMatchSettings matchSettings;
    matchSettings.minSide = settings_.minSide;
    matchSettings.maxSide = settings_.maxSide;
    matchSettings.coarseFloor = settings_.coarseFloor;
    auto matches = matchLogoRegions(gray, regions, variants_, matchSettings, budget);

    std::vector<LogoMatch> accepted;
    for (auto& match : matches) {
        const auto& variant = variants_[static_cast<std::size_t>(match.variant)];
        const auto& logo = templates_[static_cast<std::size_t>(variant.logo)];
        const auto judge = [&](const cv::Rect& box) {
            const auto agreement = judgeLogoColour(colourBgr, colourScale, box, variant, logo.colourBgr);
            const float needed = agreement == ColourAgreement::Agrees    ? settings_.scoreWhenColourAgrees
                                 : agreement == ColourAgreement::Neutral ? settings_.scoreWhenColourNeutral
                                                                         : settings_.scoreWhenColourDisagrees;
            return std::pair{agreement, needed};
        };
        auto [agreement, needed] = judge(match.box);
        // A box moved to where the mark fits best has had more chances to fit clutter or another
        // brand's shape; it is trusted only with the brand's colour and a little more score, and
        // otherwise judged where it was proposed.
        if (match.moved &&
            (agreement != ColourAgreement::Agrees || match.score < needed + settings_.extraScoreWhenMoved)) {
            match.box = match.proposedBox;
            match.score = match.proposedScore;
            match.moved = false;
            std::tie(agreement, needed) = judge(match.box);
        }
        const float distinctiveness =
            (match.score - variant.plainness) / std::max(0.05f, 1.0f - variant.plainness);
        if (match.score >= needed && match.score - match.runnerUp >= settings_.brandMargin &&
            distinctiveness >= settings_.minDistinctiveness)
            accepted.push_back(match);
    }
    return accepted;
}

std::vector<Detection> LogoDetector::detect(const Frame& frame)
{
    const CpuBudget budget(settings_.timeBudget);
    if (frame.empty())
        return {};
    const int width = std::min(frame.width(), settings_.maxAnalysisWidth);
    const cv::Mat gray = frame.grayScaledTo(width);
    const double toFrame = static_cast<double>(frame.width()) / width;
    const ColourSource colour = colourSource(frame, width);

    std::vector<FoundMark> found;
    const auto collect = [&](const std::vector<LogoMatch>& matches, const cv::Matx33d& toAnalysed) {
        for (const auto& match : matches) {
            const auto& variant = variants_[static_cast<std::size_t>(match.variant)];
            std::vector<cv::Point2f> corners;
            corners.reserve(variant.corners.size());
            for (const cv::Point2f& corner : variant.corners)
                corners.emplace_back(
                    static_cast<float>(match.box.x) + corner.x * static_cast<float>(match.box.width),
                    static_cast<float>(match.box.y) + corner.y * static_cast<float>(match.box.height));
            cv::perspectiveTransform(corners, corners, cv::Mat(toAnalysed));
            FoundMark mark{match, {}, cv::boundingRect(corners)};
            std::copy(corners.begin(), corners.end(), mark.corners.begin());
            found.push_back(mark);
        }
    };
    collect(acceptedMatches(gray, colour.bgr, colour.scale, budget), cv::Matx33d::eye());
    // A poster or phone turned away foreshortens its mark beyond what a rolled variant matches; seen
    // square-on it is an upright mark again.
    if (settings_.searchTiltedSurfaces) {
        for (const auto& surface : findTiltedSurfaces(gray, settings_.surfaces)) {
            std::vector<cv::Vec2f> stretches{{1, 1}};
            if (surface.foreshortening != cv::Vec2f(1, 1))
                stretches.push_back(surface.foreshortening);
            for (const cv::Vec2f& stretch : stretches) {
                if (budget.spent())
                    break;
                const RectifiedView view = rectifiedView(gray, surface, kSurfaceMargin, stretch);
                const cv::Mat viewColour =
                    colour.bgr.empty()
                        ? cv::Mat()
                        : rectifiedView(colour.bgr, surface, kSurfaceMargin, stretch, colour.scale).picture;
                collect(acceptedMatches(view.picture, viewColour, 1.0, budget), view.toPicture);
            }
        }
    }

    // One mark, one report: the best match wins over every box it overlaps (neighbouring proposals
    // for the same mark, another brand on the same box, the same mark found on a rectified
    // surface), but when the same brand also matched a box around it (an app icon's square around
    // the glyph inside it), the outer box is the one reported.
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.match.score > b.match.score; });
    const auto brandOf = [&](const FoundMark& mark) {
        return variants_[static_cast<std::size_t>(mark.match.variant)].logo;
    };
    std::vector<FoundMark> kept;
    for (const auto& mark : found) {
        auto overlapping = std::find_if(kept.begin(), kept.end(), [&](const FoundMark& other) {
            return overlapOfSmaller(mark.bounds, other.bounds) > 0.4f;
        });
        if (overlapping == kept.end()) {
            kept.push_back(mark);
        } else if (brandOf(*overlapping) == brandOf(mark) &&
                   overlapOfSmaller(mark.bounds, overlapping->bounds) > 0.8f &&
                   mark.bounds.area() > 2 * overlapping->bounds.area()) {
            const float score = overlapping->match.score;
            *overlapping = mark;
            overlapping->match.score = score;
        }
    }

    std::vector<Detection> detections;
    for (const auto& mark : kept) {
        const auto& variant = variants_[static_cast<std::size_t>(mark.match.variant)];
        const auto& logo = templates_[static_cast<std::size_t>(variant.logo)];
        if (settings_.allowedBrands.contains(logo.slug))
            continue;
        Detection detection;
        detection.detector = std::string(kId);
        detection.category = std::string(kCategory);
        detection.label = logo.slug;
        detection.confidence = std::clamp(mark.match.score, 0.0f, 1.0f);
        for (const auto& corner : mark.corners)
            detection.polygon.push_back(
                {static_cast<float>(corner.x * toFrame), static_cast<float>(corner.y * toFrame)});
        // The brand's name is what was seen (the dock words it: "WhatsApp logo, lower right").
        detection.text = logo.title;
        std::string where(framePosition(detection.polygon, frame.width(), frame.height()));
        std::replace(where.begin(), where.end(), '_', ' ');
        detection.detail = logo.title + " logo, " + where;
        detections.push_back(std::move(detection));
    }
    return detections;
}

} // namespace cg
