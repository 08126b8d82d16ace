#include "test_translation.hpp"

#include "ui/state_banner.hpp"
#include "ui/state_colors.hpp"

#include <gtest/gtest.h>

#include <QImage>
#include <QPixmap>

namespace cg::ui {
namespace {

QColor paintedBackground(StateBanner& banner)
{
    banner.resize(320, 90);
    const QImage image = banner.grab().toImage();
    return image.pixelColor(image.width() / 2, 3); // inside the top margin, above the text
}

struct Expected {
    GuardState state;
    const char* english;
    const char* chinese;
};

TEST(StateBanner, SaysAndColoursEachStateInBothLanguages)
{
    const Expected cases[] = {{GuardState::Clear, "All clear", "一切正常"},
                              {GuardState::Notice, "Notice", "注意"},
                              {GuardState::Warning, "Warning", "警告"},
                              {GuardState::Critical, "Critical", "严重警告"},
                              {GuardState::Breach, "Over the limit", "已违规"}};
    std::vector<QColor> seen;
    for (const Expected& expected : cases) {
        for (const char* language : {"en-US", "zh-CN"}) {
            test::useLanguage(language);
            StateBanner banner;
            banner.showState(expected.state, false, true);
            EXPECT_EQ(
                banner.headline(),
                QString::fromUtf8(language == std::string("en-US") ? expected.english : expected.chinese));
            EXPECT_FALSE(banner.explanation().isEmpty());
            EXPECT_EQ(paintedBackground(banner), stateBackground(expected.state)) << language;
        }
        for (const QColor& other : seen)
            EXPECT_NE(other, stateBackground(expected.state)) << "two states share a colour";
        seen.push_back(stateBackground(expected.state));
    }
    test::useLanguage("en-US");
}

TEST(StateBanner, SaysWhenNothingIsCheckedAndWhenTheWarningWasAcknowledged)
{
    test::useLanguage("en-US");
    StateBanner banner;
    banner.showState(GuardState::Clear, false, false);
    EXPECT_EQ(banner.explanation(), "Not checking: the scene on air is not watched.");
    banner.showState(GuardState::Warning, true, true);
    EXPECT_TRUE(banner.explanation().endsWith("You have acknowledged this warning."));
}

TEST(StateBanner, ShowsGreyWaitingBannerUntilTheGuardAnswers)
{
    test::useLanguage("en-US");
    StateBanner banner;
    EXPECT_EQ(banner.headline(), "Waiting for the guard");
    const QColor painted = paintedBackground(banner);
    EXPECT_EQ(painted.red(), painted.green());
    EXPECT_EQ(painted.green(), painted.blue());
}

} // namespace
} // namespace cg::ui
