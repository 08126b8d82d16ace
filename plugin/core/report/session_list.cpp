#include "core/report/session_list.hpp"

#include "core/report/report_builder.hpp"

#include <algorithm>
#include <stdexcept>

namespace cg {

namespace {

constexpr const char* kSessionFile = "session.jsonl";

bool isSessionFolder(const std::filesystem::path& dir)
{
    std::error_code error;
    return std::filesystem::is_directory(dir, error) &&
           std::filesystem::is_regular_file(dir / kSessionFile, error);
}

} // namespace

std::vector<std::filesystem::path> listSessionFolders(const std::filesystem::path& recordsDir)
{
    std::vector<std::filesystem::path> sessions;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(recordsDir, error))
        if (isSessionFolder(entry.path()))
            sessions.push_back(entry.path());
    // Folder names start with the UTC start time (FORMAT.md), so by name is by time.
    std::sort(sessions.begin(), sessions.end(),
              [](const auto& a, const auto& b) { return a.filename() > b.filename(); });
    return sessions;
}

SessionSummary summariseSession(const std::filesystem::path& sessionDir,
                                const std::filesystem::path& rulesDir)
{
    SessionSummary summary;
    summary.dir = sessionDir;
    try {
        const ReportModel model = loadReportModel(sessionDir, rulesDir);
        summary.kind = model.facts.kind;
        summary.startUtcMillis = model.facts.startUtcMillis;
        summary.duration = model.facts.duration;
        summary.packId = model.facts.packId;
        summary.packName = model.facts.packName;
        summary.findings = model.findings.size();
        for (const ReportFinding& finding : model.findings)
            summary.worst = std::max(summary.worst, finding.worst);
        summary.verification = model.verification.status;
        summary.signedRecord = model.verification.signature == SignatureStatus::Signed;
    } catch (const std::exception& error) {
        // A record the report cannot read may still say how it was broken.
        summary.error = error.what();
        summary.verification = verifyRecord(sessionDir).status;
    }
    return summary;
}

std::vector<std::filesystem::path> sessionsPastRetention(const std::vector<SessionSummary>& sessions,
                                                         int retentionDays, std::int64_t nowUtcMillis)
{
    std::vector<std::filesystem::path> expired;
    if (retentionDays <= 0)
        return expired;
    const std::int64_t keepFrom = nowUtcMillis - std::int64_t{retentionDays} * 24 * 60 * 60 * 1000;
    for (const SessionSummary& session : sessions)
        if (session.startUtcMillis > 0 && session.startUtcMillis < keepFrom)
            expired.push_back(session.dir);
    return expired;
}

void deleteSessionFolder(const std::filesystem::path& sessionDir)
{
    if (!isSessionFolder(sessionDir))
        throw std::runtime_error(sessionDir.string() + ": not a session folder (no " + kSessionFile +
                                 "), not deleted");
    std::error_code error;
    std::filesystem::remove_all(sessionDir, error);
    if (error)
        throw std::runtime_error(sessionDir.string() + ": cannot be deleted: " + error.message());
}

} // namespace cg
