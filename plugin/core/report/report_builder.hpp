#pragma once

#include "core/record/record_verifier.hpp"
#include "core/report/recorded_line.hpp"
#include "core/report/report_model.hpp"
#include "core/rules/rule_pack.hpp"

#include <filesystem>
#include <vector>

namespace cg {

// The report of one session from its record's lines. `pack` (may be null) is the rule pack the
// record names: with it every rule of the pack gets a timeline and a statement, without it only the
// rules that had findings. `verification` is verifyRecord's answer for the same folder. Throws
// ReportError naming the file, line and field when a finding line lacks what the report needs.
ReportModel buildReportModel(const std::vector<RecordedLine>& lines, const RulePack* pack,
                             const VerifyReport& verification, const std::filesystem::path& sessionDir);

// Reads, verifies and builds the report of sessionDir. The pack is looked up by the id the record
// names in rulesDir; when it cannot be read the report goes on without it (ReportFacts::packName
// stays empty). A record broken so badly that a line no longer parses gives the report of the lines
// before it (the verification says where it breaks). Throws ReportError when the record cannot be
// read.
ReportModel loadReportModel(const std::filesystem::path& sessionDir, const std::filesystem::path& rulesDir);

} // namespace cg
