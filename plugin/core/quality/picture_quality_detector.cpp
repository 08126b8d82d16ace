#include "core/quality/picture_quality_detector.hpp"

#include <cstdio>

namespace cg {

namespace {

Detection qualityDetection(std::string_view category, std::string_view label, const char* text)
{
    Detection detection;
    detection.detector = std::string(PictureQualityDetector::kId);
    detection.category = std::string(category);
    detection.label = std::string(label);
    detection.detail = text;
    return detection;
}

} // namespace

PictureQualityDetector::PictureQualityDetector(PictureQualitySettings settings) : settings_(settings) {}

std::vector<std::string> PictureQualityDetector::categories() const
{
    return {std::string(kBlurryCategory), std::string(kBlankCategory), std::string(kSmallContentCategory)};
}

std::vector<Detection> PictureQualityDetector::detect(const Frame& frame)
{
    if (frame.empty()) {
        return {};
    }
    const cv::Mat gray = frame.grayScaledTo(settings_.analysisWidth);
    lastSharpness_ = quality::measureSharpness(gray, settings_.sharpness);
    lastCoverage_ = quality::measureCoverage(gray, settings_.coverage);

    std::vector<Detection> detections;
    char text[160];
    if (lastSharpness_.judgedTiles >= settings_.minJudgedTiles &&
        lastSharpness_.score <= settings_.blurryAtOrBelow) {
        std::snprintf(text, sizeof text, "blur score %.1f (sharp above %.1f)", lastSharpness_.score,
                      settings_.blurryAtOrBelow);
        detections.push_back(qualityDetection(kBlurryCategory, "blurry", text));
    }
    if (lastCoverage_.blankShare > settings_.maxBlankShare) {
        std::snprintf(text, sizeof text, "%.0f%% of the canvas is black (at most %.0f%% allowed)",
                      100.0 * lastCoverage_.blankShare, 100.0 * settings_.maxBlankShare);
        detections.push_back(qualityDetection(kBlankCategory, "black", text));
    }
    // An all-blank canvas has no content to be small: blank_area says it.
    if (!lastCoverage_.contentRect.empty() && lastCoverage_.contentShare < settings_.minContentShare) {
        std::snprintf(text, sizeof text, "content covers %.0f%% of the canvas (at least %.0f%% expected)",
                      100.0 * lastCoverage_.contentShare, 100.0 * settings_.minContentShare);
        Detection detection = qualityDetection(kSmallContentCategory, "small", text);
        const float scale = static_cast<float>(frame.width()) / static_cast<float>(gray.cols);
        const cv::Rect& r = lastCoverage_.contentRect;
        const float left = scale * static_cast<float>(r.x);
        const float top = scale * static_cast<float>(r.y);
        const float right = scale * static_cast<float>(r.x + r.width);
        const float bottom = scale * static_cast<float>(r.y + r.height);
        detection.polygon = {{left, top}, {right, top}, {right, bottom}, {left, bottom}};
        detections.push_back(std::move(detection));
    }
    return detections;
}

} // namespace cg
