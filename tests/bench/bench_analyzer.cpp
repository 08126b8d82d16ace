// The whole analysis of one second of stream with every detector at its default settings and
// cadence (codes, presenter, static picture, slideshow, looping video, picture quality, logos and
// on-screen text with the Alibaba.com pack's word lists), as the filter
// runs it: frames every capture cadence, as full-size luma with a 640-px colour preview (what OBS
// hands in) or as colour (the CLI). The CPU time per iteration, over all threads, is the CPU time one
// second of stream costs: divided by 1000 ms it is the share of one core (target at most 25 % at
// 1280x720, tests/bench/RESULTS.md).
#include "core/analyzer.hpp"
#include "core/default_detectors.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "unit/activity/generated_scenes.hpp"
#include "unit/presence/drawn_face.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <benchmark/benchmark.h>
#include <opencv2/imgproc.hpp>

namespace {

// A presenter at a desk in front of a camera-like background, with a QR code on a banner.
cv::Mat presenterWithBanner(cv::Size size)
{
    cv::Mat bgr = cg::scenes::texturedStill(size, 21);
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    cg::test::drawFace(gray, {size.width / 2, size.height * 2 / 5}, size.height / 4);
    cv::cvtColor(gray, bgr, cv::COLOR_GRAY2BGR);
    const auto bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                          .setMargin(4)
                          .encode(std::string("https://shop.example/live/room/8848"), 0, 0);
    cv::Mat code(bits.height(), bits.width(), CV_8UC1);
    for (int y = 0; y < bits.height(); ++y)
        for (int x = 0; x < bits.width(); ++x)
            code.at<uchar>(y, x) = bits.get(x, y) ? 0 : 255;
    cv::resize(code, code, cv::Size(), 4, 4, cv::INTER_NEAREST);
    cv::cvtColor(code, code, cv::COLOR_GRAY2BGR);
    code.copyTo(
        bgr(cv::Rect(size.width - code.cols - 40, size.height - code.rows - 40, code.cols, code.rows)));
    // A lower-third banner with a contact line, so the text check has text to keep track of.
    const int bannerTop = size.height * 3 / 4;
    cv::rectangle(bgr, cv::Rect(40, bannerTop, size.width / 2, size.height / 10), cv::Scalar(40, 40, 160),
                  cv::FILLED);
    cv::putText(bgr, "Add WeChat: lily_home88  Tel 138 0013 8000", {60, bannerTop + size.height / 16},
                cv::FONT_HERSHEY_SIMPLEX, size.height / 900.0, cv::Scalar(255, 255, 255), 2, cv::LINE_AA);
    return bgr;
}

void BM_AnalyzerOneSecondAllDetectors(benchmark::State& state)
{
    const cv::Size size(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    const bool luma = state.range(2) != 0;
    const cv::Mat scene = presenterWithBanner(size);
    cv::RNG rng(5);
    // A few noisy takes of the scene, so that the picture changes as a camera's does.
    std::vector<cv::Mat> takes;
    for (int i = 0; i < 4; ++i)
        takes.push_back(cg::scenes::withSensorNoise(scene, 3, rng));
    cg::DetectorSettings settings;
    settings.logoSettings.templatesFolder = CG_SOURCE_DIR "/data/logos";
    cg::useRulePack(settings, cg::loadRulePack(CG_SOURCE_DIR "/data/rules/alibaba.json"));
    const cg::Millis cadence = cg::captureCadence(settings);
    cg::Analyzer analyzer(cg::makeDetectors(settings));
    cg::Millis time{0};
    std::size_t take = 0;
    for (auto _ : state) {
        for (cg::Millis second = time + cg::Millis{1000}; time < second; time += cadence) {
            const cv::Mat& picture = takes[take++ % takes.size()];
            auto result = analyzer.step(luma ? cg::scenes::lumaFrame(picture, time)
                                             : cg::scenes::colourFrame(picture, time));
            benchmark::DoNotOptimize(result);
        }
    }
    state.SetLabel(std::to_string(size.width) + "x" + std::to_string(size.height) +
                   (luma ? " luma + preview (OBS)" : " colour (CLI)") + ", one second of stream");
}

BENCHMARK(BM_AnalyzerOneSecondAllDetectors)
    ->Args({1280, 720, 1})
    ->Args({1280, 720, 0})
    ->Args({1920, 1080, 1})
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace
