#pragma once

#include "core/report/report_thumbnails.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace cg {

enum class ReportFormat { Html, Pdf };

// The format for an output file name: .html / .htm or .pdf (any case); nullopt otherwise.
std::optional<ReportFormat> reportFormatFor(const std::filesystem::path& output);

struct SessionReportRequest {
    std::filesystem::path sessionDir; // the record folder (session.jsonl, evidence/)
    std::filesystem::path output;     // FILE.html or FILE.pdf
    std::string language = "en-US";   // "en-US" or "zh-CN"
    std::filesystem::path localeDir;  // holding en-US.ini and zh-CN.ini
    std::filesystem::path rulesDir;   // the rule packs, for the titles of rules without findings
    ThumbnailOptions thumbnails;      // face blurring on by default
};

// Reads and verifies the record, computes the report and writes it as HTML or PDF (by the output's
// extension). Self-contained: nothing leaves the machine. Safe to call from a worker thread (the
// dock's button); for PDF a QGuiApplication must exist (ensureReportGuiApplication). False with
// *error naming the file (and line and field) at fault.
bool exportSessionReport(const SessionReportRequest& request, std::string* error);

// Programs without Qt (the CLI, tests): creates the QGuiApplication the PDF needs, on the offscreen
// platform unless QT_QPA_PLATFORM says otherwise. Does nothing when an application exists. Call
// from the main thread.
void ensureReportGuiApplication();

} // namespace cg
