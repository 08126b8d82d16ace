// The layout checks on real libobs scenes: the guard walks the program scene (nested scenes,
// transforms, bounds) once a second and reports a camera too small, no camera, a recording in its
// place, and a camera without picture, with the rules of a test pack.
#include "obs/guard_fixture.hpp"

#include <gmock/gmock.h>
#include <graphics/vec2.h>
#include <obs.h>
#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <thread>

namespace cg::obstest {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// libobs with linux-v4l2 (cameras), obs-transitions and the guard using tests/obs/rules/layout-test.json,
// whose layout rules open a finding as soon as their condition is seen.
class LayoutInLibobs : public testing::Test {
  protected:
    void SetUp() override
    {
        const fs::path moduleConfig = config_.path() / "obs-config" / "compliance-guard";
        fs::create_directories(moduleConfig);
        std::ofstream(moduleConfig / "settings.json") << R"({"pack": "layout-test"})";
        LibobsHost::Options options;
        options.systemPlugins = {"linux-v4l2", "obs-transitions"};
        options.extraRulePack = fs::path(CG_SOURCE_DIR) / "tests/obs/rules/layout-test.json";
        host_ = std::make_unique<LibobsHost>(config_.path() / "obs-config", options);
        ASSERT_EQ(guardStatus()["pack"].value("id", ""), "layout-test") << guardStatus()["pack"].dump();
    }

    void TearDown() override
    {
        if (!host_)
            return;
        EXPECT_EQ(host_->shutdown(), 0) << "libobs allocations still alive after obs_shutdown";
        host_.reset();
    }

    // A 1280x720 picture of one colour: a backdrop that shows no code or face.
    [[nodiscard]] fs::path plainPicture(const std::string& name, const cv::Scalar& bgr) const
    {
        const fs::path file = config_.path() / (name + ".png");
        cv::imwrite(file.string(), cv::Mat3b(720, 1280,
                                             cv::Vec3b(static_cast<uchar>(bgr[0]), static_cast<uchar>(bgr[1]),
                                                       static_cast<uchar>(bgr[2]))));
        return file;
    }

    static bool opened(const nlohmann::json& finding, const std::string& rule)
    {
        return finding.value("change", "") == "finding_opened" && finding.value("rule", "") == rule;
    }

    static bool anyOpened(const SignalRecorder& findings, const std::string& rule)
    {
        for (const nlohmann::json& finding : findings.received())
            if (opened(finding, rule))
                return true;
        return false;
    }

  private:
    TempFolder config_;
    std::unique_ptr<LibobsHost> host_;
};

// Adds a new source to the scene and gives up our reference (the scene item keeps the source).
obs_sceneitem_t* addSource(obs_source_t* sceneSource, const char* id, const char* name,
                           obs_data_t* settings = nullptr)
{
    obs_source_t* source = obs_source_create(id, name, settings, nullptr);
    if (source == nullptr)
        return nullptr;
    obs_sceneitem_t* item = obs_scene_add(obs_scene_from_source(sceneSource), source);
    obs_source_release(source);
    return item;
}

// Places an item as the Edit Transform dialog does with "Stretch to bounds": the box is where the
// streamer wants the picture, whatever size the source has (a camera without device has none).
void placeInBox(obs_sceneitem_t* item, float x, float y, float width, float height)
{
    vec2 pos{};
    vec2_set(&pos, x, y);
    vec2 bounds{};
    vec2_set(&bounds, width, height);
    obs_sceneitem_set_pos(item, &pos);
    obs_sceneitem_set_bounds_type(item, OBS_BOUNDS_STRETCH);
    obs_sceneitem_set_bounds(item, &bounds);
}

TEST_F(LayoutInLibobs, CameraInAQuarterOfTheCanvasIsTooSmallAndWithoutDeviceFrozen)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Product table", plainPicture("table", {40, 90, 140}));
    // v4l2_input without a device delivers no frame, like a camera unplugged before going live.
    obs_sceneitem_t* camera = addSource(scene.source(), "v4l2_input", "Webcam");
    ASSERT_NE(camera, nullptr) << "v4l2_input not registered (linux-v4l2 not loaded?)";
    placeInBox(camera, 640, 360, 640, 360); // bottom-right quarter
    setProgram(scene.source());

    const nlohmann::json small =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "camera_too_small"); }, 10s);
    ASSERT_FALSE(small.is_null()) << "no camera_too_small finding within 10 s";
    const Clock::time_point smallAt = Clock::now();
    EXPECT_EQ(small.value("category", ""), "camera_small");
    EXPECT_EQ(small.value("detail", ""), "camera covers 25% of the canvas (less than 33%)");

    const nlohmann::json frozen =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "camera_frozen"); }, 10s);
    ASSERT_FALSE(frozen.is_null()) << "no camera_frozen finding within 10 s";
    const auto frozenAfter = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - smallAt);
    EXPECT_GE(frozenAfter, 1500ms) << "a camera gets a few seconds to start before it counts as frozen";
    EXPECT_THAT(frozen.value("detail", ""),
                testing::MatchesRegex("camera \"Webcam\" has delivered no picture for [34] s"));
    EXPECT_FALSE(anyOpened(findings, "no_camera_on_air")) << "the camera is on air, only vacant";
    std::cout << "camera_too_small: " << small.value("detail", "") << "\ncamera_frozen ("
              << frozenAfter.count() << " ms later): " << frozen.value("detail", "") << "\n";
    setProgram(nullptr);
}

TEST_F(LayoutInLibobs, SceneWithoutCameraIsNoCameraUntilACameraFillsIt)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Banner only", plainPicture("banner", {200, 160, 40}));
    setProgram(scene.source());
    const nlohmann::json none =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "no_camera_on_air"); }, 10s);
    ASSERT_FALSE(none.is_null()) << "no no_camera_on_air finding within 10 s";
    EXPECT_EQ(none.value("detail", ""), "no camera on air");
    EXPECT_FALSE(anyOpened(findings, "recording_on_air")) << "a still picture is not a recording";

    // A camera over the whole canvas: the finding clears (clear_after_s 1) and nothing else opens.
    obs_sceneitem_t* camera = addSource(scene.source(), "v4l2_input", "Webcam");
    ASSERT_NE(camera, nullptr);
    placeInBox(camera, 0, 0, 1280, 720);
    const nlohmann::json cleared = findings.waitFor(
        [](const nlohmann::json& f) {
            return f.value("change", "") == "finding_cleared" && f.value("rule", "") == "no_camera_on_air";
        },
        10s);
    EXPECT_FALSE(cleared.is_null()) << "no_camera_on_air did not clear once a camera filled the canvas";
    EXPECT_FALSE(anyOpened(findings, "camera_too_small"));
    setProgram(nullptr);
}

TEST_F(LayoutInLibobs, SlideshowFillingTheCanvasIsARecordingOnAir)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Replay", plainPicture("backdrop", {30, 30, 30}));
    obs_data_array_t* files = obs_data_array_create();
    for (const auto& [name, colour] :
         {std::pair{"slide-1", cv::Scalar(0, 0, 255)}, {"slide-2", cv::Scalar(0, 255, 0)}}) {
        obs_data_t* file = obs_data_create();
        obs_data_set_string(file, "value", plainPicture(name, colour).c_str());
        obs_data_array_push_back(files, file);
        obs_data_release(file);
    }
    obs_data_t* slideshowSettings = obs_data_create();
    obs_data_set_array(slideshowSettings, "files", files);
    obs_data_array_release(files);
    obs_sceneitem_t* slides = addSource(scene.source(), "slideshow", "Product slides", slideshowSettings);
    obs_data_release(slideshowSettings);
    ASSERT_NE(slides, nullptr);
    placeInBox(slides, 0, 0, 1280, 720);
    setProgram(scene.source());

    const nlohmann::json replay =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "recording_on_air"); }, 10s);
    ASSERT_FALSE(replay.is_null()) << "no recording_on_air finding within 10 s";
    EXPECT_EQ(replay.value("detail", ""),
              "video, slideshow or web page covers 100% of the canvas, no camera");
    EXPECT_TRUE(anyOpened(findings, "no_camera_on_air"));
    setProgram(nullptr);
}

TEST_F(LayoutInLibobs, NestedSceneAtHalfSizeHangingOffTheCanvasCountsWhatShows)
{
    const SignalRecorder findings(obs::api::signalFinding);
    // The camera fills a scene of its own; that scene sits in the program scene at half size,
    // half of it hanging off the right edge of the canvas: an eighth of the canvas shows.
    obs_scene_t* cameraScene = obs_scene_create("Camera scene");
    obs_sceneitem_t* camera = addSource(obs_scene_get_source(cameraScene), "v4l2_input", "Webcam");
    ASSERT_NE(camera, nullptr);
    placeInBox(camera, 0, 0, 1280, 720);
    GuardedScene scene("Show", plainPicture("studio", {90, 90, 90}));
    obs_sceneitem_t* nested =
        obs_scene_add(obs_scene_from_source(scene.source()), obs_scene_get_source(cameraScene));
    obs_scene_release(cameraScene); // the program scene's item keeps it
    vec2 half{};
    vec2_set(&half, 0.5f, 0.5f);
    vec2 pos{};
    vec2_set(&pos, 960, 0);
    obs_sceneitem_set_scale(nested, &half);
    obs_sceneitem_set_pos(nested, &pos);
    setProgram(scene.source());

    const nlohmann::json small =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "camera_too_small"); }, 10s);
    ASSERT_FALSE(small.is_null()) << "no camera_too_small finding within 10 s";
    EXPECT_EQ(small.value("detail", ""), "camera covers 13% of the canvas (less than 33%)");
    EXPECT_FALSE(anyOpened(findings, "no_camera_on_air")) << "a camera inside a nested scene is on air";
    setProgram(nullptr);
}

TEST_F(LayoutInLibobs, ProgramSceneIsFoundThroughTheTransitionAsInOBS)
{
    // OBS puts a transition on the program channel and switches scenes through it.
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene banner("Banner", plainPicture("banner", {200, 160, 40}));
    GuardedScene presenter("Presenter", plainPicture("presenter", {90, 90, 90}));
    obs_sceneitem_t* camera = addSource(presenter.source(), "v4l2_input", "Webcam");
    ASSERT_NE(camera, nullptr);
    placeInBox(camera, 0, 0, 1280, 720);
    obs_source_t* fade = obs_source_create_private("fade_transition", "Fade", nullptr);
    ASSERT_NE(fade, nullptr) << "fade_transition not registered (obs-transitions not loaded?)";
    obs_transition_set(fade, banner.source());
    setProgram(fade);

    ASSERT_FALSE(findings.waitFor([](const nlohmann::json& f) { return opened(f, "no_camera_on_air"); }, 10s)
                     .is_null())
        << "the scene behind the transition was not judged";
    ASSERT_TRUE(obs_transition_start(fade, OBS_TRANSITION_MODE_AUTO, 300, presenter.source()));
    const nlohmann::json cleared = findings.waitFor(
        [](const nlohmann::json& f) {
            return f.value("change", "") == "finding_cleared" && f.value("rule", "") == "no_camera_on_air";
        },
        10s);
    EXPECT_FALSE(cleared.is_null()) << "no_camera_on_air did not clear after fading to the camera scene";
    EXPECT_FALSE(anyOpened(findings, "camera_too_small"));

    setProgram(nullptr);
    obs_source_release(fade);
}

TEST_F(LayoutInLibobs, StalledRenderingIsReportedAsLaggedFramesWithTheNumbers)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Lagging", plainPicture("lagging", {60, 60, 60}));
    setProgram(scene.source());
    std::this_thread::sleep_for(2s); // a clean stretch first: the window holds good frames too
    const std::uint32_t laggedBefore = obs_get_lagged_frames();
    // Holding the graphics context stalls OBS's render loop as an overloaded GPU would: every
    // frame interval that passes meanwhile is a frame missed due to rendering lag.
    obs_enter_graphics();
    std::this_thread::sleep_for(1500ms);
    obs_leave_graphics();
    const nlohmann::json lagged =
        findings.waitFor([](const nlohmann::json& f) { return opened(f, "rendering_lagging"); }, 10s);
    ASSERT_FALSE(lagged.is_null())
        << "no rendering_lagging finding within 10 s of a 1.5 s stall; lagged frames "
        << obs_get_lagged_frames() - laggedBefore;
    std::cout << "lagged_frames: " << lagged.value("detail", "") << " (libobs counted "
              << obs_get_lagged_frames() - laggedBefore << " lagged frames during the stall)\n";
    EXPECT_THAT(lagged.value("detail", ""),
                testing::MatchesRegex(
                    "rendering missed [0-9]+ of [0-9]+ frames \\([0-9.]+%\\) in the last [0-9]+ s"));
    EXPECT_GE(obs_get_lagged_frames() - laggedBefore, 30u) << "1.5 s at 30 fps";
    setProgram(nullptr);
}

TEST_F(LayoutInLibobs, ProgramSceneWithoutEnabledGuardIsNotJudged)
{
    const SignalRecorder findings(obs::api::signalFinding);
    GuardedScene scene("Unwatched", plainPicture("unwatched", {10, 120, 10}));
    obs_source_set_enabled(scene.filter(), false); // the dock's "watch" box unticked
    setProgram(scene.source());
    std::this_thread::sleep_for(4s);
    EXPECT_FALSE(anyOpened(findings, "no_camera_on_air")) << "a scene the guard does not watch was judged";

    obs_source_set_enabled(scene.filter(), true);
    EXPECT_FALSE(findings.waitFor([](const nlohmann::json& f) { return opened(f, "no_camera_on_air"); }, 10s)
                     .is_null())
        << "watching the program scene did not start the layout checks";
    setProgram(nullptr);
}

} // namespace
} // namespace cg::obstest
