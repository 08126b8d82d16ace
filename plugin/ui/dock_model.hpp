#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cg::ui {

// The guard's status JSON (obs/guard_api.hpp) as plain data for the widgets, with localized texts
// already picked for the UI's locale. No Qt, no libobs.

enum class GuardState { Clear, Notice, Warning, Critical, Breach };

std::optional<GuardState> guardStateFromString(std::string_view text);

// One thing a finding's evidence shows, for seenText() to put in words: {"text", "wechat",
// "VX abc123", "lower_right"}, {"logo", "whatsapp", "WhatsApp", "lower_right"}.
struct SeenItem {
    std::string category;
    std::string label;
    std::string text;
    std::string position; // cg::framePosition() name, or empty
    bool operator==(const SeenItem&) const = default;
};

struct RuleRow {
    std::string rule;
    std::string category;
    GuardState state = GuardState::Clear;
    std::string title;
    std::string platform;
    std::string detail;
    std::vector<SeenItem> seen;
    double seenForS = 0;
    double limitS = 0;
    double timeToLimitS = 0;
};

struct SceneRow {
    std::string name;
    bool watched = false;
    bool onProgram = false;
    bool inPreview = false;

    bool onAirUnwatched() const { return onProgram && !watched; }
};

enum class FindingChange { Opened, Changed, Cleared };

struct RecentFinding {
    FindingChange change = FindingChange::Opened;
    std::string rule;
    GuardState state = GuardState::Clear;
    std::string title;
    std::string detail;
    std::vector<SeenItem> seen;
    double sessionTimeS = 0;
    long long utcMs = 0;
    std::string evidencePath; // empty when the finding has no evidence image
};

// "This is me": who is enrolled and where an enrolment stands.
struct PresenterEnrolment {
    std::string state = "idle"; // "idle", "collecting" (look at the camera), "enrolling"
    std::vector<std::string> enrolled;
    int samples = 0;
    std::optional<bool> lastOk; // the last enrolment's outcome, if any
    std::string lastError;
};

struct GuardStatus {
    GuardState state = GuardState::Clear;
    bool acknowledged = false;
    bool analysing = false;
    std::string packName;
    std::string packError;
    std::string sessionKind; // "rehearsal", "stream", "recording" or empty
    std::string sessionDir;
    std::string recordsDir; // where every session's record folder is
    std::string recordingFile;
    std::string sessionError;
    std::vector<RuleRow> rules;
    std::vector<SceneRow> scenes;
    std::vector<RecentFinding> recent;
    std::vector<std::string> errors; // the guard's errors plus anything wrong with the JSON itself
    PresenterEnrolment presenters;
};

// locale is the UI's ("zh-CN", "en-US", ...); localized objects fall back to en-US, then any text.
// Never throws: a malformed document or field becomes a message in errors, the rest still parses.
GuardStatus parseGuardStatus(std::string_view json, std::string_view locale);

// The compliance_guard_alert payload: {"rule", "state", "title", "detail", "platform"}.
struct GuardAlert {
    GuardState state = GuardState::Warning;
    std::string title;
    std::string detail;
    std::vector<SeenItem> seen;
    std::string platform;
};

std::optional<GuardAlert> parseGuardAlert(std::string_view json, std::string_view locale);

// The compliance_guard_verify answer, as `compliance-guard verify --json` prints it.
enum class RecordVerdict { Complete, Incomplete, Tampered, Unreadable };

struct VerifyResult {
    RecordVerdict verdict = RecordVerdict::Unreadable;
    long long linesVerified = 0;
    std::optional<long long> firstBadSeq;
    std::string message;
    std::string signature;      // "signed", "unsigned", "not_closed", "wrong_key", "not_checked"
    std::string keyFingerprint; // of the key the record names, when it names one
};

VerifyResult parseVerifyResult(std::string_view json);

} // namespace cg::ui
