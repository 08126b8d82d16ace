#include "core/presence/presenter_detector.hpp"
#include "core/presence/presenter_registry.hpp"

#include "support/temp_folder.hpp"
#include "unit/presence/drawn_face.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace cg {
namespace {

using namespace std::chrono_literals;

// "A few seconds" of a drawn presenter: the face drifting a little between frames.
std::vector<Frame> framesOfFace(const test::FaceLook& look, int count = 6)
{
    std::vector<Frame> frames;
    for (int i = 0; i < count; ++i) {
        cv::Mat picture = test::emptyRoom(cv::Size(1280, 720), static_cast<unsigned>(i));
        test::drawFace(picture, cv::Point(620 + 8 * i, 340 + 3 * i), 220, look);
        frames.push_back(Frame::fromMat(picture, Millis{i * 500}));
    }
    return frames;
}

int filesIn(const std::filesystem::path& folder)
{
    if (!std::filesystem::exists(folder))
        return 0;
    return static_cast<int>(std::distance(std::filesystem::directory_iterator(folder), {}));
}

class PresenterRegistryTest : public ::testing::Test {
  protected:
    PresenterRegistrySettings settingsIn(const std::string& name)
    {
        PresenterRegistrySettings settings;
        settings.folder = temp_.path() / name;
        return settings;
    }
    TempFolder temp_;
};

TEST_F(PresenterRegistryTest, FramesWithoutAFaceEnrolNobodyAndWriteNothing)
{
    PresenterRegistry registry(settingsIn("faces"));
    std::vector<Frame> frames;
    for (unsigned i = 0; i < 6; ++i)
        frames.push_back(Frame::fromMat(test::emptyRoom(cv::Size(1280, 720), i)));
    const auto result = registry.enrol(frames);
    EXPECT_FALSE(result.enrolled);
    EXPECT_EQ(result.framesSeen, 6);
    EXPECT_FALSE(registry.anyEnrolled());
    EXPECT_FALSE(std::filesystem::exists(registry.settings().folder));
}

TEST_F(PresenterRegistryTest, EnrolmentStoresSamplesOnlyInItsFolderAndAnotherSessionLoadsThem)
{
    const auto settings = settingsIn("faces");
    {
        PresenterRegistry registry(settings);
        const auto result = registry.enrol(framesOfFace({}));
        ASSERT_TRUE(result.enrolled) << "the drawn face could not be enrolled";
        EXPECT_GE(result.samplesStored, settings.minSamples);
        EXPECT_TRUE(registry.anyEnrolled());
        EXPECT_EQ(registry.presenters(), std::vector<std::string>{"presenter"});
        EXPECT_EQ(filesIn(settings.folder), result.samplesStored);
        EXPECT_EQ(filesIn(temp_.path()), 1) << "something was written outside the samples folder";
    }
    PresenterRegistry nextSession(settings);
    EXPECT_TRUE(nextSession.anyEnrolled());
    EXPECT_EQ(nextSession.sampleCount(), filesIn(settings.folder));
}

TEST_F(PresenterRegistryTest, ForgettingDeletesTheSamplesButLeavesOtherFilesAlone)
{
    const auto settings = settingsIn("faces");
    PresenterRegistry registry(settings);
    ASSERT_TRUE(registry.enrol(framesOfFace({}), "host").enrolled);
    ASSERT_TRUE(registry.enrol(framesOfFace({}), "guest").enrolled);
    EXPECT_EQ(registry.presenters().size(), 2u);
    registry.forget("guest");
    EXPECT_EQ(registry.presenters(), std::vector<std::string>{"host"});

    std::ofstream(settings.folder / "notes.txt") << "the user's own file";
    registry.forgetAll();
    EXPECT_FALSE(registry.anyEnrolled());
    EXPECT_EQ(filesIn(settings.folder), 1);
    EXPECT_TRUE(std::filesystem::exists(settings.folder / "notes.txt"));

    std::filesystem::remove(settings.folder / "notes.txt");
    ASSERT_TRUE(registry.enrol(framesOfFace({})).enrolled);
    registry.forgetAll();
    EXPECT_FALSE(std::filesystem::exists(settings.folder)) << "an emptied samples folder was left behind";
}

TEST_F(PresenterRegistryTest, APresenterIdThatCouldEscapeTheFolderIsRefused)
{
    PresenterRegistry registry(settingsIn("faces"));
    EXPECT_THROW(registry.enrol(framesOfFace({}), "../elsewhere"), std::invalid_argument);
    EXPECT_THROW(registry.enrol(framesOfFace({}), ""), std::invalid_argument);
}

TEST_F(PresenterRegistryTest, TheDetectorReportsNoStrangerWhileNobodyIsEnrolledOrTheEnrolledFaceIsOn)
{
    auto registry = std::make_shared<PresenterRegistry>(settingsIn("faces"));
    PresenterDetectorSettings settings;
    settings.registry = registry;
    settings.unregisteredAfter = 2s;
    PresenterDetector detector(settings);
    const auto frames = framesOfFace({}, 12);
    auto strangersIn = [&](const std::vector<Frame>& run, Millis start) {
        int count = 0;
        for (std::size_t i = 0; i < run.size(); ++i) {
            const Frame frame = Frame::fromMat(run[i].view(), start + Millis{static_cast<long>(i) * 500});
            for (const auto& detection : detector.detect(frame))
                count += detection.category == PresenterDetector::kUnregisteredCategory ? 1 : 0;
        }
        return count;
    };
    EXPECT_EQ(strangersIn(frames, 0ms), 0) << "a stranger reported with nobody enrolled";
    ASSERT_TRUE(registry->enrol(framesOfFace({}, 6)).enrolled);
    EXPECT_EQ(strangersIn(frames, 10s), 0) << "the enrolled face was reported as a stranger";
}

} // namespace
} // namespace cg
