#include "core/presence/presenter_detector.hpp"

#include "core/presence/presenter_registry.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace cg {

namespace {

float confidenceOf(const PresenceJudgement& judgement)
{
    switch (judgement.cue) {
    case PresenceCue::Face:
        return 0.9f;
    case PresenceCue::Profile:
        return 0.75f;
    case PresenceCue::Tracked:
        return 0.6f;
    case PresenceCue::Motion:
        return 0.5f;
    case PresenceCue::None:
        break;
    }
    return 0.4f;
}

std::vector<Point> cornersOf(const cv::Rect2f& box, double toFrame)
{
    const auto x0 = static_cast<float>(box.x * toFrame);
    const auto y0 = static_cast<float>(box.y * toFrame);
    const auto x1 = static_cast<float>((box.x + box.width) * toFrame);
    const auto y1 = static_cast<float>((box.y + box.height) * toFrame);
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

cv::Point2f centreOf(const cv::Rect2f& box)
{
    return {box.x + box.width / 2, box.y + box.height / 2};
}

// The presenter's face among `faces`: without an earlier box the dominant one; with one, the well
// supported face nearest to it (a guest stepping in does not take the box over).
cv::Rect presenterFace(const std::vector<FoundFace>& faces, const std::optional<cv::Rect2f>& previous)
{
    const FoundFace* dominant = dominantFace(faces);
    if (!previous)
        return dominant->box;
    const cv::Point2f was = centreOf(*previous);
    const FoundFace* nearest = nullptr;
    double nearestDistance = 0;
    for (const FoundFace& face : faces) {
        if (2 * face.support < dominant->support)
            continue;
        const double distance = cv::norm(centreOf(cv::Rect2f(face.box)) - was);
        if (nearest == nullptr || distance < nearestDistance) {
            nearest = &face;
            nearestDistance = distance;
        }
    }
    return nearest->box;
}

} // namespace

PresenterDetector::PresenterDetector(PresenterDetectorSettings settings)
    : settings_(std::move(settings)), finder_(settings_.faceFinder), memory_(settings_.memory)
{
}

std::vector<std::string> PresenterDetector::categories() const
{
    return {std::string(kPersonCategory), std::string(kUnregisteredCategory)};
}

std::vector<Detection> PresenterDetector::detect(const Frame& frame)
{
    if (frame.empty())
        return {};
    const cv::Mat frameGray = frame.gray();
    cv::Mat gray;
    double toFrame = 1;
    if (settings_.analysisWidth > 0 && frameGray.cols > settings_.analysisWidth) {
        toFrame = static_cast<double>(frameGray.cols) / settings_.analysisWidth;
        cv::resize(frameGray, gray,
                   cv::Size(settings_.analysisWidth, static_cast<int>(std::lround(frameGray.rows / toFrame))),
                   0, 0, cv::INTER_AREA);
    } else {
        gray = frameGray.clone(); // kept as the next run's reference; the frame's pixels are not ours
    }
    if (previousGray_.size() != gray.size()) {
        memory_.reset();
        head_ = {};
        previousGray_.release();
    }

    const std::vector<FoundFace> faces = finder_.frontal(gray);
    const Cue cue = findCue(gray, frame.time(), faces);
    const PresenceJudgement judgement = memory_.observe(frame.time(), cue.kind, cue.box);
    previousGray_ = gray;

    std::vector<Detection> detections;
    if (judgement.present) {
        Detection person;
        person.detector = std::string(kId);
        person.category = std::string(kPersonCategory);
        person.label = cueLabel(judgement.held ? PresenceCue::None : judgement.cue);
        person.confidence = confidenceOf(judgement);
        person.polygon = cornersOf(judgement.box, toFrame);
        detections.push_back(std::move(person));
    }
    for (auto& unregistered : unregisteredFaces(frameGray, faces, toFrame, frame.time()))
        detections.push_back(std::move(unregistered));
    return detections;
}

PresenterDetector::Cue PresenterDetector::findCue(const cv::Mat& gray, Millis time,
                                                  const std::vector<FoundFace>& faces)
{
    const std::optional<cv::Rect2f> previous = memory_.lastBox();
    const bool remembered = previous && memory_.acceptsWeakCues(time);
    if (!faces.empty()) {
        const cv::Rect face = presenterFace(faces, remembered ? previous : std::nullopt);
        head_ = HeadTemplate(gray, face);
        return {PresenceCue::Face, cv::Rect2f(face)};
    }
    if (!remembered) {
        if (!settings_.searchProfilesWhileAbsent)
            return {};
        const auto profiles =
            finder_.profile(gray, cv::Rect(0, 0, gray.cols, gray.rows), settings_.faceFinder.minFacePx);
        if (profiles.empty())
            return {};
        const cv::Rect face = presenterFace(profiles, std::nullopt);
        head_ = HeadTemplate(gray, face);
        return {PresenceCue::Profile, cv::Rect2f(face)};
    }
    const cv::Rect around = presenterNeighbourhood(*previous, gray.size());
    const int minProfile = std::max(settings_.faceFinder.minFacePx, static_cast<int>(previous->width * 0.5f));
    const auto profiles = finder_.profile(gray, around, minProfile);
    if (!profiles.empty()) {
        const cv::Rect face = presenterFace(profiles, previous);
        head_ = HeadTemplate(gray, face);
        return {PresenceCue::Profile, cv::Rect2f(face)};
    }
    if (const auto match = head_.find(gray, around, settings_.trackingScore))
        return {PresenceCue::Tracked, match->box};
    if (changedShare(previousGray_, gray, around, settings_.motionLevelChange) >= settings_.motionShare)
        return {PresenceCue::Motion, *previous};
    return {};
}

std::vector<Detection> PresenterDetector::unregisteredFaces(const cv::Mat& frameGray,
                                                            const std::vector<FoundFace>& faces,
                                                            double toFrame, Millis time)
{
    if (lastJudgedAt_ && time - *lastJudgedAt_ > settings_.unregisteredAfter)
        unmatchedSince_.reset(); // nobody judged for a while: a returning face starts afresh
    const std::shared_ptr<const PresenterRegistry> registry =
        settings_.registrySource ? settings_.registrySource() : settings_.registry;
    if (!registry || faces.empty() || !registry->anyEnrolled())
        return {};
    std::vector<cv::Rect> inFrame;
    for (const FoundFace& face : faces)
        inFrame.emplace_back(static_cast<int>(face.box.x * toFrame), static_cast<int>(face.box.y * toFrame),
                             static_cast<int>(face.box.width * toFrame),
                             static_cast<int>(face.box.height * toFrame));
    const auto matches = registry->match(frameGray, inFrame);
    const PresenterRegistry::FaceMatch* strongestStranger = nullptr;
    for (const auto& match : matches) {
        if (!match.judged)
            continue;
        lastJudgedAt_ = time;
        if (match.registered) {
            unmatchedSince_.reset(); // a registered presenter is on screen
            return {};
        }
        if (strongestStranger == nullptr || match.face.area() > strongestStranger->face.area())
            strongestStranger = &match;
    }
    if (strongestStranger == nullptr)
        return {};
    if (!unmatchedSince_)
        unmatchedSince_ = time;
    if (time - *unmatchedSince_ < settings_.unregisteredAfter)
        return {};
    const double threshold = registry->settings().matchDistance;
    Detection stranger;
    stranger.detector = std::string(kId);
    stranger.category = std::string(kUnregisteredCategory);
    stranger.label = "unknown_face";
    // Further from every enrolled presenter is surer; twice the match distance counts as certain.
    stranger.confidence =
        static_cast<float>(std::clamp((strongestStranger->distance - threshold) / threshold, 0.1, 1.0));
    stranger.polygon = cornersOf(cv::Rect2f(strongestStranger->face), 1);
    return {stranger};
}

} // namespace cg
