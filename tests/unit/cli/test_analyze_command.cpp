#include "cli/analyze_command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/verify_command.hpp"
#include "support/temp_folder.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <sstream>

namespace cg::cli {
namespace {

const std::filesystem::path rulesDir = std::filesystem::path(CG_SOURCE_DIR) / "data" / "rules";

// A 1280x720 grey canvas with a QR code of `text` pasted at (x, y), 6 px per module.
cv::Mat canvasWithQr(const std::string& text, int x = 900, int y = 400)
{
    cv::Mat canvas(720, 1280, CV_8UC3, cv::Scalar(90, 110, 120));
    const ZXing::BitMatrix bits =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(4).encode(text, 0, 0);
    cv::Mat code(bits.height(), bits.width(), CV_8UC1);
    for (int row = 0; row < bits.height(); ++row)
        for (int col = 0; col < bits.width(); ++col)
            code.at<std::uint8_t>(row, col) = bits.get(col, row) ? 0 : 255;
    cv::resize(code, code, {}, 6, 6, cv::INTER_NEAREST);
    cv::cvtColor(code, code, cv::COLOR_GRAY2BGR);
    code.copyTo(canvas(cv::Rect(x, y, code.cols, code.rows)));
    return canvas;
}

cv::Mat cleanCanvas()
{
    cv::Mat canvas(720, 1280, CV_8UC3, cv::Scalar(90, 110, 120));
    cv::putText(canvas, "Spring sale: 20% off all teapots", {80, 200}, cv::FONT_HERSHEY_SIMPLEX, 2.0,
                cv::Scalar(250, 250, 250), 3);
    return canvas;
}

// A seller's lower third: a WhatsApp app icon (the shipped mask, white on the brand's green) and a
// line with a WeChat ID and an absolute claim in Chinese.
cv::Mat canvasWithLogoAndContact()
{
    cv::Mat canvas(720, 1280, CV_8UC3, cv::Scalar(240, 228, 216));
    const cv::Mat mask = cv::imread(CG_SOURCE_DIR "/data/logos/whatsapp.png", cv::IMREAD_GRAYSCALE);
    cv::Mat glyph;
    cv::resize(mask, glyph, {72, 72}, 0, 0, cv::INTER_AREA);
    cv::Mat icon(96, 96, CV_8UC3, cv::Scalar(0, 0, 0));
    cv::rectangle(icon, cv::Rect(0, 0, 96, 96), cv::Scalar(102, 211, 37), cv::FILLED); // #25D366
    icon(cv::Rect(12, 12, 72, 72)).setTo(cv::Scalar(255, 255, 255), glyph > 128);
    icon.copyTo(canvas(cv::Rect(1100, 560, 96, 96)));
    auto font = cv::freetype::createFreeType2();
    font->loadFontData("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0);
    font->putText(canvas, "加微信 VX: lilyhome88  全网最低价", {80, 570}, 40, cv::Scalar(32, 32, 32),
                  cv::FILLED, cv::LINE_AA, true);
    return canvas;
}

struct CliRun {
    int exitCode;
    std::string out;
    std::string err;
    std::vector<nlohmann::json> lines;
};

CliRun analyze(std::vector<std::string> args)
{
    std::ostringstream out, err;
    CliRun run{runAnalyzeCommand(args, rulesDir, out, err), out.str(), err.str(), {}};
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && line[0] == '{')
            run.lines.push_back(nlohmann::json::parse(line));
    return run;
}

TEST(AnalyzeCommand, ReportsAQrCodeInAnImageAsDetectionAndImmediateFinding)
{
    TempFolder temp;
    const auto image = temp.path() / "banner.png";
    cv::imwrite(image.string(), canvasWithQr("https://wa.me/8613800000000"));

    const CliRun run = analyze({image.string(), "--json", "--rules", "alibaba"});
    EXPECT_EQ(run.exitCode, exit_code::findings) << run.err;
    ASSERT_EQ(run.lines.size(), 1u) << run.out;
    const nlohmann::json& result = run.lines[0];
    EXPECT_EQ(result["input"], image.string());
    ASSERT_EQ(result["detections"].size(), 1u);
    EXPECT_EQ(result["detections"][0]["category"], "qr_code");
    EXPECT_EQ(result["detections"][0]["text"], "https://wa.me/8613800000000");
    EXPECT_EQ(result["detections"][0]["polygon"].size(), 4u);
    const float left = result["detections"][0]["polygon"][0][0];
    EXPECT_NEAR(left, 900 + 4 * 6, 8) << "polygon in the image's own coordinates";
    ASSERT_EQ(result["findings"].size(), 1u);
    EXPECT_EQ(result["findings"][0]["opened_t"], 0.0);
    EXPECT_TRUE(result["findings"][0]["cleared_t"].is_null());
}

TEST(AnalyzeCommand, ReportsLogosByBrandAndTextByKindWithThePacksRules)
{
    TempFolder folder;
    const auto image = folder.path() / "lower-third.png";
    ASSERT_TRUE(cv::imwrite(image.string(), canvasWithLogoAndContact()));
    const CliRun run = analyze({image.string(), "--rules", "alibaba", "--json"});
    ASSERT_EQ(run.exitCode, exit_code::findings) << run.err;
    ASSERT_EQ(run.lines.size(), 1u);
    const nlohmann::json& detections = run.lines[0]["detections"];
    const auto find = [&](const std::string& category, const std::string& field, const std::string& value) {
        for (const auto& detection : detections)
            if (detection["category"] == category && detection.value(field, "") == value)
                return detection;
        return nlohmann::json();
    };
    const nlohmann::json logo = find("logo", "brand", "whatsapp");
    ASSERT_FALSE(logo.is_null()) << detections.dump(1);
    EXPECT_EQ(logo["polygon"].size(), 4u);
    const nlohmann::json wechat = find("text", "kind", "wechat");
    ASSERT_FALSE(wechat.is_null()) << detections.dump(1);
    EXPECT_EQ(wechat["text"], "VX: lilyhome88");
    EXPECT_EQ(wechat["polygon"].size(), 4u);
    EXPECT_FALSE(find("text", "kind", "absolute_claim").is_null()) << detections.dump(1);
    std::vector<std::string> rules;
    for (const auto& finding : run.lines[0]["findings"])
        rules.push_back(finding["rule"]);
    EXPECT_NE(std::find(rules.begin(), rules.end(), "external_logo"), rules.end());
    EXPECT_NE(std::find(rules.begin(), rules.end(), "contact_details"), rules.end());
    EXPECT_NE(std::find(rules.begin(), rules.end(), "absolute_claims"), rules.end());
}

TEST(AnalyzeCommand, APacksOwnLogoIsAllowed)
{
    TempFolder folder;
    const auto image = folder.path() / "lower-third.png";
    ASSERT_TRUE(cv::imwrite(image.string(), canvasWithLogoAndContact()));
    // A pack that allows WhatsApp's mark (as AliExpress's allows its own), written next to the image.
    nlohmann::json pack = nlohmann::json::parse(std::ifstream(rulesDir / "alibaba.json"));
    pack["id"] = "allows-whatsapp";
    pack["allowed_logos"] = {"whatsapp"};
    std::ofstream(folder.path() / "allows-whatsapp.json") << pack.dump();
    const CliRun run =
        analyze({image.string(), "--rules", (folder.path() / "allows-whatsapp.json").string(), "--json"});
    ASSERT_EQ(run.lines.size(), 1u) << run.err;
    for (const auto& detection : run.lines[0]["detections"])
        EXPECT_NE(detection.value("brand", ""), "whatsapp");
}

TEST(AnalyzeCommand, ACleanImageHasNoFindingAndExitsZero)
{
    TempFolder temp;
    const auto image = temp.path() / "clean.jpg";
    cv::imwrite(image.string(), cleanCanvas());
    const CliRun run = analyze({image.string(), "--json"});
    EXPECT_EQ(run.exitCode, exit_code::ok) << run.err;
    ASSERT_EQ(run.lines.size(), 1u);
    EXPECT_TRUE(run.lines[0]["detections"].empty());
    EXPECT_TRUE(run.lines[0]["findings"].empty());
}

TEST(AnalyzeCommand, SamplesVideoInMediaTimeAndReportsWhenTheCodeWasOnScreen)
{
    TempFolder temp;
    const auto video = temp.path() / "stream.avi";
    {
        cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10, {1280, 720});
        ASSERT_TRUE(writer.isOpened());
        const cv::Mat clean = cleanCanvas();
        const cv::Mat withCode = canvasWithQr("weixin://dl/chat?shop42");
        for (int i = 0; i < 100; ++i) // 10 s at 10 fps; the code is on screen from 2 s to 5 s
            writer.write(i >= 20 && i < 50 ? withCode : clean);
    }
    const CliRun run = analyze({video.string(), "--json", "--per-frame", "--rules", "alibaba"});
    EXPECT_EQ(run.exitCode, exit_code::findings) << run.err;
    ASSERT_EQ(run.lines.size(), 1u);
    const nlohmann::json& result = run.lines[0];
    ASSERT_FALSE(result["frames"].empty());
    EXPECT_EQ(result["frames"][0]["t"], 0.0);
    const double step = result["frames"][1]["t"].get<double>() - result["frames"][0]["t"].get<double>();
    EXPECT_GT(step, 0.0);
    EXPECT_LE(step, 1.0);
    int framesWithCode = 0;
    for (const auto& frame : result["frames"]) {
        const double t = frame["t"];
        const bool shown = t >= 2.0 && t < 5.0;
        const auto& detections = frame["detections"];
        const bool codeSeen = std::any_of(detections.begin(), detections.end(),
                                          [](const nlohmann::json& d) { return d["category"] == "qr_code"; });
        EXPECT_EQ(codeSeen, shown) << "at t=" << t;
        EXPECT_FALSE(frame["presenter"].get<bool>()) << "a banner has no presenter, at t=" << t;
        framesWithCode += shown ? 1 : 0;
    }
    EXPECT_GT(framesWithCode, 2);
    ASSERT_EQ(result["findings"].size(), 1u);
    const auto& finding = result["findings"][0];
    EXPECT_EQ(finding["rule"], "qr_code_on_air");
    EXPECT_NEAR(finding["opened_t"].get<double>(), 2.0, 0.01);
    ASSERT_FALSE(finding["cleared_t"].is_null()) << "gone at 5 s, cleared 3 s later under alibaba";
    EXPECT_NEAR(finding["cleared_t"].get<double>(), 8.0, 0.01);
}

TEST(AnalyzeCommand, WritesARecordThatVerifiesWithEvidence)
{
    TempFolder temp;
    const auto image = temp.path() / "banner.png";
    cv::imwrite(image.string(), canvasWithQr("tel:+8613800000000"));
    const CliRun run = analyze({image.string(), "--json", "--record", (temp.path() / "records").string()});
    ASSERT_EQ(run.lines.size(), 1u) << run.err;
    const std::filesystem::path session = run.lines[0]["record"].get<std::string>();
    EXPECT_TRUE(std::filesystem::exists(session / "session.jsonl"));
    EXPECT_FALSE(std::filesystem::is_empty(session / "evidence")) << "the QR finding cites its evidence";

    std::ostringstream out, err;
    // `analyze --record` writes without the installation's key: complete and intact, but unsigned.
    EXPECT_EQ(runVerifyCommand({session.string()}, out, err), exit_code::unsignedRecord)
        << out.str() << err.str();
}

TEST(AnalyzeCommand, ErrorsNameTheFileAndUseDocumentedExitCodes)
{
    TempFolder temp;
    const auto missing = temp.path() / "nope.png";
    CliRun run = analyze({missing.string()});
    EXPECT_EQ(run.exitCode, exit_code::inputError);
    EXPECT_NE(run.err.find(missing.string()), std::string::npos) << run.err;

    const auto notMedia = temp.path() / "notes.txt";
    std::ofstream(notMedia) << "not a picture";
    run = analyze({notMedia.string()});
    EXPECT_EQ(run.exitCode, exit_code::inputError);
    EXPECT_NE(run.err.find("notes.txt"), std::string::npos) << run.err;

    run = analyze({"--json"});
    EXPECT_EQ(run.exitCode, exit_code::usage);
    run = analyze({missing.string(), "--bogus"});
    EXPECT_EQ(run.exitCode, exit_code::usage);
    run = analyze({missing.string(), "--rules", "no-such-platform"});
    EXPECT_EQ(run.exitCode, exit_code::inputError);
    EXPECT_NE(run.err.find("no-such-platform"), std::string::npos) << run.err;
}

} // namespace
} // namespace cg::cli
