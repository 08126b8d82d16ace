#include "core/presence/enrolment_session.hpp"

#include "support/temp_folder.hpp"
#include "unit/presence/drawn_face.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace cg {
namespace {

using namespace std::chrono_literals;

Frame presenterFrame(int index)
{
    cv::Mat picture = test::emptyRoom(cv::Size(1280, 720), static_cast<unsigned>(index));
    test::drawFace(picture, cv::Point(620 + 6 * index, 340 + 2 * index), 220);
    return Frame::fromMat(picture, Millis{index * 250});
}

// Waits (at most 30 s: the landmark model takes a moment to load) until the session is idle again.
nlohmann::json settled(const EnrolmentSession& session)
{
    for (int i = 0; i < 300; ++i) {
        const nlohmann::json status = session.status();
        if (status["state"] == "idle" && !status["last"].is_null())
            return status;
        std::this_thread::sleep_for(100ms);
    }
    return session.status();
}

TEST(EnrolmentSession, TakesTheNextFramesEnrolsOnItsOwnThreadAndForgets)
{
    TempFolder temp;
    std::atomic<int> changes{0};
    EnrolmentSession session({temp.path() / "presenters", 6, Millis{400}}, [&] { ++changes; });
    EXPECT_EQ(session.registry(), nullptr);
    for (int i = 0; i < 4; ++i)
        session.offer(presenterFrame(i)); // not asked yet: ignored
    EXPECT_EQ(session.status()["state"], "idle");

    session.begin();
    EXPECT_EQ(session.status()["state"], "collecting");
    for (int i = 0; i < 30; ++i) // every 250 ms; frames closer than 400 ms apart are skipped
        session.offer(presenterFrame(i));
    const nlohmann::json status = settled(session);
    ASSERT_EQ(status["state"], "idle") << status.dump();
    EXPECT_EQ(status["last"]["ok"], true) << status.dump();
    EXPECT_EQ(status["last"]["frames"], 6);
    EXPECT_EQ(status["enrolled"], nlohmann::json::array({"presenter"}));
    ASSERT_NE(session.registry(), nullptr);
    EXPECT_TRUE(session.registry()->anyEnrolled());
    EXPECT_GE(changes.load(), 2) << "collecting and enrolled are both announced";

    session.forgetAll();
    for (int i = 0; i < 100 && session.registry() != nullptr; ++i)
        std::this_thread::sleep_for(50ms);
    EXPECT_EQ(session.registry(), nullptr);
    EXPECT_FALSE(std::filesystem::exists(temp.path() / "presenters")) << "the samples are deleted";
}

TEST(EnrolmentSession, ASecondSessionLoadsWhatTheFirstEnrolled)
{
    TempFolder temp;
    {
        EnrolmentSession first({temp.path() / "presenters", 6, Millis{400}}, {});
        first.begin();
        for (int i = 0; i < 30; ++i)
            first.offer(presenterFrame(i));
        ASSERT_EQ(settled(first)["last"]["ok"], true);
    }
    EnrolmentSession second({temp.path() / "presenters", 6, Millis{400}}, {});
    EXPECT_EQ(second.registry(), nullptr) << "nothing is loaded until asked";
    second.loadSaved();
    for (int i = 0; i < 300 && second.registry() == nullptr; ++i)
        std::this_thread::sleep_for(100ms);
    ASSERT_NE(second.registry(), nullptr);
    EXPECT_EQ(second.registry()->presenters(), std::vector<std::string>{"presenter"});
}

} // namespace
} // namespace cg
