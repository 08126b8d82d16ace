#pragma once

#include "core/report/report_model.hpp"
#include "core/report/report_thumbnails.hpp"
#include "core/report/report_wording.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cg {

// Writes the report as an A4 PDF through QTextDocument and QPdfWriter: the same content and words
// as the HTML page (renderReportHtml, QtRichText flavour), with the thumbnails and timelines as
// pictures. Needs a QGuiApplication (ensureReportGuiApplication() in programs without one); may run
// on a worker thread. False with *error naming the file when it cannot be written.
bool writeReportPdf(const ReportModel& model, const ReportWording& wording,
                    const std::vector<ReportThumbnail>& thumbnails, bool facesBlurred,
                    const std::filesystem::path& file, std::string* error);

} // namespace cg
