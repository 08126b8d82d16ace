#pragma once

#include "core/analyzer.hpp"
#include "core/clock.hpp"
#include "core/finding_tracker.hpp"
#include "core/record/record_writer.hpp"

#include <memory>
#include <nlohmann/json.hpp>

namespace cg {

// This machine's offset from UTC now, in minutes (480 in China); 0 without a time zone database.
std::int64_t localUtcOffsetMinutes();

// One watched session: findings tracked under a rule pack and, when a record is kept, every
// finding change written to it with the evidence of its strongest moment. The OBS filter and the
// CLI both drive the core through this class.
class ComplianceSession {
  public:
    // record may be null (no record kept). The session_start line is written here.
    ComplianceSession(RulePack pack, const Clock& clock, std::unique_ptr<RecordWriter> record,
                      nlohmann::json startPayload = nlohmann::json::object());
    ~ComplianceSession();
    ComplianceSession(const ComplianceSession&) = delete;
    ComplianceSession& operator=(const ComplianceSession&) = delete;

    std::vector<FindingEvent> onResult(const AnalysisResult& result);
    std::vector<FindingEvent> tick();
    // The categories are no longer on air: their findings clear now (FindingTracker::stopWatching).
    std::vector<FindingEvent> stopWatching(const std::vector<std::string>& categories);
    // Any other record line: scene_change, settings_changed, heartbeat, error.
    void note(const std::string& type, nlohmann::json payload);
    // Clears the open findings and writes session_end; later calls do nothing.
    std::vector<FindingEvent> close(nlohmann::json endPayload = nlohmann::json::object());

    [[nodiscard]] const FindingTracker& tracker() const { return tracker_; }
    [[nodiscard]] RecordWriter* record() const { return record_.get(); }

  private:
    void write(const std::vector<FindingEvent>& events);

    FindingTracker tracker_;
    std::unique_ptr<RecordWriter> record_;
    bool closed_ = false;
};

} // namespace cg
