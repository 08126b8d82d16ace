// The logo detector at its default settings over CG_SHARED_DIR/corpus/logos/composites (1280x720,
// truth boxes in truth.json): recall for marks 48 px wide and more and for 32-48 px (width of the
// truth box), and false logos on the frames without one (two of them carry other, non-listed
// logos). Run once the method and settings had been chosen on generated frames (never tuned on
// this folder). Also scores the generated tuning set at fixed seeds (logo_method_survey prints the
// method comparison). Prints plain tables.
#include "core/logos/logo_detector.hpp"
#include "corpus/logo_evaluation.hpp"
#include "unit/logos/logo_scenes.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace cg::test {
namespace {

namespace fs = std::filesystem;

double threadMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

LogoDetectorSettings defaultSettings()
{
    LogoDetectorSettings settings;
    settings.templatesFolder = std::string(CG_SOURCE_DIR) + "/data/logos";
    return settings;
}

std::vector<Detection> detectTimed(LogoDetector& detector, const cv::Mat& bgr, LogoScore& score)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    const double start = threadMilliseconds();
    auto reports = detector.detect(Frame::fromMat(bgra));
    score.milliseconds += threadMilliseconds() - start;
    return reports;
}

TEST(LogoCorpus, CompositesRecallAndFalseLogos)
{
    const fs::path corpus = fs::path(CG_SHARED_DIR) / "corpus";
    const fs::path truthFile = corpus / "truth.json";
    if (!fs::exists(truthFile) || !fs::is_directory(corpus / "logos" / "composites"))
        GTEST_SKIP() << "corpus not found at " << corpus << " (set CG_SHARED_DIR)";
    nlohmann::json truth;
    std::ifstream(truthFile) >> truth;

    LogoDetector detector(defaultSettings());
    LogoScore score;
    std::cout << "frame            | truth (brand@w)                      | reported\n";
    for (const auto& entry : truth.at("logos").at("composites")) {
        const cv::Mat bgr =
            cv::imread((corpus / entry.at("file").get<std::string>()).string(), cv::IMREAD_COLOR);
        ASSERT_FALSE(bgr.empty()) << entry.at("file");
        std::vector<TruthMark> marks;
        std::string truthText;
        for (const auto& logo : entry.at("logos")) {
            const auto box = logo.at("bbox_xywh");
            marks.push_back(
                {logo.at("brand").get<std::string>(),
                 cv::Rect(box[0].get<int>(), box[1].get<int>(), box[2].get<int>(), box[3].get<int>()),
                 logo.at("style").get<std::string>()});
            truthText += marks.back().brand + "@" + std::to_string(marks.back().box.width) + " ";
        }
        const auto reports = detectTimed(detector, bgr, score);
        std::string reportText;
        for (const auto& report : reports)
            reportText += report.label + "(" + std::to_string(report.confidence).substr(0, 4) + ") ";
        std::printf("%-16s | %-36s | %s\n", fs::path(entry.at("file").get<std::string>()).filename().c_str(),
                    truthText.c_str(), reportText.c_str());
        scoreLogoFrame(score, marks, reports);
    }
    std::cout << "\n"
              << logoScoreHeader() << "\n"
              << logoScoreRow("corpus composites, defaults", score) << "\n";
    for (const auto& miss : score.misses)
        std::cout << "  missed " << miss << "\n";
    for (const auto& report : score.falses)
        std::cout << "  false  " << report << "\n";

    // Issue 5's targets. Measured: 20/21 and 6/6, no false logo (RESULTS.md).
    std::cout << "issue 5 targets: >= 48 px 90 %, 32-48 px 75 %, no false logo\n";
    EXPECT_GE(score.large.rate(), 0.90) << "recall for marks >= 48 px";
    EXPECT_GE(score.small.rate(), 0.75) << "recall for marks 32-48 px";
    EXPECT_EQ(score.falseOnNegatives, 0) << "false logos on frames without one";
}

// Generated frames at fixed seeds other than the ones tuned on (tuning used 1000+ and 5000+; these
// use 90000+): the numbers the README quotes, asserted a little below the level measured so that a
// regression shows.
TEST(LogoCorpus, GeneratedFramesWithDistractors)
{
    const auto listed = loadListedMarks(std::string(CG_SOURCE_DIR) + "/data/logos");
    const auto distractors =
        loadDistractorMarks(std::string(CG_SOURCE_DIR) + "/tests/unit/logos/distractors");
    const auto photos = loadBackgroundPhotos(CG_SHARED_DIR);
    if (photos.empty())
        GTEST_SKIP() << "no background photos under " << CG_SHARED_DIR << "/corpus/faces (set CG_SHARED_DIR)";
    LogoDetector detector(defaultSettings());
    LogoScore score;
    SceneOptions negative;
    negative.negative = true;
    for (std::uint32_t i = 0; i < 120; ++i) {
        const auto scene = makeLogoScene(90000 + i, listed, distractors, photos);
        std::vector<TruthMark> marks;
        for (const auto& mark : scene.logos)
            marks.push_back({mark.slug, mark.box, {}});
        scoreLogoFrame(score, marks, detectTimed(detector, scene.bgr, score));
    }
    for (std::uint32_t i = 0; i < 40; ++i) {
        const auto scene = makeLogoScene(95000 + i, listed, distractors, photos, negative);
        scoreLogoFrame(score, {}, detectTimed(detector, scene.bgr, score));
    }
    std::cout << logoScoreHeader() << "\n" << logoScoreRow("generated (120 + 40 negative)", score) << "\n";
    // Measured 2026-11-26: 78/163 (48%) >= 48 px, 24/42 (57%) 32-48 px, 1 of 40 negative frames
    // with a false report. The issue's targets (90% / 75% / none) are not met on this harder set.
    EXPECT_GE(score.large.rate(), 0.42);
    EXPECT_GE(score.small.rate(), 0.50);
    EXPECT_LE(score.negativesWithFalse, 2);
}

} // namespace
} // namespace cg::test
