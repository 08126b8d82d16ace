// Compares the logo detection methods on generated frames (tests/unit/logos/logo_scenes): the
// shipped LogoDetector (MSER candidates + template correlation + colour cue) with and without its
// colour cue, and ORB feature matching with a RANSAC homography. Settings can be overridden to tune:
//
//   cg_logo_method_survey [frames=200] [negatives=60] [seed=1000] [agree=0.75] [neutral=0.82]
//                         [disagree=0.85] [margin=0.06] [distinct=0.3] [scale=0.75] [coarse=0.55]
//                         [anglestep=10] [orb=1] [budget=1000] [surfaces=1] [turned=0] [list=0]
//                         [save=0]
//
// turned=S draws a share S of the marks on posters and phones turned 30-60 degrees away; list=1
// prints every miss and false report; save=N draws truth and reports on the first N frames
// (logo_scene_N.png in the current folder); CG_LOGO_IMAGE=picture prints the reports for one picture
// and exits.
#include "core/logos/logo_detector.hpp"
#include "corpus/logo_evaluation.hpp"
#include "corpus/logo_orb_baseline.hpp"
#include "unit/logos/logo_scenes.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

namespace {

std::vector<cg::test::TruthMark> truthOf(const cg::test::LogoScene& scene)
{
    std::vector<cg::test::TruthMark> truth;
    for (const auto& mark : scene.logos)
        truth.push_back({mark.slug, mark.box,
                         "style " + std::to_string(static_cast<int>(mark.style)) + " angle " +
                             std::to_string(mark.angleDeg)});
    return truth;
}

// CPU time of this thread: the machine is shared, wall time would measure the neighbours.
double threadMilliseconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

template <typename Detect>
cg::test::LogoScore evaluate(const std::vector<cg::test::LogoScene>& scenes, Detect&& detect)
{
    cg::test::LogoScore score;
    for (const auto& scene : scenes) {
        const double start = threadMilliseconds();
        const auto reports = detect(scene.bgr);
        score.milliseconds += threadMilliseconds() - start;
        cg::test::scoreLogoFrame(score, truthOf(scene), reports);
    }
    return score;
}

} // namespace

int main(int argc, char** argv)
{
    std::map<std::string, double> options{
        {"frames", 200},      {"negatives", 60}, {"seed", 1000},    {"agree", 0.75},  {"neutral", 0.82},
        {"disagree", 0.85},   {"margin", 0.06},  {"distinct", 0.3}, {"orb", 1},       {"budget", 1000},
        {"list", 0},          {"save", 0},       {"scale", 0.75},   {"coarse", 0.55}, {"anglestep", 10},
        {"foreshortened", 0}, {"surfaces", 1},   {"turned", 0}};
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const auto equals = argument.find('=');
        if (equals == std::string::npos || !options.contains(argument.substr(0, equals))) {
            std::fprintf(stderr, "unknown option %s\n", argument.c_str());
            return 2;
        }
        options[argument.substr(0, equals)] = std::stod(argument.substr(equals + 1));
    }
    const std::string templates = std::string(CG_SOURCE_DIR) + "/data/logos";
    const auto listed = cg::test::loadListedMarks(templates);
    const auto distractors =
        cg::test::loadDistractorMarks(std::string(CG_SOURCE_DIR) + "/tests/unit/logos/distractors");
    const auto photos = cg::test::loadBackgroundPhotos(CG_SHARED_DIR);
    std::printf("%zu listed marks, %zu distractors, %zu background photos\n", listed.size(),
                distractors.size(), photos.size());

    std::vector<cg::test::LogoScene> scenes;
    const auto seed = static_cast<std::uint32_t>(options["seed"]);
    cg::test::SceneOptions positive;
    positive.turnedAwayShare = static_cast<float>(options["turned"]);
    for (int i = 0; i < static_cast<int>(options["frames"]); ++i)
        scenes.push_back(cg::test::makeLogoScene(seed + static_cast<std::uint32_t>(i), listed, distractors,
                                                 photos, positive));
    cg::test::SceneOptions negative = positive;
    negative.negative = true;
    for (int i = 0; i < static_cast<int>(options["negatives"]); ++i)
        scenes.push_back(cg::test::makeLogoScene(seed + 100000 + static_cast<std::uint32_t>(i), listed,
                                                 distractors, photos, negative));

    cg::LogoDetectorSettings settings;
    settings.templatesFolder = templates;
    settings.timeBudget = cg::Millis(static_cast<long>(options["budget"]));
    settings.scoreWhenColourAgrees = static_cast<float>(options["agree"]);
    settings.scoreWhenColourNeutral = static_cast<float>(options["neutral"]);
    settings.scoreWhenColourDisagrees = static_cast<float>(options["disagree"]);
    settings.brandMargin = static_cast<float>(options["margin"]);
    settings.regionScale = options["scale"];
    settings.minDistinctiveness = static_cast<float>(options["distinct"]);
    settings.foreshortenedMarks = options["foreshortened"] != 0;
    settings.searchTiltedSurfaces = options["surfaces"] != 0;
    settings.coarseFloor = static_cast<float>(options["coarse"]);
    settings.anglesDeg.clear();
    for (double angle = -40; angle <= 40.01; angle += options["anglestep"])
        settings.anglesDeg.push_back(static_cast<float>(angle));
    cg::LogoDetector detector(settings);

    {
        double regionMs = 0;
        std::size_t regionCount = 0;
        for (const auto& scene : scenes) {
            cv::Mat gray;
            cv::cvtColor(scene.bgr, gray, cv::COLOR_BGR2GRAY);
            const double start = threadMilliseconds();
            cg::LogoRegionSettings regionSettings;
            regionSettings.scale = options["scale"];
            regionCount += cg::findLogoRegions(gray, regionSettings).size();
            regionMs += threadMilliseconds() - start;
        }
        std::printf("MSER regions: %.1f ms/frame, %.0f regions/frame\n",
                    regionMs / static_cast<double>(scenes.size()),
                    static_cast<double>(regionCount) / static_cast<double>(scenes.size()));
    }
    if (const char* image = std::getenv("CG_LOGO_IMAGE")) {
        cv::Mat bgra;
        cv::cvtColor(cv::imread(image, cv::IMREAD_COLOR), bgra, cv::COLOR_BGR2BGRA);
        for (const auto& report : detector.detect(cg::Frame::fromMat(bgra)))
            std::printf("%s %.2f at %.0f,%.0f %s\n", report.label.c_str(),
                        static_cast<double>(report.confidence), static_cast<double>(report.polygon[0].x),
                        static_cast<double>(report.polygon[0].y), report.text.c_str());
        return 0;
    }
    if (options["save"] != 0) {
        // Draws truth (green) and reports (red) on the first frames, for looking at misses.
        for (std::size_t i = 0;
             i < std::min<std::size_t>(scenes.size(), static_cast<std::size_t>(options["save"])); ++i) {
            cv::Mat bgra;
            cv::cvtColor(scenes[i].bgr, bgra, cv::COLOR_BGR2BGRA);
            const auto reports = detector.detect(cg::Frame::fromMat(bgra));
            cv::Mat shown = scenes[i].bgr.clone();
            for (const auto& mark : scenes[i].logos) {
                cv::rectangle(shown, mark.box, cv::Scalar(0, 255, 0), 1);
                cv::putText(shown, mark.slug, mark.box.tl() + cv::Point(0, -3), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                            cv::Scalar(0, 255, 0));
            }
            for (const auto& report : reports) {
                std::vector<cv::Point> polygon;
                for (const auto& p : report.polygon)
                    polygon.emplace_back(static_cast<int>(p.x), static_cast<int>(p.y));
                cv::polylines(shown, polygon, true, cv::Scalar(0, 0, 255), 1);
                cv::putText(shown, report.label, polygon[2] + cv::Point(0, 12), cv::FONT_HERSHEY_SIMPLEX, 0.4,
                            cv::Scalar(0, 0, 255));
            }
            cv::imwrite("logo_scene_" + std::to_string(i) + ".png", shown);
        }
    }
    std::printf("%s\n", cg::test::logoScoreHeader().c_str());
    const auto shipped = evaluate(scenes, [&](const cv::Mat& bgr) {
        cv::Mat bgra;
        cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
        return detector.detect(cg::Frame::fromMat(bgra));
    });
    std::printf("%s\n", cg::test::logoScoreRow("MSER + correlation + colour", shipped).c_str());
    if (options["list"] != 0) {
        for (const auto& miss : shipped.misses)
            std::printf("  miss %s\n", miss.c_str());
        for (const auto& hit : shipped.hits)
            std::printf("  hit %s\n", hit.c_str());
        for (const auto& false_ : shipped.falses)
            std::printf("  false %s\n", false_.c_str());
    }
    // The OBS path: full-size luma plus a 640-px colour preview.
    const auto obsLike = evaluate(scenes, [&](const cv::Mat& bgr) {
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        cv::Mat preview;
        cv::resize(bgr, preview, cv::Size(640, 640 * bgr.rows / bgr.cols), 0, 0, cv::INTER_AREA);
        cv::Mat previewBgra;
        cv::cvtColor(preview, previewBgra, cv::COLOR_BGR2BGRA);
        const auto frame = cg::Frame::fromMat(gray).withPreview(cg::Frame::fromMat(previewBgra));
        return detector.detect(frame);
    });
    std::printf("%s\n", cg::test::logoScoreRow("  same, luma + 640 preview", obsLike).c_str());
    const auto grayOnly = evaluate(scenes, [&](const cv::Mat& bgr) {
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        return detector.detect(cg::Frame::fromMat(gray));
    });
    std::printf("%s\n", cg::test::logoScoreRow("  same, luma only (no colour)", grayOnly).c_str());
    if (options["orb"] != 0) {
        const cg::test::OrbLogoBaseline orb(cg::loadLogoTemplates(templates));
        const auto orbScore = evaluate(scenes, [&](const cv::Mat& bgr) { return orb.detect(bgr); });
        std::printf("%s\n", cg::test::logoScoreRow("ORB + RANSAC homography", orbScore).c_str());
    }
    return 0;
}
