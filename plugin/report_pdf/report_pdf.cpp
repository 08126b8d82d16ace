#include "report_pdf/report_pdf.hpp"

#include "core/report/report_html.hpp"
#include "report_pdf/timeline_image.hpp"

#include <QFile>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <opencv2/imgcodecs.hpp>

namespace cg {
namespace {

constexpr const char* kPdfStyle =
    "body{font-size:9pt;color:#212121}"
    "h1{font-size:16pt}h2{font-size:12pt;margin-top:14px}"
    "th{background-color:#eeeeee;font-weight:bold}"
    ".sub{color:#666666;font-size:7.5pt}.mono{font-family:monospace;font-size:7.5pt}"
    ".ok{color:#2e7d32;font-weight:bold}.warn{color:#e65100;font-weight:bold}"
    ".bad{color:#b71c1c;font-weight:bold}";

// Decoded by OpenCV, so that no Qt image plugin is needed.
QImage imageOf(const ReportThumbnail& thumbnail)
{
    const cv::Mat bgr = cv::imdecode(thumbnail.jpeg, cv::IMREAD_COLOR);
    if (bgr.empty())
        return {};
    return QImage(bgr.data, bgr.cols, bgr.rows, static_cast<qsizetype>(bgr.step), QImage::Format_BGR888)
        .copy();
}

} // namespace

bool writeReportPdf(const ReportModel& model, const ReportWording& wording,
                    const std::vector<ReportThumbnail>& thumbnails, bool facesBlurred,
                    const std::filesystem::path& file, std::string* error)
{
    const QString path = QString::fromStdString(file.string());
    {
        // QPdfWriter says nothing when it cannot open its file: ask first, for a useful error.
        QFile probe(path);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            if (error != nullptr)
                *error = "cannot write " + file.string() + ": " + probe.errorString().toStdString();
            return false;
        }
    }
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setTitle(QString::fromStdString(wording.text("Report.Title") + " — " + model.facts.sessionFolder));
    writer.setCreator(QStringLiteral("Compliance Guard " CG_PLUGIN_VERSION));

    QTextDocument document;
    QFont font;
    // Latin text and digits in DejaVu Sans: set in Noto Sans CJK, Qt's PDF loses the digits' text
    // (pdftotext and copying from the PDF find none). Chinese falls back to Noto Sans CJK SC.
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
    font.setPointSizeF(9);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(QString::fromUtf8(kPdfStyle));
    for (std::size_t i = 0; i < thumbnails.size(); ++i)
        if (!thumbnails[i].jpeg.empty())
            document.addResource(QTextDocument::ImageResource,
                                 QUrl(QString::fromStdString(reportThumbnailName(i))),
                                 imageOf(thumbnails[i]));
    for (std::size_t i = 0; i < model.timelines.size(); ++i)
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QString::fromStdString(reportTimelineName(i))),
                             paintTimeline(model.timelines[i], model.facts.duration, QSize(880, 28)));
    document.setHtml(QString::fromStdString(
        renderReportHtml(model, wording, thumbnails, {HtmlFlavour::QtRichText, facesBlurred})));
    document.print(&writer);
    return true;
}

} // namespace cg
