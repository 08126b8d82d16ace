#include "core/report/report_statements.hpp"

#include <algorithm>

namespace cg {

std::vector<TimeSpan> mergeSpans(std::vector<TimeSpan> spans)
{
    std::sort(spans.begin(), spans.end(),
              [](const TimeSpan& a, const TimeSpan& b) { return a.from < b.from; });
    std::vector<TimeSpan> merged;
    for (const TimeSpan& span : spans) {
        if (!merged.empty() && span.from <= merged.back().to)
            merged.back().to = std::max(merged.back().to, span.to);
        else
            merged.push_back(span);
    }
    return merged;
}

std::vector<ReportStatement> statementsFor(const std::vector<RuleTimeline>& timelines,
                                           const std::vector<ReportFinding>& findings, TimeSpan period)
{
    std::vector<ReportStatement> statements;
    for (const RuleTimeline& timeline : timelines) {
        ReportStatement statement;
        statement.ruleId = timeline.ruleId;
        statement.category = timeline.category;
        statement.title = timeline.title;
        statement.kind =
            timeline.trigger == Trigger::Absent ? StatementKind::PresentShare : StatementKind::NotSeenExcept;
        statement.period = period;
        statement.noticeAfterS = timeline.noticeAfterS;
        std::vector<TimeSpan> held;
        for (const ReportFinding& finding : findings) {
            if (finding.ruleId != timeline.ruleId)
                continue;
            TimeSpan span = finding.conditionSpan();
            span.from = std::clamp(span.from, period.from, period.to);
            span.to = std::clamp(span.to, period.from, period.to);
            held.push_back(span);
        }
        statement.exceptions = mergeSpans(std::move(held));
        for (const TimeSpan& span : statement.exceptions) {
            statement.heldInAll += span.length();
            statement.longest = std::max(statement.longest, span.length());
        }
        const auto length = static_cast<double>(period.length().count());
        statement.presentShare =
            length > 0 ? 1.0 - static_cast<double>(statement.heldInAll.count()) / length : 1.0;
        statements.push_back(std::move(statement));
    }
    return statements;
}

} // namespace cg
