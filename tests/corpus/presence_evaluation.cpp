#include "corpus/presence_evaluation.hpp"

#include "core/clock.hpp"
#include "core/finding_tracker.hpp"
#include "corpus/face_corpus.hpp"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <chrono>
#include <cmath>

namespace cg::corpus {

namespace {

char letterOf(const PresenceJudgement& judgement)
{
    if (!judgement.present)
        return '-';
    if (judgement.held)
        return 'H';
    switch (judgement.cue) {
    case PresenceCue::Face:
        return 'F';
    case PresenceCue::Profile:
        return 'P';
    case PresenceCue::Tracked:
        return 'T';
    case PresenceCue::Motion:
        return 'M';
    case PresenceCue::None:
        break;
    }
    return '?';
}

} // namespace

RulePack presenterAbsentPack(double noticeAfterS, double clearAfterS)
{
    Rule rule;
    rule.id = "presenter_not_seen";
    rule.category = std::string(PresenterDetector::kPersonCategory);
    rule.trigger = Trigger::Absent;
    rule.thresholds.noticeAfterS = noticeAfterS;
    rule.thresholds.warnAfterS = noticeAfterS * 2;
    rule.thresholds.criticalAfterS = noticeAfterS * 3;
    rule.thresholds.limitS = noticeAfterS * 4;
    rule.thresholds.clearAfterS = clearAfterS;
    RulePack pack;
    pack.id = "presence-corpus";
    pack.rules.push_back(rule);
    return pack;
}

ClipRun runOverClip(const std::filesystem::path& clip, PresenterDetector& detector, const RulePack& pack)
{
    ClipRun run;
    cv::VideoCapture capture(clip.string());
    if (!capture.isOpened())
        return run;
    run.file = clip.filename().string();
    ManualClock clock;
    FindingTracker tracker(pack, clock);
    const double fps = capture.get(cv::CAP_PROP_FPS) > 0 ? capture.get(cv::CAP_PROP_FPS) : 30.0;
    std::vector<double> ms;
    Millis nextDue{0};
    cv::Mat bgr;
    cv::Mat bgra;
    for (int index = 0; capture.read(bgr); ++index) {
        ++run.framesRead;
        const Millis time{static_cast<std::int64_t>(std::llround(index * 1000.0 / fps))};
        if (time < nextDue)
            continue;
        nextDue = time + detector.cadence();
        cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
        const Frame frame = Frame::fromMat(bgra, time);
        const auto start = std::chrono::steady_clock::now();
        AnalysisResult result;
        result.detections = detector.detect(frame);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        result.frame = frame;
        result.detectorsRun = {std::string(detector.id())};
        result.categoriesChecked = detector.categories();
        ++run.sampled;
        if (!detector.present())
            ++run.absent;
        run.judgements += letterOf(detector.lastJudgement());
        clock.set(time);
        for (auto& event : tracker.observe(result))
            run.events.push_back(std::move(event));
    }
    run.medianMs = median(ms);
    return run;
}

} // namespace cg::corpus
