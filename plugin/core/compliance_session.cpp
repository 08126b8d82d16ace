#include "core/compliance_session.hpp"

#include "core/finding_json.hpp"
#include "core/record/evidence.hpp"

#include <chrono>

namespace cg {

ComplianceSession::ComplianceSession(RulePack pack, const Clock& clock, std::unique_ptr<RecordWriter> record,
                                     nlohmann::json startPayload)
    : tracker_(std::move(pack), clock), record_(std::move(record))
{
    if (!record_)
        return;
    startPayload["pack"] = {{"id", tracker_.pack().id},
                            {"source", tracker_.pack().source.document},
                            {"version", tracker_.pack().source.version}};
    startPayload["plugin_version"] = CG_PLUGIN_VERSION;
    // So that a report made elsewhere shows the streamer's local times.
    if (!startPayload.contains("utc_offset_min"))
        startPayload["utc_offset_min"] = localUtcOffsetMinutes();
    record_->append("session_start", std::move(startPayload));
}

std::int64_t localUtcOffsetMinutes()
{
    try {
        const auto info = std::chrono::current_zone()->get_info(std::chrono::system_clock::now());
        return std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
    } catch (const std::exception&) {
        return 0; // no time zone database: UTC
    }
}

ComplianceSession::~ComplianceSession()
{
    close();
}

std::vector<FindingEvent> ComplianceSession::onResult(const AnalysisResult& result)
{
    for (const std::string& error : result.errors)
        note("error", {{"message", error}});
    std::vector<FindingEvent> events = tracker_.observe(result);
    write(events);
    return events;
}

std::vector<FindingEvent> ComplianceSession::tick()
{
    std::vector<FindingEvent> events = tracker_.tick();
    write(events);
    return events;
}

std::vector<FindingEvent> ComplianceSession::stopWatching(const std::vector<std::string>& categories)
{
    std::vector<FindingEvent> events = tracker_.stopWatching(categories);
    write(events);
    return events;
}

void ComplianceSession::note(const std::string& type, nlohmann::json payload)
{
    if (record_ && !closed_)
        record_->append(type, std::move(payload));
}

std::vector<FindingEvent> ComplianceSession::close(nlohmann::json endPayload)
{
    if (closed_)
        return {};
    std::vector<FindingEvent> events = tracker_.clearAll();
    write(events);
    closed_ = true;
    if (record_)
        record_->close(std::move(endPayload));
    return events;
}

void ComplianceSession::write(const std::vector<FindingEvent>& events)
{
    if (!record_ || closed_)
        return;
    for (const FindingEvent& event : events) {
        nlohmann::json payload = toJson(event, tracker_.pack().findRule(event.finding.ruleId));
        const bool withEvidence =
            event.change != FindingChange::Cleared && !event.finding.evidenceFrame.empty();
        if (withEvidence)
            record_->append(std::string(toString(event.change)), std::move(payload),
                            renderEvidence(event.finding.evidenceFrame, event.finding.evidence),
                            event.finding.ruleId);
        else
            record_->append(std::string(toString(event.change)), std::move(payload));
    }
}

} // namespace cg
