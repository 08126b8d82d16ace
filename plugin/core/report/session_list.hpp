#pragma once

#include "core/finding.hpp"
#include "core/record/record_verifier.hpp"
#include "core/rules/rule_pack.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cg {

// One session of a record folder, as the dock's record browser lists it.
struct SessionSummary {
    std::filesystem::path dir;
    std::string kind; // stream, recording, rehearsal, cli
    std::int64_t startUtcMillis = 0;
    Millis duration{0};
    std::string packId;
    LocalizedText packName; // empty when the pack named in the record cannot be read
    FindingState worst = FindingState::Clear;
    std::size_t findings = 0;
    RecordStatus verification = RecordStatus::Unreadable;
    bool signedRecord = false; // the closing line carries a signature (verification says whether it holds)
    std::string error;         // the record cannot be read or understood: why (names the file)
};

// The session folders under recordsDir (those that hold a session.jsonl), newest first. Folders
// without one are not sessions and are left alone. A missing recordsDir lists nothing.
std::vector<std::filesystem::path> listSessionFolders(const std::filesystem::path& recordsDir);

// Reads and verifies one session. Never throws: what cannot be read is in SessionSummary::error.
SessionSummary summariseSession(const std::filesystem::path& sessionDir,
                                const std::filesystem::path& rulesDir);

// The sessions that started more than retentionDays before nowUtcMillis; none when retentionDays
// is 0 (keep everything). A session without a readable start is kept.
std::vector<std::filesystem::path> sessionsPastRetention(const std::vector<SessionSummary>& sessions,
                                                         int retentionDays, std::int64_t nowUtcMillis);

// Deletes a session folder: its session.jsonl, evidence/ and the folder. Refuses (throws
// std::runtime_error naming the folder) anything that is not a session folder, so a wrong path can
// never take other files with it.
void deleteSessionFolder(const std::filesystem::path& sessionDir);

} // namespace cg
