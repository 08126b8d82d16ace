#pragma once

#include "core/report/report_model.hpp"

#include <vector>

namespace cg {

// Spans merged where they overlap or touch, in order.
std::vector<TimeSpan> mergeSpans(std::vector<TimeSpan> spans);

// One statement per rule over `period`: when its condition held (the findings' condition spans,
// merged and cut to the period), how long in all and at the longest, and for rules on something
// absent (Trigger::Absent, e.g. the presenter) the share of the period it was present.
std::vector<ReportStatement> statementsFor(const std::vector<RuleTimeline>& timelines,
                                           const std::vector<ReportFinding>& findings, TimeSpan period);

} // namespace cg
