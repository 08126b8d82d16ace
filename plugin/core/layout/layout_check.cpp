#include "core/layout/layout_check.hpp"

#include <cmath>
#include <cstdio>
#include <set>

namespace cg {

namespace {

constexpr const char* kDetectorId = "layout";

int percent(double share)
{
    return static_cast<int>(std::lround(share * 100.0));
}

bool showsRecording(LayoutItemKind kind)
{
    return kind == LayoutItemKind::Media || kind == LayoutItemKind::ImageSlideshow ||
           kind == LayoutItemKind::Browser;
}

Detection detection(const char* category, std::string label, std::string detail, Polygon polygon = {})
{
    return Detection{kDetectorId,        category, std::move(label), 1.0f,
                     std::move(polygon), {},       std::move(detail)};
}

AnalysisResult nothingSeen()
{
    AnalysisResult result;
    result.detectorsRun = {kDetectorId};
    result.categoriesChecked = layoutCategories();
    return result;
}

} // namespace

std::vector<std::string> layoutCategories()
{
    return {kNoCameraCategory, kCameraSmallCategory, kMediaOnAirCategory, kCameraFrozenCategory};
}

AnalysisResult LayoutCheck::notWatching()
{
    silentSince_.clear();
    return nothingSeen();
}

AnalysisResult LayoutCheck::check(const LayoutSnapshot& snapshot, Millis now)
{
    AnalysisResult result = nothingSeen();
    std::map<std::string, Millis> stillSilent;
    std::vector<Polygon> cameras, recordings;
    std::set<std::string> frozenReported;
    for (const LayoutItem& item : snapshot.items) {
        if (showsRecording(item.kind))
            recordings.push_back(item.quad);
        if (item.kind != LayoutItemKind::Camera)
            continue;
        cameras.push_back(item.quad);
        if (item.delivering)
            continue;
        auto known = silentSince_.find(item.name);
        const Millis since = known != silentSince_.end() ? known->second : now;
        stillSilent[item.name] = since;
        if (now - since >= settings_.frozenAfter && frozenReported.insert(item.name).second) {
            const long long seconds = std::chrono::duration_cast<std::chrono::seconds>(now - since).count();
            char text[256];
            std::snprintf(text, sizeof text, "camera \"%s\" has delivered no picture for %lld s",
                          item.name.c_str(), seconds);
            result.detections.push_back(detection(kCameraFrozenCategory, item.name, text, item.quad));
        }
    }
    silentSince_ = std::move(stillSilent);

    if (cameras.empty()) {
        result.detections.push_back(detection(kNoCameraCategory, "no camera", "no camera on air"));
        const double share = coveredShare(recordings, snapshot.canvas, settings_.maskDivisor);
        if (!recordings.empty() && share >= settings_.mediaShare) {
            char text[128];
            std::snprintf(text, sizeof text,
                          "video, slideshow or web page covers %d%% of the canvas, no camera",
                          percent(share));
            result.detections.push_back(
                detection(kMediaOnAirCategory, std::to_string(percent(share)) + "%", text));
        }
        return result;
    }
    const double share = coveredShare(cameras, snapshot.canvas, settings_.maskDivisor);
    if (share < settings_.minCameraShare) {
        char text[128];
        std::snprintf(text, sizeof text, "camera covers %d%% of the canvas (less than %d%%)", percent(share),
                      percent(settings_.minCameraShare));
        result.detections.push_back(
            detection(kCameraSmallCategory, std::to_string(percent(share)) + "%", text, cameras.front()));
    }
    return result;
}

} // namespace cg
