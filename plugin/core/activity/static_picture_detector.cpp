#include "core/activity/static_picture_detector.hpp"

#include "core/activity/small_picture.hpp"

#include <cstdio>

namespace cg {

StaticPictureDetector::StaticPictureDetector(StaticPictureSettings settings)
    : settings_(settings), judge_(settings.stillness)
{
}

std::vector<Detection> StaticPictureDetector::detect(const Frame& frame)
{
    if (frame.empty()) {
        return {};
    }
    last_ = judge_.judge(activity::smallGray(frame, settings_.stillness.analysisWidth));
    if (!last_.still) {
        stillSince_.reset();
        previousRun_ = frame.time();
        return {};
    }
    // The stretch began when the picture last changed, i.e. at the previous run.
    if (!stillSince_) {
        stillSince_ = previousRun_;
    }
    previousRun_ = frame.time();

    const double seconds = static_cast<double>((frame.time() - *stillSince_).count()) / 1000.0;
    char text[128];
    std::snprintf(text, sizeof text,
                  "picture unchanged for %.1f s (%.1f%% of it changed, at most %.1f%% allowed)", seconds,
                  100.0 * last_.sinceAnchor.changedShare, 100.0 * settings_.stillness.maxDriftShare);
    Detection detection;
    detection.detector = std::string(kId);
    detection.category = std::string(kCategory);
    detection.label = "still";
    detection.detail = text;
    return {detection};
}

} // namespace cg
