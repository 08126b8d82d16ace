#pragma once

#include "core/report/report_model.hpp"
#include "core/report/report_thumbnails.hpp"
#include "core/report/report_wording.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cg {

enum class HtmlFlavour {
    // A self-contained page for browsers: inline CSS, pictures as data: URIs, timelines as SVG.
    Browser,
    // Qt's rich-text subset for QTextDocument (the PDF): pictures and timelines are named
    // resources (reportThumbnailName, reportTimelineName) the caller adds to the document.
    QtRichText,
};

struct ReportPage {
    HtmlFlavour flavour = HtmlFlavour::Browser;
    bool facesBlurred = true; // the thumbnails had faces blurred: the report says so
};

std::string reportThumbnailName(std::size_t findingIndex);
std::string reportTimelineName(std::size_t timelineIndex);

// The whole report as HTML. thumbnails: one per model.findings entry (makeReportThumbnails).
std::string renderReportHtml(const ReportModel& model, const ReportWording& wording,
                             const std::vector<ReportThumbnail>& thumbnails, const ReportPage& page);

// Writes the Browser page to `file`; false with *error naming the file when it cannot be written.
bool writeReportHtml(const ReportModel& model, const ReportWording& wording,
                     const std::vector<ReportThumbnail>& thumbnails, bool facesBlurred,
                     const std::filesystem::path& file, std::string* error);

std::string escapeHtml(std::string_view text);

} // namespace cg
