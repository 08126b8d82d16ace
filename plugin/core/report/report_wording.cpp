#include "core/report/report_wording.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace cg {
namespace {

constexpr std::size_t kSpansListed = 10;

std::string twoDigits(long value)
{
    char text[24];
    std::snprintf(text, sizeof text, "%02ld", value);
    return text;
}

std::string dateOf(const std::tm& tm)
{
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

std::string clockOf(const std::tm& tm)
{
    char text[32];
    std::strftime(text, sizeof text, "%H:%M:%S", &tm);
    return text;
}

std::tm utcParts(std::int64_t utcMillis)
{
    // Floor division, so that times before 1970 would still land in the right second.
    const std::time_t seconds =
        static_cast<std::time_t>(utcMillis >= 0 ? utcMillis / 1000 : (utcMillis - 999) / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    return tm;
}

std::string offsetText(std::int64_t minutes)
{
    const char sign = minutes < 0 ? '-' : '+';
    const std::int64_t magnitude = minutes < 0 ? -minutes : minutes;
    return std::string("UTC") + sign + twoDigits(static_cast<long>(magnitude / 60)) + ":" +
           twoDigits(static_cast<long>(magnitude % 60));
}

} // namespace

ReportWording::ReportWording(LocaleTexts texts, std::string language,
                             std::optional<std::int64_t> utcOffsetMinutes)
    : texts_(std::move(texts)), language_(std::move(language)), utcOffsetMinutes_(utcOffsetMinutes)
{
}

std::string ReportWording::localized(const LocalizedText& text) const
{
    const std::string& wanted = language_ == "zh-CN" ? text.zh : text.en;
    return wanted.empty() ? (language_ == "zh-CN" ? text.en : text.zh) : wanted;
}

std::string ReportWording::ruleTitle(const std::string& ruleId, const LocalizedText& title) const
{
    const std::string text = localized(title);
    return text.empty() ? ruleId : text;
}

std::string ReportWording::stateWord(FindingState state) const
{
    switch (state) {
    case FindingState::Clear:
        return text("ComplianceGuard.Dock.State.Clear");
    case FindingState::Notice:
        return text("ComplianceGuard.Dock.State.Notice");
    case FindingState::Warning:
        return text("ComplianceGuard.Dock.State.Warning");
    case FindingState::Critical:
        return text("ComplianceGuard.Dock.State.Critical");
    case FindingState::Breach:
        return text("ComplianceGuard.Dock.State.Breach");
    }
    return {};
}

ReportWording::LocalParts ReportWording::local(std::int64_t utcMillis) const
{
    LocalParts parts;
    if (utcOffsetMinutes_) {
        parts.offsetMinutes = *utcOffsetMinutes_;
        const std::tm tm = utcParts(utcMillis + *utcOffsetMinutes_ * 60000);
        parts.date = dateOf(tm);
        parts.clock = clockOf(tm);
        return parts;
    }
    const std::time_t seconds = static_cast<std::time_t>(utcMillis / 1000);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    parts.offsetMinutes = tm.tm_gmtoff / 60;
    parts.date = dateOf(tm);
    parts.clock = clockOf(tm);
    return parts;
}

std::string ReportWording::utcDateTime(std::int64_t utcMillis) const
{
    const std::tm tm = utcParts(utcMillis);
    return dateOf(tm) + " " + clockOf(tm) + " UTC";
}

std::string ReportWording::localDateTime(std::int64_t utcMillis) const
{
    const LocalParts parts = local(utcMillis);
    return parts.date + " " + parts.clock + " " + offsetText(parts.offsetMinutes);
}

std::string ReportWording::localClock(std::int64_t utcMillis) const
{
    return local(utcMillis).clock;
}

std::string ReportWording::duration(Millis length)
{
    const std::int64_t total = std::max<std::int64_t>(0, length.count()) / 1000;
    const std::int64_t hours = total / 3600;
    const std::int64_t minutes = total / 60 % 60;
    const std::int64_t seconds = total % 60;
    if (hours > 0)
        return std::to_string(hours) + ":" + twoDigits(static_cast<long>(minutes)) + ":" +
               twoDigits(static_cast<long>(seconds));
    return std::to_string(minutes) + ":" + twoDigits(static_cast<long>(seconds));
}

std::string ReportWording::position(Millis at)
{
    const std::int64_t total = std::max<std::int64_t>(0, at.count()) / 1000;
    return std::to_string(total / 3600) + ":" + twoDigits(static_cast<long>(total / 60 % 60)) + ":" +
           twoDigits(static_cast<long>(total % 60));
}

std::string ReportWording::percent(double share)
{
    const double tenths = std::floor(std::clamp(share, 0.0, 1.0) * 1000.0 + 1e-9);
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", tenths / 10.0);
    return text;
}

std::string ReportWording::spanList(const std::vector<TimeSpan>& spans, const ReportModel& model) const
{
    std::string list;
    const std::size_t shown = std::min(spans.size(), kSpansListed);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            list += text("Report.Statement.ListSeparator");
        list += localClock(model.utcMillis(spans[i].from)) + "–" + localClock(model.utcMillis(spans[i].to));
    }
    if (spans.size() > shown)
        list += format("Report.Statement.AndMore", {std::to_string(spans.size() - shown)});
    return list;
}

std::string ReportWording::statement(const ReportStatement& statement, const ReportModel& model) const
{
    const std::string from = localClock(model.utcMillis(statement.period.from));
    const std::string to = localClock(model.utcMillis(statement.period.to));
    const std::string title = ruleTitle(statement.ruleId, statement.title);
    // A subject ("QR code", "The presenter") reads better than the rule's title, when the locale has
    // one for the category and no other rule of the pack watches the same category.
    const std::string subjectKey = "Report.Subject." + statement.category;
    const bool categoryShared =
        std::count_if(model.timelines.begin(), model.timelines.end(),
                      [&](const RuleTimeline& t) { return t.category == statement.category; }) > 1;
    const bool bySubject = texts_.has(subjectKey) && !categoryShared;
    const std::string subject = bySubject ? text(subjectKey) : title;
    std::string sentence;
    if (statement.kind == StatementKind::PresentShare) {
        const std::string base = bySubject ? "Report.Statement.Present" : "Report.Statement.RuleHeld";
        if (statement.exceptions.empty())
            sentence = format(base + "Always", {subject, from, to});
        else
            sentence =
                format(base + "Share", {subject, percent(statement.presentShare), duration(statement.longest),
                                        percent(1.0 - statement.presentShare)});
    } else {
        const std::string base = bySubject ? "Report.Statement.NoneSeen" : "Report.Statement.RuleNotMet";
        if (statement.exceptions.empty())
            sentence = format(base, {subject, from, to});
        else
            sentence = format(base + "Except", {subject, from, to, spanList(statement.exceptions, model)}) +
                       format("Report.Statement.HeldInAll",
                              {std::to_string(statement.exceptions.size()), duration(statement.heldInAll),
                               duration(statement.longest)});
    }
    if (statement.noticeAfterS > 0)
        sentence += format("Report.Statement.ShortNotRecorded",
                           {duration(Millis{static_cast<Millis::rep>(statement.noticeAfterS * 1000.0)})});
    return sentence;
}

std::string ReportWording::verificationVerdict(const ReportVerification& verification) const
{
    switch (verification.status) {
    case RecordStatus::Complete:
        return format("Report.Verify.Complete", {std::to_string(verification.linesChecked),
                                                 std::to_string(verification.evidenceFilesChecked)});
    case RecordStatus::Incomplete:
        return format("Report.Verify.Incomplete", {std::to_string(verification.linesChecked)});
    case RecordStatus::Tampered:
        // Lines are counted from 1 for people; seq counts from 0.
        return format("Report.Verify.Tampered",
                      {std::to_string(verification.firstBadSeq.value_or(0) + 1), verification.message});
    case RecordStatus::Unreadable:
        return format("Report.Verify.Unreadable", {verification.message});
    }
    return verification.message;
}

std::string ReportWording::seenText(const std::vector<SeenDetection>& seen) const
{
    std::string out;
    for (const SeenDetection& item : seen) {
        if (!out.empty())
            out += "; ";
        out += item.label.empty() ? item.category : item.label;
        if (!item.text.empty())
            out += " “" + item.text + "”";
        if (!item.detail.empty())
            out += " (" + item.detail + ")";
    }
    return out.empty() ? text("Report.Findings.NothingListed") : out;
}

} // namespace cg
