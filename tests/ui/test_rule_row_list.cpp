#include "status_samples.hpp"
#include "test_translation.hpp"

#include "ui/rule_row_list.hpp"

#include <gtest/gtest.h>

#include <QEventLoop>
#include <QTimer>

namespace cg::ui {
namespace {

struct ManualMs {
    qint64 value = 1'000'000;
    MonotonicMs clock()
    {
        return [this] { return value; };
    }
};

TEST(RuleRowList, ShowsWhatWasSeenForHowLongAndThePlatformLimit)
{
    test::useLanguage("en-US");
    ManualMs now;
    RuleRowList rows(nullptr, now.clock());
    rows.setRules(parseGuardStatus(test::warningStatusJson(""), "en-US").rules);
    ASSERT_EQ(rows.rowCount(), 2);
    EXPECT_EQ(rows.timingText(0), "QR code on air 0:12 — Alibaba.com limit 0:00");
    EXPECT_EQ(rows.countdownText(0), "Over the platform's limit: fix it now");
    EXPECT_EQ(rows.timingText(1), "Presenter not seen 3:12 — Alibaba.com limit 5:00");
    EXPECT_EQ(rows.countdownText(1), "1:48 left before the platform's limit");
}

TEST(RuleRowList, TicksBetweenStatusUpdatesAndRestartsFromEachStatus)
{
    test::useLanguage("en-US");
    ManualMs now;
    RuleRowList rows(nullptr, now.clock());
    const auto rules = parseGuardStatus(test::warningStatusJson(""), "en-US").rules;
    rows.setRules(rules);
    now.value += 3'000;
    rows.tick();
    EXPECT_EQ(rows.timingText(1), "Presenter not seen 3:15 — Alibaba.com limit 5:00");
    EXPECT_EQ(rows.countdownText(1), "1:45 left before the platform's limit");
    now.value += 200'000;
    rows.tick();
    EXPECT_EQ(rows.countdownText(1), "Over the platform's limit: fix it now");
    rows.setRules(rules); // a fresh status: its own timers count again
    EXPECT_EQ(rows.countdownText(1), "1:48 left before the platform's limit");
}

TEST(RuleRowList, ItsOwnTimerMovesTheCountdownOnWithinASecond)
{
    test::useLanguage("en-US");
    RuleRowList rows;
    rows.setRules(parseGuardStatus(test::warningStatusJson(""), "en-US").rules);
    const QString before = rows.countdownText(1);
    QEventLoop loop;
    QTimer::singleShot(1300, &loop, &QEventLoop::quit);
    loop.exec();
    EXPECT_EQ(before, "1:48 left before the platform's limit");
    EXPECT_EQ(rows.countdownText(1), "1:47 left before the platform's limit");
}

TEST(RuleRowList, SaysSoWhenNoRuleIsActiveAndReadsInChinese)
{
    test::useLanguage("zh-CN");
    ManualMs now;
    RuleRowList rows(nullptr, now.clock());
    rows.setRules(parseGuardStatus(test::warningStatusJson(""), "zh-CN").rules);
    EXPECT_EQ(rows.timingText(1), QString::fromUtf8("画面里没有主播 3:12 — 阿里巴巴国际站 限时 5:00"));
    EXPECT_EQ(rows.countdownText(1), QString::fromUtf8("距平台限时还剩 1:48"));
    rows.setRules({});
    EXPECT_EQ(rows.rowCount(), 0);
    test::useLanguage("en-US");
}

} // namespace
} // namespace cg::ui
