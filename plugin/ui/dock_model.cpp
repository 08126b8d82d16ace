#include "ui/dock_model.hpp"

#include <nlohmann/json.hpp>

namespace cg::ui {
namespace {

using nlohmann::json;

std::string localized(const json& value, std::string_view locale)
{
    if (value.is_string())
        return value.get<std::string>();
    if (!value.is_object() || value.empty())
        return {};
    for (const std::string_view key : {locale, std::string_view("en-US")}) {
        const auto found = value.find(std::string(key));
        if (found != value.end() && found->is_string())
            return found->get<std::string>();
    }
    for (const auto& text : value)
        if (text.is_string())
            return text.get<std::string>();
    return {};
}

std::string stringOr(const json& object, const char* key, std::string fallback = {})
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

double numberOr(const json& object, const char* key, double fallback = 0)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

bool boolOr(const json& object, const char* key, bool fallback = false)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

const json& arrayOrEmpty(const json& object, const char* key)
{
    static const json empty = json::array();
    const auto found = object.find(key);
    return found != object.end() && found->is_array() ? *found : empty;
}

GuardState stateOr(const json& object, const char* key, GuardState fallback, std::vector<std::string>& errors)
{
    const std::string text = stringOr(object, key);
    if (const auto state = guardStateFromString(text))
        return *state;
    errors.push_back("status JSON: unknown state \"" + text + "\"");
    return fallback;
}

std::optional<FindingChange> changeFromString(std::string_view text)
{
    if (text == "finding_opened")
        return FindingChange::Opened;
    if (text == "finding_changed")
        return FindingChange::Changed;
    if (text == "finding_cleared")
        return FindingChange::Cleared;
    return std::nullopt;
}

std::vector<SeenItem> parseSeen(const json& row)
{
    std::vector<SeenItem> seen;
    for (const json& item : arrayOrEmpty(row, "seen"))
        if (item.is_object())
            seen.push_back({stringOr(item, "category"), stringOr(item, "label"), stringOr(item, "text"),
                            stringOr(item, "position")});
    return seen;
}

RuleRow parseRule(const json& row, std::string_view locale, std::vector<std::string>& errors)
{
    RuleRow rule;
    rule.rule = stringOr(row, "rule");
    rule.category = stringOr(row, "category");
    rule.state = stateOr(row, "state", GuardState::Notice, errors);
    rule.title = localized(row.value("title", json()), locale);
    if (rule.title.empty())
        rule.title = rule.rule;
    rule.platform = localized(row.value("platform", json()), locale);
    rule.detail = stringOr(row, "detail");
    rule.seen = parseSeen(row);
    rule.seenForS = numberOr(row, "seen_for_s");
    rule.limitS = numberOr(row, "limit_s");
    rule.timeToLimitS = numberOr(row, "time_to_limit_s", rule.limitS - rule.seenForS);
    return rule;
}

RecentFinding parseRecent(const json& row, std::string_view locale, std::vector<std::string>& errors)
{
    RecentFinding finding;
    finding.change = changeFromString(stringOr(row, "change")).value_or(FindingChange::Changed);
    finding.rule = stringOr(row, "rule");
    finding.state = stateOr(row, "state", GuardState::Notice, errors);
    finding.title = localized(row.value("title", json()), locale);
    if (finding.title.empty())
        finding.title = finding.rule;
    finding.detail = stringOr(row, "detail");
    finding.seen = parseSeen(row);
    finding.sessionTimeS = numberOr(row, "t_s");
    finding.utcMs = static_cast<long long>(numberOr(row, "utc_ms"));
    finding.evidencePath = stringOr(row, "evidence");
    return finding;
}

} // namespace

std::optional<GuardState> guardStateFromString(std::string_view text)
{
    if (text == "clear")
        return GuardState::Clear;
    if (text == "notice")
        return GuardState::Notice;
    if (text == "warning")
        return GuardState::Warning;
    if (text == "critical")
        return GuardState::Critical;
    if (text == "breach")
        return GuardState::Breach;
    return std::nullopt;
}

GuardStatus parseGuardStatus(std::string_view text, std::string_view locale)
{
    GuardStatus status;
    const json document = json::parse(text, nullptr, false);
    if (!document.is_object()) {
        status.errors.push_back("status JSON: not a JSON object");
        return status;
    }
    status.state = stateOr(document, "state", GuardState::Clear, status.errors);
    status.acknowledged = boolOr(document, "acknowledged");
    status.analysing = boolOr(document, "analysing");
    if (const auto pack = document.find("pack"); pack != document.end() && pack->is_object()) {
        status.packName = localized(pack->value("name", json()), locale);
        if (status.packName.empty())
            status.packName = stringOr(*pack, "id");
        status.packError = stringOr(*pack, "error");
    }
    if (const auto session = document.find("session"); session != document.end() && session->is_object()) {
        status.sessionKind = stringOr(*session, "kind");
        status.sessionDir = stringOr(*session, "dir");
        status.recordingFile = stringOr(*session, "recording_file");
        status.sessionError = stringOr(*session, "error");
    }
    status.recordsDir = stringOr(document, "records_dir");
    for (const json& row : arrayOrEmpty(document, "rules"))
        if (row.is_object())
            status.rules.push_back(parseRule(row, locale, status.errors));
    for (const json& row : arrayOrEmpty(document, "scenes"))
        if (row.is_object())
            status.scenes.push_back({stringOr(row, "name"), boolOr(row, "watched"), boolOr(row, "on_program"),
                                     boolOr(row, "in_preview")});
    for (const json& row : arrayOrEmpty(document, "recent"))
        if (row.is_object())
            status.recent.push_back(parseRecent(row, locale, status.errors));
    for (const json& message : arrayOrEmpty(document, "errors"))
        if (message.is_string())
            status.errors.push_back(message.get<std::string>());
    if (const auto presenters = document.find("presenters");
        presenters != document.end() && presenters->is_object()) {
        status.presenters.state = stringOr(*presenters, "state");
        for (const json& name : arrayOrEmpty(*presenters, "enrolled"))
            if (name.is_string())
                status.presenters.enrolled.push_back(name.get<std::string>());
        status.presenters.samples = presenters->value("samples", 0);
        if (const auto last = presenters->find("last"); last != presenters->end() && last->is_object()) {
            status.presenters.lastOk = boolOr(*last, "ok");
            status.presenters.lastError = stringOr(*last, "error");
        }
    }
    return status;
}

std::optional<GuardAlert> parseGuardAlert(std::string_view text, std::string_view locale)
{
    const json document = json::parse(text, nullptr, false);
    if (!document.is_object())
        return std::nullopt;
    GuardAlert alert;
    alert.state = guardStateFromString(stringOr(document, "state")).value_or(GuardState::Warning);
    alert.title = localized(document.value("title", json()), locale);
    if (alert.title.empty())
        alert.title = stringOr(document, "rule");
    alert.detail = stringOr(document, "detail");
    alert.seen = parseSeen(document);
    alert.platform = localized(document.value("platform", json()), locale);
    return alert;
}

VerifyResult parseVerifyResult(std::string_view text)
{
    VerifyResult result;
    const json document = json::parse(text, nullptr, false);
    if (!document.is_object()) {
        result.message = "the guard's verify answer is not a JSON object";
        return result;
    }
    const std::string status = stringOr(document, "status");
    if (status == "complete")
        result.verdict = RecordVerdict::Complete;
    else if (status == "incomplete")
        result.verdict = RecordVerdict::Incomplete;
    else if (status == "tampered")
        result.verdict = RecordVerdict::Tampered;
    result.linesVerified = static_cast<long long>(numberOr(document, "lines_verified"));
    if (const auto seq = document.find("first_bad_seq"); seq != document.end() && seq->is_number_integer())
        result.firstBadSeq = seq->get<long long>();
    result.message = stringOr(document, "message");
    result.signature = stringOr(document, "signature");
    result.keyFingerprint = stringOr(document, "key_fingerprint");
    if (result.verdict == RecordVerdict::Unreadable && result.message.empty())
        result.message =
            status.empty() ? "no verdict in the guard's answer" : "unknown verdict \"" + status + "\"";
    return result;
}

} // namespace cg::ui
