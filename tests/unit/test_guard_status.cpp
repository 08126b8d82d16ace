#include "core/guard_status.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

using namespace std::chrono_literals;

RulePack presenterPack()
{
    Rule rule;
    rule.id = "presenter_absent";
    rule.category = "person";
    rule.trigger = Trigger::Absent;
    rule.title = {"Presenter not seen", "主播不在画面"};
    rule.thresholds = {60, 180, 240, 300, 10};
    RulePack pack;
    pack.id = "alibaba";
    pack.name = {"Alibaba.com Live", "阿里巴巴国际站直播"};
    pack.rules = {rule};
    return pack;
}

TEST(GuardStatus, RowsCountDownToThePlatformLimit)
{
    ManualClock clock;
    FindingTracker tracker(presenterPack(), clock);
    AnalysisResult nobody;
    nobody.categoriesChecked = {"person"};
    EXPECT_TRUE(ruleRowsJson(tracker, clock.now()).empty()) << "nothing happened yet";
    tracker.observe(nobody);
    clock.set(192s);
    tracker.tick();
    const nlohmann::json rows = ruleRowsJson(tracker, clock.now());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0]["rule"], "presenter_absent");
    EXPECT_EQ(rows[0]["state"], "warning");
    EXPECT_DOUBLE_EQ(rows[0]["seen_for_s"].get<double>(), 192.0);
    EXPECT_DOUBLE_EQ(rows[0]["time_to_limit_s"].get<double>(), 108.0);
    EXPECT_EQ(rows[0]["platform"]["zh-CN"], "阿里巴巴国际站直播");
    EXPECT_EQ(worstOpenState(tracker), FindingState::Warning);
}

TEST(GuardStatus, DetailNamesWhatWasSeenWithoutCuttingACharacter)
{
    std::vector<Detection> seen{{"codes", "qr_code", "QRCode", 1, {}, "https://wa.me/1"},
                                {"codes", "qr_code", "QRCode", 1, {}, "https://wa.me/1"},
                                {"codes", "barcode", "EAN-13", 1, {}, ""}};
    EXPECT_EQ(detailOf(seen), "https://wa.me/1; EAN-13");
    std::string longChinese;
    for (int i = 0; i < 60; ++i)
        longChinese += "微信";
    const std::string detail = detailOf({{"codes", "qr_code", "QRCode", 1, {}, longChinese}});
    EXPECT_LE(detail.size(), 124u);
    EXPECT_TRUE(nlohmann::json::accept(nlohmann::json(detail).dump())) << "still valid UTF-8";
    EXPECT_EQ(detail.substr(detail.size() - 3), "…");
}

TEST(GuardStatus, SeenListsDistinctEvidenceItemsWithTheirPlaceInTheFrame)
{
    Finding finding;
    finding.evidenceFrame = Frame::fromMat(cv::Mat(720, 1280, CV_8UC1, cv::Scalar(0)));
    const std::vector<Point> lowerRight{{1100, 600}, {1200, 600}, {1200, 680}, {1100, 680}};
    const std::vector<Point> upperLeft{{10, 10}, {60, 10}, {60, 60}, {10, 60}};
    finding.evidence = {{"text", "text", "wechat", 1, lowerRight, "VX abc123"},
                        {"text", "text", "wechat", 1, lowerRight, "VX abc123"},
                        {"logos", "logo", "whatsapp", 1, upperLeft, "WhatsApp"},
                        {"text", "text", "phone", 1, upperLeft, "138 0013 8000"},
                        {"text", "text", "qq", 1, upperLeft, "QQ 12345"}};
    const nlohmann::json seen = seenJson(finding);
    ASSERT_EQ(seen.size(), 3u) << "duplicates dropped, at most three";
    EXPECT_EQ(
        seen[0],
        (nlohmann::json{
            {"category", "text"}, {"label", "wechat"}, {"text", "VX abc123"}, {"position", "lower_right"}}));
    EXPECT_EQ(seen[1]["label"], "whatsapp");
    EXPECT_EQ(seen[1]["position"], "upper_left");
    EXPECT_EQ(seen[2]["label"], "phone");
}

} // namespace
} // namespace cg
