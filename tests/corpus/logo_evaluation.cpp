#include "corpus/logo_evaluation.hpp"

#include <algorithm>
#include <cstdio>
#include <opencv2/imgproc.hpp>

namespace cg::test {

namespace {

cv::Rect boxOf(const Detection& detection)
{
    std::vector<cv::Point2f> points;
    for (const auto& p : detection.polygon)
        points.emplace_back(p.x, p.y);
    return cv::boundingRect(points);
}

bool sameMark(const cv::Rect& reported, const cv::Rect& truth)
{
    const double common = (reported & truth).area();
    const double iou = common / (reported.area() + truth.area() - common);
    if (iou >= 0.3)
        return true;
    const cv::Point centre(reported.x + reported.width / 2, reported.y + reported.height / 2);
    const double ratio = std::sqrt(static_cast<double>(reported.area()) / std::max(1, truth.area()));
    return truth.contains(centre) && ratio > 0.5 && ratio < 2.0;
}

} // namespace

void scoreLogoFrame(LogoScore& score, const std::vector<TruthMark>& truth,
                    const std::vector<Detection>& reports)
{
    (truth.empty() ? score.negativeFrames : score.positiveFrames) += 1;
    std::vector<bool> used(reports.size(), false);
    for (const auto& mark : truth) {
        RecallCount& band = mark.box.width >= 48   ? score.large
                            : mark.box.width >= 32 ? score.small
                                                   : score.tiny;
        ++band.total;
        bool found = false;
        for (std::size_t i = 0; i < reports.size() && !found; ++i) {
            if (!used[i] && reports[i].label == mark.brand && sameMark(boxOf(reports[i]), mark.box)) {
                used[i] = true;
                found = true;
                score.hits.push_back(mark.brand + " s=" + std::to_string(reports[i].confidence) + " " +
                                     reports[i].text);
            }
        }
        if (found)
            ++band.found;
        else
            score.misses.push_back(mark.brand + "@" + std::to_string(mark.box.width) + "x" +
                                   std::to_string(mark.box.height) + " " + mark.note);
    }
    int falses = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        if (used[i])
            continue;
        // A second report on a mark already found (another brand on the same box) is false too.
        ++falses;
        const cv::Rect box = boxOf(reports[i]);
        score.falses.push_back(reports[i].label + "@" + std::to_string(box.x) + "," + std::to_string(box.y) +
                               "," + std::to_string(box.width) + "," + std::to_string(box.height) +
                               " s=" + std::to_string(reports[i].confidence) + " " + reports[i].text);
    }
    if (truth.empty()) {
        score.falseOnNegatives += falses;
        score.negativesWithFalse += falses > 0 ? 1 : 0;
    } else {
        score.falseOnPositives += falses;
    }
}

std::string logoScoreHeader()
{
    return "method                          | <32 px        | 32-48 px      | >=48 px       | neg frames w/ "
           "false "
           "(reports) | false on pos | ms/frame";
}

std::string logoScoreRow(const std::string& name, const LogoScore& score)
{
    char line[400];
    const int frames = std::max(1, score.positiveFrames + score.negativeFrames);
    std::snprintf(line, sizeof line,
                  "%-31s | %3d/%3d %4.0f%% | %3d/%3d %4.0f%% | %3d/%3d %4.0f%% | %3d/%3d (%3d)             | "
                  "%4d         | %6.1f",
                  name.c_str(), score.tiny.found, score.tiny.total, 100 * score.tiny.rate(),
                  score.small.found, score.small.total, 100 * score.small.rate(), score.large.found,
                  score.large.total, 100 * score.large.rate(), score.negativesWithFalse, score.negativeFrames,
                  score.falseOnNegatives, score.falseOnPositives, score.milliseconds / frames);
    return line;
}

} // namespace cg::test
