#include "corpus/text_evaluation.hpp"

#include "core/frame.hpp"
#include "core/rules/rule_pack_loader.hpp"

#include <opencv2/imgproc.hpp>

namespace cg::textcorpus {

TextClassifierSettings defaultWordLists()
{
    return loadRulePack(CG_SOURCE_DIR "/data/rules/alibaba.json").screenText;
}

FrameRun runOnStill(TextDetector& detector, const cv::Mat& bgr, Millis& streamTime)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    FrameRun run;
    for (;;) {
        const Frame frame = Frame::fromMat(bgra, streamTime);
        run.detections = detector.detect(frame);
        run.totalOcrMs += detector.lastRun().ocrMs;
        if (run.runs == 0) {
            run.firstRunMs = detector.lastRun().totalMs;
        }
        ++run.runs;
        streamTime += detector.cadence();
        if (detector.lastRun().pending == 0 || run.runs > 600) {
            break;
        }
    }
    streamTime += Millis{60000};
    return run;
}

} // namespace cg::textcorpus
