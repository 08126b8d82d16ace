#include "core/activity/slideshow_detector.hpp"

#include "core/activity/picture_change.hpp"
#include "core/activity/small_picture.hpp"

#include <cstdio>

namespace cg {

SlideshowDetector::SlideshowDetector(SlideshowSettings settings)
    : settings_(settings), judge_(settings.stillness)
{
}

void SlideshowDetector::breakChain()
{
    cutsInChain_ = 0;
    cutAwaitingSlide_ = false;
}

std::vector<Detection> SlideshowDetector::detect(const Frame& frame)
{
    if (frame.empty()) {
        return {};
    }
    const Millis now = frame.time();
    const cv::Mat picture = activity::smallGray(frame, settings_.stillness.analysisWidth);
    const activity::StillJudgement judgement = judge_.judge(picture);

    if (judgement.still) {
        if (phase_ == Phase::Changing) {
            const bool quick = now - changingSince_ <= settings_.maxTransition;
            const bool hardCut =
                activity::measureChange(lastStillPicture_, picture, settings_.stillness.pixelLevel)
                    .changedShare >= settings_.minCutShare;
            if (quick && hardCut && slideBeforeChangeQualified_) {
                cutAwaitingSlide_ = true;
            } else {
                breakChain();
            }
            stillSince_ = previousRun_;
        } else if (phase_ == Phase::Moving) {
            breakChain();
            stillSince_ = previousRun_;
        }
        phase_ = Phase::Still;
        lastStillPicture_ = picture;
        if (cutAwaitingSlide_ && now - stillSince_ >= settings_.minSlide) {
            ++cutsInChain_;
            cutAwaitingSlide_ = false;
        }
    } else if (phase_ == Phase::Still) {
        slideBeforeChangeQualified_ = previousRun_ - stillSince_ >= settings_.minSlide;
        if (!slideBeforeChangeQualified_) {
            breakChain();
        }
        phase_ = Phase::Changing;
        changingSince_ = now;
    } else if (phase_ == Phase::Changing && now - changingSince_ > settings_.maxTransition) {
        phase_ = Phase::Moving;
        breakChain();
    }
    previousRun_ = now;

    if (cutsInChain_ < settings_.minCuts || phase_ == Phase::Moving) {
        return {};
    }
    char text[128];
    std::snprintf(text, sizeof text, "%d still pictures separated by %d cuts, no live motion in between",
                  cutsInChain_ + 1, cutsInChain_);
    Detection detection;
    detection.detector = std::string(kId);
    detection.category = std::string(kCategory);
    detection.label = "slides";
    detection.detail = text;
    return {detection};
}

} // namespace cg
