#include "cli/report_command.hpp"

#include "cli/exit_codes.hpp"
#include "report_pdf/session_report_export.hpp"

#include <cstdlib>
#include <optional>
#include <ostream>

namespace cg::cli {
namespace {

constexpr const char* kUsage =
    "usage: compliance-guard report DIR --out FILE.pdf|FILE.html [--lang zh-CN|en-US] [--no-face-blur]\n"
    "  Writes the compliance report of the session recorded in DIR: the facts, each rule's timeline,\n"
    "  every finding with its evidence, what the record shows, and whether it is intact.\n"
    "  --lang defaults to zh-CN when LANG starts with zh, else en-US. Faces in the pictures are\n"
    "  blurred unless --no-face-blur; the evidence files are never changed.\n";

std::string languageFromEnvironment()
{
    for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0')
            return std::string(value).starts_with("zh") ? "zh-CN" : "en-US";
    }
    return "en-US";
}

} // namespace

std::filesystem::path defaultLocaleDir(const std::filesystem::path& rulesDir)
{
    if (const char* fromEnvironment = std::getenv("CG_LOCALE_DIR"))
        return fromEnvironment;
    std::error_code error;
    const std::filesystem::path installed = rulesDir.parent_path() / "locale";
    if (std::filesystem::is_regular_file(installed / "en-US.ini", error))
        return installed;
    return rulesDir.parent_path().parent_path() / "locale";
}

int runReportCommand(const std::vector<std::string>& args, const std::filesystem::path& rulesDir,
                     std::ostream& out, std::ostream& err)
{
    SessionReportRequest request;
    request.rulesDir = rulesDir;
    request.localeDir = defaultLocaleDir(rulesDir);
    request.language = languageFromEnvironment();
    std::optional<std::filesystem::path> folder;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool hasValue = i + 1 < args.size();
        if (arg == "--help" || arg == "-h") {
            out << kUsage;
            return exit_code::ok;
        }
        if (arg == "--out" && hasValue) {
            request.output = args[++i];
        } else if (arg == "--lang" && hasValue) {
            request.language = args[++i];
            if (request.language != "en-US" && request.language != "zh-CN") {
                err << "report: --lang " << request.language << ": use zh-CN or en-US\n" << kUsage;
                return exit_code::usage;
            }
        } else if (arg == "--no-face-blur") {
            request.thumbnails.blurFaces = false;
        } else if (arg.starts_with("-")) {
            err << "report: unknown option or missing value: " << arg << "\n" << kUsage;
            return exit_code::usage;
        } else if (folder) {
            err << "report: one record folder at a time (got " << folder->string() << " and " << arg << ")\n"
                << kUsage;
            return exit_code::usage;
        } else {
            folder = arg;
        }
    }
    if (!folder) {
        err << "report: which record folder?\n" << kUsage;
        return exit_code::usage;
    }
    if (request.output.empty()) {
        err << "report: where to? --out FILE.pdf or FILE.html\n" << kUsage;
        return exit_code::usage;
    }
    if (!reportFormatFor(request.output)) {
        err << "report: --out " << request.output.string() << ": the report is written as .pdf or .html\n"
            << kUsage;
        return exit_code::usage;
    }
    request.sessionDir = *folder;
    if (reportFormatFor(request.output) == ReportFormat::Pdf)
        ensureReportGuiApplication();
    std::string error;
    if (!exportSessionReport(request, &error)) {
        err << "report: " << error << "\n";
        return exit_code::inputError;
    }
    out << "report written: " << request.output.string() << "\n";
    return exit_code::ok;
}

} // namespace cg::cli
