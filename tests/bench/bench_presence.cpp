// The presenter detector per run on full-size luma frames, next to dlib's HOG face detector with one
// upsampling step and OpenCV's LBP frontal cascade on the same frame reduced to 640 px wide.
#include "core/presence/presenter_detector.hpp"
#include "corpus/face_baselines.hpp"
#include "unit/presence/drawn_face.hpp"

#include <benchmark/benchmark.h>
#include <opencv2/imgproc.hpp>

namespace {

cv::Mat lumaWithPresenter(int width, int height)
{
    cv::Mat luma = cg::test::emptyRoom(cv::Size(width, height));
    cg::test::drawFace(luma, cv::Point(width / 2, height * 4 / 10), height / 4);
    return luma;
}

cv::Mat reducedTo640(const cv::Mat& luma)
{
    cv::Mat reduced;
    const double scale = 640.0 / luma.cols;
    cv::resize(luma, reduced, cv::Size(), scale, scale, cv::INTER_AREA);
    return reduced;
}

void presenterDetector(benchmark::State& state, bool withFace)
{
    const int width = static_cast<int>(state.range(0));
    const int height = static_cast<int>(state.range(1));
    const cv::Mat luma =
        withFace ? lumaWithPresenter(width, height) : cg::test::emptyRoom(cv::Size(width, height));
    cg::PresenterDetector detector;
    cg::Millis time{0};
    for (auto _ : state) {
        benchmark::DoNotOptimize(detector.detect(cg::Frame::fromMat(luma, time)));
        time += detector.cadence();
    }
    state.counters["present"] = detector.present() ? 1 : 0;
}

void presenterOnAir(benchmark::State& state)
{
    presenterDetector(state, true);
}
void presenterEmptyRoom(benchmark::State& state)
{
    presenterDetector(state, false);
}

// Baselines include the reduction to 640 px wide, as the detector does it.
void dlibHogPlusOne(benchmark::State& state)
{
    const cv::Mat luma =
        lumaWithPresenter(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    cg::corpus::DlibHogFaces hog;
    for (auto _ : state)
        benchmark::DoNotOptimize(hog.find(reducedTo640(luma), 1));
}

void lbpFrontalCascade(benchmark::State& state)
{
    const cv::Mat luma =
        lumaWithPresenter(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
    cg::corpus::LbpCascadeFaces lbp(cg::corpus::kOpenCvDataFolder +
                                    "/lbpcascades/lbpcascade_frontalface.xml");
    for (auto _ : state)
        benchmark::DoNotOptimize(lbp.find(reducedTo640(luma)));
}

} // namespace

// OpenCV's cascades spread a search over its worker threads, so CPU time is the whole process's.
BENCHMARK(presenterOnAir)
    ->Args({1280, 720})
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK(presenterEmptyRoom)
    ->Args({1280, 720})
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK(dlibHogPlusOne)
    ->Args({1280, 720})
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK(lbpFrontalCascade)
    ->Args({1280, 720})
    ->Args({1920, 1080})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
