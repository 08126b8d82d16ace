#pragma once

#include "core/finding.hpp"
#include "core/record/record_verifier.hpp"
#include "core/rules/rule_pack.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cg {

// What the session report of issue 6 shows, computed from one compliance record (FORMAT.md) and
// the rule pack it names. Times are milliseconds on the session's timeline (t); utcMillis() turns
// them into wall-clock UTC.

struct TimeSpan {
    Millis from{0};
    Millis to{0};
    [[nodiscard]] Millis length() const { return to - from; }
};

struct RecordingSpan {
    std::string file;
    // On the session timeline; nullopt when the recording ran before the session started and the
    // record does not say since when.
    std::optional<Millis> startedAt;
    Millis endedAt{0};
    [[nodiscard]] bool covers(Millis t) const { return startedAt && t >= *startedAt && t <= endedAt; }
};

struct SceneChange {
    Millis at{0};
    std::string scene;
};

struct ReportFacts {
    std::string sessionFolder; // the folder's name
    std::string kind;          // stream, recording, rehearsal, cli
    std::string packId;
    LocalizedText packName; // from the pack file; empty when it could not be read
    std::string packSource;
    std::string packVersion;
    std::string pluginVersion;
    std::string obsVersion; // empty when the record does not say
    std::int64_t startUtcMillis = 0;
    Millis duration{0};
    bool endedCleanly = false; // a session_end line closes the record
    std::string endReason;
    std::vector<SceneChange> programScenes;         // scenes put on air, in order
    std::vector<std::string> watchedScenes;         // the last watch list the record names
    std::vector<RecordingSpan> recordings;          // recordings made during the session
    std::vector<std::string> errors;                // problems the record notes
    std::optional<std::int64_t> localOffsetMinutes; // the streamer's UTC offset, when recorded
};

struct StateSpan {
    TimeSpan span;
    FindingState state = FindingState::Clear;
};

// One rule over the whole session: the states its findings were in, clear elsewhere.
struct RuleTimeline {
    std::string ruleId;
    std::string category;
    LocalizedText title;
    Trigger trigger = Trigger::Present;
    double noticeAfterS = 0;       // conditions shorter than this open no finding, so the record lacks them
    std::vector<StateSpan> states; // the non-clear spans, in order
    FindingState worst = FindingState::Clear;
};

struct SeenDetection {
    std::string category;
    std::string label;
    std::string text;
    std::string detail;
    float confidence = 0;
};

struct StateReached {
    FindingState state = FindingState::Clear;
    Millis at{0};
};

// One finding from opening to clearing.
struct ReportFinding {
    std::string ruleId;
    LocalizedText title;
    std::string category;
    Millis conditionSince{0};         // opened_t: when the condition was first seen
    Millis openedAt{0};               // when the finding opened (its first state was reached)
    std::vector<StateReached> states; // the first state and every escalation
    std::optional<Millis> clearedAt;  // nullopt: still open when the record ends
    Millis lastSeenAt{0};             // the last moment the condition held
    FindingState worst = FindingState::Clear;
    std::vector<SeenDetection> seen;       // what was seen at its strongest moment
    std::filesystem::path evidenceFile;    // relative to the session folder; empty when none
    std::optional<Millis> recordingOffset; // conditionSince in the recording, when one ran then
    std::string recordingFile;

    // When the condition held, as far as the record tells: [conditionSince, lastSeenAt].
    [[nodiscard]] TimeSpan conditionSpan() const
    {
        return {conditionSince, std::max(lastSeenAt, conditionSince)};
    }
};

enum class StatementKind {
    NotSeenExcept, // a rule on something present ("No QR code was on air between A and B except ...")
    PresentShare,  // a rule on something absent ("The presenter was visible 97.4% of the time ...")
};

// A plain statement the record supports about one rule.
struct ReportStatement {
    std::string ruleId;
    std::string category;
    LocalizedText title;
    StatementKind kind = StatementKind::NotSeenExcept;
    TimeSpan period;                  // the session
    std::vector<TimeSpan> exceptions; // when the condition held, merged, in order
    Millis heldInAll{0};
    Millis longest{0};
    double presentShare = 1; // PresentShare: the part of the period the condition did not hold
    double noticeAfterS = 0; // conditions shorter than this are not in the record
};

struct ReportVerification {
    RecordStatus status = RecordStatus::Unreadable;
    std::size_t linesChecked = 0;
    std::optional<std::int64_t> firstBadSeq;
    std::string message;
    std::string finalHash;
    std::size_t evidenceFilesChecked = 0;
    // The key session_start names (empty when the record is unsigned) and what the verifier found
    // of the signature on session_end.
    std::string keyFingerprint;
    SignatureStatus signature = SignatureStatus::NotChecked;
    bool signaturePresent = false; // the closing line carries a signature, valid or not
};

struct ReportModel {
    std::filesystem::path sessionDir;
    ReportFacts facts;
    std::vector<RuleTimeline> timelines;
    std::vector<ReportFinding> findings; // by the time their condition began
    std::vector<ReportStatement> statements;
    ReportVerification verification;
    std::int64_t generatedUtcMillis = 0; // when the report was made; 0: not shown

    [[nodiscard]] std::int64_t utcMillis(Millis t) const { return facts.startUtcMillis + t.count(); }
};

} // namespace cg
