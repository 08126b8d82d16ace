// Issue 6's session report end to end: a session generated through the real core (detectors on
// generated pictures, an injected clock, a real record), exported as HTML and PDF in both languages,
// and checked for what a seller would look for: every finding with its times, the statements, the
// embedded evidence with faces blurred, the verification, and a PDF that renders (page 1 saved as a
// test artifact under the build tree).
#include "cli/report_command.hpp"
#include "core/presence/face_finder.hpp"
#include "core/record/record_verifier.hpp"
#include "core/report/report_wording.hpp"
#include "report_pdf/session_report_export.hpp"
#include "support/temp_folder.hpp"
#include "unit/report/generated_session.hpp"

#include <QThread>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace cg {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kSourceDir = CG_SOURCE_DIR;

std::string readText(const std::filesystem::path& file)
{
    std::ifstream input(file, std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    return buffer.str();
}

std::string commandOutput(const std::string& command)
{
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr)
        return out;
    std::array<char, 4096> chunk{};
    while (std::size_t read = std::fread(chunk.data(), 1, chunk.size(), pipe))
        out.append(chunk.data(), read);
    ::pclose(pipe);
    return out;
}

std::vector<std::uint8_t> base64Decode(const std::string& text)
{
    std::vector<std::uint8_t> bytes;
    std::uint32_t group = 0;
    int bits = 0;
    for (const char c : text) {
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= 'a' && c <= 'z')
            value = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            value = c - '0' + 52;
        else if (c == '+')
            value = 62;
        else if (c == '/')
            value = 63;
        if (value < 0)
            continue;
        group = group << 6 | static_cast<std::uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<std::uint8_t>(group >> bits & 0xff));
        }
    }
    return bytes;
}

// Qt's PDF writer maps each glyph back to the lowest code point the font gives it, and Noto Sans CJK
// draws some ideographs with the glyph of a Kangxi radical (U+2F00-U+2FD5): pdftotext reads "⼆"
// for "二". The radicals' NFKC forms, in order (Unicode data):
constexpr std::string_view kKangxiUnified =
    "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺"
    "广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒"
    "癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走"
    "足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠"
    "鼻齊齒龍龜龠";

// The PDF's text as a reader would search it: without line breaks and spaces, so that the lines of
// a table cell join up, and radicals read as ideographs.
std::string searchableText(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0xE2 && i + 2 < text.size()) {
            const unsigned codePoint = (byte & 0x0Fu) << 12 |
                                       (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 |
                                       (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            if (codePoint >= 0x2F00 && codePoint <= 0x2FD5) {
                out += kKangxiUnified.substr((codePoint - 0x2F00) * 3, 3);
                i += 2;
                continue;
            }
        }
        if (text[i] != '\n' && text[i] != ' ')
            out += text[i];
    }
    return out;
}

// The pictures embedded in an HTML page as data: URIs, decoded.
std::vector<cv::Mat> embeddedPictures(const std::string& html)
{
    std::vector<cv::Mat> pictures;
    const std::string prefix = "data:image/jpeg;base64,";
    for (std::size_t at = html.find(prefix); at != std::string::npos; at = html.find(prefix, at + 1)) {
        const std::size_t begin = at + prefix.size();
        const std::size_t end = html.find('"', begin);
        pictures.push_back(cv::imdecode(base64Decode(html.substr(begin, end - begin)), cv::IMREAD_COLOR));
    }
    return pictures;
}

int facesIn(const cv::Mat& bgr)
{
    FaceFinder finder;
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    return static_cast<int>(finder.frontal(gray).size());
}

// One finding as the core reported it: from its opening to its clearing.
struct CoreFinding {
    std::string ruleId;
    Millis conditionSince{0};
    Millis openedAt{0};
    Millis lastSeen{0};
    Millis clearedAt{0};
    std::vector<std::pair<FindingState, Millis>> states;
};

std::vector<CoreFinding> coreFindings(const std::vector<FindingEvent>& events)
{
    std::vector<CoreFinding> findings;
    std::map<std::string, std::size_t> open;
    for (const FindingEvent& event : events) {
        const Finding& finding = event.finding;
        if (event.change == FindingChange::Opened) {
            open[finding.ruleId] = findings.size();
            findings.push_back({finding.ruleId,
                                finding.openedAt,
                                finding.escalatedAt,
                                finding.lastSeenAt,
                                Millis{0},
                                {{finding.state, finding.escalatedAt}}});
        } else if (event.change == FindingChange::Changed) {
            findings[open.at(finding.ruleId)].states.emplace_back(finding.state, finding.escalatedAt);
        } else {
            CoreFinding& done = findings[open.at(finding.ruleId)];
            done.clearedAt = *finding.clearedAt;
            done.lastSeen = finding.lastSeenAt;
            open.erase(finding.ruleId);
        }
    }
    return findings;
}

class SessionReport : public ::testing::Test {
  public:
    static void SetUpTestSuite()
    {
        // Local time = UTC here, so that the times the test expects do not depend on the machine.
        ::setenv("TZ", "UTC", 1);
        ::tzset();
        ensureReportGuiApplication();
        folder_ = new TempFolder();
        session_ = new test::GeneratedSession(test::generateSession(folder_->path()));
        artifacts_ = std::filesystem::path(CG_BINARY_DIR) / "test-artifacts";
        std::filesystem::create_directories(artifacts_);
    }
    static void TearDownTestSuite()
    {
        delete session_;
        delete folder_;
    }

    static std::filesystem::path exportReport(const std::string& language, const std::string& extension,
                                              bool blurFaces = true)
    {
        SessionReportRequest request;
        request.sessionDir = session_->dir;
        request.output =
            folder_->path() / ("report-" + language + (blurFaces ? "" : "-unblurred") + extension);
        request.language = language;
        request.localeDir = kSourceDir / "locale";
        request.rulesDir = kSourceDir / "data" / "rules";
        request.thumbnails.blurFaces = blurFaces;
        std::string error;
        EXPECT_TRUE(exportSessionReport(request, &error)) << error;
        return request.output;
    }

    static std::string clock(Millis t) { return ReportWording(LocaleTexts(), "en-US", 0).localClock(utc(t)); }
    static std::int64_t utc(Millis t) { return session_->startUtcMillis + t.count(); }

    static TempFolder* folder_;
    static test::GeneratedSession* session_;
    static std::filesystem::path artifacts_;
};

TempFolder* SessionReport::folder_ = nullptr;
test::GeneratedSession* SessionReport::session_ = nullptr;
std::filesystem::path SessionReport::artifacts_;

void checkTheCoreFoundWhatTheSessionShowed()
{
    using S = SessionReport;
    const std::vector<CoreFinding> findings = coreFindings(S::session_->events);
    int qr = 0;
    int presenter = 0;
    for (const CoreFinding& finding : findings) {
        if (finding.ruleId == "qr_code_on_air") {
            const Millis shownFrom = S::session_->qrShown[static_cast<std::size_t>(qr)].first;
            EXPECT_GE(finding.conditionSince, shownFrom);
            EXPECT_LE(finding.conditionSince, shownFrom + 1s);
            ++qr;
        } else if (finding.ruleId == "presenter_not_seen") {
            EXPECT_GE(finding.conditionSince, S::session_->absentFrom);
            EXPECT_LE(finding.conditionSince, S::session_->absentFrom + 15s);
            ASSERT_GE(finding.states.size(), 2u);
            EXPECT_EQ(finding.states[1].first, FindingState::Warning);
            ++presenter;
        }
    }
    EXPECT_EQ(qr, 2);
    EXPECT_EQ(presenter, 1);
    EXPECT_EQ(verifyRecord(S::session_->dir).status, RecordStatus::Complete);
}

void checkHtmlInBothLanguagesHasEveryFindingWithItsTimes()
{
    using S = SessionReport;
    const std::vector<CoreFinding> findings = coreFindings(S::session_->events);
    ASSERT_EQ(findings.size(), 3u);
    for (const std::string language : {"en-US", "zh-CN"}) {
        SCOPED_TRACE(language);
        const std::filesystem::path page = S::exportReport(language, ".html");
        std::filesystem::copy_file(page, S::artifacts_ / ("session-report-" + language + ".html"),
                                   std::filesystem::copy_options::overwrite_existing);
        const std::string html = readText(page);
        ASSERT_FALSE(html.empty());
        for (const CoreFinding& finding : findings) {
            const ReportWording wording(LocaleTexts::load(kSourceDir / "locale", language), language, 0);
            EXPECT_NE(html.find(wording.format(
                          "Report.Findings.Seen",
                          {S::clock(finding.conditionSince), S::clock(finding.lastSeen),
                           ReportWording::duration(finding.lastSeen - finding.conditionSince)})),
                      std::string::npos)
                << finding.ruleId << " seen " << S::clock(finding.conditionSince);
            EXPECT_NE(html.find(wording.utcDateTime(S::utc(finding.conditionSince))), std::string::npos);
            for (const auto& [state, at] : finding.states)
                EXPECT_NE(html.find(wording.format("Report.Findings.StateAt",
                                                   {wording.stateWord(state), S::clock(at)})),
                          std::string::npos)
                    << finding.ruleId << " " << toString(state);
            EXPECT_NE(html.find(wording.format("Report.Findings.ClearedAt", {S::clock(finding.clearedAt)})),
                      std::string::npos);
            // Offsets into the recording, which ran from recordingFrom to recordingTo.
            if (finding.conditionSince >= S::session_->recordingFrom &&
                finding.conditionSince <= S::session_->recordingTo) {
                EXPECT_NE(
                    html.find(ReportWording::position(finding.conditionSince - S::session_->recordingFrom)),
                    std::string::npos);
            }
        }
        EXPECT_NE(html.find("https://weixin.qq.com/r/report-test"), std::string::npos); // what was seen
        EXPECT_NE(html.find(S::session_->recordingFile), std::string::npos);
        EXPECT_NE(html.find("Main"), std::string::npos);
        EXPECT_NE(html.find(verifyRecord(S::session_->dir).finalHash), std::string::npos);
        EXPECT_EQ(html.find("Report."), std::string::npos) << "a text key without a text";
        EXPECT_EQ(embeddedPictures(html).size(), findings.size());
        EXPECT_NE(html.find("<svg"), std::string::npos);
    }
}

void checkStatementsComeFromTheFindings()
{
    using S = SessionReport;
    const std::vector<CoreFinding> findings = coreFindings(S::session_->events);
    const std::string html = readText(S::exportReport("en-US", ".html"));
    std::vector<std::string> qrSpans;
    Millis absent{0};
    for (const CoreFinding& finding : findings) {
        if (finding.ruleId == "qr_code_on_air")
            qrSpans.push_back(S::clock(finding.conditionSince) + "–" + S::clock(finding.lastSeen));
        else if (finding.ruleId == "presenter_not_seen")
            absent = finding.lastSeen - finding.conditionSince;
    }
    ASSERT_EQ(qrSpans.size(), 2u);
    EXPECT_NE(html.find("No QR code was on air between " + S::clock(0s) + " and " +
                        S::clock(S::session_->end) + " except " + qrSpans[0] + ", " + qrSpans[1] + "."),
              std::string::npos);
    const double share =
        1.0 - static_cast<double>(absent.count()) / static_cast<double>(S::session_->end.count());
    EXPECT_NE(html.find("The presenter was visible " + ReportWording::percent(share) +
                        "% of the time; the longest absence was " + ReportWording::duration(absent) + "."),
              std::string::npos);
    // The absence lasted about absentTo - absentFrom: 230 s of 600 s, 61.6 % present.
    EXPECT_NEAR(share, 1.0 - 230.0 / 600.0, 0.03);
}

void checkFacesAreBlurredInTheReportOnly()
{
    using S = SessionReport;
    const std::string blurred = readText(S::exportReport("en-US", ".html"));
    const std::string unblurred = readText(S::exportReport("en-US", ".html", false));
    // The first finding is the QR code held up by the presenter: a face in the evidence.
    int evidenceFaces = 0;
    for (const auto& entry : std::filesystem::directory_iterator(S::session_->dir / "evidence"))
        if (entry.path().filename().string().find("qr_code") != std::string::npos)
            evidenceFaces += facesIn(cv::imread(entry.path().string()));
    EXPECT_GT(evidenceFaces, 0) << "the evidence pictures should show the presenter";
    const std::vector<cv::Mat> blurredPictures = embeddedPictures(blurred);
    const std::vector<cv::Mat> plainPictures = embeddedPictures(unblurred);
    ASSERT_EQ(blurredPictures.size(), plainPictures.size());
    int plainFaces = 0;
    int blurredFaces = 0;
    for (std::size_t i = 0; i < blurredPictures.size(); ++i) {
        cv::Mat big;
        // Back to the evidence size, where the face finder is at home.
        cv::resize(plainPictures[i], big, {}, 2, 2, cv::INTER_CUBIC);
        plainFaces += facesIn(big);
        cv::resize(blurredPictures[i], big, {}, 2, 2, cv::INTER_CUBIC);
        blurredFaces += facesIn(big);
    }
    EXPECT_GT(plainFaces, 0);
    EXPECT_EQ(blurredFaces, 0);
    EXPECT_EQ(verifyRecord(S::session_->dir).status, RecordStatus::Complete)
        << "evidence files must stay unchanged";
}

void checkPdfInBothLanguagesHasTheFindingsAndRenders()
{
    using S = SessionReport;
    const std::vector<CoreFinding> findings = coreFindings(S::session_->events);
    for (const std::string language : {"en-US", "zh-CN"}) {
        SCOPED_TRACE(language);
        const std::filesystem::path pdf = S::exportReport(language, ".pdf");
        ASSERT_TRUE(std::filesystem::exists(pdf));
        std::filesystem::copy_file(pdf, S::artifacts_ / ("session-report-" + language + ".pdf"),
                                   std::filesystem::copy_options::overwrite_existing);
        const std::string text = commandOutput("pdftotext -layout '" + pdf.string() + "' -");
        ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) gave nothing";
        const ReportWording wording(LocaleTexts::load(kSourceDir / "locale", language), language, 0);
        EXPECT_NE(text.find(wording.text("Report.Title")), std::string::npos);
        EXPECT_NE(searchableText(commandOutput("pdftotext '" + pdf.string() + "' -"))
                      .find(searchableText(language == "zh-CN" ? "直播画面出现二维码" : "QR code on air")),
                  std::string::npos);
        for (const CoreFinding& finding : findings) {
            EXPECT_NE(text.find(S::clock(finding.conditionSince)), std::string::npos) << finding.ruleId;
            EXPECT_NE(text.find(S::clock(finding.clearedAt)), std::string::npos) << finding.ruleId;
        }
        EXPECT_NE(text.find(verifyRecord(S::session_->dir).finalHash.substr(0, 16)), std::string::npos);

        const std::filesystem::path page = S::artifacts_ / ("session-report-" + language + "-page1");
        ASSERT_EQ(std::system(("pdftoppm -png -r 60 -f 1 -l 1 -singlefile '" + pdf.string() + "' '" +
                               page.string() + "'")
                                  .c_str()),
                  0);
        const cv::Mat picture = cv::imread(page.string() + ".png", cv::IMREAD_GRAYSCALE);
        ASSERT_FALSE(picture.empty());
        const double inked =
            static_cast<double>(cv::countNonZero(picture < 200)) / static_cast<double>(picture.total());
        EXPECT_GT(inked, 0.02) << "page 1 is (nearly) blank";
    }
}

void checkPdfFromAWorkerThreadAsTheDockDoes()
{
    using S = SessionReport;
    SessionReportRequest request;
    request.sessionDir = S::session_->dir;
    request.output = S::folder_->path() / "from-thread.pdf";
    request.localeDir = kSourceDir / "locale";
    request.rulesDir = kSourceDir / "data" / "rules";
    bool written = false;
    std::string error;
    // The dock runs it on a QThread (a plain std::thread works too, with Qt warning about timers).
    std::unique_ptr<QThread> worker(QThread::create([&] { written = exportSessionReport(request, &error); }));
    worker->start();
    worker->wait();
    EXPECT_TRUE(written) << error;
    EXPECT_GT(std::filesystem::file_size(request.output), 10000u);
}

void checkCommandLine()
{
    using S = SessionReport;
    std::ostringstream out;
    std::ostringstream err;
    const std::filesystem::path html = S::folder_->path() / "cli.html";
    const std::filesystem::path rules = kSourceDir / "data" / "rules";
    EXPECT_EQ(cli::runReportCommand({S::session_->dir.string(), "--out", html.string(), "--lang", "zh-CN"},
                                    rules, out, err),
              0)
        << err.str();
    EXPECT_NE(readText(html).find("合规报告"), std::string::npos);
    EXPECT_EQ(cli::runReportCommand({S::session_->dir.string(), "--out", "x.docx"}, rules, out, err), 2);
    EXPECT_EQ(
        cli::runReportCommand({S::session_->dir.string(), "--out", "x.pdf", "--lang", "fr"}, rules, out, err),
        2);
    err.str("");
    EXPECT_EQ(cli::runReportCommand({(S::folder_->path() / "nothing").string(), "--out", html.string()},
                                    rules, out, err),
              3);
    EXPECT_NE(err.str().find("session.jsonl"), std::string::npos) << err.str();
}

// The session takes a while to generate and each test runs in its own process under CTest: three
// tests, each checking several things.
TEST_F(SessionReport, HtmlInBothLanguagesWithEveryFindingStatementAndBlurredFace)
{
    checkTheCoreFoundWhatTheSessionShowed();
    checkHtmlInBothLanguagesHasEveryFindingWithItsTimes();
    checkStatementsComeFromTheFindings();
    checkFacesAreBlurredInTheReportOnly();
}

TEST_F(SessionReport, PdfInBothLanguagesRendersAlsoFromAWorkerThread)
{
    checkPdfInBothLanguagesHasTheFindingsAndRenders();
    checkPdfFromAWorkerThreadAsTheDockDoes();
}

TEST_F(SessionReport, CommandLine)
{
    checkCommandLine();
}

} // namespace
} // namespace cg
