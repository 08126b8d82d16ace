// The session report of issue 6 on a two-hour session with 500 findings: a record written by the
// real RecordWriter through ComplianceSession (500 QR code and logo findings, each with its evidence
// JPEG rendered from a 1280x720 picture with a presenter), then exported as HTML and as PDF with
// faces blurred. Target: under 10 s each. Own executable because the PDF needs Qt.
//
//   cg_report_bench --benchmark_out=report.json --benchmark_out_format=json
#include "core/compliance_session.hpp"
#include "core/record/record_verifier.hpp"
#include "core/report/report_thumbnails.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "report_pdf/session_report_export.hpp"
#include "support/temp_folder.hpp"
#include "unit/codes/code_images.hpp"
#include "unit/presence/drawn_face.hpp"

#include <ZXing/BarcodeFormat.h>
#include <benchmark/benchmark.h>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <iostream>

namespace cg {
namespace {

using namespace std::chrono_literals;

constexpr int kFindings = 500;
constexpr Millis kSessionLength = 2h;

std::vector<cv::Mat> cameraPictures()
{
    std::vector<cv::Mat> pictures;
    for (unsigned seed = 1; seed <= 8; ++seed) {
        cv::Mat picture = test::emptyRoom({1280, 720}, seed);
        test::drawFace(picture, {420 + static_cast<int>(seed) * 20, 320}, 180);
        test::place(
            picture,
            test::renderCode(ZXing::BarcodeFormat::QRCode, "https://wa.me/" + std::to_string(seed), 6), 880,
            200);
        pictures.push_back(picture);
    }
    return pictures;
}

// The record of a two-hour session: finding i is seen for 3 s from i * 14.4 s, a QR code or a logo.
std::filesystem::path writeLongSession(const std::filesystem::path& parent)
{
    const std::int64_t start = 1795615330000; // 2026-11-25T14:02:10Z
    ManualClock clock(start);
    RecordWriterOptions options;
    options.maxQueuedEvidence = kFindings * 2; // the generator runs faster than any stream
    const std::filesystem::path dir = RecordWriter::newSessionFolder(parent, start, "stream");
    ComplianceSession session(loadRulePack(std::filesystem::path(CG_SOURCE_DIR) / "data/rules/alibaba.json"),
                              clock, std::make_unique<RecordWriter>(dir, clock, nullptr, options),
                              {{"kind", "stream"}});
    session.note("recording_started", {{"file", "/videos/long.mkv"}});
    const std::vector<cv::Mat> pictures = cameraPictures();
    const Millis period = kSessionLength / kFindings;
    for (Millis t{0}; t < kSessionLength; t += 1s) {
        clock.set(t);
        const auto index = static_cast<std::size_t>(t / period);
        const bool seen = t - period * static_cast<Millis::rep>(index) < 3s;
        const bool qr = index % 2 == 0;
        AnalysisResult result;
        result.frame = Frame::fromMat(pictures[index % pictures.size()], t);
        result.categoriesChecked = {"qr_code", "logo"};
        if (seen)
            result.detections.push_back({qr ? "codes" : "logos",
                                         qr ? "qr_code" : "logo",
                                         qr ? "QRCode" : "whatsapp",
                                         0.9f,
                                         {{880, 200}, {1100, 200}, {1100, 420}, {880, 420}},
                                         qr ? "https://wa.me/" + std::to_string(index) : std::string()});
        session.onResult(result);
        session.tick();
    }
    clock.set(kSessionLength);
    session.close({{"reason", "stream stopped"}});
    return dir;
}

struct LongSession {
    TempFolder folder;
    std::filesystem::path dir;
    LongSession() : dir(writeLongSession(folder.path()))
    {
        const VerifyReport report = verifyRecord(dir);
        std::cerr << "long session: " << report.linesChecked << " lines, " << report.evidenceFilesChecked
                  << " evidence pictures, " << toString(report.status) << "\n";
    }
};

const LongSession& longSession()
{
    static const LongSession session;
    return session;
}

double processCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& time) {
        return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void exportLongSession(benchmark::State& state, const std::string& extension, bool blurFaces)
{
    SessionReportRequest request;
    request.sessionDir = longSession().dir;
    request.output = longSession().folder.path() / ("report" + extension);
    request.localeDir = std::filesystem::path(CG_SOURCE_DIR) / "locale";
    request.rulesDir = std::filesystem::path(CG_SOURCE_DIR) / "data" / "rules";
    request.thumbnails.blurFaces = blurFaces;
    // The machine is shared: the CPU time of the whole process (all threads) says more than the wall
    // clock when others are busy.
    const double cpuBefore = processCpuSeconds();
    for (auto _ : state) {
        std::string error;
        if (!exportSessionReport(request, &error))
            state.SkipWithError(error.c_str());
    }
    state.counters["process_cpu_s"] =
        (processCpuSeconds() - cpuBefore) /
        static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(request.output));
}

void BM_ReportHtml2h500Findings(benchmark::State& state)
{
    exportLongSession(state, ".html", true);
}
void BM_ReportPdf2h500Findings(benchmark::State& state)
{
    exportLongSession(state, ".pdf", true);
}
void BM_ReportHtml2h500FindingsNoFaceBlur(benchmark::State& state)
{
    exportLongSession(state, ".html", false);
}

BENCHMARK(BM_ReportHtml2h500Findings)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReportPdf2h500Findings)->Unit(benchmark::kMillisecond)->Iterations(3);
void BM_ReportPdf2h500FindingsNoFaceBlur(benchmark::State& state)
{
    exportLongSession(state, ".pdf", false);
}
BENCHMARK(BM_ReportHtml2h500FindingsNoFaceBlur)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReportPdf2h500FindingsNoFaceBlur)->Unit(benchmark::kMillisecond)->Iterations(3);

// One thumbnail's face blurring (frontal + profile cascades on 320x180), with OpenCV's thread pool
// and on the calling thread alone (threads = 1), to see what the pool costs on small pictures.
void BM_BlurFacesOneThumbnail(benchmark::State& state)
{
    cv::Mat picture;
    cv::resize(cameraPictures().front(), picture, {320, 180}, 0, 0, cv::INTER_AREA);
    cv::Mat bgr;
    cv::cvtColor(picture, bgr, cv::COLOR_GRAY2BGR);
    FaceFinder finder(ThumbnailOptions::blurringFaceFinder());
    const int threadsBefore = cv::getNumThreads();
    cv::setNumThreads(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        cv::Mat copy = bgr.clone();
        benchmark::DoNotOptimize(blurFaces(copy, finder));
    }
    cv::setNumThreads(threadsBefore);
}
BENCHMARK(BM_BlurFacesOneThumbnail)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace cg

int main(int argc, char** argv)
{
    cg::ensureReportGuiApplication();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
