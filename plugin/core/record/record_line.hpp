#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

namespace cg {

// The line format of session.jsonl, shared by RecordWriter and verifyRecord (see FORMAT.md).

inline constexpr std::string_view kRecordFileName = "session.jsonl";
inline constexpr std::string_view kEvidenceFolderName = "evidence";
// `prev` of the first line (seq 0).
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

inline constexpr std::array<std::string_view, 12> kRecordLineTypes = {
    "session_start",   "session_end",       "scene_change",      "finding_opened",
    "finding_changed", "finding_cleared",   "settings_changed",  "heartbeat",
    "error",           "recording_started", "recording_stopped", "acknowledged"};

[[nodiscard]] bool isRecordLineType(std::string_view type);
// Lines the writer fsyncs: finding_*, session_* and error.
[[nodiscard]] bool isDurableRecordLineType(std::string_view type);

// The canonical text of a line: the object without its `hash` and `signature` members, dumped by
// nlohmann::json compactly with sorted keys and UTF-8 kept (invalid UTF-8 becomes U+FFFD instead of
// throwing).
[[nodiscard]] std::string canonicalRecordLine(const nlohmann::json& line);

// SHA-256 hex over `prev` followed by the canonical text of the line.
[[nodiscard]] std::string recordLineHash(std::string_view prev, const nlohmann::json& line);

// The evidence file name for a line: "evidence/000012-qr_code_on_air.jpg". The label is reduced
// to lowercase ASCII letters, digits and underscores, at most 40 of them.
[[nodiscard]] std::string evidenceFileName(std::int64_t seq, std::string_view label);

[[nodiscard]] bool isSha256Hex(std::string_view text);

} // namespace cg
