// Corpus evaluation of the idle detectors (static picture, slideshow, looping video) on the clips of
// CG_SHARED_DIR/corpus/idle against truth.json ("idle"), with a plain frame-difference baseline
// measured in the same run. Prints a table and writes CG_BINARY_DIR/idle_corpus_results.json.
//
// How a second is judged: every frame of the clip is offered to the detectors at its media time
// (frame index / fps, as the CLI does) and each detector runs when its cadence is due (as the
// Analyzer does); second s is "static" when the static detector's last run with a frame time in
// [s, s+1) judged the picture static. The baseline is judged the same way from its own runs at the
// same cadence.
#include "core/activity/looping_video_detector.hpp"
#include "core/activity/slideshow_detector.hpp"
#include "core/activity/static_picture_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cg::corpus {
namespace {

namespace fs = std::filesystem;

// How the frames reach the detectors: colour as in the CLI, or gray luma as the OBS filter reads it
// back (with a 640-px colour preview attached).
enum class FrameKind { Colour, Luma };

struct ClipTruth {
    std::string file;
    std::string kind;
    std::vector<bool> staticPerSecond;
    std::vector<double> changeEvents;
};

struct StaticRun {
    Millis time{0};
    bool judgedStatic = false;
};

struct ClipResult {
    std::vector<StaticRun> staticRuns;
    // The baseline: mean absolute difference of the full-size gray frame from the previous run's
    // (none for the first run), judged static below a threshold.
    std::vector<double> consecutiveMad;
    int slideshowRuns = 0;
    std::optional<Millis> firstSlideshow;
    int loopRuns = 0;
    double secondsDecoded = 0;
};

bool due(std::optional<Millis>& last, Millis now, Millis cadence)
{
    if (last && now >= *last && now - *last < cadence) {
        return false;
    }
    last = now;
    return true;
}

// As the CLI hands frames in (colour) or as the OBS filter does (luma with a colour preview).
Frame toFrame(const cv::Mat& bgr, Millis time, FrameKind kind)
{
    return kind == FrameKind::Colour ? scenes::colourFrame(bgr, time) : scenes::lumaFrame(bgr, time);
}

std::optional<ClipResult> runClip(const fs::path& file, FrameKind kind)
{
    cv::VideoCapture video(file.string(), cv::CAP_FFMPEG);
    if (!video.isOpened()) {
        return std::nullopt;
    }
    const double fps = video.get(cv::CAP_PROP_FPS);
    StaticPictureDetector still;
    SlideshowDetector slideshow;
    LoopingVideoDetector loop;
    std::optional<Millis> lastStill;
    std::optional<Millis> lastSlideshow;
    std::optional<Millis> lastLoop;
    cv::Mat previousGray;

    ClipResult result;
    cv::Mat bgr;
    for (int index = 0; video.read(bgr); ++index) {
        const Millis time{std::llround(1000.0 * index / fps)};
        result.secondsDecoded = static_cast<double>(index + 1) / fps;
        const Frame frame = toFrame(bgr, time, kind);
        if (due(lastStill, time, still.cadence())) {
            still.detect(frame);
            result.staticRuns.push_back({time, still.lastJudgedStatic()});
            cv::Mat gray = frame.gray().clone();
            result.consecutiveMad.push_back(previousGray.empty() ? -1.0
                                                                 : cv::norm(gray, previousGray, cv::NORM_L1) /
                                                                       static_cast<double>(gray.total()));
            previousGray = gray;
        }
        if (due(lastSlideshow, time, slideshow.cadence()) && !slideshow.detect(frame).empty()) {
            ++result.slideshowRuns;
            if (!result.firstSlideshow) {
                result.firstSlideshow = time;
            }
        }
        if (due(lastLoop, time, loop.cadence()) && !loop.detect(frame).empty()) {
            ++result.loopRuns;
        }
    }
    return result;
}

// What the last run in each second judged: the state of the picture as that second ends, as a
// platform's snapshot would see it. (At the 500 ms cadence a second holds two runs, so a majority
// would be a tie whenever one of them compares across a cut.) Seconds without runs are not static.
std::vector<bool> perSecond(const std::vector<StaticRun>& runs, std::size_t seconds)
{
    std::vector<bool> judged(seconds, false);
    for (const StaticRun& run : runs) { // in time order: the last run of a second wins
        const auto second = static_cast<std::size_t>(run.time.count() / 1000);
        if (second < seconds)
            judged[second] = run.judgedStatic;
    }
    return judged;
}

double agreement(const std::vector<bool>& judged, const std::vector<bool>& truth)
{
    int same = 0;
    for (std::size_t s = 0; s < truth.size(); ++s) {
        same += judged[s] == truth[s] ? 1 : 0;
    }
    return truth.empty() ? 1.0 : static_cast<double>(same) / static_cast<double>(truth.size());
}

// Share of single runs whose judgement matches the truth of their second (stricter than one run per second).
double runAgreement(const std::vector<StaticRun>& runs, const std::vector<bool>& truth)
{
    int same = 0;
    int judged = 0;
    for (const StaticRun& run : runs) {
        const auto second = static_cast<std::size_t>(run.time.count() / 1000);
        if (run.time.count() > 0 && second < truth.size()) {
            ++judged;
            same += run.judgedStatic == truth[second] ? 1 : 0;
        }
    }
    return judged == 0 ? 1.0 : static_cast<double>(same) / judged;
}

std::string letters(const std::vector<bool>& judged)
{
    std::string text;
    for (bool s : judged) {
        text += s ? 'S' : 'M';
    }
    return text;
}

// True when some run within `within` after the event judged the picture not static, i.e. the still
// stretch before it ended (or none had begun) and a duration rule restarts there.
bool endsStillness(const std::vector<StaticRun>& runs, double eventSeconds, Millis within)
{
    const Millis event{std::llround(eventSeconds * 1000.0)};
    for (const StaticRun& run : runs) {
        if (run.time >= event && run.time <= event + within && !run.judgedStatic) {
            return true;
        }
    }
    return false;
}

std::vector<ClipTruth> readTruth(const fs::path& truthFile)
{
    std::ifstream in(truthFile);
    const nlohmann::json truth = nlohmann::json::parse(in);
    std::vector<ClipTruth> clips;
    for (const auto& entry : truth.at("idle")) {
        ClipTruth clip;
        clip.file = entry.at("file").get<std::string>();
        clip.kind = entry.at("kind").get<std::string>();
        clip.staticPerSecond = entry.at("per_second_static").get<std::vector<bool>>();
        clip.changeEvents = entry.at("change_events_s").get<std::vector<double>>();
        clips.push_back(std::move(clip));
    }
    return clips;
}

constexpr double kTargetAccuracy = 0.95;
const std::vector<double> kBaselineThresholds = {1.0, 2.0, 3.0, 5.0};

TEST(IdleCorpus, StaticPerSecondSlideshowAndLoopAgainstTruth)
{
    const fs::path corpus = fs::path(CG_SHARED_DIR) / "corpus";
    const fs::path truthFile = corpus / "truth.json";
    if (!fs::exists(truthFile) || !fs::is_directory(corpus / "idle")) {
        GTEST_SKIP() << "idle corpus not found under " << corpus << ": evaluation skipped";
    }
    const std::vector<ClipTruth> clips = readTruth(truthFile);
    ASSERT_FALSE(clips.empty());

    nlohmann::json report = nlohmann::json::array();
    std::cout << "\nIdle corpus: per-second static accuracy, last run of each second (detector cadence "
              << StaticPictureDetector{}.cadence().count() << " ms, last run of each second)\n"
              << std::left << std::setw(30) << "clip" << std::setw(8) << "input" << std::setw(12) << "truth"
              << std::setw(12) << "detector" << std::setw(7) << "acc";
    for (double threshold : kBaselineThresholds) {
        std::cout << std::setw(12) << ("MAD<" + std::to_string(threshold).substr(0, 3));
    }
    std::cout << std::setw(11) << "slideshow" << std::setw(6) << "loop" << "single runs right\n";

    for (const ClipTruth& clip : clips) {
        for (FrameKind kind : {FrameKind::Colour, FrameKind::Luma}) {
            const std::string input = kind == FrameKind::Colour ? "colour" : "luma";
            const std::optional<ClipResult> result = runClip(corpus / clip.file, kind);
            ASSERT_TRUE(result) << "OpenCV cannot open " << clip.file << " (is FFmpeg support built in?)";
            const std::size_t seconds = clip.staticPerSecond.size();
            const std::vector<bool> judged = perSecond(result->staticRuns, seconds);
            const double accuracy = agreement(judged, clip.staticPerSecond);
            const double runAccuracy = runAgreement(result->staticRuns, clip.staticPerSecond);

            nlohmann::json baselines = nlohmann::json::array();
            std::cout << std::setw(30) << fs::path(clip.file).filename().string() << std::setw(8) << input
                      << std::setw(12) << letters(clip.staticPerSecond) << std::setw(12) << letters(judged)
                      << std::setw(7) << std::fixed << std::setprecision(2) << accuracy;
            for (double threshold : kBaselineThresholds) {
                std::vector<StaticRun> runs;
                for (std::size_t i = 0; i < result->staticRuns.size(); ++i) {
                    const double mad = result->consecutiveMad[i];
                    runs.push_back({result->staticRuns[i].time, mad >= 0 && mad < threshold});
                }
                const std::vector<bool> baselineJudged = perSecond(runs, seconds);
                const double baselineAccuracy = agreement(baselineJudged, clip.staticPerSecond);
                std::cout << std::setw(12) << (letters(baselineJudged).substr(0, 10));
                baselines.push_back({{"method", "consecutive_mad_below"},
                                     {"threshold", threshold},
                                     {"per_second", letters(baselineJudged)},
                                     {"accuracy", baselineAccuracy}});
            }
            std::cout << std::setw(11) << result->slideshowRuns << std::setw(6) << result->loopRuns
                      << std::setprecision(3) << runAccuracy << "\n";

            std::vector<bool> eventsEnded;
            for (double event : clip.changeEvents) {
                eventsEnded.push_back(endsStillness(result->staticRuns, event, Millis{500}));
            }
            report.push_back(
                {{"clip", clip.file},
                 {"kind", clip.kind},
                 {"input", input},
                 {"truth_per_second", letters(clip.staticPerSecond)},
                 {"detector_per_second", letters(judged)},
                 {"detector_accuracy", accuracy},
                 {"baselines", baselines},
                 {"change_events_s", clip.changeEvents},
                 {"change_event_ends_still_within_500ms", eventsEnded},
                 {"slideshow_runs", result->slideshowRuns},
                 {"first_slideshow_ms", result->firstSlideshow ? result->firstSlideshow->count() : -1},
                 {"looping_video_runs", result->loopRuns}});

            EXPECT_GE(accuracy, kTargetAccuracy) << clip.file << " (" << input << ")";
            for (std::size_t e = 0; e < clip.changeEvents.size(); ++e) {
                EXPECT_TRUE(eventsEnded[e]) << clip.file << " (" << input << "): the change at "
                                            << clip.changeEvents[e] << " s did not end the still stretch";
            }
            if (clip.kind == "slideshow") {
                EXPECT_GT(result->slideshowRuns, 0) << clip.file << " (" << input << ")";
            } else {
                EXPECT_EQ(result->slideshowRuns, 0) << clip.file << " (" << input << ")";
            }
            EXPECT_EQ(result->loopRuns, 0) << clip.file << " (" << input << ")";
        }
    }
    // Per-second baseline accuracy, printed underneath for the table readers.
    std::cout << "\nBaseline accuracy per clip (colour input):\n";
    for (const auto& row : report) {
        if (row["input"] != "colour") {
            continue;
        }
        std::cout << std::setw(30) << fs::path(row["clip"].get<std::string>()).filename().string();
        for (const auto& baseline : row["baselines"]) {
            std::cout << "  MAD<" << baseline["threshold"].get<double>() << ": " << std::setprecision(2)
                      << baseline["accuracy"].get<double>();
        }
        std::cout << "\n";
    }

    const fs::path out = fs::path(CG_BINARY_DIR) / "idle_corpus_results.json";
    std::ofstream(out) << report.dump(2) << "\n";
    std::cout << "written: " << out << "\n";
}

} // namespace
} // namespace cg::corpus

namespace cg::corpus {
namespace {

// Real footage played as a looped recording: the moving clip three times in a row, each pass after the
// first starting 4 frames in, so the passes are sampled at other moments than the first one.
TEST(IdleCorpus, RealFootagePlayedInALoopIsFoundOnceItRecurs)
{
    const fs::path clip = fs::path(CG_SHARED_DIR) / "corpus" / "idle" / "idle_moving_10s.mp4";
    if (!fs::exists(clip)) {
        GTEST_SKIP() << clip << " not found: skipped";
    }
    LoopingVideoDetector loop;
    std::optional<Millis> lastRun;
    std::optional<Millis> firstFound;
    std::optional<Millis> firstPassEnd;
    int runs = 0;
    int found = 0;
    std::int64_t played = 0;
    for (int pass = 0; pass < 3; ++pass) {
        cv::VideoCapture video(clip.string(), cv::CAP_FFMPEG);
        ASSERT_TRUE(video.isOpened());
        const double fps = video.get(cv::CAP_PROP_FPS);
        cv::Mat bgr;
        for (int index = 0; video.read(bgr); ++index) {
            if (pass > 0 && index < 4) {
                continue;
            }
            const Millis time{std::llround(1000.0 * static_cast<double>(played++) / fps)};
            if (!due(lastRun, time, loop.cadence())) {
                continue;
            }
            const bool loopFound = !loop.detect(toFrame(bgr, time, FrameKind::Colour)).empty();
            if (pass > 0) {
                ++runs;
                found += loopFound ? 1 : 0;
            }
            if (loopFound && !firstFound) {
                firstFound = time;
            }
        }
        if (pass == 0) {
            firstPassEnd = Millis{std::llround(1000.0 * static_cast<double>(played) / fps)};
        }
    }
    ASSERT_TRUE(firstFound) << "the looped footage was never found";
    std::cout << "looped real footage: first found at " << firstFound->count() << " ms (first pass ends at "
              << firstPassEnd->count() << " ms), found on " << found << " of " << runs
              << " runs of the later passes, period " << (loop.lastPeriod() ? loop.lastPeriod()->count() : -1)
              << " ms\n";
    EXPECT_GE(*firstFound, *firstPassEnd);
    EXPECT_LE(*firstFound, *firstPassEnd + loop.settings().matchWindow + Millis{2000});
    EXPECT_GE(found, runs / 2);
}

} // namespace
} // namespace cg::corpus
