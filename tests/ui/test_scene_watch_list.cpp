#include "status_samples.hpp"
#include "test_translation.hpp"

#include "ui/scene_watch_list.hpp"

#include <gtest/gtest.h>

namespace cg::ui {
namespace {

TEST(SceneWatchList, ChecksWatchedScenesAndMarksTheOneOnAirUnwatched)
{
    test::useLanguage("en-US");
    SceneWatchList list;
    list.setScenes(parseGuardStatus(test::warningStatusJson(""), "en-US").scenes);
    ASSERT_EQ(list.count(), 3);
    EXPECT_TRUE(list.isWatched(0));
    EXPECT_FALSE(list.isWatched(1));
    EXPECT_EQ(list.item(0)->text(), "Camera — in preview");
    EXPECT_EQ(list.item(1)->text(), "Product close-up — ON AIR, NOT WATCHED");
    EXPECT_TRUE(list.isMarkedOnAirUnwatched(1));
    EXPECT_FALSE(list.item(1)->icon().isNull());
    EXPECT_FALSE(list.isMarkedOnAirUnwatched(0));
    EXPECT_EQ(list.item(2)->text(), "Break");
}

TEST(SceneWatchList, TellsWhichSceneTheUserTickedButNotTheGuardsOwnUpdates)
{
    SceneWatchList list;
    std::vector<std::pair<QString, bool>> toggles;
    QObject::connect(&list, &SceneWatchList::watchToggled,
                     [&](const QString& scene, bool watched) { toggles.emplace_back(scene, watched); });
    const auto scenes = parseGuardStatus(test::warningStatusJson(""), "en-US").scenes;
    list.setScenes(scenes);
    list.setScenes(scenes);
    EXPECT_TRUE(toggles.empty());
    list.item(1)->setCheckState(Qt::Checked);
    ASSERT_EQ(toggles.size(), 1u);
    EXPECT_EQ(toggles[0].first, "Product close-up");
    EXPECT_TRUE(toggles[0].second);
}

TEST(SceneWatchList, DropsTheMarkOnceTheSceneIsWatched)
{
    test::useLanguage("en-US");
    SceneWatchList list;
    auto scenes = parseGuardStatus(test::warningStatusJson(""), "en-US").scenes;
    list.setScenes(scenes);
    scenes[1].watched = true;
    scenes.pop_back();
    list.setScenes(scenes);
    ASSERT_EQ(list.count(), 2);
    EXPECT_FALSE(list.isMarkedOnAirUnwatched(1));
    EXPECT_EQ(list.item(1)->text(), "Product close-up — on air");
    EXPECT_TRUE(list.item(1)->icon().isNull());
}

} // namespace
} // namespace cg::ui
