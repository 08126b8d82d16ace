#include "status_samples.hpp"

#include "ui/dock_model.hpp"

#include <gtest/gtest.h>

namespace cg::ui {
namespace {

TEST(DockModel, ReadsEveryPartOfTheStatusInTheUiLanguage)
{
    const GuardStatus status = parseGuardStatus(test::warningStatusJson("/records/evidence/qr.jpg"), "zh-CN");
    EXPECT_TRUE(status.errors.empty());
    EXPECT_EQ(status.state, GuardState::Warning);
    EXPECT_TRUE(status.analysing);
    EXPECT_EQ(status.packName, "阿里巴巴国际站");
    EXPECT_EQ(status.sessionKind, "stream");
    EXPECT_EQ(status.sessionDir, "/records/2025-01-01_stream");
    ASSERT_EQ(status.rules.size(), 2u);
    EXPECT_EQ(status.rules[0].title, "画面上有二维码");
    EXPECT_EQ(status.rules[0].detail, "https://wa.me/123456");
    EXPECT_DOUBLE_EQ(status.rules[0].seenForS, 12.5);
    EXPECT_EQ(status.rules[1].state, GuardState::Notice);
    EXPECT_DOUBLE_EQ(status.rules[1].timeToLimitS, 108.0);
    ASSERT_EQ(status.scenes.size(), 3u);
    EXPECT_FALSE(status.scenes[0].onAirUnwatched());
    EXPECT_TRUE(status.scenes[1].onAirUnwatched());
    ASSERT_EQ(status.recent.size(), 3u);
    EXPECT_EQ(status.recent[0].change, FindingChange::Changed);
    EXPECT_EQ(status.recent[0].evidencePath, "/records/evidence/qr.jpg");
    EXPECT_EQ(status.recent[1].evidencePath, "");
    EXPECT_EQ(status.recent[2].change, FindingChange::Cleared);
}

TEST(DockModel, FallsBackToEnglishForAnUnknownLanguage)
{
    const GuardStatus status = parseGuardStatus(test::warningStatusJson(""), "fr-FR");
    EXPECT_EQ(status.packName, "Alibaba.com");
    EXPECT_EQ(status.rules.at(1).title, "Presenter not seen");
}

TEST(DockModel, ReportsBrokenJsonAsAnErrorInsteadOfThrowing)
{
    const GuardStatus status = parseGuardStatus("{\"state\": \"warn", "en-US");
    ASSERT_EQ(status.errors.size(), 1u);
    EXPECT_NE(status.errors[0].find("not a JSON object"), std::string::npos);
    EXPECT_TRUE(status.rules.empty());
}

TEST(DockModel, NamesAnUnknownStateAndKeepsTheRest)
{
    const GuardStatus status = parseGuardStatus(
        R"({"state": "panic", "errors": ["rules/alibaba.json: rules[2].limit_s: not a number"]})", "en-US");
    ASSERT_EQ(status.errors.size(), 2u);
    EXPECT_NE(status.errors[0].find("panic"), std::string::npos);
    EXPECT_EQ(status.errors[1], "rules/alibaba.json: rules[2].limit_s: not a number");
}

TEST(DockModel, CarriesThePackAndSessionErrors)
{
    const GuardStatus status = parseGuardStatus(
        R"({"state": "clear", "pack": {"id": "x", "error": "x.json: rules: missing"}, "session": {"error": "disk full"}})",
        "en-US");
    EXPECT_EQ(status.packName, "x");
    EXPECT_EQ(status.packError, "x.json: rules: missing");
    EXPECT_EQ(status.sessionError, "disk full");
}

TEST(DockModel, ReadsTheAlertPayload)
{
    const auto alert = parseGuardAlert(
        R"({"rule": "no_qr_codes", "state": "critical", "title": {"en-US": "QR code on air", "zh-CN": "画面上有二维码"},
            "detail": "weixin://x", "platform": {"en-US": "Alibaba.com"}})",
        "zh-CN");
    ASSERT_TRUE(alert.has_value());
    EXPECT_EQ(alert->state, GuardState::Critical);
    EXPECT_EQ(alert->title, "画面上有二维码");
    EXPECT_EQ(alert->platform, "Alibaba.com");
    EXPECT_FALSE(parseGuardAlert("[]", "en-US").has_value());
}

TEST(DockModel, ReadsEachVerifyVerdict)
{
    const VerifyResult complete = parseVerifyResult(R"({"status": "complete", "lines_verified": 42})");
    EXPECT_EQ(complete.verdict, RecordVerdict::Complete);
    EXPECT_EQ(complete.linesVerified, 42);
    const VerifyResult tampered = parseVerifyResult(
        R"({"status": "tampered", "lines_verified": 7, "first_bad_seq": 7, "message": "hash"})");
    EXPECT_EQ(tampered.verdict, RecordVerdict::Tampered);
    EXPECT_EQ(tampered.firstBadSeq, 7);
    EXPECT_EQ(parseVerifyResult(R"({"status": "incomplete"})").verdict, RecordVerdict::Incomplete);
    const VerifyResult unreadable =
        parseVerifyResult(R"({"status": "unreadable", "message": "no session.jsonl"})");
    EXPECT_EQ(unreadable.verdict, RecordVerdict::Unreadable);
    EXPECT_EQ(unreadable.message, "no session.jsonl");
    EXPECT_EQ(parseVerifyResult("oops").verdict, RecordVerdict::Unreadable);
}

} // namespace
} // namespace cg::ui
