// LogoDetector::detect at 1280x720 on a generated frame with three marks (a colour mark, an app
// icon, a white mark) and on the same background without any, in the CLI's colour form and in the
// OBS filter's form (luma + 640-px colour preview), and on the OBS benchmark's scene (the demo
// banner with a QR code, 1920x1080). The detector runs once per cadence (2 s by
// default), so its share of one core is its CPU time per run (this thread's, so that other work on
// the machine does not count) divided by the cadence: counters "cpu_ms_per_run" and "core_share_pct".
#include "core/logos/logo_detector.hpp"
#include "unit/logos/logo_scenes.hpp"

#include <benchmark/benchmark.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <ctime>

namespace {

const std::string kTemplates = std::string(CG_SOURCE_DIR) + "/data/logos";

enum class Scene { NoMark, ThreeMarks, DemoBannerWithQr };

cv::Mat benchFrame(Scene scene)
{
    if (scene == Scene::DemoBannerWithQr) {
        cv::Mat banner =
            cv::imread(std::string(CG_SOURCE_DIR) + "/data/demo/banner-with-qr.png", cv::IMREAD_COLOR);
        cv::resize(banner, banner, cv::Size(1920, 1080), 0, 0, cv::INTER_LINEAR);
        cv::Mat bgra;
        cv::cvtColor(banner, bgra, cv::COLOR_BGR2BGRA);
        return bgra;
    }
    const bool withLogos = scene == Scene::ThreeMarks;
    std::mt19937 random(21);
    const auto photos = cg::test::loadBackgroundPhotos(CG_SHARED_DIR);
    cv::Mat bgr = cg::test::backgroundPicture(random, photos, cv::Size(1280, 720));
    if (withLogos) {
        const auto marks = cg::test::loadListedMarks(kTemplates);
        const std::vector<std::pair<std::size_t, cg::test::MarkStyle>> drawn{
            {0, cg::test::MarkStyle::Colour},
            {5, cg::test::MarkStyle::AppIcon},
            {9, cg::test::MarkStyle::White}};
        float x = 200;
        for (const auto& [index, style] : drawn) {
            cg::test::MarkPlacement placement;
            placement.style = style;
            placement.size = 64;
            placement.centre = {x, 560};
            cg::test::drawMark(bgr, marks.at(index), placement, random);
            x += 400;
        }
    }
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return bgra;
}

cg::Frame obsFrame(const cv::Mat& bgra)
{
    cv::Mat gray;
    cv::cvtColor(bgra, gray, cv::COLOR_BGRA2GRAY);
    cv::Mat preview;
    cv::resize(bgra, preview, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
    return cg::Frame::fromMat(gray).withPreview(cg::Frame::fromMat(preview).deepCopy()).deepCopy();
}

void BM_LogoDetector(benchmark::State& state)
{
    const auto scene = static_cast<Scene>(state.range(0));
    const bool obsForm = state.range(1) != 0;
    const cv::Mat bgra = benchFrame(scene);
    const cg::Frame frame = obsForm ? obsFrame(bgra) : cg::Frame::fromMat(bgra);
    cg::LogoDetectorSettings settings;
    settings.templatesFolder = kTemplates;
    cg::LogoDetector detector(settings);
    std::size_t found = 0;
    timespec before{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &before);
    for (auto _ : state) {
        auto detections = detector.detect(frame);
        found = detections.size();
        benchmark::DoNotOptimize(detections);
    }
    timespec after{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &after);
    const double cpuMsPerRun =
        (static_cast<double>(after.tv_sec - before.tv_sec) * 1e3 +
         static_cast<double>(after.tv_nsec - before.tv_nsec) / 1e6) /
        static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["cpu_ms_per_run"] = cpuMsPerRun;
    state.counters["core_share_pct"] = 100.0 * cpuMsPerRun / static_cast<double>(settings.cadence.count());
    state.counters["found"] = static_cast<double>(found);
    const char* what = scene == Scene::NoMark       ? "1280x720 no mark"
                       : scene == Scene::ThreeMarks ? "1280x720 3 marks"
                                                    : "1920x1080 demo banner with a QR code";
    state.SetLabel(std::string(what) + (obsForm ? ", luma+preview" : ", colour"));
}

} // namespace

BENCHMARK(BM_LogoDetector)
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
