#include "core/record/record_verifier.hpp"

#include "core/record/record_line.hpp"
#include "core/record/record_signature.hpp"
#include "core/record/sha256.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace cg {
namespace {

// The outcome of checking one line: empty when it verifies, otherwise why not.
using LineProblem = std::optional<std::string>;

LineProblem checkFields(const nlohmann::json& line)
{
    if (!line.is_object())
        return "the line is not a JSON object";
    for (const char* field : {"seq", "ts", "t"}) {
        if (!line.contains(field) || !line[field].is_number_integer())
            return std::string("field \"") + field + "\" is missing or not an integer";
    }
    if (!line.contains("type") || !line["type"].is_string() ||
        !isRecordLineType(line["type"].get<std::string>()))
        return "field \"type\" is missing or not a known line type";
    if (!line.contains("payload") || !line["payload"].is_object())
        return "field \"payload\" is missing or not an object";
    for (const char* field : {"prev", "hash"}) {
        if (!line.contains(field) || !line[field].is_string() || !isSha256Hex(line[field].get<std::string>()))
            return std::string("field \"") + field + "\" is missing or not a SHA-256 hex string";
    }
    if (line.contains("evidence")) {
        const auto& evidence = line["evidence"];
        if (!evidence.is_object() || !evidence.contains("file") || !evidence["file"].is_string() ||
            !evidence.contains("sha256") || !evidence["sha256"].is_string() ||
            !isSha256Hex(evidence["sha256"].get<std::string>()))
            return "field \"evidence\" needs \"file\" and a SHA-256 hex \"sha256\"";
    }
    return std::nullopt;
}

// The evidence name must stay inside evidence/: "evidence/NAME" and nothing else.
bool isEvidencePath(const std::filesystem::path& file)
{
    auto part = file.begin();
    if (part == file.end() || *part != kEvidenceFolderName)
        return false;
    ++part;
    if (part == file.end() || *part == "." || *part == ".." || part->empty())
        return false;
    return ++part == file.end();
}

LineProblem checkEvidence(const std::filesystem::path& sessionDir, const nlohmann::json& evidence)
{
    const std::string name = evidence["file"].get<std::string>();
    if (!isEvidencePath(name))
        return "evidence file name \"" + name + "\" is not inside evidence/";
    const std::filesystem::path file = sessionDir / name;
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return "evidence file " + name + " is missing";
    try {
        if (sha256HexOfFile(file) != evidence["sha256"].get<std::string>())
            return "evidence file " + name + " does not match its hash";
    } catch (const std::exception& exception) {
        return std::string("evidence file cannot be read: ") + exception.what();
    }
    return std::nullopt;
}

VerifyReport unreadable(std::string message)
{
    VerifyReport report;
    report.status = RecordStatus::Unreadable;
    report.message = std::move(message);
    return report;
}

VerifyReport tampered(VerifyReport report, std::int64_t seq, std::string message)
{
    report.status = RecordStatus::Tampered;
    report.signature = SignatureStatus::NotChecked;
    report.firstBadSeq = seq;
    report.message = std::move(message);
    return report;
}

} // namespace

std::string_view toString(RecordStatus status)
{
    switch (status) {
    case RecordStatus::Complete:
        return "complete";
    case RecordStatus::Incomplete:
        return "incomplete";
    case RecordStatus::Tampered:
        return "tampered";
    case RecordStatus::Unreadable:
        return "unreadable";
    }
    return "unknown";
}

std::string_view toString(SignatureStatus status)
{
    switch (status) {
    case SignatureStatus::NotChecked:
        return "not_checked";
    case SignatureStatus::Signed:
        return "signed";
    case SignatureStatus::Unsigned:
        return "unsigned";
    case SignatureStatus::NotClosed:
        return "not_closed";
    case SignatureStatus::WrongKey:
        return "wrong_key";
    }
    return "unknown";
}

VerifyReport verifyRecord(const std::filesystem::path& sessionDir, const VerifyOptions& options)
{
    std::error_code error;
    if (!std::filesystem::is_directory(sessionDir, error))
        return unreadable("the record folder " + sessionDir.string() + " does not exist or is not a folder");
    const std::filesystem::path recordFile = sessionDir / kRecordFileName;
    if (!std::filesystem::is_regular_file(recordFile, error))
        return unreadable("the record folder " + sessionDir.string() + " has no " +
                          std::string(kRecordFileName));
    std::ifstream input(recordFile, std::ios::binary);
    std::stringstream buffer;
    buffer << input.rdbuf();
    if (!input || input.bad())
        return unreadable("cannot read " + recordFile.string());
    const std::string content = buffer.str();

    VerifyReport report;
    std::string expectedPrev(kGenesisHash);
    std::size_t start = 0;
    std::int64_t expectedSeq = 0;
    for (std::size_t end = content.find('\n'); end != std::string::npos;
         start = end + 1, end = content.find('\n', start), ++expectedSeq) {
        if (report.closingLinePresent)
            return tampered(std::move(report), expectedSeq, "a line follows session_end");
        const auto line =
            nlohmann::json::parse(content.begin() + static_cast<std::ptrdiff_t>(start),
                                  content.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
        if (line.is_discarded())
            return tampered(std::move(report), expectedSeq, "the line is not valid JSON (edited or cut)");
        if (const LineProblem problem = checkFields(line))
            return tampered(std::move(report), expectedSeq, *problem);
        const auto seq = line["seq"].get<std::int64_t>();
        if (seq != expectedSeq)
            return tampered(std::move(report), expectedSeq,
                            "expected seq " + std::to_string(expectedSeq) + " but found " +
                                std::to_string(seq) + " (a line was deleted, inserted or moved)");
        const std::string type = line["type"].get<std::string>();
        if ((seq == 0) != (type == "session_start"))
            return tampered(std::move(report), seq,
                            seq == 0 ? "the first line is not session_start" : "a second session_start line");
        if (line["prev"].get<std::string>() != expectedPrev)
            return tampered(std::move(report), seq, "prev does not match the previous line's hash");
        const std::string hash = line["hash"].get<std::string>();
        if (recordLineHash(expectedPrev, line) != hash)
            return tampered(std::move(report), seq, "hash does not match");
        if (seq == 0) {
            NamedKey named = keyNamedBy(line["payload"]);
            if (named.problem)
                return tampered(std::move(report), seq, *named.problem);
            report.recordKey = named.key;
        }
        if (type == "session_end") {
            const ClosingSignatureCheck check = checkClosingSignature(line, report.recordKey);
            using Result = ClosingSignatureCheck::Result;
            if (check.result == Result::Broken)
                return tampered(std::move(report), seq, check.problem);
            report.signature = check.result == Result::Valid      ? SignatureStatus::Signed
                               : check.result == Result::OtherKey ? SignatureStatus::WrongKey
                                                                  : SignatureStatus::Unsigned;
            report.signerKey = check.signer;
        } else if (line.contains("signature")) {
            return tampered(std::move(report), seq, "a signature on a line other than session_end");
        }
        if (line.contains("evidence")) {
            if (const LineProblem problem = checkEvidence(sessionDir, line["evidence"]))
                return tampered(std::move(report), seq, *problem);
            ++report.evidenceFilesChecked;
        }
        expectedPrev = hash;
        report.finalHash = hash;
        ++report.linesChecked;
        report.closingLinePresent = type == "session_end";
    }

    if (start < content.size()) {
        if (report.closingLinePresent)
            return tampered(std::move(report), expectedSeq, "data follows session_end");
        report.tornLastLine = true;
    }
    if (report.closingLinePresent) {
        report.status = RecordStatus::Complete;
    } else {
        report.status = RecordStatus::Incomplete;
        report.signature = report.recordKey ? SignatureStatus::NotClosed : SignatureStatus::Unsigned;
        report.message = report.linesChecked == 0 ? "the record is empty"
                                                  : "no closing line (the session did not end cleanly)";
        if (report.tornLastLine)
            report.message += "; the last line was cut off, as a crash leaves it, and is ignored";
    }
    const auto keyWords = [](const PublicKey& key) { return "key " + key.fingerprint(); };
    if (report.signature == SignatureStatus::WrongKey && report.signerKey && report.recordKey)
        report.message = "session_end is signed by " + keyWords(*report.signerKey) +
                         ", but the record names " + keyWords(*report.recordKey);
    else if (options.expectedKey && report.recordKey && *report.recordKey != *options.expectedKey) {
        const std::string mismatch = "the record names " + keyWords(*report.recordKey) +
                                     ", not the expected " + keyWords(*options.expectedKey);
        report.message = report.message.empty() ? mismatch : mismatch + "; and " + report.message;
        report.signature = SignatureStatus::WrongKey;
    }
    return report;
}

} // namespace cg
