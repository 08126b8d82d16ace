// The report's computations on a record written by hand, with times chosen so that every figure is
// known: the QR code and presenter statements of issue 6, findings with escalations, offsets into a
// recording, a finding still open at the end, and the errors a broken record gives.
#include "core/record/record_writer.hpp"
#include "core/report/locale_texts.hpp"
#include "core/report/recorded_line.hpp"
#include "core/report/report_builder.hpp"
#include "core/report/report_error.hpp"
#include "core/report/report_html.hpp"
#include "core/report/report_statements.hpp"
#include "core/report/report_wording.hpp"
#include "core/rules/rule_pack_loader.hpp"
#include "support/temp_folder.hpp"
#include "unit/rules/shipped_rules_dir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

namespace cg {
namespace {

using namespace std::chrono_literals;

// 2026-11-25T14:02:10Z
constexpr std::int64_t kStart = 1795615330000;

class RecordText {
  public:
    RecordText& add(const std::string& type, Millis t, nlohmann::json payload,
                    const std::string& evidence = {})
    {
        nlohmann::json line{{"seq", seq_++},
                            {"ts", kStart + t.count()},
                            {"t", t.count()},
                            {"type", type},
                            {"payload", std::move(payload)}};
        if (!evidence.empty())
            line["evidence"] = {{"file", evidence}, {"sha256", std::string(64, 'a')}};
        text_ += line.dump() + "\n";
        return *this;
    }
    RecordText& raw(const std::string& text)
    {
        text_ += text;
        return *this;
    }
    [[nodiscard]] const std::string& text() const { return text_; }

  private:
    std::int64_t seq_ = 0;
    std::string text_;
};

nlohmann::json findingPayload(const std::string& rule, const std::string& state, double openedT,
                              double changedT, double lastSeenT, nlohmann::json clearedT = nullptr)
{
    return {{"rule", rule},
            {"state", state},
            {"previous_state", "clear"},
            {"opened_t", openedT},
            {"changed_t", changedT},
            {"last_seen_t", lastSeenT},
            {"cleared_t", clearedT},
            {"detections", nlohmann::json::array()}};
}

// The session of the issue's examples: 14:02:10 to 15:31:44 UTC, a QR code 14:20:03-14:20:05, two
// absences of the presenter (1:12 and 1:07), a recording from 14:12:10, a slideshow still open at
// the end (no session_end).
RecordText exampleRecord(bool closed = true)
{
    RecordText record;
    record.add(
        "session_start", 0ms,
        {{"kind", "stream"},
         {"plugin_version", "0.4.0"},
         {"pack", {{"id", "alibaba"}, {"source", "Appendix 1"}, {"version", "effective 2020-07-23"}}}});
    record.add("scene_change", 0ms, {{"program", "Main"}});
    record.add("recording_started", 600s, {{"file", "/v/show.mkv"}});
    nlohmann::json qr = findingPayload("qr_code_on_air", "breach", 1073, 1073, 1073);
    qr["detections"] = {{{"category", "qr_code"}, {"label", "QRCode"}, {"text", "https://wa.me/123"}}};
    record.add("finding_opened", 1073s, qr, "evidence/000003-qr_code_on_air.jpg");
    record.add("finding_cleared", 1078s, findingPayload("qr_code_on_air", "clear", 1073, 1078, 1075, 1078));
    record.add("finding_opened", 1860s, findingPayload("presenter_not_seen", "notice", 1800, 1860, 1860));
    record.add("finding_cleared", 1877s,
               findingPayload("presenter_not_seen", "clear", 1800, 1877, 1872, 1877));
    record.add("finding_opened", 3060s, findingPayload("presenter_not_seen", "notice", 3000, 3060, 3060));
    record.add("finding_cleared", 3072s,
               findingPayload("presenter_not_seen", "clear", 3000, 3072, 3067, 3072));
    record.add("finding_opened", 4000s, findingPayload("slideshow", "notice", 3940, 4000, 4000));
    record.add("finding_changed", 4120s, findingPayload("slideshow", "warning", 3940, 4120, 4120));
    if (closed)
        record.add("session_end", 5374s, {{"reason", "stream stopped"}});
    else
        record.add("heartbeat", 5374s, {{"state", "warning"}});
    return record;
}

VerifyReport completeReport()
{
    VerifyReport report;
    report.status = RecordStatus::Complete;
    report.linesChecked = 12;
    report.finalHash = std::string(64, 'f');
    return report;
}

ReportModel exampleModel(bool closed = true)
{
    const RulePack pack = loadRulePack(test::shippedRulesDir() / "alibaba.json");
    return buildReportModel(parseRecordedLines(exampleRecord(closed).text(), "x/session.jsonl"), &pack,
                            completeReport(), "x");
}

ReportWording wordingIn(const std::string& language, std::optional<std::int64_t> offset = 0)
{
    return ReportWording(LocaleTexts::load(std::filesystem::path(CG_SOURCE_DIR) / "locale", language),
                         language, offset);
}

ReportStatement statementOf(const ReportModel& model, const std::string& ruleId)
{
    for (const ReportStatement& statement : model.statements)
        if (statement.ruleId == ruleId)
            return statement;
    throw std::runtime_error("no statement for " + ruleId);
}

TEST(ReportStatements, MergeSpansJoinsOverlapsAndTouchingSpans)
{
    const std::vector<TimeSpan> merged = mergeSpans({{5s, 8s}, {1s, 3s}, {3s, 4s}, {7s, 9s}, {20s, 21s}});
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_EQ(merged[0].from, 1s);
    EXPECT_EQ(merged[0].to, 4s);
    EXPECT_EQ(merged[1].from, 5s);
    EXPECT_EQ(merged[1].to, 9s);
    EXPECT_EQ(merged[2].from, 20s);
}

TEST(ReportStatements, QrCodeCleanExceptWhenItWasOnAir)
{
    const ReportModel model = exampleModel();
    const ReportStatement qr = statementOf(model, "qr_code_on_air");
    ASSERT_EQ(qr.exceptions.size(), 1u);
    EXPECT_EQ(qr.exceptions[0].from, 1073s);
    EXPECT_EQ(qr.exceptions[0].to, 1075s);
    EXPECT_EQ(wordingIn("en-US").statement(qr, model),
              "No QR code was on air between 14:02:10 and 15:31:44 except 14:20:03–14:20:05. Occurrences: 1, "
              "0:02 in all, the longest 0:02.");
    EXPECT_EQ(wordingIn("zh-CN").statement(qr, model),
              "14:02:10 至 15:31:44 之间，除 14:20:03–14:20:05 外，直播画面没有出现二维码。共 1 次，合计 "
              "0:02，最长一次 0:02。");
}

TEST(ReportStatements, PresenterShareAndLongestAbsence)
{
    const ReportModel model = exampleModel();
    const ReportStatement presenter = statementOf(model, "presenter_not_seen");
    EXPECT_EQ(presenter.kind, StatementKind::PresentShare);
    EXPECT_EQ(presenter.heldInAll, 139s); // 72 s + 67 s
    EXPECT_EQ(presenter.longest, 72s);
    EXPECT_NEAR(presenter.presentShare, 1.0 - 139.0 / 5374.0, 1e-9);
    EXPECT_EQ(
        wordingIn("en-US").statement(presenter, model),
        "The presenter was visible 97.4% of the time; the longest absence was 1:12. Spells shorter than "
        "1:00 open no finding and are not in the record.");
}

TEST(ReportStatements, RulesWithoutFindingsAndSharedCategoriesReadByTitle)
{
    const ReportModel model = exampleModel();
    const ReportWording en = wordingIn("en-US");
    EXPECT_EQ(en.statement(statementOf(model, "external_logo"), model),
              "No external logo was on air between 14:02:10 and 15:31:44.");
    // Three rules watch on-screen text: the statement names the rule, not the category.
    EXPECT_EQ(en.statement(statementOf(model, "contact_details"), model).find("“"), 0u);
    EXPECT_EQ(model.statements.size(), model.timelines.size());
    EXPECT_EQ(model.timelines.size(), 15u); // every rule of the pack
}

TEST(ReportModel, FindingsWithStatesClearingAndRecordingOffsets)
{
    const ReportModel model = exampleModel();
    ASSERT_EQ(model.findings.size(), 4u);
    const ReportFinding& qr = model.findings[0];
    EXPECT_EQ(qr.ruleId, "qr_code_on_air");
    EXPECT_EQ(qr.worst, FindingState::Breach);
    ASSERT_TRUE(qr.clearedAt);
    EXPECT_EQ(*qr.clearedAt, 1078s);
    ASSERT_TRUE(qr.recordingOffset);
    EXPECT_EQ(*qr.recordingOffset, 473s); // 1073 s - 600 s
    EXPECT_EQ(ReportWording::position(*qr.recordingOffset), "0:07:53");
    EXPECT_EQ(qr.evidenceFile, "evidence/000003-qr_code_on_air.jpg");
    ASSERT_EQ(qr.seen.size(), 1u);
    EXPECT_EQ(qr.seen[0].text, "https://wa.me/123");
    EXPECT_EQ(qr.title.en, "QR code on air"); // from the pack: the lines carry no title here

    const ReportFinding& slideshow = model.findings[3];
    ASSERT_EQ(slideshow.states.size(), 2u);
    EXPECT_EQ(slideshow.states[1].state, FindingState::Warning);
    EXPECT_EQ(slideshow.states[1].at, 4120s);
    EXPECT_FALSE(slideshow.clearedAt); // still open when the record ends
    EXPECT_EQ(model.facts.duration, 5374s);
    EXPECT_TRUE(model.facts.endedCleanly);
    EXPECT_EQ(model.facts.endReason, "stream stopped");
    ASSERT_EQ(model.facts.recordings.size(), 1u);
    EXPECT_EQ(model.facts.recordings[0].endedAt, 5374s); // never stopped: until the end
}

TEST(ReportModel, TimelinesHoldEachStateUntilTheNext)
{
    const ReportModel model = exampleModel();
    const auto slideshow = std::find_if(model.timelines.begin(), model.timelines.end(),
                                        [](const RuleTimeline& t) { return t.ruleId == "slideshow"; });
    ASSERT_NE(slideshow, model.timelines.end());
    ASSERT_EQ(slideshow->states.size(), 2u);
    EXPECT_EQ(slideshow->states[0].state, FindingState::Notice);
    EXPECT_EQ(slideshow->states[0].span.from, 4000s);
    EXPECT_EQ(slideshow->states[0].span.to, 4120s);
    EXPECT_EQ(slideshow->states[1].span.to, 5374s);
    EXPECT_EQ(slideshow->worst, FindingState::Warning);
    const auto logo = std::find_if(model.timelines.begin(), model.timelines.end(),
                                   [](const RuleTimeline& t) { return t.ruleId == "external_logo"; });
    ASSERT_NE(logo, model.timelines.end());
    EXPECT_TRUE(logo->states.empty());
}

TEST(ReportModel, UnclosedRecordEndsAtItsLastLine)
{
    const ReportModel model = exampleModel(false);
    EXPECT_FALSE(model.facts.endedCleanly);
    EXPECT_EQ(model.facts.duration, 5374s);
}

TEST(ReportModel, SigningFieldsAreReadWhenPresentAndToleratedWhenAbsent)
{
    EXPECT_TRUE(exampleModel().verification.keyFingerprint.empty());
    RecordText record;
    record.add("session_start", 0ms, {{"key_fingerprint", "SHA256:abcd"}, {"public_key", "00ff"}});
    record.raw(nlohmann::json{{"seq", 1},
                              {"ts", kStart + 1000},
                              {"t", 1000},
                              {"type", "session_end"},
                              {"payload", nlohmann::json::object()},
                              {"signature", "1234"}}
                   .dump() +
               "\n");
    const ReportModel model =
        buildReportModel(parseRecordedLines(record.text(), "session.jsonl"), nullptr, completeReport(), "x");
    EXPECT_EQ(model.verification.keyFingerprint, "SHA256:abcd");
    EXPECT_TRUE(model.verification.signaturePresent);
}

TEST(ReportModel, AChangedRecordStillGivesAReportThatSaysSo)
{
    TempFolder folder;
    const std::filesystem::path dir = folder.path() / "session";
    {
        ManualClock clock(kStart);
        RecordWriter writer(dir, clock);
        writer.append("session_start", {{"pack", {{"id", "alibaba"}, {"version", "v"}}}});
        clock.set(5s);
        writer.append("finding_opened", findingPayload("qr_code_on_air", "breach", 5, 5, 5));
        clock.set(9s);
        writer.append("finding_cleared", findingPayload("qr_code_on_air", "clear", 5, 9, 6, 9));
        clock.set(20s);
        writer.close();
    }
    const ReportModel intact = loadReportModel(dir, test::shippedRulesDir());
    EXPECT_EQ(intact.verification.status, RecordStatus::Complete);
    EXPECT_EQ(intact.findings.size(), 1u);

    // Someone moves the QR code's end earlier, without recomputing the chain.
    std::ifstream input(dir / "session.jsonl");
    std::stringstream content;
    content << input.rdbuf();
    std::string text = content.str();
    const std::size_t at = text.find("\"last_seen_t\":6");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 15, "\"last_seen_t\":5");
    std::ofstream(dir / "session.jsonl", std::ios::trunc) << text;

    const ReportModel changed = loadReportModel(dir, test::shippedRulesDir());
    EXPECT_EQ(changed.verification.status, RecordStatus::Tampered);
    ASSERT_TRUE(changed.verification.firstBadSeq);
    EXPECT_EQ(*changed.verification.firstBadSeq, 2);
    const ReportWording en = wordingIn("en-US");
    const std::string html = renderReportHtml(changed, en, {}, {});
    EXPECT_NE(html.find("CHANGED after it was written: the record breaks at line 3 of session.jsonl"),
              std::string::npos);

    // Worse: the line is no longer JSON. The report still comes, from the lines before it.
    const std::size_t lineStart = text.find("\n", text.find("\n") + 1) + 1;
    text.replace(lineStart, text.find("\n", lineStart) - lineStart, "garbage");
    std::ofstream(dir / "session.jsonl", std::ios::trunc) << text;
    const ReportModel broken = loadReportModel(dir, test::shippedRulesDir());
    EXPECT_EQ(broken.verification.status, RecordStatus::Tampered);
    EXPECT_EQ(broken.findings.size(), 1u); // opened before the break, never seen clearing
}

TEST(ReportModel, TornLastLineIsLeftOut)
{
    RecordText record = exampleRecord();
    record.raw(R"({"seq":12,"ts":1,"t":)");
    EXPECT_EQ(parseRecordedLines(record.text(), "session.jsonl").size(), 12u);
}

TEST(ReportModel, ErrorsNameTheFileLineAndField)
{
    RecordText missingRule;
    missingRule.add("session_start", 0ms, nlohmann::json::object());
    missingRule.add("finding_opened", 1s, {{"state", "notice"}, {"opened_t", 0}, {"changed_t", 1}});
    try {
        buildReportModel(parseRecordedLines(missingRule.text(), "/r/session.jsonl"), nullptr,
                         completeReport(), "/r");
        FAIL() << "a finding line without its rule was accepted";
    } catch (const ReportError& error) {
        EXPECT_STREQ(error.what(),
                     "/r/session.jsonl: line 2: field \"payload.rule\": missing or not a string");
    }
    RecordText noTime;
    noTime.add("session_start", 0ms, nlohmann::json::object());
    noTime.raw(R"({"seq":1,"ts":5,"type":"heartbeat","payload":{}})"
               "\n");
    EXPECT_THROW(
        {
            try {
                (void)parseRecordedLines(noTime.text(), "/r/session.jsonl");
            } catch (const ReportError& error) {
                EXPECT_STREQ(error.what(),
                             "/r/session.jsonl: line 2: field \"t\": missing or not an integer");
                throw;
            }
        },
        ReportError);
    RecordText wrongStart;
    wrongStart.add("heartbeat", 0ms, nlohmann::json::object());
    EXPECT_THROW((void)parseRecordedLines(wrongStart.text(), "s.jsonl"), ReportError);
    EXPECT_THROW((void)readRecordedLines("/nonexistent-record"), ReportError);
}

TEST(ReportWording, TimesDurationsAndShares)
{
    EXPECT_EQ(ReportWording::duration(72s), "1:12");
    EXPECT_EQ(ReportWording::duration(5s), "0:05");
    EXPECT_EQ(ReportWording::duration(3723s), "1:02:03");
    EXPECT_EQ(ReportWording::position(473s), "0:07:53");
    EXPECT_EQ(ReportWording::percent(0.97413), "97.4");
    EXPECT_EQ(ReportWording::percent(0.99999), "99.9"); // never "100.0" while something was missing
    EXPECT_EQ(ReportWording::percent(1.0), "100.0");
    const ReportWording shanghai = wordingIn("zh-CN", 480);
    EXPECT_EQ(shanghai.localDateTime(kStart), "2026-11-25 22:02:10 UTC+08:00");
    EXPECT_EQ(shanghai.utcDateTime(kStart), "2026-11-25 14:02:10 UTC");
}

TEST(ReportWording, LocalTimeFollowsTheMachinesZoneWhenTheRecordHasNone)
{
    const char* previous = std::getenv("TZ");
    const std::string saved = previous ? previous : "";
    ::setenv("TZ", "America/New_York", 1);
    ::tzset();
    const ReportWording wording = wordingIn("en-US", std::nullopt);
    EXPECT_EQ(wording.localDateTime(kStart), "2026-11-25 09:02:10 UTC-05:00");
    if (previous)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
}

TEST(ReportTexts, BothLanguagesHaveEveryReportKey)
{
    const std::filesystem::path dir = std::filesystem::path(CG_SOURCE_DIR) / "locale";
    const LocaleTexts en = LocaleTexts::load(dir, "en-US");
    const LocaleTexts zh = LocaleTexts::load(dir, "zh-CN");
    int keys = 0;
    for (const auto& [key, text] : en.all()) {
        if (!key.starts_with("Report."))
            continue;
        ++keys;
        EXPECT_TRUE(zh.has(key)) << key << " is missing from zh-CN.ini";
        EXPECT_FALSE(text.empty()) << key;
    }
    for (const auto& [key, text] : zh.all()) {
        const bool known = !key.starts_with("Report.") || en.has(key);
        EXPECT_TRUE(known) << key << " is missing from en-US.ini";
    }
    EXPECT_GT(keys, 50);
    EXPECT_EQ(fillPlaceholders("%2 to %1, 97%", {"a", "b"}), "b to a, 97%");
}

} // namespace
} // namespace cg
