// The idle and picture-quality detectors, one run each, at 1280x720 and 1920x1080, on colour frames
// (as the CLI gives them) and on gray luma with a 640-px preview (as the OBS filter does), plus all
// of them together over one second of frames at their default cadences (real time per simulated
// second = share of one core).
//
//   cg_bench --benchmark_filter='Static|Slideshow|Looping|Quality|IdleAndQuality' --benchmark_min_time=0.5s
#include "core/activity/looping_video_detector.hpp"
#include "core/activity/slideshow_detector.hpp"
#include "core/activity/static_picture_detector.hpp"
#include "core/quality/picture_quality_detector.hpp"
#include "unit/activity/generated_scenes.hpp"

#include <benchmark/benchmark.h>
#include <opencv2/imgproc.hpp>

#include <memory>
#include <vector>

namespace {

using cg::Millis;

// A second of a presenter moving in front of a textured set, one picture per 100 ms, as frames.
struct Clip {
    std::vector<cv::Mat> pictures; // keep the pixels the frames point at
    std::vector<cg::Frame> frames;
};

Clip movingClip(int width, int height, bool luma)
{
    Clip clip;
    const cv::Mat set = cg::scenes::texturedStill(cv::Size(width, height), 3);
    cv::RNG rng(4);
    for (int i = 0; i < 10; ++i) {
        cv::Mat picture = set.clone();
        cg::scenes::drawPresenter(picture, 0.1 * i);
        picture = cg::scenes::withSensorNoise(picture, 4, rng);
        clip.frames.push_back(luma ? cg::scenes::lumaFrame(picture, Millis{0})
                                   : cg::scenes::colourFrame(picture, Millis{0}));
        clip.pictures.push_back(std::move(picture));
    }
    return clip;
}

// The frame `run` of the clip, stamped `cadence` after the previous run.
cg::Frame frameOfRun(const Clip& clip, std::int64_t run, Millis cadence)
{
    const cg::Frame& frame = clip.frames[static_cast<std::size_t>(run) % clip.frames.size()];
    const cg::Frame* preview = frame.preview();
    const Millis time = cadence * run;
    cg::Frame stamped = cg::Frame::wrap(frame.format(), frame.width(), frame.height(), frame.strideBytes(),
                                        frame.pixels(), time);
    if (preview != nullptr) {
        stamped = stamped.withPreview(cg::Frame::wrap(preview->format(), preview->width(), preview->height(),
                                                      preview->strideBytes(), preview->pixels(), time));
    }
    return stamped;
}

void setLabel(benchmark::State& state)
{
    state.SetLabel(std::to_string(state.range(0)) + "x" + std::to_string(state.range(1)) +
                   (state.range(2) != 0 ? " luma+preview" : " colour"));
}

template <typename DetectorType>
void benchmarkDetector(benchmark::State& state, DetectorType& detector, std::int64_t firstRun = 0)
{
    const Clip clip =
        movingClip(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    std::int64_t run = firstRun;
    for (auto _ : state) {
        auto found = detector.detect(frameOfRun(clip, run++, detector.cadence()));
        benchmark::DoNotOptimize(found);
    }
    setLabel(state);
}

void BM_StaticPictureDetector(benchmark::State& state)
{
    cg::StaticPictureDetector detector;
    benchmarkDetector(state, detector);
}

void BM_SlideshowDetector(benchmark::State& state)
{
    cg::SlideshowDetector detector;
    benchmarkDetector(state, detector);
}

// With the whole history (8 minutes of moving samples) already kept, the costliest case: every run
// compares the newest sample with all of them.
void BM_LoopingVideoDetectorFullHistory(benchmark::State& state)
{
    cg::LoopingVideoDetector detector;
    const Clip small = movingClip(320, 180, false);
    const std::int64_t historyRuns = detector.settings().history / detector.cadence();
    cv::RNG rng(9);
    for (std::int64_t run = 0; run < historyRuns; ++run) {
        // Never the same picture twice, so no loop is found and nothing ends the search early.
        cv::Mat picture = cg::scenes::texturedStill(cv::Size(320, 180), 100 + static_cast<int>(run % 50));
        cg::scenes::drawPresenter(picture, 0.37 * static_cast<double>(run));
        detector.detect(cg::scenes::colourFrame(picture, detector.cadence() * run));
    }
    benchmarkDetector(state, detector, historyRuns);
}

void BM_PictureQualityDetector(benchmark::State& state)
{
    cg::PictureQualityDetector detector;
    benchmarkDetector(state, detector);
}

// All four detectors over one second of 30 fps frames, each run when its cadence is due, as the
// Analyzer does. Time per iteration = CPU time per second of stream.
void BM_IdleAndQualityDetectorsPerSecond(benchmark::State& state)
{
    const Clip clip =
        movingClip(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    std::vector<std::unique_ptr<cg::Detector>> detectors;
    detectors.push_back(std::make_unique<cg::StaticPictureDetector>());
    detectors.push_back(std::make_unique<cg::SlideshowDetector>());
    detectors.push_back(std::make_unique<cg::LoopingVideoDetector>());
    detectors.push_back(std::make_unique<cg::PictureQualityDetector>());
    std::vector<Millis> lastRun(detectors.size(), Millis{-100000});
    std::int64_t frameIndex = 0;
    for (auto _ : state) {
        for (int i = 0; i < 30; ++i, ++frameIndex) {
            const Millis now{frameIndex * 1000 / 30};
            const cg::Frame frame = frameOfRun(clip, frameIndex, Millis{0});
            const cg::Frame stamped =
                cg::Frame::wrap(frame.format(), frame.width(), frame.height(), frame.strideBytes(),
                                frame.pixels(), now)
                    .withPreview(frame.preview() != nullptr ? *frame.preview() : cg::Frame{});
            for (std::size_t d = 0; d < detectors.size(); ++d) {
                if (now - lastRun[d] >= detectors[d]->cadence()) {
                    lastRun[d] = now;
                    auto found = detectors[d]->detect(stamped);
                    benchmark::DoNotOptimize(found);
                }
            }
        }
    }
    setLabel(state);
}

void sizes(benchmark::internal::Benchmark* benchmark)
{
    for (const auto& [width, height] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        for (int luma : {0, 1}) {
            benchmark->Args({width, height, luma});
        }
    }
    benchmark->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(BM_StaticPictureDetector)->Apply(sizes);
BENCHMARK(BM_SlideshowDetector)->Apply(sizes);
BENCHMARK(BM_LoopingVideoDetectorFullHistory)->Apply(sizes);
BENCHMARK(BM_PictureQualityDetector)->Apply(sizes);
BENCHMARK(BM_IdleAndQualityDetectorsPerSecond)->Apply(sizes);
