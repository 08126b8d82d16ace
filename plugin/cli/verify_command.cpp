#include "cli/verify_command.hpp"

#include "cli/exit_codes.hpp"

#include "core/record/record_verifier.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>

namespace cg::cli {
namespace {

constexpr int kExitComplete = exit_code::ok;
constexpr int kExitUsage = exit_code::usage;
constexpr int kExitUnreadable = exit_code::inputError;
constexpr int kExitIncomplete = exit_code::incomplete;
constexpr int kExitTampered = exit_code::tampered;

constexpr const char* kUsage = "usage: compliance-guard verify DIR [--json]\n"
                               "  Checks the compliance record in DIR (session.jsonl and evidence/).\n"
                               "  Exit codes: 0 complete and intact, 4 intact but incomplete, 5 tampered,\n"
                               "  3 missing or unreadable record, 2 usage error.\n";

int exitCodeFor(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Complete:
        return kExitComplete;
    case RecordStatus::Incomplete:
        return kExitIncomplete;
    case RecordStatus::Tampered:
        return kExitTampered;
    case RecordStatus::Unreadable:
        return kExitUnreadable;
    }
    return kExitUnreadable;
}

std::string linesText(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " line" : " lines");
}

std::string verdict(const VerifyReport& report)
{
    switch (report.status) {
    case RecordStatus::Complete:
        return "complete and intact: " + linesText(report.linesChecked) + ", final hash " + report.finalHash;
    case RecordStatus::Incomplete:
        return "intact but incomplete: " + report.message + "; " + linesText(report.linesChecked) +
               (report.linesChecked == 1 ? " verifies" : " verify");
    case RecordStatus::Tampered:
        return "TAMPERED at seq " + std::to_string(report.firstBadSeq.value_or(0)) + ": " + report.message +
               " (" + linesText(report.linesChecked) + " before it verify)";
    case RecordStatus::Unreadable:
        return "cannot verify: " + report.message;
    }
    return report.message;
}

nlohmann::json toJson(const VerifyReport& report, const std::string& folder)
{
    return {{"folder", folder},
            {"status", std::string(toString(report.status))},
            {"exit_code", exitCodeFor(report.status)},
            {"verdict", verdict(report)},
            {"message", report.message},
            {"lines_verified", report.linesChecked},
            {"first_bad_seq", report.firstBadSeq ? nlohmann::json(*report.firstBadSeq) : nlohmann::json()},
            {"torn_last_line", report.tornLastLine},
            {"closing_line", report.closingLinePresent},
            {"final_hash", report.finalHash},
            {"evidence_files_verified", report.evidenceFilesChecked}};
}

} // namespace

int runVerifyCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    bool json = false;
    std::optional<std::string> folder;
    for (const std::string& arg : args) {
        if (arg == "--help" || arg == "-h") {
            out << kUsage;
            return kExitComplete;
        }
        if (arg == "--json") {
            json = true;
        } else if (arg.starts_with("-") && arg != "-") {
            err << "verify: unknown option " << arg << "\n" << kUsage;
            return kExitUsage;
        } else if (folder) {
            err << "verify: one record folder at a time (got " << *folder << " and " << arg << ")\n"
                << kUsage;
            return kExitUsage;
        } else {
            folder = arg;
        }
    }
    if (!folder) {
        err << "verify: which record folder?\n" << kUsage;
        return kExitUsage;
    }

    const VerifyReport report = verifyRecord(*folder);
    const int code = exitCodeFor(report.status);
    if (json)
        out << toJson(report, *folder).dump(2) << '\n';
    else if (report.status == RecordStatus::Unreadable)
        err << "verify: " << verdict(report) << '\n';
    else
        out << verdict(report) << '\n';
    return code;
}

} // namespace cg::cli
