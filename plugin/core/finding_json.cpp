#include "core/finding_json.hpp"

#include "core/logos/logo_detector.hpp"
#include "core/text/text_detector.hpp"

#include <algorithm>

namespace cg {

double toSeconds(Millis t)
{
    return static_cast<double>(t.count()) / 1000.0;
}

nlohmann::json localizedJson(const LocalizedText& text)
{
    return {{"en-US", text.en}, {"zh-CN", text.zh}};
}

nlohmann::json toJson(const Detection& detection)
{
    nlohmann::json polygon = nlohmann::json::array();
    for (const Point& p : detection.polygon)
        polygon.push_back({p.x, p.y});
    nlohmann::json out{{"category", detection.category},
                       {"label", detection.label},
                       {"detector", detection.detector},
                       {"confidence", detection.confidence},
                       {"polygon", std::move(polygon)}};
    // The CLI's documented names for the label of these categories (issue 5).
    if (detection.category == LogoDetector::kCategory)
        out["brand"] = detection.label;
    else if (detection.category == TextDetector::kCategory)
        out["kind"] = detection.label;
    if (!detection.polygon.empty()) {
        float left = detection.polygon[0].x, top = detection.polygon[0].y, right = left, bottom = top;
        for (const Point& p : detection.polygon) {
            left = std::min(left, p.x);
            top = std::min(top, p.y);
            right = std::max(right, p.x);
            bottom = std::max(bottom, p.y);
        }
        out["box"] = {left, top, right - left, bottom - top};
    }
    if (!detection.text.empty())
        out["text"] = detection.text;
    if (!detection.detail.empty())
        out["detail"] = detection.detail;
    return out;
}

nlohmann::json toJson(const std::vector<Detection>& detections)
{
    nlohmann::json out = nlohmann::json::array();
    for (const Detection& detection : detections)
        out.push_back(toJson(detection));
    return out;
}

nlohmann::json toJson(const FindingEvent& event, const Rule* rule)
{
    const Finding& finding = event.finding;
    nlohmann::json out{{"rule", finding.ruleId},
                       {"state", toString(finding.state)},
                       {"previous_state", toString(event.previousState)},
                       {"opened_t", toSeconds(finding.openedAt)},
                       {"changed_t", toSeconds(finding.escalatedAt)},
                       {"last_seen_t", toSeconds(finding.lastSeenAt)},
                       {"detections", toJson(finding.evidence)}};
    out["cleared_t"] = finding.clearedAt ? nlohmann::json(toSeconds(*finding.clearedAt)) : nlohmann::json();
    if (rule != nullptr) {
        out["category"] = rule->category;
        out["title"] = localizedJson(rule->title);
    }
    return out;
}

} // namespace cg
