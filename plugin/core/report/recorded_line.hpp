#pragma once

#include "core/frame.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cg {

// One line of session.jsonl as the report reads it (FORMAT.md).
struct RecordedLine {
    std::size_t lineNumber = 0; // 1-based, for errors
    std::int64_t seq = 0;
    std::int64_t ts = 0; // UTC milliseconds
    Millis t{0};         // on the session's timeline
    std::string type;
    nlohmann::json payload;   // always an object
    std::string evidenceFile; // "evidence/...jpg", empty when the line names none
    nlohmann::json line;      // the whole object, for members other versions of the writer add
};

// The lines of sessionDir/session.jsonl in order. An unterminated last line (torn by a crash) is
// left out. Throws ReportError naming the file, the line and the field when the folder or file
// cannot be read, a line is not a JSON object, or seq, ts, t, type or payload are missing or of
// the wrong kind, or the first line is not session_start.
// maxLines: read only that many lines (those before a line known to be broken).
std::vector<RecordedLine> readRecordedLines(const std::filesystem::path& sessionDir,
                                            std::size_t maxLines = static_cast<std::size_t>(-1));

// The same checks on text already read; `fileName` only names the file in errors.
std::vector<RecordedLine> parseRecordedLines(const std::string& content, const std::string& fileName,
                                             std::size_t maxLines = static_cast<std::size_t>(-1));

} // namespace cg
