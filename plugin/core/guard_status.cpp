#include "core/guard_status.hpp"

#include "core/finding_json.hpp"
#include "core/frame_position.hpp"

#include <algorithm>

namespace cg {

std::string detailOf(const std::vector<Detection>& detections)
{
    std::string detail;
    for (const Detection& detection : detections) {
        const std::string& part = !detection.text.empty()     ? detection.text
                                  : !detection.detail.empty() ? detection.detail
                                                              : detection.label;
        if (part.empty() || detail.find(part) != std::string::npos)
            continue;
        if (!detail.empty())
            detail += "; ";
        detail += part;
    }
    constexpr std::size_t maxLength = 120;
    if (detail.size() > maxLength) {
        detail.resize(maxLength);
        while (!detail.empty() && (static_cast<unsigned char>(detail.back()) & 0xC0) == 0x80)
            detail.pop_back(); // do not cut a UTF-8 character in half
        if (!detail.empty())
            detail.pop_back();
        detail += "…";
    }
    return detail;
}

nlohmann::json seenJson(const Finding& finding)
{
    constexpr std::size_t maxItems = 3;
    nlohmann::json seen = nlohmann::json::array();
    for (const Detection& detection : finding.evidence) {
        nlohmann::json item{{"category", detection.category},
                            {"label", detection.label},
                            {"text", detection.text},
                            {"position", framePosition(detection.polygon, finding.evidenceFrame.width(),
                                                       finding.evidenceFrame.height())}};
        if (std::find(seen.begin(), seen.end(), item) != seen.end())
            continue;
        seen.push_back(std::move(item));
        if (seen.size() == maxItems)
            break;
    }
    return seen;
}

nlohmann::json ruleRowsJson(const FindingTracker& tracker, Millis now)
{
    nlohmann::json rows = nlohmann::json::array();
    for (const FindingTracker::RuleStatus& status : tracker.ruleStatuses()) {
        if (!status.conditionSince && !status.open)
            continue;
        const Rule& rule = *status.rule;
        const double seenFor = status.conditionSince ? toSeconds(now - *status.conditionSince) : 0.0;
        const FindingState state = status.open ? status.open->state : FindingState::Clear;
        rows.push_back({{"rule", rule.id},
                        {"category", rule.category},
                        {"state", toString(state)},
                        {"title", localizedJson(rule.title)},
                        {"seen_for_s", seenFor},
                        {"limit_s", rule.thresholds.limitS},
                        {"time_to_limit_s", std::max(0.0, rule.thresholds.limitS - seenFor)},
                        {"in_gap", status.inGap},
                        {"detail", status.open ? detailOf(status.open->evidence) : std::string()},
                        {"seen", status.open ? seenJson(*status.open) : nlohmann::json::array()},
                        {"platform", localizedJson(tracker.pack().name)}});
    }
    return rows;
}

nlohmann::json recentJson(const std::deque<RecentFinding>& recent, const RulePack& pack)
{
    nlohmann::json list = nlohmann::json::array();
    for (const RecentFinding& entry : recent) {
        const Finding& finding = entry.event.finding;
        const Rule* rule = pack.findRule(finding.ruleId);
        list.push_back({{"change", toString(entry.event.change)},
                        {"rule", finding.ruleId},
                        {"state", toString(finding.state)},
                        {"previous_state", toString(entry.event.previousState)},
                        {"title", rule ? localizedJson(rule->title) : nlohmann::json::object()},
                        {"utc_ms", entry.utcMillis},
                        {"t_s", toSeconds(finding.escalatedAt)},
                        {"detail", detailOf(finding.evidence)},
                        {"seen", entry.seen.is_array() ? entry.seen : nlohmann::json::array()},
                        {"evidence", entry.evidencePath.empty() ? nlohmann::json()
                                                                : nlohmann::json(entry.evidencePath)}});
    }
    return list;
}

FindingState worstOpenState(const FindingTracker& tracker)
{
    FindingState worst = FindingState::Clear;
    for (const Finding& finding : tracker.openFindings())
        worst = std::max(worst, finding.state);
    return worst;
}

} // namespace cg
