// CodeDetector::detect, plain ZXing-cpp try-harder (the baseline) and a whole Analyzer::step with
// the CodeDetector, at 1280x720 and 1920x1080, on frames with and without a QR code.
//
//   cg_bench --benchmark_min_time=0.5s --benchmark_out=bench.json --benchmark_out_format=json
#include "core/analyzer.hpp"
#include "core/codes/code_detector.hpp"
#include "core/codes/code_reading.hpp"
#include "corpus/qr_corpus.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <benchmark/benchmark.h>
#include <opencv2/imgproc.hpp>

namespace {

// A BGRA canvas of the given size; with a code, a 4 px-module QR code sits right of centre.
cv::Mat benchFrame(int width, int height, bool withCode)
{
    cv::Mat frame = cg::corpus::texturedCanvas(width, height, 5);
    if (withCode) {
        const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                              .setMargin(4)
                              .encode(std::string("https://shop.example/live/room/8848?ref=qr"), 0, 0);
        cv::Mat code(bits.height(), bits.width(), CV_8UC1);
        for (int y = 0; y < bits.height(); ++y) {
            for (int x = 0; x < bits.width(); ++x) {
                code.at<uchar>(y, x) = bits.get(x, y) ? 0 : 255;
            }
        }
        cv::resize(code, code, cv::Size(), 4, 4, cv::INTER_NEAREST);
        cv::Mat bgra;
        cv::cvtColor(code, bgra, cv::COLOR_GRAY2BGRA);
        bgra.copyTo(frame(cv::Rect(width * 3 / 5, height / 3, bgra.cols, bgra.rows)));
    }
    return frame;
}

void setLabel(benchmark::State& state)
{
    state.SetLabel(std::to_string(state.range(0)) + "x" + std::to_string(state.range(1)) +
                   (state.range(2) != 0 ? " with QR" : " no code"));
}

void BM_CodeDetector(benchmark::State& state)
{
    const cv::Mat frame =
        benchFrame(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    cg::CodeDetector detector;
    for (auto _ : state) {
        auto found = detector.detect(cg::Frame::fromMat(frame));
        benchmark::DoNotOptimize(found);
    }
    setLabel(state);
}

// The baseline: ZXing-cpp's ReadBarcodes with tryHarder on the whole frame (gray conversion included,
// as the detector does it too).
void BM_PlainZxingTryHarder(benchmark::State& state)
{
    const cv::Mat frame =
        benchFrame(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    ZXing::ReaderOptions options;
    options.setTryHarder(true);
    for (auto _ : state) {
        cv::Mat gray;
        cv::cvtColor(frame, gray, cv::COLOR_BGRA2GRAY);
        auto found = cg::codes::readCodes(gray, options);
        benchmark::DoNotOptimize(found);
    }
    setLabel(state);
}

// One analyzer step with the CodeDetector due on every frame (frame times one cadence apart).
void BM_AnalyzerStepWithCodeDetector(benchmark::State& state)
{
    const cv::Mat frame =
        benchFrame(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), state.range(2) != 0);
    std::vector<std::unique_ptr<cg::Detector>> detectors;
    detectors.push_back(std::make_unique<cg::CodeDetector>());
    const cg::Millis cadence = detectors.front()->cadence();
    cg::Analyzer analyzer(std::move(detectors));
    cg::Millis time{0};
    for (auto _ : state) {
        auto result = analyzer.step(cg::Frame::fromMat(frame, time));
        benchmark::DoNotOptimize(result);
        time += cadence;
    }
    setLabel(state);
}

void frameSizes(benchmark::internal::Benchmark* b)
{
    for (const auto& [w, h] : {std::pair{1280, 720}, std::pair{1920, 1080}}) {
        for (int withCode : {0, 1}) {
            b->Args({w, h, withCode});
        }
    }
    b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_CodeDetector)->Apply(frameSizes);
BENCHMARK(BM_PlainZxingTryHarder)->Apply(frameSizes);
BENCHMARK(BM_AnalyzerStepWithCodeDetector)->Apply(frameSizes);

} // namespace

BENCHMARK_MAIN();
