#pragma once

#include "core/report/locale_texts.hpp"
#include "core/report/report_model.hpp"

#include <optional>
#include <string>

namespace cg {

// The report's words in one language: the locale's Report.* texts, rule titles from the pack,
// times in UTC and in the streamer's local time, durations, the statements as sentences. Shared by
// the HTML and the PDF renderers so that both say the same.
class ReportWording {
  public:
    // language: "en-US" or "zh-CN". utcOffsetMinutes: the local time to show; nullopt uses this
    // machine's time zone (TZ) at each moment.
    ReportWording(LocaleTexts texts, std::string language, std::optional<std::int64_t> utcOffsetMinutes);

    [[nodiscard]] const std::string& language() const { return language_; }
    [[nodiscard]] std::string text(const std::string& key) const { return texts_.text(key); }
    [[nodiscard]] std::string format(const std::string& key, const std::vector<std::string>& args) const
    {
        return texts_.format(key, args);
    }
    [[nodiscard]] std::string localized(const LocalizedText& text) const;
    [[nodiscard]] std::string ruleTitle(const std::string& ruleId, const LocalizedText& title) const;
    [[nodiscard]] std::string stateWord(FindingState state) const;

    // "2026-11-25 14:02:10 UTC"
    [[nodiscard]] std::string utcDateTime(std::int64_t utcMillis) const;
    // "2026-11-25 22:02:10 UTC+08:00"
    [[nodiscard]] std::string localDateTime(std::int64_t utcMillis) const;
    // "22:02:10"
    [[nodiscard]] std::string localClock(std::int64_t utcMillis) const;
    // "0:05", "1:12", "1:02:03"
    [[nodiscard]] static std::string duration(Millis length);
    // Always with hours, as players show a position: "0:15:03"
    [[nodiscard]] static std::string position(Millis at);
    // "97.4": the share in percent, one decimal, never rounded up to 100.
    [[nodiscard]] static std::string percent(double share);

    [[nodiscard]] std::string statement(const ReportStatement& statement, const ReportModel& model) const;
    [[nodiscard]] std::string verificationVerdict(const ReportVerification& verification) const;
    [[nodiscard]] std::string seenText(const std::vector<SeenDetection>& seen) const;

  private:
    struct LocalParts {
        std::int64_t offsetMinutes = 0;
        std::string date;
        std::string clock;
    };
    [[nodiscard]] LocalParts local(std::int64_t utcMillis) const;
    [[nodiscard]] std::string spanList(const std::vector<TimeSpan>& spans, const ReportModel& model) const;

    LocaleTexts texts_;
    std::string language_;
    std::optional<std::int64_t> utcOffsetMinutes_;
};

} // namespace cg
