#include "core/text/text_detector.hpp"
#include "corpus/text_evaluation.hpp"
#include "corpus/text_frames.hpp"
#include "support/temp_folder.hpp"

#include <gtest/gtest.h>
#include <opencv2/freetype.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <memory>
#include <random>

namespace cg {
namespace {

using textcorpus::GeneratedFrame;
using textcorpus::TextFrameGenerator;
using textcorpus::TextSample;

// A soft, photo-like background: blurred coloured blobs over a gradient, no lettering.
cv::Mat drawnBackground(unsigned seed)
{
    std::mt19937 random(seed);
    cv::Mat background(720, 1280, CV_8UC3);
    for (int y = 0; y < background.rows; ++y) {
        background.row(y).setTo(cv::Scalar(60 + y / 8, 100 + y / 10, 140 - y / 9));
    }
    std::uniform_int_distribution<int> x(0, 1279), y(0, 719), radius(30, 160), channel(0, 255);
    for (int i = 0; i < 25; ++i) {
        cv::circle(background, {x(random), y(random)}, radius(random),
                   cv::Scalar(channel(random), channel(random), channel(random)), cv::FILLED);
    }
    cv::GaussianBlur(background, background, {0, 0}, 12);
    return background;
}

TextDetectorSettings defaultSettings()
{
    TextDetectorSettings settings;
    settings.classifier = textcorpus::defaultWordLists();
    return settings;
}

Frame colourFrame(const cv::Mat& bgr, Millis time)
{
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    return Frame::fromMat(bgra, time);
}

cv::Rect boundsOf(const Detection& detection)
{
    std::vector<cv::Point2f> points;
    for (const Point& point : detection.polygon) {
        points.emplace_back(point.x, point.y);
    }
    return cv::boundingRect(points);
}

// What the detector sees now, each line in brackets: for failure messages.
std::string linesRead(const TextDetector& detector)
{
    std::string read;
    for (const std::string& visible : detector.visibleLines()) {
        read += "[" + visible + "] ";
    }
    return read;
}

struct RenderedLine {
    std::string category;
    std::string kind;  // what the detector reports
    std::string text;  // the line drawn
    std::string found; // what it must report as the finding's text
    bool chineseFont = false;
};

class TextDetectorLines : public testing::TestWithParam<RenderedLine> {};

TEST_P(TextDetectorLines, FindsTheRenderedContactWithItsKindTextAndBox)
{
    const RenderedLine& line = GetParam();
    TextFrameGenerator generator({}, 1);
    const GeneratedFrame frame =
        generator.single(drawnBackground(7), TextSample{line.category, line.text, {}}, 30, line.chineseFont);
    TextDetector detector(defaultSettings());
    const std::vector<Detection> detections = detector.detect(colourFrame(frame.bgr, Millis{0}));

    const cv::Rect truth = frame.truth.items.front().box;
    const auto match = std::find_if(detections.begin(), detections.end(),
                                    [&](const Detection& d) { return d.label == line.kind; });
    std::string read;
    for (const std::string& visible : detector.visibleLines()) {
        read += "[" + visible + "] ";
    }
    ASSERT_NE(match, detections.end())
        << "nothing of kind " << line.kind << " in " << line.text << "; read " << read;
    EXPECT_EQ(match->text, line.found);
    EXPECT_EQ(match->category, "text");
    EXPECT_EQ(match->detector, "text");
    ASSERT_EQ(match->polygon.size(), 4u);
    // The box covers the part of the line the finding is about: inside the line's box, and most of
    // the line's height.
    const cv::Rect box = boundsOf(*match);
    const cv::Rect grown(truth.x - 6, truth.y - 6, truth.width + 12, truth.height + 12);
    EXPECT_GE((box & grown).area(), box.area() * 9 / 10) << box << " vs " << truth;
    EXPECT_GE(box.height, truth.height * 7 / 10) << box << " vs " << truth;
}

INSTANTIATE_TEST_SUITE_P(
    Rendered, TextDetectorLines,
    testing::Values(RenderedLine{"wechat", "wechat", "VX: lilyhome88", "VX: lilyhome88", false},
                    RenderedLine{"wechat", "wechat", "加微信 sunny_tea66 领券", "微信 sunny_tea66", true},
                    RenderedLine{"phone", "phone", "电话: 138 0013 8000", "138 0013 8000", true},
                    RenderedLine{"url", "url", "Shop: www.luckyhome.com", "www.luckyhome.com", false},
                    RenderedLine{"absolute_word", "absolute_claim", "全网最低价", "全网最低", true}));

// A side panel as sellers put on the right edge: a bordered box with the characters stacked and
// centred, Latin letters upright in cells as tall as an ideograph.
cv::Mat verticalPanel(const std::string& text, cv::Rect& column)
{
    cv::Mat frame = drawnBackground(11);
    const int pitch = 50;
    const std::vector<std::string> characters = textcorpus::utf8Characters(text);
    const cv::Rect panel(1186, 60, 64, pitch * static_cast<int>(characters.size()) + 30);
    cv::rectangle(frame, panel, cv::Scalar(70, 50, 20), cv::FILLED);
    cv::rectangle(frame, panel, cv::Scalar(200, 200, 200), 2);
    const cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
    font->loadFontData("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2);
    column = {};
    for (std::size_t i = 0; i < characters.size(); ++i) {
        int baseline = 0;
        const cv::Size size = font->getTextSize(characters[i], 40, -1, &baseline);
        const cv::Point origin(panel.x + (panel.width - size.width) / 2,
                               panel.y + 15 + static_cast<int>(i) * pitch + (pitch - size.height) / 2);
        font->putText(frame, characters[i], origin, 40, cv::Scalar(255, 255, 255), -1, cv::LINE_AA, false);
        const cv::Rect drawn(origin, size);
        column = column.empty() ? drawn : (column | drawn);
    }
    return frame;
}

TEST(TextDetector, ReadsAVerticalLineInABoxWithStackedLetters)
{
    for (const auto& [text, kind] : {std::pair<std::string, std::string>{"加Vpanda1381", "wechat"},
                                     {"快手小店上新", "platform_name"},
                                     {"全网最低价", "absolute_claim"}}) {
        cv::Rect column;
        const cv::Mat frame = verticalPanel(text, column);
        TextDetector detector(defaultSettings());
        const std::vector<Detection> detections = detector.detect(colourFrame(frame, Millis{0}));
        const std::string read = linesRead(detector);
        const auto match = std::find_if(detections.begin(), detections.end(),
                                        [&](const Detection& d) { return d.label == kind; });
        ASSERT_NE(match, detections.end())
            << "nothing of kind " << kind << " in " << text << "; read " << read;
        // Read top to bottom as one line, without the spaces between the characters' cells.
        EXPECT_EQ(read.find(' '), read.size() - 1) << read;
        const cv::Rect box = boundsOf(*match);
        const cv::Rect grown(column.x - 8, column.y - 8, column.width + 16, column.height + 16);
        EXPECT_GE((box & grown).area(), box.area() * 9 / 10) << box << " vs " << column;
        EXPECT_GT(box.height, box.width) << box;
    }
}

// Big sticker text as sellers overlay it on the camera: a yellow fill in a thick black outline
// with a drop shadow, slightly tilted, over a textured picture of gray levels [darkest, lightest].
cv::Mat outlinedSticker(const std::string& text, int darkest, int lightest, int fontHeight, cv::Rect& drawn)
{
    cv::Mat frame(720, 1280, CV_8UC3);
    cv::randu(frame, cv::Scalar::all(darkest), cv::Scalar::all(lightest));
    cv::GaussianBlur(frame, frame, {0, 0}, 2.5);
    const cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
    font->loadFontData("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0);
    const cv::Point origin(300, 200);
    int baseline = 0;
    drawn = cv::Rect(origin, font->getTextSize(text, fontHeight, -1, &baseline));
    cv::Mat shadow(frame.size(), CV_8UC1, cv::Scalar(0));
    font->putText(shadow, text, origin + cv::Point(5, 5), fontHeight, cv::Scalar(255), 14, cv::LINE_AA,
                  false);
    frame.setTo(cv::Scalar(25, 25, 25), shadow);
    font->putText(frame, text, origin, fontHeight, cv::Scalar(0, 0, 0), 12, cv::LINE_AA, false);
    font->putText(frame, text, origin, fontHeight, cv::Scalar(0, 230, 255), -1, cv::LINE_AA, false);
    const cv::Mat tilt = cv::getRotationMatrix2D(cv::Point2f(640, 360), -6, 1.0);
    cv::warpAffine(frame, frame, tilt, frame.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    return frame;
}

// Read as a whole, the outline is the darker class and OCR sees ring shapes, or nothing at all.
TEST(TextDetector, ReadsOutlinedStickerTextOverPicturesOfAnyTone)
{
    struct Sticker {
        int darkest, lightest, fontHeight;
    };
    for (const Sticker sticker :
         {Sticker{80, 140, 60}, Sticker{100, 190, 60}, Sticker{80, 200, 60}, Sticker{60, 150, 70}}) {
        cv::Rect drawn;
        const cv::Mat frame = outlinedSticker("Call +86-13714994769", sticker.darkest, sticker.lightest,
                                              sticker.fontHeight, drawn);
        TextDetector detector(defaultSettings());
        const std::vector<Detection> detections = detector.detect(colourFrame(frame, Millis{0}));
        const std::string read = linesRead(detector);
        const auto phone = std::find_if(detections.begin(), detections.end(),
                                        [](const Detection& d) { return d.label == "phone"; });
        ASSERT_NE(phone, detections.end())
            << "picture " << sticker.darkest << "-" << sticker.lightest << ", read " << read;
        EXPECT_NE(phone->text.find("13714994769"), std::string::npos) << phone->text;
        EXPECT_GE(boundsOf(*phone).width, drawn.width / 2) << boundsOf(*phone) << " vs " << drawn;
    }
}

// White text whose letters touch the rim of a cup in the picture behind it: a curved edge far
// longer than any glyph, which joins the glyphs' edges into one component.
cv::Mat textOnACupRim(const std::string& text)
{
    cv::Mat frame(720, 1280, CV_8UC3, cv::Scalar(50, 30, 45));
    cv::ellipse(frame, {640, 338}, {420, 150}, 0, 0, 360, cv::Scalar(150, 140, 150), 10, cv::LINE_AA);
    const cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
    font->loadFontData("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0);
    font->putText(frame, text, {420, 150}, 34, cv::Scalar(255, 255, 255), -1, cv::LINE_AA, false);
    cv::GaussianBlur(frame, frame, {0, 0}, 0.8);
    return frame;
}

TEST(TextDetector, FindsTextThatTouchesALongEdgeOfThePicture)
{
    const cv::Mat frame = textOnACupRim("WhatsApp +86 138 0013 8000");
    for (const int splitEdgeContrast : {0, TextRegionSettings{}.splitEdgeContrast}) {
        TextDetectorSettings settings = defaultSettings();
        settings.regions.splitEdgeContrast = splitEdgeContrast;
        TextDetector detector(settings);
        const std::vector<Detection> detections = detector.detect(colourFrame(frame, Millis{0}));
        const bool phoneFound = std::any_of(detections.begin(), detections.end(),
                                            [](const Detection& d) { return d.label == "phone"; });
        // Without splitting the rim off, the line is not found: the picture does test the split.
        EXPECT_EQ(phoneFound, splitEdgeContrast > 0)
            << "split at " << splitEdgeContrast << ", read " << linesRead(detector);
    }
}

TEST(TextDetector, DescribesWhatWasSeen)
{
    EXPECT_EQ(describeTextFinding("wechat", "VX abc123"), "WeChat ID shown: VX abc123");
    EXPECT_EQ(describeTextFinding("bank_card", "6222 0000"), "Bank card number shown: 6222 0000");
}

TEST(TextDetector, SkipsTheMarkerOfTheLineWhenOnlyTheNumberIsContact)
{
    TextFrameGenerator generator({}, 1);
    const GeneratedFrame frame =
        generator.single(drawnBackground(3), TextSample{"phone", "Hotline 138 0013 8000", {}}, 34, false);
    TextDetector detector(defaultSettings());
    const std::vector<Detection> detections = detector.detect(colourFrame(frame.bgr, Millis{0}));
    ASSERT_EQ(detections.size(), 1u);
    // The phone number is the right part of the line: its box starts well after the line's.
    const cv::Rect line = frame.truth.items.front().box;
    EXPECT_GT(boundsOf(detections.front()).x, line.x + line.width / 4);
}

TEST(TextDetector, ReportsNothingForPricesAndOrderNumbers)
{
    TextFrameGenerator generator({}, 1);
    for (const std::string text : {"到手价 ¥199 包邮", "订单号 8742246029105242", "Best before 2026-05"}) {
        const GeneratedFrame frame =
            generator.single(drawnBackground(5), TextSample{"negative_text", text, {}}, 30, true);
        TextDetector detector(defaultSettings());
        EXPECT_TRUE(detector.detect(colourFrame(frame.bgr, Millis{0})).empty()) << text;
        EXPECT_GE(detector.lastRun().read, 1) << text;
    }
}

TEST(TextDetector, DoesNotReadAnUnchangedFrameAgain)
{
    TextFrameGenerator generator({}, 1);
    const GeneratedFrame frame =
        generator.single(drawnBackground(9), TextSample{"wechat", "微信: panda_bags91", {}}, 28, true);
    TextDetector detector(defaultSettings());
    const std::vector<Detection> first = detector.detect(colourFrame(frame.bgr, Millis{0}));
    ASSERT_GE(detector.lastRun().read, 1);
    ASSERT_EQ(detector.lastRun().pending, 0);

    const std::vector<Detection> second = detector.detect(colourFrame(frame.bgr, Millis{1000}));
    EXPECT_EQ(detector.lastRun().read, 0);
    EXPECT_EQ(detector.lastRun().ocrMs, 0.0);
    ASSERT_EQ(second.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(second[i].text, first[i].text);
        EXPECT_EQ(second[i].polygon, first[i].polygon);
    }
}

TEST(TextDetector, ReadsARegionAgainWhenItsTextChanges)
{
    TextFrameGenerator generator({}, 1);
    const cv::Mat background = drawnBackground(9);
    TextDetector detector(defaultSettings());
    detector.detect(colourFrame(
        generator.single(background, TextSample{"negative_text", "Welcome to the live room", {}}, 28, false)
            .bgr,
        Millis{0}));
    const std::vector<Detection> changed = detector.detect(colourFrame(
        generator.single(background, TextSample{"wechat", "WeChat: lucky_cup2024", {}}, 28, false).bgr,
        Millis{1000}));
    EXPECT_GE(detector.lastRun().read, 1);
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed.front().label, "wechat");
}

TEST(TextDetector, SpreadsReadingOverRunsWithinItsBudget)
{
    // Five lines of text and 40 ms of OCR per second, less than one line costs: the lines are read
    // one run after another, and the OCR time stays within what the runs earned plus one reading.
    TextFrameGenerator generator({}, 1);
    cv::Mat bgr = drawnBackground(11);
    const std::vector<std::string> lines = {"QQ号 27906880", "Tel: 0571-8812 3456", "wx rosehome12",
                                            "www.happytoys.cn", "支持支付宝付款"};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bgr =
            generator
                .single(bgr, TextSample{"qq", lines[i], {}}, 26, true, {200, 40 + static_cast<int>(i) * 130})
                .bgr;
    }
    TextDetectorSettings settings = defaultSettings();
    settings.budgetPerSecond = Millis{40};
    TextDetector detector(settings);
    int runs = 0;
    std::size_t found = 0;
    double spent = 0;
    double longestRead = 0;
    int firstRunRead = 0;
    for (; runs < 300; ++runs) {
        found = detector.detect(colourFrame(bgr, Millis{runs * 1000})).size();
        if (runs == 0) {
            firstRunRead = detector.lastRun().read;
        }
        spent += detector.lastRun().ocrMs;
        if (detector.lastRun().read == 1) {
            longestRead = std::max(longestRead, detector.lastRun().ocrMs);
        }
        if (detector.lastRun().pending == 0) {
            break;
        }
    }
    EXPECT_LT(firstRunRead, detector.lastRun().regions);
    EXPECT_LT(runs, 300) << "never finished reading";
    std::string read;
    for (const std::string& visible : detector.visibleLines()) {
        read += "[" + visible + "] ";
    }
    EXPECT_GE(found, lines.size()) << read;
    const double earned = 40.0 * (runs + 1); // the first run starts with one second's budget
    EXPECT_LE(spent, earned + std::max(longestRead, 400.0)) << runs << " runs";
}

TEST(TextDetector, WorksOnTheFilterFrameOfLumaAndPreview)
{
    TextFrameGenerator generator({}, 1);
    const GeneratedFrame frame =
        generator.single(drawnBackground(13), TextSample{"qq", "售后QQ: 495804615", {}}, 26, true);
    cv::Mat luma, preview;
    cv::cvtColor(frame.bgr, luma, cv::COLOR_BGR2GRAY);
    cv::resize(frame.bgr, preview, cv::Size(640, 360), 0, 0, cv::INTER_AREA);
    cv::cvtColor(preview, preview, cv::COLOR_BGR2RGBA);
    const Frame obsFrame =
        Frame::fromMat(luma, Millis{0}).withPreview(Frame::fromMat(preview, Millis{0}, PixelFormat::Rgba));
    TextDetector detector(defaultSettings());
    const std::vector<Detection> detections = detector.detect(obsFrame);
    ASSERT_EQ(detections.size(), 1u);
    EXPECT_EQ(detections.front().label, "qq");
    EXPECT_EQ(detections.front().text, "QQ: 495804615");
}

TEST(TextDetector, NamesTheMissingLanguageFile)
{
    TempFolder folder;
    std::ofstream(folder.path() / "eng.traineddata") << "not a model";
    TextDetectorSettings settings;
    settings.ocr.tessdataPath = folder.path().string();
    try {
        TextDetector detector(settings);
        FAIL() << "no error without chi_sim.traineddata";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find((folder.path() / "chi_sim.traineddata").string()),
                  std::string::npos)
            << error.what();
    }
}

} // namespace
} // namespace cg
