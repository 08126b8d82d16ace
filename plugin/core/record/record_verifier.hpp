#pragma once

#include "core/record/signing_key.hpp"

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

// Whether the record is signed (FORMAT.md, "Signature"). A signature that is missing although the
// record names a key, edited or malformed makes the record Tampered instead.
enum class SignatureStatus {
    NotChecked, // the record is unreadable, or tampered with before its closing line
    Signed,     // session_end carries a valid signature by the key session_start names
    Unsigned,   // the record names no key: it was written without one
    NotClosed,  // the record names a key but has no session_end, so nothing was signed
    WrongKey,   // a valid signature by another key than the record names, or the record's key is
                // not the expected one (VerifyOptions::expectedKey)
};

std::string_view toString(SignatureStatus status);

struct VerifyOptions {
    // The key the record must be signed by (compliance-guard verify --public-key); a record that
    // names another key is WrongKey even when it is complete and consistently signed.
    std::optional<PublicKey> expectedKey;
};

struct VerifyReport {
    RecordStatus status = RecordStatus::Unreadable;
    std::size_t linesChecked = 0;            // lines that verified, from seq 0 on
    std::optional<std::int64_t> firstBadSeq; // Tampered: the position (seq) where the chain breaks
    std::string message;                     // what is wrong, in plain words; empty when complete
    bool tornLastLine = false;               // an unterminated last line, as a crash leaves it; ignored
    bool closingLinePresent = false;
    std::string finalHash; // hash of the last line that verified
    std::size_t evidenceFilesChecked = 0;
    SignatureStatus signature = SignatureStatus::NotChecked;
    std::optional<PublicKey> recordKey; // the key session_start names
    std::optional<PublicKey> signerKey; // the key the valid signature on session_end is by
};

// Checks a session folder written by RecordWriter (FORMAT.md): the seq numbering, every prev and
// hash, the one session_start at seq 0 and nothing after session_end, and every evidence file
// against its SHA-256. An unterminated last line is taken as torn by a crash: it makes the record
// Incomplete, never Tampered, while a broken line anywhere before it is tampering. The signature
// on session_end is checked against the key session_start names, and that key against
// options.expectedKey when given.
VerifyReport verifyRecord(const std::filesystem::path& sessionDir, const VerifyOptions& options = {});

} // namespace cg
