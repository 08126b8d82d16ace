#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cg {

enum class RecordStatus {
    Complete,   // every line verifies and the session_end line closes it
    Incomplete, // every line verifies but the closing line is missing (a crash); maybe one torn line
    Tampered,   // the chain breaks: see firstBadSeq and message
    Unreadable, // no folder, no session.jsonl, or it cannot be read
};

std::string_view toString(RecordStatus status);

struct VerifyReport {
    RecordStatus status = RecordStatus::Unreadable;
    std::size_t linesChecked = 0;            // lines that verified, from seq 0 on
    std::optional<std::int64_t> firstBadSeq; // Tampered: the position (seq) where the chain breaks
    std::string message;                     // what is wrong, in plain words; empty when complete
    bool tornLastLine = false;               // an unterminated last line, as a crash leaves it; ignored
    bool closingLinePresent = false;
    std::string finalHash; // hash of the last line that verified
    std::size_t evidenceFilesChecked = 0;
};

// Checks a session folder written by RecordWriter (FORMAT.md): the seq numbering, every prev and
// hash, the one session_start at seq 0 and nothing after session_end, and every evidence file
// against its SHA-256. An unterminated last line is taken as torn by a crash: it makes the record
// Incomplete, never Tampered, while a broken line anywhere before it is tampering.
VerifyReport verifyRecord(const std::filesystem::path& sessionDir);

} // namespace cg
