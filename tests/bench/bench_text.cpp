// TextDetector::detect at 1280x720: the first read of a frame with seller text, the steady state
// on an unchanged frame, and a live picture (the photo under the overlay moves every frame); and,
// as the named baseline, Tesseract over the whole frame (page segmentation mode 11, eng+chi_sim).
// Counters: core_share_pct = mean process CPU time per run / cadence (the share of one core at the
// default cadence).
//
//   cg_bench --benchmark_filter=Text --benchmark_min_time=3x
#include "core/frame.hpp"
#include "core/text/text_detector.hpp"
#include "corpus/text_evaluation.hpp"
#include "corpus/text_frames.hpp"

#include <benchmark/benchmark.h>
#include <opencv2/imgproc.hpp>

#include <ctime>
#include <filesystem>

namespace {

using namespace cg;
using namespace cg::textcorpus;

// Frames of the text generator over the shared corpus's photos (a drawn gradient without them),
// seller overlays with 4 or more lines of text.
std::vector<GeneratedFrame> textFrames(int count)
{
    std::vector<cv::Mat> backgrounds = TextFrameGenerator::sharedPhotos();
    if (backgrounds.empty()) {
        cv::Mat gradient(720, 1280, CV_8UC3);
        for (int y = 0; y < 720; ++y) {
            gradient.row(y).setTo(cv::Scalar(80 + y / 6, 120, 160 - y / 8));
        }
        backgrounds.push_back(gradient);
    }
    TextFrameGenerator generator(backgrounds, 77);
    std::vector<GeneratedFrame> frames;
    for (int i = 0; static_cast<int>(frames.size()) < count && i < 200; ++i) {
        GeneratedFrame frame = generator.next("bench");
        if (frame.truth.items.size() >= 4) {
            frames.push_back(std::move(frame));
        }
    }
    return frames;
}

Frame bgraFrame(const cv::Mat& bgr, Millis time)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return Frame::fromMat(bgra, time);
}

TextDetectorSettings benchSettings()
{
    TextDetectorSettings settings;
    settings.classifier = defaultWordLists();
    return settings;
}

// CPU time of the whole process in milliseconds: the machine may be shared, so wall time would
// count other programs' work; Tesseract's own threads, if any, are counted.
double processCpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// Every frame is new to the detector: all its regions are found and read (no budget).
void BM_TextDetectorFirstRead(benchmark::State& state)
{
    const std::vector<GeneratedFrame> frames = textFrames(4);
    TextDetectorSettings settings = benchSettings();
    settings.budgetPerSecond = Millis{0};
    TextDetector detector(settings);
    std::vector<Frame> prepared;
    for (const GeneratedFrame& frame : frames) {
        prepared.push_back(bgraFrame(frame.bgr, Millis{0}));
    }
    std::size_t next = 0;
    Millis time{0};
    double regions = 0;
    for (auto _ : state) {
        Frame frame = prepared[next++ % prepared.size()];
        time += Millis{60000};
        auto found = detector.detect(Frame::fromMat(frame.view(), time));
        benchmark::DoNotOptimize(found);
        regions += detector.lastRun().read;
    }
    state.counters["regions_read"] = benchmark::Counter(regions, benchmark::Counter::kAvgIterations);
    state.SetLabel("1280x720, every region new, no budget");
}

// The same frame again at the default cadence: only the region search runs.
void BM_TextDetectorSteady(benchmark::State& state)
{
    const std::vector<GeneratedFrame> frames = textFrames(1);
    TextDetector detector(benchSettings());
    Millis time{0};
    const Frame frame = bgraFrame(frames.front().bgr, time);
    for (int i = 0; i < 100 && (i == 0 || detector.lastRun().pending > 0); ++i) {
        detector.detect(Frame::fromMat(frame.view(), time));
        time += detector.cadence();
    }
    double total = 0;
    for (auto _ : state) {
        const double start = processCpuMs();
        auto found = detector.detect(Frame::fromMat(frame.view(), time));
        benchmark::DoNotOptimize(found);
        total += processCpuMs() - start;
        time += detector.cadence();
    }
    const double meanMs = total / static_cast<double>(state.iterations());
    state.counters["core_share_pct"] = 100.0 * meanMs / static_cast<double>(detector.cadence().count());
    state.SetLabel("1280x720 unchanged, default cadence " + std::to_string(detector.cadence().count()) +
                   " ms");
}

// A live picture: the overlay stays, the photo under it shifts and flickers every run, so regions
// over the photo keep changing; the budget bounds what is read again.
void BM_TextDetectorLivePicture(benchmark::State& state)
{
    const std::vector<GeneratedFrame> frames = textFrames(1);
    TextDetector detector(benchSettings());
    const cv::Mat& base = frames.front().bgr;
    Millis time{0};
    double total = 0;
    int step = 0;
    std::vector<Frame> moving;
    for (int i = 0; i < 8; ++i) {
        cv::Mat shifted;
        const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, i % 4, 0, 1, i / 4);
        cv::warpAffine(base, shifted, shift, base.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
        shifted += cv::Scalar::all(i % 3);
        moving.push_back(bgraFrame(shifted, Millis{0}));
    }
    for (int i = 0; i < 30; ++i) { // past the first read
        detector.detect(
            Frame::fromMat(moving[static_cast<std::size_t>(step++) % moving.size()].view(), time));
        time += detector.cadence();
    }
    for (auto _ : state) {
        auto found = detector.detect(
            Frame::fromMat(moving[static_cast<std::size_t>(step++) % moving.size()].view(), time));
        benchmark::DoNotOptimize(found);
        total += detector.lastRun().totalMs;
        time += detector.cadence();
    }
    const double meanMs = total / static_cast<double>(state.iterations());
    state.counters["core_share_pct"] = 100.0 * meanMs / static_cast<double>(detector.cadence().count());
    state.SetLabel("1280x720 photo moving under the overlay, default cadence and budget");
}

// The baseline: Tesseract's own layout analysis and recognition over the whole gray frame.
void BM_TesseractWholeFrame(benchmark::State& state)
{
    const std::vector<GeneratedFrame> frames = textFrames(4);
    TesseractReader reader;
    std::size_t next = 0;
    for (auto _ : state) {
        cv::Mat gray;
        cv::cvtColor(frames[next++ % frames.size()].bgr, gray, cv::COLOR_BGR2GRAY);
        auto lines = reader.read(gray, TesseractReader::Layout::SparseText);
        benchmark::DoNotOptimize(lines);
    }
    state.SetLabel("1280x720, PSM 11, eng+chi_sim");
}

// Process CPU time, not wall time: the build machine is shared (see processCpuMs).
BENCHMARK(BM_TextDetectorFirstRead)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_TextDetectorSteady)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_TextDetectorLivePicture)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_TesseractWholeFrame)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

} // namespace
