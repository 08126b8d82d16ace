#include "report_pdf/session_report_export.hpp"

#include "core/report/report_builder.hpp"
#include "core/report/report_html.hpp"
#include "report_pdf/report_pdf.hpp"

#include <QGuiApplication>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace cg {

std::optional<ReportFormat> reportFormatFor(const std::filesystem::path& output)
{
    std::string extension = output.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".html" || extension == ".htm")
        return ReportFormat::Html;
    if (extension == ".pdf")
        return ReportFormat::Pdf;
    return std::nullopt;
}

bool exportSessionReport(const SessionReportRequest& request, std::string* error)
{
    const auto fail = [error](const std::string& message) {
        if (error != nullptr)
            *error = message;
        return false;
    };
    const std::optional<ReportFormat> format = reportFormatFor(request.output);
    if (!format)
        return fail(request.output.string() + ": the report is written as .html or .pdf");
    if (request.language != "en-US" && request.language != "zh-CN")
        return fail("language \"" + request.language + "\": the report is written in en-US or zh-CN");
    if (*format == ReportFormat::Pdf &&
        qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
        return fail("a PDF needs a QGuiApplication (ensureReportGuiApplication)");
    try {
        ReportModel model = loadReportModel(request.sessionDir, request.rulesDir);
        model.generatedUtcMillis = std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count();
        const ReportWording wording(LocaleTexts::load(request.localeDir, request.language), request.language,
                                    model.facts.localOffsetMinutes);
        const std::vector<ReportThumbnail> thumbnails = makeReportThumbnails(model, request.thumbnails);
        if (*format == ReportFormat::Html)
            return writeReportHtml(model, wording, thumbnails, request.thumbnails.blurFaces, request.output,
                                   error);
        return writeReportPdf(model, wording, thumbnails, request.thumbnails.blurFaces, request.output,
                              error);
    } catch (const std::exception& exception) {
        return fail(exception.what());
    }
}

void ensureReportGuiApplication()
{
    if (QCoreApplication::instance() != nullptr)
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "compliance-guard";
    static char* argv[] = {name, nullptr};
    // Lives until the program ends: Qt's fonts and painting need it for every report.
    static QGuiApplication* application = new QGuiApplication(argc, argv);
    (void)application;
}

} // namespace cg
