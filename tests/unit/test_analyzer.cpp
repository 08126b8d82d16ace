#include "core/analyzer.hpp"

#include <gtest/gtest.h>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

#include <chrono>
#include <condition_variable>
#include <future>
#include <latch>
#include <thread>

namespace cg {
namespace {

using namespace std::chrono_literals;

Frame blankFrame(Millis time, std::uint8_t value = 0)
{
    return Frame::fromMat(cv::Mat(8, 8, CV_8UC1, cv::Scalar(value)), time);
}

// Reports a "bright" detection when the frame's first pixel is above 128. Lets the tests control
// exactly what is seen, so they check the analyzer's scheduling rather than a detector.
class BrightnessProbe final : public Detector {
  public:
    explicit BrightnessProbe(Millis cadence, std::string id = "probe", bool mayTakeLong = false)
        : cadence_(cadence), id_(std::move(id)), mayTakeLong_(mayTakeLong)
    {
    }
    std::string_view id() const override { return id_; }
    std::vector<std::string> categories() const override { return {"bright"}; }
    Millis cadence() const override { return cadence_; }
    bool mayTakeLong() const override { return mayTakeLong_; }
    std::vector<Detection> detect(const Frame& frame) override
    {
        ++calls;
        if (gate)
            gate->wait();
        if (frame.view().at<std::uint8_t>(0, 0) <= 128)
            return {};
        return {Detection{id_, "bright", "bright", 1.0f, {}, {}}};
    }
    std::atomic<int> calls = 0;
    std::shared_future<void>* gate = nullptr;

  private:
    Millis cadence_;
    std::string id_;
    bool mayTakeLong_;
};

class Throwing final : public Detector {
  public:
    std::string_view id() const override { return "broken"; }
    std::vector<std::string> categories() const override { return {"nothing"}; }
    Millis cadence() const override { return 0ms; }
    std::vector<Detection> detect(const Frame&) override { throw std::runtime_error("model file missing"); }
};

TEST(Analyzer, RunsEachDetectorAtItsOwnCadenceInFrameTime)
{
    auto fast = std::make_unique<BrightnessProbe>(100ms, "fast");
    auto slow = std::make_unique<BrightnessProbe>(1000ms, "slow");
    BrightnessProbe* fastProbe = fast.get();
    BrightnessProbe* slowProbe = slow.get();
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::move(fast));
    detectors.push_back(std::move(slow));
    Analyzer analyzer(std::move(detectors));

    for (int ms = 0; ms < 2000; ms += 50)
        analyzer.step(blankFrame(Millis{ms}));
    EXPECT_EQ(fastProbe->calls, 20);
    EXPECT_EQ(slowProbe->calls, 2);
}

TEST(Analyzer, ReportsDetectionsAndTheCategoriesItChecked)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<BrightnessProbe>(0ms));
    Analyzer analyzer(std::move(detectors));
    const AnalysisResult dark = analyzer.step(blankFrame(0ms, 10));
    EXPECT_TRUE(dark.detections.empty());
    EXPECT_EQ(dark.categoriesChecked, std::vector<std::string>{"bright"});
    const AnalysisResult bright = analyzer.step(blankFrame(10ms, 250));
    ASSERT_EQ(bright.detections.size(), 1u);
    EXPECT_EQ(bright.detections[0].category, "bright");
}

TEST(Analyzer, ADetectorThatThrowsIsReportedAndOthersStillRun)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<Throwing>());
    detectors.push_back(std::make_unique<BrightnessProbe>(0ms));
    Analyzer analyzer(std::move(detectors));
    const AnalysisResult result = analyzer.step(blankFrame(0ms, 250));
    ASSERT_EQ(result.errors.size(), 1u);
    EXPECT_EQ(result.errors[0], "broken: model file missing");
    EXPECT_EQ(result.detections.size(), 1u);
}

TEST(Analyzer, SubmitNeverBlocksAndTheNewestFrameWins)
{
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    auto gated = std::make_unique<BrightnessProbe>(0ms);
    gated->gate = &gate;
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::move(gated));
    Analyzer analyzer(std::move(detectors));

    std::mutex seenMutex;
    std::vector<Millis> seen;
    std::latch done(2);
    analyzer.start([&](const AnalysisResult& result) {
        std::lock_guard lock(seenMutex);
        seen.push_back(result.frame.time());
        done.count_down();
    });

    BrightnessProbe* probe = static_cast<BrightnessProbe*>(analyzer.detectors()[0]);
    analyzer.submit(blankFrame(0ms)); // the worker takes it and blocks inside the detector
    while (probe->calls.load() == 0)
        std::this_thread::sleep_for(1ms);
    const auto before = std::chrono::steady_clock::now();
    for (int i = 1; i <= 100; ++i)
        analyzer.submit(blankFrame(Millis{i}));
    EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "submit must not wait for the worker";
    release.set_value();
    done.wait();
    analyzer.stop();

    std::lock_guard lock(seenMutex);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0], 0ms);
    EXPECT_EQ(seen[1], 100ms) << "only the newest frame is analysed after a busy period";
    const AnalyzerStats stats = analyzer.stats();
    EXPECT_EQ(stats.submitted, 101u);
    EXPECT_EQ(stats.analyzed, 2u);
    EXPECT_EQ(stats.dropped, 99u);
}

TEST(Analyzer, AQuickCheckIsReportedWhileALongOneIsStillRunning)
{
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    auto slow = std::make_unique<BrightnessProbe>(0ms, "slow", true);
    slow->gate = &gate;
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::move(slow));
    detectors.push_back(std::make_unique<BrightnessProbe>(0ms, "quick"));
    Analyzer analyzer(std::move(detectors));

    std::mutex seenMutex;
    std::condition_variable seenChanged;
    std::vector<std::vector<std::string>> seen; // detectorsRun of each result, in arrival order
    analyzer.start([&](const AnalysisResult& result) {
        std::lock_guard lock(seenMutex);
        seen.push_back(result.detectorsRun);
        seenChanged.notify_all();
    });
    analyzer.submit(blankFrame(0ms, 200));
    {
        std::unique_lock lock(seenMutex);
        ASSERT_TRUE(seenChanged.wait_for(lock, 5s, [&] { return !seen.empty(); }));
        EXPECT_EQ(seen.front(), std::vector<std::string>{"quick"}) << "the quick check did not wait";
    }
    release.set_value();
    {
        std::unique_lock lock(seenMutex);
        ASSERT_TRUE(seenChanged.wait_for(lock, 5s, [&] { return seen.size() == 2; }));
        EXPECT_EQ(seen.back(), std::vector<std::string>{"slow"});
    }
    analyzer.stop();
    EXPECT_EQ(analyzer.stats().analyzed, 1u) << "a frame counts once, for the quick checks";

    // On the caller's thread (the CLI) the same detectors make one result, the quick checks first.
    const AnalysisResult onCallersThread = analyzer.step(blankFrame(1ms, 200));
    EXPECT_EQ(onCallersThread.detectorsRun, (std::vector<std::string>{"quick", "slow"}));
}

#if defined(__linux__)
TEST(Analyzer, ABackgroundWorkerGivesWayToTheHostsThreads)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<BrightnessProbe>(0ms));
    Analyzer analyzer(std::move(detectors));
    std::promise<int> workerPolicy;
    analyzer.start(
        [&](const AnalysisResult&) {
            int policy = -1;
            sched_param param{};
            pthread_getschedparam(pthread_self(), &policy, &param);
            workerPolicy.set_value(policy);
        },
        Analyzer::WorkerPriority::Background);
    analyzer.submit(blankFrame(0ms));
    const int policy = workerPolicy.get_future().get();
    analyzer.stop();
    EXPECT_EQ(policy, SCHED_IDLE) << "the worker runs only on CPU time nothing else wants";
    int ours = -1;
    sched_param param{};
    pthread_getschedparam(pthread_self(), &ours, &param);
    EXPECT_EQ(ours, SCHED_OTHER) << "the thread that started it is untouched";
}
#endif

TEST(Analyzer, StopsPromptlyWithAFramePending)
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<BrightnessProbe>(0ms));
    auto analyzer = std::make_unique<Analyzer>(std::move(detectors));
    analyzer->start([](const AnalysisResult&) { std::this_thread::sleep_for(5ms); });
    for (int i = 0; i < 50; ++i)
        analyzer->submit(blankFrame(Millis{i}));
    const AnalyzerStats stats = analyzer->stats();
    const auto before = std::chrono::steady_clock::now();
    analyzer.reset(); // the destructor stops and joins without draining the backlog
    EXPECT_LT(std::chrono::steady_clock::now() - before, 500ms);
    EXPECT_EQ(stats.submitted, 50u);
    EXPECT_LT(stats.analyzed, 50u);
}

} // namespace
} // namespace cg

namespace cg {
namespace {

TEST(Analyzer, ReplacedDetectorsTakeOverBeforeTheNextFrame)
{
    std::vector<std::unique_ptr<Detector>> first;
    first.push_back(std::make_unique<BrightnessProbe>(std::chrono::milliseconds(0), "old"));
    Analyzer analyzer(std::move(first));
    EXPECT_EQ(analyzer.step(blankFrame(std::chrono::milliseconds(0))).detectorsRun,
              std::vector<std::string>{"old"});
    std::vector<std::unique_ptr<Detector>> second;
    second.push_back(std::make_unique<BrightnessProbe>(std::chrono::milliseconds(0), "new"));
    analyzer.replaceDetectors(std::move(second));
    EXPECT_EQ(analyzer.step(blankFrame(std::chrono::milliseconds(1))).detectorsRun,
              std::vector<std::string>{"new"});
}

} // namespace
} // namespace cg
