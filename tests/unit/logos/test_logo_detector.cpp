// LogoDetector on frames drawn in the test from the shipped templates (data/logos) and from marks
// that are not on the list (tests/unit/logos/distractors), over a drawn texture.
#include "core/logos/logo_detector.hpp"
#include "unit/logos/logo_scenes.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace cg::test {
namespace {

const std::string kTemplates = std::string(CG_SOURCE_DIR) + "/data/logos";
const std::string kDistractors = std::string(CG_SOURCE_DIR) + "/tests/unit/logos/distractors";

const Mark& markNamed(const std::vector<Mark>& marks, const std::string& slug)
{
    const auto found =
        std::find_if(marks.begin(), marks.end(), [&](const Mark& m) { return m.slug == slug; });
    if (found == marks.end())
        throw std::runtime_error("no mark " + slug);
    return *found;
}

// Soft coloured blotches: a background with texture but nothing shaped like a mark.
cv::Mat texture(std::uint32_t seed)
{
    cv::RNG random(seed);
    cv::Mat canvas(720, 1280, CV_8UC3);
    random.fill(canvas, cv::RNG::UNIFORM, cv::Scalar::all(30), cv::Scalar::all(220));
    cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), 10);
    return canvas;
}

struct Drawn {
    cv::Mat bgr;
    PlacedMark mark;
};

Drawn drawOne(const Mark& mark, MarkStyle style, int size, cv::Point2f centre, float angle = 0)
{
    Drawn drawn{texture(7), {}};
    std::mt19937 random(11);
    MarkPlacement placement;
    placement.style = style;
    placement.size = size;
    placement.centre = centre;
    placement.angleDeg = angle;
    drawn.mark = drawMark(drawn.bgr, mark, placement, random);
    return drawn;
}

Frame colourFrame(const cv::Mat& bgr)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return Frame::fromMat(bgra).deepCopy();
}

cv::Rect boxOf(const Detection& detection)
{
    std::vector<cv::Point2f> points;
    for (const auto& p : detection.polygon)
        points.emplace_back(p.x, p.y);
    return cv::boundingRect(points);
}

double iou(const cv::Rect& a, const cv::Rect& b)
{
    const double common = (a & b).area();
    return common / (a.area() + b.area() - common);
}

LogoDetectorSettings settingsWith(std::set<std::string> allowed = {})
{
    LogoDetectorSettings settings;
    settings.templatesFolder = kTemplates;
    settings.allowedBrands = std::move(allowed);
    settings.timeBudget = Millis(5000); // the result must not depend on the machine's load here
    return settings;
}

class LogoDetectorTest : public ::testing::Test {
  protected:
    std::vector<Mark> listed = loadListedMarks(kTemplates);
    std::vector<Mark> distractors = loadDistractorMarks(kDistractors);
};

TEST_F(LogoDetectorTest, FindsAColourMarkWithItsBrandBoxAndPlace)
{
    const auto drawn = drawOne(markNamed(listed, "whatsapp"), MarkStyle::Colour, 80, {1000, 330});
    LogoDetector detector(settingsWith());
    const auto found = detector.detect(colourFrame(drawn.bgr));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].category, "logo");
    EXPECT_EQ(found[0].detector, "logos");
    EXPECT_EQ(found[0].label, "whatsapp");
    EXPECT_EQ(found[0].polygon.size(), 4u);
    EXPECT_GT(iou(boxOf(found[0]), drawn.mark.box), 0.6);
    EXPECT_EQ(found[0].detail, "WhatsApp logo, right");
    EXPECT_EQ(found[0].text, "WhatsApp");
}

TEST_F(LogoDetectorTest, FindsARotatedAppIconAndAWhiteMarkOnTheLumaFrameWithPreview)
{
    auto drawn = drawOne(markNamed(listed, "telegram"), MarkStyle::AppIcon, 64, {200, 600}, 20);
    std::mt19937 random(3);
    MarkPlacement white;
    white.style = MarkStyle::White;
    white.size = 56;
    white.centre = {640, 120};
    const auto tiktok = drawMark(drawn.bgr, markNamed(listed, "tiktok"), white, random);

    // The OBS filter's frame: full-size luma plus a 640-px colour preview.
    cv::Mat gray;
    cv::cvtColor(drawn.bgr, gray, cv::COLOR_BGR2GRAY);
    cv::Mat preview;
    cv::resize(drawn.bgr, preview, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
    cv::cvtColor(preview, preview, cv::COLOR_BGR2RGBA);
    const Frame frame =
        Frame::fromMat(gray).withPreview(Frame::fromMat(preview, Millis{0}, PixelFormat::Rgba));

    LogoDetector detector(settingsWith());
    auto found = detector.detect(frame);
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].label, "telegram");
    // The square or the glyph inside it: either places the mark.
    EXPECT_GT(iou(boxOf(found[0]), drawn.mark.box), 0.3);
    EXPECT_EQ(found[1].label, "tiktok");
    EXPECT_GT(iou(boxOf(found[1]), tiktok.box), 0.5);
}

TEST_F(LogoDetectorTest, FindsAMarkOnAPosterTurnedAwayFromTheCamera)
{
    Drawn drawn{texture(7), {}};
    std::mt19937 random(11);
    MarkPlacement poster;
    poster.style = MarkStyle::ColourOnCard;
    poster.size = 150;
    poster.centre = {400, 360};
    poster.turnDeg = 55;
    poster.focalShare = 1.5f;
    drawn.mark = drawMark(drawn.bgr, markNamed(listed, "wechat"), poster, random);

    auto upright = settingsWith();
    upright.searchTiltedSurfaces = false;
    EXPECT_TRUE(LogoDetector(upright).detect(colourFrame(drawn.bgr)).empty())
        << "the upright search alone already finds it: the test shows nothing";
    const auto found = LogoDetector(settingsWith()).detect(colourFrame(drawn.bgr));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].label, "wechat");
    // The mark, or the card it is printed on (an app icon in reverse): either places it.
    const cv::Rect box = boxOf(found[0]);
    EXPECT_TRUE(box.contains((drawn.mark.box.tl() + drawn.mark.box.br()) / 2));
    EXPECT_LT(box.area(), 4 * drawn.mark.box.area());
    // The outline follows the mark's perspective: its near side is the longer one.
    const auto& p = found[0].polygon;
    EXPECT_GT(std::abs(p[3].y - p[0].y), 1.15f * std::abs(p[2].y - p[1].y));
}

TEST_F(LogoDetectorTest, NeverReportsABrandThePackAllows)
{
    auto drawn = drawOne(markNamed(listed, "whatsapp"), MarkStyle::Colour, 80, {1000, 330});
    std::mt19937 random(5);
    MarkPlacement placement;
    placement.style = MarkStyle::AppIcon;
    placement.size = 72;
    placement.centre = {300, 300};
    drawMark(drawn.bgr, markNamed(listed, "youtube"), placement, random);

    LogoDetector everything(settingsWith());
    ASSERT_EQ(everything.detect(colourFrame(drawn.bgr)).size(), 2u);
    LogoDetector allowing(settingsWith({"whatsapp"}));
    const auto found = allowing.detect(colourFrame(drawn.bgr));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].label, "youtube");
}

TEST_F(LogoDetectorTest, DoesNotReportMarksThatAreNotOnTheList)
{
    cv::Mat bgr = texture(9);
    std::mt19937 random(13);
    const std::vector<std::string> others{"github", "apple", "spotify", "signal", "google", "firefox"};
    for (std::size_t i = 0; i < others.size(); ++i) {
        MarkPlacement placement;
        placement.style = i % 2 == 0 ? MarkStyle::Colour : MarkStyle::AppIcon;
        placement.size = 90;
        placement.centre = {150.0f + 190.0f * static_cast<float>(i), i % 2 == 0 ? 200.0f : 500.0f};
        drawMark(bgr, markNamed(distractors, others[i]), placement, random);
    }
    LogoDetector detector(settingsWith());
    const auto found = detector.detect(colourFrame(bgr));
    for (const auto& detection : found)
        ADD_FAILURE() << "reported " << detection.label << " (" << detection.detail << ")";
}

TEST_F(LogoDetectorTest, ReportsNothingOnAnEmptyFrame)
{
    LogoDetector detector(settingsWith());
    EXPECT_TRUE(detector.detect(Frame{}).empty());
    EXPECT_EQ(detector.categories(), std::vector<std::string>{"logo"});
    EXPECT_EQ(detector.cadence(), Millis(2000));
}

} // namespace
} // namespace cg::test
